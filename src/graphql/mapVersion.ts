import { PersonagenError } from '../engine/PersonagenError.js';
import type { Builder } from './builder.js';

/** A database failure becomes a coded DATABASE_UNAVAILABLE error instead of a masked one. */
async function withDatabase<T>(query: PromiseLike<T>): Promise<T> {
  try {
    return await query;
  } catch (e) {
    throw new PersonagenError('DATABASE_UNAVAILABLE', `the database did not answer: ${(e as Error).message.split('\n')[0]}`);
  }
}

/**
 * Adds `MapVersion` (drizzle-backed: the `map_versions` table) and `mapVersion` / `mapVersions` queries.
 *
 * @example
 *   { mapVersion { id dimensionCount countries firstLoadedAt } }
 */
export function addMapVersion(builder: Builder) {
  const MapVersion = builder.drizzleObject('mapVersions', {
    name: 'MapVersion',
    description: 'A published, immutable version of maps/ (content hash over all map files).',
    fields: (t) => ({
      id: t.exposeString('id'),
      fileCount: t.exposeInt('fileCount'),
      dimensionCount: t.exposeInt('dimensionCount'),
      countries: t.exposeStringList('countries'),
      firstLoadedAt: t.string({ resolve: (v) => v.firstLoadedAt.toISOString() }),
    }),
  });
  builder.queryFields((t) => ({
    mapVersion: t.drizzleField({
      type: MapVersion,
      nullable: true,
      description: 'The map version this server samples from.',
      resolve: (query, _r, _a, ctx) =>
        withDatabase(ctx.database.db.query.mapVersions.findFirst(query({ where: { id: ctx.service.engine.registry.version } }))),
    }),
    mapVersions: t.drizzleField({
      type: [MapVersion],
      description: 'Every map version this database has served, newest first.',
      resolve: (query, _r, _a, ctx) => withDatabase(ctx.database.db.query.mapVersions.findMany(query({ orderBy: { firstLoadedAt: 'desc' } }))),
    }),
  }));
}
