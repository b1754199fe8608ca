import type { Builder } from './builder.js';
import type { DimensionEnums } from './enums.js';
import { typeName } from './naming.js';

/** Dimensions `where` can condition on in this version (exactly, by enumerating their ancestors' posterior). */
const VALUE_FILTERS = ['countryOfResidence', 'region', 'sex'] as const;
const RANGE_FILTERS = ['age'] as const;

/**
 * Adds `PersonaWhere`: `{ countryOfResidence: { in: [GB] }, region: { in: [GB_LONDON] }, sex: { in: [FEMALE] },
 * age: { gte: 25, lte: 34 } }`. Conditions combine with AND.
 *
 * @example
 *   const PersonaWhere = addWhereInput(builder, enums);
 */
export function addWhereInput(builder: Builder, enums: DimensionEnums) {
  const IntRange = builder.inputType('IntRange', {
    description: 'An inclusive range on a realised integer (e.g. exact age in years).',
    fields: (t) => ({ gte: t.int(), lte: t.int() }),
  });
  const filters = new Map(
    VALUE_FILTERS.filter((id) => enums.has(id)).map((id) => {
      const ref = enums.get(id)!;
      const filter = builder.inputType(`${typeName(id)}Filter`, {
        description: `Condition on \`${id}\`: keep personas whose value is in \`in\` and not in \`notIn\`.`,
        fields: (t) => ({ in: t.field({ type: [ref] }), notIn: t.field({ type: [ref] }) }),
      });
      return [id, filter] as const;
    }),
  );
  return builder.inputType('PersonaWhere', {
    description: 'Conditions on the population (AND). Conditioning is exact: fixing a dimension updates the distribution of its ancestors.',
    fields: (t) => ({
      ...Object.fromEntries([...filters].map(([id, f]) => [id, t.field({ type: f })])),
      ...Object.fromEntries(RANGE_FILTERS.map((id) => [id, t.field({ type: IntRange, description: `Range on the realised \`${id}\`.` })])),
    }),
  });
}
