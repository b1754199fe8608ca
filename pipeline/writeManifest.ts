import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readMapFiles } from '../src/maps/readMapFiles.js';

/**
 * Writes `<mapsDir>/manifest.json`: the map version (sha256 over every data file's path and sha256) and the sha256
 * of each file. The service computes the same hash at start-up; a test fails when the committed manifest is stale.
 * Returns the version.
 *
 * @example
 *   writeManifest('maps') // 'a1b2c3...'
 */
export function writeManifest(mapsDir: string): string {
  const files = readMapFiles(mapsDir);
  writeFileSync(join(mapsDir, 'manifest.json'), JSON.stringify({ version: files.version, files: files.sha256 }, null, 2) + '\n');
  return files.version;
}
