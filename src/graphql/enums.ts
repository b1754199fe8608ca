import type { EnumRef } from '@pothos/core';
import type { Engine } from '../engine/Engine.js';
import type { Builder, PothosTypes } from './builder.js';
import { enumValueName, typeName } from './naming.js';

type DimensionEnum = EnumRef<PothosSchemaTypes.ExtendDefaultTypes<PothosTypes>, string, string>;

/** GraphQL enum per categorical dimension (shared types such as Religion are created once). */
export type DimensionEnums = ReadonlyMap<string, DimensionEnum>;

/** Item enums of the set dimensions without a shared type (singular names read better in `[Hobby!]!`). */
const SET_ENUMS: Record<string, string> = { chronicConditions: 'ChronicCondition', socialMediaPlatforms: 'SocialMediaPlatform', hobbies: 'Hobby' };

/** Binned dimensions whose bins are named levels get an enum of their bins too (e.g. Big Five levels). */
const LEVEL_ENUMS: Record<string, string> = {
  neuroticism: 'TraitLevel', extraversion: 'TraitLevel', openness: 'TraitLevel', agreeableness: 'TraitLevel', conscientiousness: 'TraitLevel',
};

/**
 * Creates the enums of all available categorical dimensions. Values are the catalogue values in
 * SCREAMING_SNAKE_CASE; resolvers work with the catalogue ids (enum internal values).
 *
 * @example
 *   const enums = addDimensionEnums(builder, engine); enums.get('sex') // enum Sex { FEMALE MALE }
 */
export function addDimensionEnums(builder: Builder, engine: Engine): DimensionEnums {
  const byType = new Map<string, DimensionEnum>();
  const enums = new Map<string, DimensionEnum>();
  const regionNames = new Map(engine.registry.regions.map((r) => [r.id, `${r.name} (${r.country})`]));
  for (const dim of engine.registry.dimensions) {
    if (!dim.available || dim.itemOf !== undefined) continue;
    const name = dim.kind === 'enum' ? dim.sharedType ?? typeName(dim.id) : dim.kind === 'set' ? dim.sharedType ?? SET_ENUMS[dim.id] : LEVEL_ENUMS[dim.id];
    const values = dim.items ?? dim.values;
    if (!name) continue;
    let ref = byType.get(name);
    if (!ref) {
      ref = builder.enumType(name, {
        description: dim.kind === 'binned' ? 'Level of a binned trait (pooled quintiles).' : `Values of \`${dim.id}\`: ${dim.description}`,
        values: Object.fromEntries(values.map((v) => [enumValueName(v), { value: v, description: regionNames.get(v) }])),
      }) as DimensionEnum;
      byType.set(name, ref);
    }
    enums.set(dim.id, ref);
  }
  return enums;
}
