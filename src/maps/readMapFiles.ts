import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { PersonagenError } from '../engine/PersonagenError.js';

/** Every JSON file under a maps directory, parsed, keyed by its path relative to it, plus content hashes. */
export interface MapFiles extends MapTexts {
  readonly raw: Record<string, unknown>;
}

/** The files of a maps directory, unparsed, with their hashes: enough to know the map version without parsing. */
export interface MapTexts {
  readonly bytes: Record<string, Buffer>;
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
 * Reads the texts of `maps/` and hashes them into the map version. The manifest is excluded from the version hash
 * because it is derived from the other files.
 *
 * @example
 *   const { version, sha256 } = readMapTexts('maps');
 */
export function readMapTexts(dir: string): MapTexts {
  const bytes: Record<string, Buffer> = {};
  const sha256: Record<string, string> = {};
  for (const file of walk(dir).sort()) {
    const key = relative(dir, file).split(sep).join('/');
    if (key === 'manifest.json') continue;
    bytes[key] = readFileSync(file);
    sha256[key] = createHash('sha256').update(bytes[key]).digest('hex');
  }
  const version = createHash('sha256')
    .update(Object.entries(sha256).map(([k, h]) => `${k}\t${h}\n`).join(''))
    .digest('hex');
  return { bytes, sha256, version };
}

/**
 * Reads and parses `maps/` (the only I/O of map loading; the engine itself stays pure).
 *
 * @example
 *   const { raw, version } = readMapFiles('maps');
 */
export function readMapFiles(dir: string): MapFiles {
  return parseMapTexts(readMapTexts(dir));
}

/**
 * Parses texts read by readMapTexts; a file that is not JSON is a MAP_INVALID error naming it.
 *
 * @example
 *   const { raw } = parseMapTexts(readMapTexts('maps'));
 */
export function parseMapTexts(texts: MapTexts): MapFiles {
  const raw: Record<string, unknown> = {};
  for (const [key, bytes] of Object.entries(texts.bytes)) {
    try {
      raw[key] = JSON.parse(bytes.toString('utf8'));
    } catch (e) {
      throw new PersonagenError('MAP_INVALID', `maps/${key}: not valid JSON (${(e as Error).message})`, { file: key });
    }
  }
  return { ...texts, raw };
}
