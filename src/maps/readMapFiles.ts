import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { PersonagenError } from '../engine/PersonagenError.js';

/** Every JSON file under a maps directory, parsed, keyed by its path relative to it, plus content hashes. */
export interface MapFiles {
  readonly raw: Record<string, unknown>;
  readonly sha256: Record<string, string>;
  /** sha256 over the sorted (path, sha256) list of data files: the map version. */
  readonly version: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? walk(p) : e.name.endsWith('.json') ? [p] : [];
  });
}

/**
 * Reads `maps/` (the only I/O of map loading; the engine itself stays pure). The manifest is excluded from the
 * version hash because it is derived from the other files.
 *
 * @example
 *   const { raw, version } = readMapFiles('maps');
 */
export function readMapFiles(dir: string): MapFiles {
  const raw: Record<string, unknown> = {};
  const sha256: Record<string, string> = {};
  for (const file of walk(dir).sort()) {
    const key = relative(dir, file).split(sep).join('/');
    if (key === 'manifest.json') continue;
    const text = readFileSync(file, 'utf8');
    try {
      raw[key] = JSON.parse(text);
    } catch (e) {
      throw new PersonagenError('MAP_INVALID', `maps/${key}: not valid JSON (${(e as Error).message})`, { file: key });
    }
    sha256[key] = createHash('sha256').update(text).digest('hex');
  }
  const version = createHash('sha256')
    .update(Object.entries(sha256).map(([k, h]) => `${k}\t${h}\n`).join(''))
    .digest('hex');
  return { raw, sha256, version };
}
