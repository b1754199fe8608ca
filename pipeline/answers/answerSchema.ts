import { z } from 'zod';
import { provenanceSchema } from '../../src/engine/provenanceSchema.js';

/**
 * One elicitation question: the distribution of `dimension` among adults (18+) living in `country`
 * (ISO 3166-1 alpha-2, or "*" for "any country of residence"), given the parent values in `given`
 * (empty for the country's target marginal).
 *
 * @example { dimension: 'smoking', country: 'GB', given: { educationLevel: 'isced6' } }
 */
export const questionSchema = z.object({
  dimension: z.string().min(1),
  country: z.string().regex(/^([A-Z]{2}|\*)$/),
  given: z.record(z.string(), z.string()),
});
export type Question = z.infer<typeof questionSchema>;

/**
 * The JSON a model (or an offline answer) must return for one question. `distribution` maps each category id
 * to a probability; `refusal` is set instead when the answerer declines.
 */
export const modelReplySchema = z.object({
  distribution: z.record(z.string(), z.number()).nullable().optional(),
  refusal: z.string().nullable().optional(),
  notes: z.string().nullable().optional(),
});
export type ModelReply = z.infer<typeof modelReplySchema>;

/**
 * Who wrote an offline answer file or sheet and how: plays the role of the model id in aggregation.
 *
 * @example { id: 'offline:personagen-team', method: 'offline expert elicitation ...', year: 2025 }
 */
export const offlineSourceSchema = z.object({
  id: z.string().regex(/^offline:/),
  method: z.string().min(10),
  basis: z.string().optional(),
  year: z.number().int().optional(),
});

/**
 * `pipeline/answers/offline/<dimension>.json`: answers written by hand (or derived from a public table) for the
 * questions of one dimension. They go through the same validation and aggregation as model answers; `source`
 * plays the role of the model id and `method` says how the figures were produced.
 */
export const offlineAnswerFileSchema = z.object({
  dimension: z.string(),
  source: offlineSourceSchema,
  /** Provenance records the answers refer to by key (keeps files small when many answers share one source). */
  provenances: z.record(z.string(), provenanceSchema).default({}),
  answers: z.array(z.object({
    country: questionSchema.shape.country,
    given: questionSchema.shape.given,
    reply: z.unknown(),
    /**
     * Where this answer comes from: a provenance record or the key of one in `provenances`. A `published` record
     * cites the public table it was taken from; without any, the answer is an estimate by `source.method`.
     */
    provenance: z.union([provenanceSchema, z.string()]).optional(),
    run: z.number().int().nonnegative().default(0),
  })),
});
export type OfflineAnswerFile = z.infer<typeof offlineAnswerFileSchema>;

/** Deterministic key of a question: dimension|country|parent=value,... with the parents sorted. */
export function questionKey(q: Question): string {
  const given = Object.keys(q.given).sort().map((k) => `${k}=${q.given[k]}`).join(',');
  return `${q.dimension}|${q.country}|${given}`;
}
