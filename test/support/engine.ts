import { Engine } from '../../src/engine/Engine.js';
import { buildRegistry } from '../../src/engine/registry.js';
import { readMapFiles } from '../../src/maps/readMapFiles.js';

let cached: Engine | undefined;

/** The engine over the repository's maps/ (loaded once per test file). */
export function loadEngine(): Engine {
  if (!cached) {
    const files = readMapFiles('maps');
    cached = new Engine(buildRegistry(files.raw, files.version));
  }
  return cached;
}
