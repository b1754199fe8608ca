/**
 * Writes schema.graphql from the current maps (`npm run schema:print`); a test fails when the committed file drifts.
 *
 * @example
 *   npm run schema:print
 */
import { writeFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { Engine } from '../engine/Engine.js';
import { buildRegistry } from '../engine/registry.js';
import { readMapFiles } from '../maps/readMapFiles.js';
import { buildSchema } from './schema.js';

const files = readMapFiles('maps');
writeFileSync('schema.graphql', printSchema(buildSchema(new Engine(buildRegistry(files.raw, files.version)))) + '\n');
console.log('schema.graphql written');
