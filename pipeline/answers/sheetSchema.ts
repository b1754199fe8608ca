import { z } from 'zod';
import { offlineSourceSchema } from './answerSchema.js';
import { provenanceSchema } from '../../src/engine/provenanceSchema.js';

const distribution = z.record(z.string(), z.number().finite().nonnegative());
const provenanceRef = z.union([provenanceSchema, z.string()]);

/**
 * `pipeline/answers/sheets/<dimension>.json`: an offline elicitation written compactly. Instead of one answer per
 * question it gives what an analyst actually knows: each country's marginal, and how each parent shifts it
 * (relative likelihoods, or odds ratios for the items of a set), plus any conditional rows known directly (e.g.
 * one per region). `expandSheet` turns it into ordinary answers, which then go through the same validation and
 * aggregation as model answers.
 *
 * @example
 *   {
 *     "dimension": "alcohol",
 *     "source": { "id": "offline:personagen-team", "method": "offline expert elicitation ..." },
 *     "provenances": { "who": { "kind": "estimate", "method": "...", "basis": "WHO GISAH 2024" } },
 *     "targets": { "FR": { "distribution": { "lifetimeAbstainer": 0.08, ... }, "provenance": "who" } },
 *     "effects": [{ "parent": "sex", "countries": ["*"], "provenance": "who",
 *                   "values": { "female": { "heavy": 0.5, "lifetimeAbstainer": 1.5 }, "male": {} } }],
 *     "rows": [{ "country": "DE", "given": { "region": "deSaxony" }, "distribution": { ... }, "provenance": "who" }]
 *   }
 */
export const sheetSchema = z.object({
  dimension: z.string().min(1),
  source: offlineSourceSchema,
  /** Provenance records referred to by key. */
  provenances: z.record(z.string(), provenanceSchema).default({}),
  /**
   * P(dimension | country), by ISO code ('*' only for countryOfResidence). For a set dimension each item's value is
   * the share of people holding it (independent shares, not summing to 1).
   */
  targets: z.record(z.string(), z.object({ distribution, provenance: provenanceRef })),
  /**
   * How one parent value shifts the country's distribution: value -> multiplier (1 = no shift; values left out are
   * 1). Enum and binned dimensions: relative likelihoods P(v | parent) / P(v). Sets: odds ratios per item. An
   * entry whose `countries` names a country beats a "*" entry for the same parent.
   */
  effects: z.array(z.object({
    parent: z.string(),
    countries: z.array(z.string()).min(1),
    values: z.record(z.string(), distribution),
    provenance: provenanceRef,
    note: z.string().optional(),
  })).default([]),
  /** Conditional rows known directly, P(dimension | country, given); they take precedence over `effects`. */
  rows: z.array(z.object({
    country: z.string(),
    given: z.record(z.string(), z.string()),
    distribution,
    provenance: provenanceRef,
  })).default([]),
}).strict();
export type Sheet = z.infer<typeof sheetSchema>;
