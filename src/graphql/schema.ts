import { lexicographicSortSchema, type GraphQLSchema } from 'graphql';
import type { Engine } from '../engine/Engine.js';
import { createBuilder } from './builder.js';
import { addDimension } from './dimension.js';
import { addDistribution } from './distribution.js';
import { addDimensionEnums } from './enums.js';
import { addMapVersion } from './mapVersion.js';
import { addPersona } from './persona.js';
import { addScalars } from './scalars.js';
import { addWhereInput } from './where.js';

/**
 * Builds the GraphQL schema for a loaded registry (enum values come from the maps).
 *
 * @example
 *   const schema = buildSchema(engine);
 */
export function buildSchema(engine: Engine): GraphQLSchema {
  const builder = createBuilder();
  builder.queryType({ description: 'Synthetic personas sampled from probability maps.' });
  addScalars(builder);
  const enums = addDimensionEnums(builder, engine);
  const where = addWhereInput(builder, engine, enums);
  addPersona(builder, engine, enums, where);
  addDistribution(builder, where);
  addDimension(builder);
  addMapVersion(builder);
  return lexicographicSortSchema(builder.toSchema());
}
