import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Published map versions: immutable, content-hashed. A persona address (mapVersion, seed, index) names the
 * maps it was drawn from, so the service records every version it has served.
 */
export const mapVersions = pgTable('map_versions', {
  id: text('id').primaryKey(),
  fileCount: integer('file_count').notNull(),
  dimensionCount: integer('dimension_count').notNull(),
  countries: jsonb('countries').$type<string[]>().notNull(),
  files: jsonb('files').$type<Record<string, string>>().notNull(),
  firstLoadedAt: timestamp('first_loaded_at', { withTimezone: true }).notNull().defaultNow(),
});
