import { z } from 'zod';

/** Provenance of one table: a cited public source, or an estimate with its method. */
export const provenanceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('published'),
    source: z.string().min(3),
    table: z.string().optional(),
    year: z.number().int().optional(),
    url: z.string().optional(),
    note: z.string().optional(),
  }).passthrough(),
  z.object({
    kind: z.literal('estimate'),
    method: z.string().min(10),
    basis: z.string().optional(),
    year: z.number().int().optional(),
    note: z.string().optional(),
  }).passthrough(),
]);
