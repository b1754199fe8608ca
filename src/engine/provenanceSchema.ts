import { z } from 'zod';

/** Fields both kinds of provenance may carry. */
const common = { year: z.number().int().optional(), note: z.string().optional() };

/** Provenance of one table: a cited public source, or an estimate with its method. */
export const provenanceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('published'), source: z.string().min(3), table: z.string().optional(), url: z.string().optional(), ...common }).passthrough(),
  z.object({ kind: z.literal('estimate'), method: z.string().min(10), basis: z.string().optional(), ...common }).passthrough(),
]);
