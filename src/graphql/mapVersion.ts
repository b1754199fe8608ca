import type { Builder } from './builder.js';

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
        ctx.database.db.query.mapVersions.findFirst(query({ where: { id: ctx.service.engine.registry.version } })),
    }),
    mapVersions: t.drizzleField({
      type: [MapVersion],
      description: 'Every map version this database has served, newest first.',
      resolve: (query, _r, _a, ctx) => ctx.database.db.query.mapVersions.findMany(query({ orderBy: { firstLoadedAt: 'desc' } })),
    }),
  }));
}
