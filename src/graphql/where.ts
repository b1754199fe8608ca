import type { Engine } from '../engine/Engine.js';
import { whereFields } from '../engine/whereFields.js';
import type { InputObjectRef } from '@pothos/core';
import type { Builder, PothosTypes } from './builder.js';
import type { DimensionEnums } from './enums.js';

/**
 * Adds `PersonaWhere`, generated from the registry (one field per condition the engine accepts, see whereFields):
 * `{ in, notIn }` on categorical dimensions and on the bins of binned ones (`ageBand`, `opennessLevel`), `{ gte, lte }`
 * on realised numbers (`age`, `height`, `bmi`, `openness`, `incomeAmount`, ...), `{ includes, excludes }` on sets
 * and `{ eq }` on firstName, lastName and city. Conditions combine with AND.
 *
 * @example
 *   const PersonaWhere = addWhereInput(builder, engine, enums);
 */
export function addWhereInput(builder: Builder, engine: Engine, enums: DimensionEnums) {
  const IntRange = builder.inputType('IntRange', {
    description: 'An inclusive range on a realised integer (e.g. exact age in years). Either bound may be left out.',
    fields: (t) => ({ gte: t.int(), lte: t.int() }),
  });
  const FloatRange = builder.inputType('FloatRange', {
    description: 'An inclusive range on a realised number, compared after the rounding the field shows. Either bound may be left out.',
    fields: (t) => ({ gte: t.float(), lte: t.float() }),
  });
  const BandFilter = builder.inputType('BandFilter', {
    description: 'Condition on the bins of a binned dimension, by their labels (`"25-34"`): keep values in `in` and not in `notIn`.',
    fields: (t) => ({ in: t.stringList(), notIn: t.stringList() }),
  });
  const StringMatch = builder.inputType('StringMatch', {
    description: 'An exact string, compared without regard to case.',
    fields: (t) => ({ eq: t.string({ required: true }) }),
  });
  // Filters of different shapes share one field list; the shapes are checked by the service (normalWhere).
  type Ref = InputObjectRef<PothosSchemaTypes.ExtendDefaultTypes<PothosTypes>, Record<string, unknown>>;
  const byType = new Map<string, Ref>();
  const once = (name: string, make: () => Ref) => byType.get(name) ?? byType.set(name, make()).get(name)!;

  const fields = whereFields(engine).map((f) => {
    const dim = engine.dim(f.dimension);
    const ref = enums.get(f.dimension);
    let type: Ref;
    let description: string;
    if (f.kind === 'set') {
      const items = ref!;
      type = once(`${items.name}SetFilter`, () => builder.inputType(`${items.name}SetFilter`, {
        description: 'Condition on a set: it must hold every item of `includes` and none of `excludes`.',
        fields: (t) => ({ includes: t.field({ type: [items] }), excludes: t.field({ type: [items] }) }),
      }));
      description = `Items of \`${f.dimension}\` that must and must not be held.`;
    } else if (f.kind === 'values' && ref && (dim.kind === 'enum' || f.name !== f.dimension)) {
      const values = ref;
      type = once(`${values.name}Filter`, () => builder.inputType(`${values.name}Filter`, {
        description: `Condition on a \`${values.name}\` value: keep values in \`in\` and not in \`notIn\`.`,
        fields: (t) => ({ in: t.field({ type: [values] }), notIn: t.field({ type: [values] }) }),
      }));
      description = dim.kind === 'enum' ? `Condition on \`${f.dimension}\`.` : `Condition on the level of \`${f.dimension}\`.`;
    } else if (f.kind === 'values') {
      type = BandFilter;
      description = `Condition on the bin of \`${f.dimension}\`: ${dim.values.map((v) => `"${v}"`).join(', ')}.`;
    } else if (f.kind === 'string') {
      type = StringMatch;
      description = `Exact \`${f.dimension}\`.`;
    } else {
      type = f.kind === 'intRange' ? IntRange : FloatRange;
      description = f.realise === 'income'
        ? 'Range on the annual income amount, in the local currency of each country.'
        : `Range on the realised \`${f.name}\` (the number the Persona field shows).`;
    }
    return { name: f.name, type, description };
  });

  return builder.inputType('PersonaWhere', {
    description: 'Conditions on the population (AND). Conditioning is exact: fixing a dimension updates the distribution of its ancestors (nurses skew female, doctorates skew older).',
    fields: (t) => Object.fromEntries(fields.map((f) => [f.name, t.field({ type: f.type as typeof StringMatch, description: f.description })])),
  });
}
