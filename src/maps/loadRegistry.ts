import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { buildRegistry, type Registry } from '../engine/registry.js';
import { parseMapTexts, readMapFiles, readMapTexts } from './readMapFiles.js';

/** Set by scripts/buildServer.ts in the bundles: the digest of the sources they were built from. */
declare const __PERSONAGEN_COMPILER_DIGEST__: string | undefined;

/**
 * A digest of the code that compiles maps (src/engine and src/maps), so that changing it invalidates cached
 * registries. The bundles carry the digest of the sources they were built from, so the server, the export CLI and
 * the sources run through tsx share one cache.
 *
 * @example
 *   compilerDigest() // 'f0eb12...'
 */
export function compilerDigest(): string {
  if (typeof __PERSONAGEN_COMPILER_DIGEST__ === 'string') return __PERSONAGEN_COMPILER_DIGEST__;
  const hash = createHash('sha256');
  for (const d of ['../engine/', './']) {
    const dir = fileURLToPath(new URL(d, import.meta.url));
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts')).sort()) hash.update(`${name}\n`).update(readFileSync(join(dir, name)));
  }
  return hash.digest('hex');
}

/**
 * Loads the serving registry of `maps/`: validated and compiled on the first start, then read back from a cache in
 * `cacheDir` keyed by the map version and by the code that compiles maps, so a later start skips parsing and
 * compiling 38 MB of JSON (about 2.5 s -> 0.2 s). The cache holds only what a successful validation produced, so the
 * maps are still validated once per content; a cache that cannot be read or written is rebuilt or skipped, never
 * fatal. Without `cacheDir` nothing is cached.
 *
 * @example
 *   const { registry, sha256, cached } = loadRegistry('maps', '.data/cache');
 */
export function loadRegistry(mapsDir: string, cacheDir?: string): { registry: Registry; sha256: Record<string, string>; cached: boolean } {
  if (!cacheDir) {
    const files = readMapFiles(mapsDir);
    return { registry: buildRegistry(files.raw, files.version, { serving: true }), sha256: files.sha256, cached: false };
  }
  const texts = readMapTexts(mapsDir);
  const { sha256, version } = texts;
  const key = createHash('sha256').update(`${version}\n${compilerDigest()}`).digest('hex').slice(0, 24);
  const file = join(cacheDir, `registry-${key}.v8`);
  try {
    const registry = deserialize(readFileSync(file)) as Registry;
    if (registry.version === version) return { registry, sha256, cached: true };
  } catch {
    // no cache yet (or an unreadable one): compile below
  }
  const files = parseMapTexts(texts);
  const registry = buildRegistry(files.raw, files.version, { serving: true });
  try {
    mkdirSync(cacheDir, { recursive: true });
    for (const old of readdirSync(cacheDir)) if (/^registry-.*\.v8$/.test(old)) rmSync(join(cacheDir, old), { force: true });
    // Written aside and renamed, so a process starting meanwhile never reads half a file.
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, serialize(registry));
    renameSync(temporary, file);
  } catch {
    // a read-only disk only costs the next start its compile time
  }
  return { registry, sha256, cached: false };
}
