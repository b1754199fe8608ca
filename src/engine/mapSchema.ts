import { z } from 'zod';
import { provenanceSchema } from './provenanceSchema.js';
import { censusEthnicitySchema } from './censusEthnicity.js';
import { originCountriesSchema } from './originCountry.js';

export type Provenance = z.infer<typeof provenanceSchema>;

const probabilityRow = z.record(z.string(), z.number().finite().nonnegative());

const tableBase = {
  /** Distribution rows: key = values of `by` joined with '|' ('*' = any value), value = probability of each value. */
  rows: z.record(z.string(), probabilityRow),
  provenance: provenanceSchema,
  /** Provenance of the rows whose key matches a pattern ('*' = any value), overriding `provenance`. */
  rowProvenance: z.record(z.string(), provenanceSchema).optional(),
  note: z.string().optional(),
};

/** P(d | country of residence): the marginal the model is calibrated to. The root dimension has `by: []`. */
export const targetTableSchema = z.object({
  by: z.union([z.tuple([z.literal('countryOfResidence')]), z.tuple([])]),
  ...tableBase,
}).passthrough();

/** P(d | country, given parents): one elicited conditional. Rows are keyed country|given values. */
export const conditionalTableSchema = z.object({
  given: z.array(z.string()).min(1),
  ...tableBase,
}).passthrough();
export type ConditionalTable = z.infer<typeof conditionalTableSchema>;

/**
 * How the target and the conditionals are combined into P(d | parents), fitted by the map pipeline:
 * - `logLinear`: P ∝ exp(bias[c]) · T_c^targetWeight · Π_k C_k^weights[k]
 * - `linear`:    P ∝ exp(bias[c]) · Σ_k weights[k] · C_k
 * times the rule masks. A conditional without a row for the parent values stands in with T_c.
 */
export const combinationSchema = z.object({
  method: z.string().min(3),
  pool: z.enum(['logLinear', 'linear']),
  targetWeight: z.number().finite().default(1),
  weights: z.array(z.number().finite().min(0).max(4)),
  /** Log-bias per country and value (raked so the country marginal matches the target); missing = 0. */
  bias: z.record(z.string(), z.record(z.string(), z.number().finite())).default({}),
}).passthrough();
export type Combination = z.infer<typeof combinationSchema>;

const whenValue = z.union([
  z.array(z.string()).min(1),
  z.object({ sameAs: z.string() }).strict(),
  z.object({ notSameAs: z.string() }).strict(),
]);

/** A hard rule: when all `when` entries hold, `forbid` values get zero probability (or only `allow` values remain). */
export const ruleSchema = z
  .object({
    id: z.string().min(3),
    when: z.record(z.string(), whenValue),
    forbid: z.array(z.string()).min(1).optional(),
    allow: z.array(z.string()).min(1).optional(),
    reason: z.string().min(5),
  })
  .refine((r) => (r.forbid === undefined) !== (r.allow === undefined), { message: 'a rule needs exactly one of forbid / allow' });
export type Rule = z.infer<typeof ruleSchema>;

/** `maps/dimensions/<id>.json`, written by `npm run maps:build`. */
export const dimensionMapSchema = z.object({
  id: z.string(),
  target: targetTableSchema,
  conditionals: z.array(conditionalTableSchema).default([]),
  combination: combinationSchema,
  rules: z.array(ruleSchema).default([]),
  note: z.string().optional(),
}).passthrough()
  .refine((m) => m.combination.weights.length === m.conditionals.length, { message: 'combination.weights needs one weight per conditional', path: ['combination', 'weights'] })
  .refine((m) => m.combination.pool === 'logLinear' || m.conditionals.length > 0, { message: 'a linear pool needs at least one conditional', path: ['combination', 'pool'] });
export type DimensionMap = z.infer<typeof dimensionMapSchema>;

