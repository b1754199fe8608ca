import type { Registry } from '../engine/registry.js';
import type { Db } from './client.js';
import { mapVersions } from './schema.js';

/**
 * Stores the loaded map version (content hash of maps/) if it is new. Versions are immutable: an existing row
 * is left as it is.
 *
 * @example
 *   await recordMapVersion(db, registry, files.sha256);
 */
export async function recordMapVersion(db: Db, registry: Registry, files: Record<string, string>): Promise<void> {
  await db
    .insert(mapVersions)
    .values({
      id: registry.version,
      fileCount: Object.keys(files).length,
      dimensionCount: registry.dimensions.filter((d) => d.available).length,
      countries: [...registry.coveredCountries],
      files,
    })
    .onConflictDoNothing();
}
