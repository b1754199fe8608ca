import { distribution, type Distribution } from '../engine/distribution.js';
import type { Where } from '../engine/PersonaService.js';
import type { Builder } from './builder.js';
import { enumValueName } from './naming.js';
import type { addWhereInput } from './where.js';

/**
 * Adds `distribution(dimension, where, samples)`: the probability of each value of a dimension under conditions,
 * exact where the closure can be enumerated, otherwise estimated with its sample size and standard errors.
 *
 * @example
 *   { distribution(dimension: "housingTenure", where: { countryOfResidence: { in: [GB] }, educationLevel: { in: [ISCED6, ISCED7] }, age: { gte: 25, lte: 34 } }) { exact values { value probability } } }
 */
export function addDistribution(builder: Builder, PersonaWhere: ReturnType<typeof addWhereInput>) {
  const Share = builder.objectRef<Distribution['values'][number] & { enumValue: boolean }>('DistributionValue').implement({
    description: 'One value of a dimension and its probability under the conditions.',
    fields: (t) => ({
      value: t.string({
        description: 'The value as the API spells it: the enum value (RENTER, ISCED6), the bin label ("25-34") or the string.',
        resolve: (s) => (s.enumValue ? enumValueName(s.value) : s.value),
      }),
      probability: t.exposeFloat('probability', { description: 'P(value | conditions); for sets, the share of personas holding the item.' }),
      standardError: t.float({ nullable: true, resolve: (s) => s.standardError, description: 'Standard error of an estimate (null when exact).' }),
    }),
  });
  const Result = builder.objectRef<Distribution & { enumValues: boolean }>('Distribution').implement({
    description: 'The distribution of one dimension in the population under conditions.',
    fields: (t) => ({
      dimension: t.exposeString('dimension'),
      exact: t.exposeBoolean('exact', { description: 'True when computed by exact enumeration over the maps; false when estimated by sampling.' }),
      sampleSize: t.int({ nullable: true, resolve: (d) => d.sampleSize, description: 'Draws behind an estimate (null when exact).' }),
      effectiveSampleSize: t.float({ nullable: true, resolve: (d) => d.effectiveSampleSize, description: 'Kish effective sample size of the weighted draws (null when exact).' }),
      conditionsProbability: t.exposeFloat('conditionsProbability', { description: 'Share of the population (all covered countries) meeting the conditions.' }),
      conditionsProbabilityExact: t.exposeBoolean('conditionsProbabilityExact', { description: 'False when `conditionsProbability` is estimated by the sampling pilot.' }),
      values: t.field({ type: [Share], resolve: (d) => d.values.map((v) => ({ ...v, enumValue: d.enumValues })) }),
    }),
  });
  builder.queryField('distribution', (t) => t.field({
    type: Result,
    description: 'The probability of each value of `dimension` among the personas meeting `where` ("what share of UK graduates aged 25-34 rent?").',
    args: {
      dimension: t.arg.string({ required: true, description: 'A dimension id, e.g. `housingTenure`, `age` (its bins), `hobbies` (share holding each item), `firstName` (top 50).' }),
      where: t.arg({ type: PersonaWhere }),
      samples: t.arg.int({ required: true, defaultValue: 20_000, description: 'Draws for an estimate (100-200,000) when the answer cannot be enumerated exactly.' }),
    },
    resolve: (_r, args, ctx) => {
      const engine = ctx.service.engine;
      const result = distribution(engine, ctx.service.plan(args.where as Where), args.dimension, args.samples);
      return { ...result, enumValues: ['enum', 'set'].includes(engine.dim(args.dimension).kind) };
    },
  }));
}
