import SchemaBuilder from '@pothos/core';
import DrizzlePlugin from '@pothos/plugin-drizzle';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { relations } from '../db/relations.js';
import type { GraphQLContext } from './context.js';

/** Pothos types of the schema. */
export interface PothosTypes {
  Context: GraphQLContext;
  // Fields are non-null unless marked nullable: typed clients get `age: number`, not `number | null`.
  DefaultFieldNullability: false;
  DrizzleRelations: typeof relations;
  Scalars: {
    Seed: { Input: number | string; Output: number | string };
    Date: { Input: string; Output: string };
  };
}

/**
 * Creates the configured (empty) builder. Types are added by the files beside it because enum values come from
 * the loaded maps (regions, countries, ...), so a schema is built per registry.
 *
 * @example
 *   const builder = createBuilder(); addScalars(builder); ...; builder.toSchema();
 */
export function createBuilder() {
  return new SchemaBuilder<PothosTypes>({
    plugins: [DrizzlePlugin],
    defaultFieldNullability: false,
    drizzle: { client: (ctx) => ctx.database.db, getTableConfig, relations },
  });
}

export type Builder = ReturnType<typeof createBuilder>;