/** `maps/catalogue.json`: the 77 dimensions of the design catalogue (the API contract). */
export const catalogueSchema = z.object({
  countries: z.array(z.string().length(2)),
  dimensions: z.array(z.object({
    id: z.string(),
    tier: z.number().int().min(0).max(3),
    kind: z.enum(['enum', 'binned', 'set', 'string']),
    parents: z.array(z.string()),
    values: z.array(z.string()),
    sharedType: z.string().optional(),
    description: z.string(),
    why: z.string(),
    source: z.string(),
  })),
}).passthrough();
export type Catalogue = z.infer<typeof catalogueSchema>;

/** `maps/regions.json`. */
export const regionsSchema = z.object({
  scheme: z.string().optional(),
  regions: z.array(z.object({
    id: z.string().regex(/^[a-z]{2}[A-Z][A-Za-z]*$/, 'region ids are camelCase with a lower-case country prefix'),
    country: z.string().length(2),
    name: z.string(),
    code: z.string().optional(),
  }).passthrough()),
});

const binSpec = z.object({
  min: z.number(),
  max: z.number(),
  /** Ratio of the density at x+1 to x inside the bin (survival-like decline); 1 = uniform. */
  decay: z.number().positive().optional(),
});

/** `maps/realise/<id>.json` for numbers realised from a bin. */
/**
 * `maps/realise/email.json`: e-mail provider shares by country ('*' = elsewhere) for ages 18-34, 35-54 and 55+.
 */
const emailSchema = z.object({
  type: z.literal('emailProviders'),
  dimension: z.literal('email'),
  countries: z.record(z.string(), z.array(z.object({ domain: z.string().min(3), shares: z.tuple([z.number().nonnegative(), z.number().nonnegative(), z.number().nonnegative()]) })).min(1)),
  provenance: provenanceSchema,
});
export type EmailSpec = z.infer<typeof emailSchema>;

export const realiseSchema = z.discriminatedUnion('type', [
  censusEthnicitySchema,
  originCountriesSchema,
  z.object({
    type: z.literal('integer'),
    dimension: z.string(),
    bins: z.record(z.string(), binSpec),
    referenceDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    provenance: provenanceSchema,
  }),
  z.object({
    type: z.literal('score'),
    dimension: z.string(),
    decimals: z.number().int().min(0).max(3),
    bins: z.record(z.string(), binSpec),
    provenance: provenanceSchema,
  }),
  z.object({
    /** How many items a set dimension holds (e.g. hobbies 2-5): Persona.setItems trims or tops up to it. */
    type: z.literal('setCount'),
    dimension: z.string(),
    min: z.number().int().nonnegative(),
    max: z.number().int().positive(),
    provenance: provenanceSchema,
  }),
  emailSchema,
  z.object({
    type: z.literal('incomeDeciles'),
    referenceYear: z.number().int(),
    countries: z.record(z.string(), z.object({
      currency: z.string().length(3),
      floor: z.number().nonnegative(),
      cuts: z.array(z.number().positive()).length(9),
      paretoAlpha: z.number().min(1.05).max(5),
      provenance: provenanceSchema,
    }).passthrough()),
  }).passthrough(),
]);
export type RealiseSpec = z.infer<typeof realiseSchema>;


const nameTable = z.object({
  prov: z.string(),
  names: z.array(z.string().min(1)).min(1),
  weights: z.array(z.number().positive()).min(1),
}).refine((t) => t.names.length === t.weights.length, { message: 'names and weights differ in length' });

/** `maps/names/firstNames.json`. */
export const firstNamesSchema = z.object({
  provenance: z.record(z.string(), provenanceSchema),
  tables: z.record(z.string(), nameTable),
  lambda: z.object({
    default: z.number().min(0).max(1),
    byOrigin: z.record(z.string(), z.number().min(0).max(1)),
    byOriginCountry: z.record(z.string(), z.number().min(0).max(1)),
    foreignBorn: z.number().min(0).max(1),
    prov: z.string(),
  }),
});
export type FirstNamesMap = z.infer<typeof firstNamesSchema>;

/** `maps/names/lastNames.json`. */
export const lastNamesSchema = z.object({
  provenance: z.record(z.string(), provenanceSchema),
  tables: z.record(z.string(), nameTable),
});
export type LastNamesMap = z.infer<typeof lastNamesSchema>;
