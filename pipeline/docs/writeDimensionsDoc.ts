/**
 * Writes docs/dimensions.md from the current maps (`npm run docs:dimensions`); a test fails when the committed file
 * drifts.
 *
 * @example
 *   npm run docs:dimensions
 */
import { writeFileSync } from 'node:fs';
import { buildRegistry } from '../../src/engine/registry.js';
import { readMapFiles } from '../../src/maps/readMapFiles.js';
import { dimensionsMarkdown } from './dimensionsMarkdown.js';

const files = readMapFiles('maps');
writeFileSync('docs/dimensions.md', dimensionsMarkdown(buildRegistry(files.raw, files.version)));
console.log('docs/dimensions.md written');
