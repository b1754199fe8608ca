import { z } from 'zod';
import { provenanceSchema } from './provenanceSchema.js';
import { PersonagenError } from './PersonagenError.js';

/** '<ethnicity>|<culturalOrigin>', either side '*' for any value (catalogue ids are camelCase). */
const labelKey = z.string().regex(
  /^(\*|[a-z][A-Za-z]*)\|(\*|[a-z][A-Za-z]*)$/,
  "label keys are '<ethnicity>|<culturalOrigin>' with '*' for any value",
);

/**
 * `maps/realise/censusEthnicity.json`: for each country of residence, the national classification (`scheme`) and
 * the label a person of a harmonised (ethnicity, culturalOrigin) pair would get in it. The label is derived, never
 * sampled, so it adds no dimension and no draw. Every country needs a '*|*' label so that the lookup cannot fail.
 * The top level stays a plain object (no refinement) so that it can join the `realiseSchema` discriminated union.
 *
 * @example
 *   const spec = censusEthnicitySchema.parse(JSON.parse(readFileSync('maps/realise/censusEthnicity.json', 'utf8')));
 *   spec.countries.GB.scheme // 'ONS Census 2021 ethnic group (England and Wales, 19 tick boxes)'
 */
export const censusEthnicitySchema = z.object({
  type: z.literal('censusEthnicity'),
  dimension: z.literal('censusEthnicity'),
  note: z.string().optional(),
  countries: z.record(z.string().regex(/^[A-Z]{2}$/, 'countries are ISO 3166-1 alpha-2 codes'), z.object({
    /** Name of the national classification the labels come from (or what official statistics use instead). */
    scheme: z.string().min(5),
    labels: z.record(labelKey, z.string().min(2))
      .refine((l) => l['*|*'] !== undefined, { message: "every country needs a '*|*' fallback label" }),
    /** Caveats: which national categories the harmonised values cannot reach. */
    note: z.string().optional(),
  })),
  provenance: provenanceSchema,
});
export type CensusEthnicitySpec = z.infer<typeof censusEthnicitySchema>;

/** A national census ethnicity label and the classification it belongs to. */
export interface CensusEthnicity {
  readonly label: string;
  readonly scheme: string;
}

/**
 * The national census ethnicity label of a person: the most specific of the keys
 * '<ethnicity>|<origin>', '<ethnicity>|*', '*|<origin>', '*|*' in the country's table. Ethnicity comes before origin
 * because most censuses ask a race/colour question first; countries that classify by origin (NG, DE, NL, ...) simply
 * have no '<ethnicity>|*' rows. Pure; throws MAP_INVALID for a country without a table.
 *
 * @example
 *   censusEthnicity(spec, 'US', 'white', 'hispanic')
 *   // { label: 'Hispanic or Latino', scheme: 'US OMB SPD 15 (2024 revision): combined race and ethnicity question, ...' }
 *   censusEthnicity(spec, 'IN', 'southAsian', 'northIndian').label
 *   // 'Not recorded (no ethnic category in the Census of India)'
 */
export function censusEthnicity(spec: CensusEthnicitySpec, country: string, ethnicity: string, origin: string): CensusEthnicity {
  const c = spec.countries[country];
  if (c === undefined) {
    throw new PersonagenError('MAP_INVALID', `maps/realise/censusEthnicity.json: no classification for country "${country}"`, { country });
  }
  const l = c.labels;
  // Own-property lookups only: the keys are data, and '*|*' always exists (schema).
  const label = own(l, `${ethnicity}|${origin}`) ?? own(l, `${ethnicity}|*`) ?? own(l, `*|${origin}`) ?? l['*|*'];
  return { label, scheme: c.scheme };
}

function own(labels: Record<string, string>, key: string): string | undefined {
  return Object.hasOwn(labels, key) ? labels[key] : undefined;
}
