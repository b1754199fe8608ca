/**
 * Writes maps/manifest.json: the map version (sha256 over every data file's path and sha256) and the sha256 of
 * each file. The service computes the same hash at start-up; a test fails when the committed manifest is stale.
 *
 * @example
 *   npm run maps:manifest
 */
import { writeFileSync } from 'node:fs';
import { readMapFiles } from '../src/maps/readMapFiles.js';

const files = readMapFiles('maps');
writeFileSync('maps/manifest.json', JSON.stringify({ version: files.version, files: files.sha256 }, null, 2) + '\n');
console.log(`maps/manifest.json: version ${files.version}, ${Object.keys(files.sha256).length} files`);
