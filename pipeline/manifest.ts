/**
 * `npm run maps:manifest`: rewrites maps/manifest.json after a hand edit of maps/ (maps:build does it itself).
 */
import { writeManifest } from './writeManifest.js';

const version = writeManifest('maps');
console.log(`maps/manifest.json: version ${version}`);
