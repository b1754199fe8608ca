import { z } from 'zod';
import { provenanceSchema } from './provenanceSchema.js';
import { PersonagenError } from './PersonagenError.js';

const ISO2 = /^[A-Z]{2}$/;
const FILE = 'maps/realise/originCountries.json';

/** Country code -> weight (shares; renormalised after exclusions, so they need not sum to 1). */
const weightsSchema = z.record(
  z.string().regex(ISO2, 'countries are ISO 3166-1 alpha-2 codes'),
  z.number().finite().nonnegative(),
);
const positiveTotal = (w: Record<string, number>) => Object.values(w).some((v) => v > 0);

/** '<culturalOrigin>', '*', '<residence>|<culturalOrigin>' or '<residence>|*'. */
const rowKey = z.string().regex(
  /^([A-Z]{2}\|)?(\*|[a-z][A-Za-z]*)$/,
  "row keys are '<culturalOrigin>' or '*', optionally prefixed by a residence country ('US|hispanic')",
);

/**
 * `maps/realise/originCountries.json`.
 * - `buckets`: per countryOfBirth bucket (otherEurope, ...), rows of country weights keyed by culturalOrigin, with
 *   optional residence-specific rows ('US|hispanic') and a required '*' row, so that every bucket realises.
 * - `heritage`: per culturalOrigin (optionally per residence) the countries of that heritage, for second and foreign
 *   citizenships; an empty row means "none besides the residence country". The '*' row (common second
 *   citizenships) is the last resort once residence and birth country are excluded, so it needs three countries.
 * The top level stays a plain object (no refinement) so that it can join the `realiseSchema` discriminated union.
 *
 * @example
 *   const spec = originCountriesSchema.parse(JSON.parse(readFileSync('maps/realise/originCountries.json', 'utf8')));
 *   Object.keys(spec.buckets) // ['otherEurope', 'otherLatinAmericaCaribbean', ...]
 */
export const originCountriesSchema = z.object({
  type: z.literal('originCountries'),
  dimension: z.literal('countryOfBirth'),
  note: z.string().optional(),
  buckets: z.record(
    z.string().regex(/^other[A-Z][A-Za-z]*$/, 'bucket ids are countryOfBirth values starting with "other"'),
    z.record(rowKey, weightsSchema.refine(positiveTotal, { message: 'a bucket row needs a positive weight' }))
      .refine((rows) => rows['*'] !== undefined, { message: "every bucket needs a '*' row" }),
  ),
  heritage: z.record(rowKey, weightsSchema)
    .refine((h) => Object.values(h['*'] ?? {}).filter((v) => v > 0).length >= 3, {
      message: "heritage needs a '*' row with at least three countries (two may be excluded)",
    }),
  provenance: provenanceSchema,
});
export type OriginCountriesSpec = z.infer<typeof originCountriesSchema>;

/** One weight row ready for drawing. */
interface Row {
  readonly codes: readonly string[];
  readonly weights: Float64Array;
}

interface Compiled {
  readonly buckets: ReadonlyMap<string, ReadonlyMap<string, Row>>;
  readonly heritage: ReadonlyMap<string, Row>;
}

// Compiled once per validated spec object, so a draw allocates nothing but its result.
const compiledSpecs = new WeakMap<OriginCountriesSpec, Compiled>();

function compiled(spec: OriginCountriesSpec): Compiled {
  let c = compiledSpecs.get(spec);
  if (c === undefined) {
    const rows = (table: Record<string, Record<string, number>>) => new Map(Object.entries(table).map(([key, w]): [string, Row] => {
      const codes = Object.keys(w);
      return [key, { codes, weights: Float64Array.from(codes, (code) => w[code]) }];
    }));
    c = {
      buckets: new Map(Object.entries(spec.buckets).map(([bucket, table]) => [bucket, rows(table)])),
      heritage: rows(spec.heritage),
    };
    compiledSpecs.set(spec, c);
  }
  return c;
}

/**
 * Draws from a row with up to two countries excluded, renormalising the rest; r is one uniform number in [0, 1).
 * Returns undefined when nothing is left, so the caller can fall back to the next row with the same r.
 */
function draw(row: Row | undefined, r: number, excludeA?: string, excludeB?: string): string | undefined {
  if (row === undefined) return undefined;
  const { codes, weights } = row;
  let total = 0;
  for (let i = 0; i < codes.length; i++) if (codes[i] !== excludeA && codes[i] !== excludeB) total += weights[i];
  if (!(total > 0)) return undefined;
  let target = r * total;
  let last: string | undefined;
  for (let i = 0; i < codes.length; i++) {
    if (codes[i] === excludeA || codes[i] === excludeB || weights[i] <= 0) continue;
    last = codes[i];
    target -= weights[i];
    if (target < 0) return last;
  }
  return last; // rounding left target at ~0
}

/** The rows to try, most specific first: residence and origin, origin, residence, everything. */
function rowsFor(table: ReadonlyMap<string, Row>, origin: string, residence: string | undefined): (Row | undefined)[] {
  return residence === undefined
    ? [table.get(origin), table.get('*')]
    : [table.get(`${residence}|${origin}`), table.get(origin), table.get(`${residence}|*`), table.get('*')];
}

/**
 * Realises a countryOfBirth value to an ISO 3166-1 alpha-2 code. A covered country ('GB') is already a code and is
 * returned as is without a draw; a bucket ('otherAsiaPacific') is drawn from its row for
 * '<residence>|<origin>', '<origin>', '<residence>|*' then '*', with exactly one call of u. `residence` is optional:
 * without it the residence-specific rows are skipped.
 *
 * @example
 *   birthCountryCode(spec, 'GB', 'southAsianMuslim', u)                          // 'GB' (u not called)
 *   birthCountryCode(spec, 'otherAsiaPacific', 'southAsianMuslim', () => 0.1)   // 'PK'
 *   birthCountryCode(spec, 'otherLatinAmericaCaribbean', 'hispanic', () => 0.5, 'ES') // 'EC' (the ES|hispanic row)
 */
export function birthCountryCode(spec: OriginCountriesSpec, countryOfBirth: string, origin: string, u: () => number, residence?: string): string {
  if (ISO2.test(countryOfBirth)) return countryOfBirth;
  const table = compiled(spec).buckets.get(countryOfBirth);
  if (table === undefined) {
    throw new PersonagenError('MAP_INVALID', `${FILE}: no bucket "${countryOfBirth}"`, { countryOfBirth });
  }
  const r = u();
  for (const row of rowsFor(table, origin, residence)) {
    const code = draw(row, r);
    if (code !== undefined) return code;
  }
  // Unreachable for a validated spec: the '*' row has a positive weight.
  throw new PersonagenError('MAP_INVALID', `${FILE}: bucket "${countryOfBirth}" has no usable row`, { countryOfBirth });
}

/** What `nationalities` needs: the nationality value and the realised countries. */
export interface NationalityInput {
  /** A value of the `nationality` dimension: residenceCountry, birthCountryOnly, dual or otherForeign. */
  readonly nationality: string;
  /** ISO code of the country of residence. */
  readonly residence: string;
  /** ISO code of the country of birth, i.e. the result of `birthCountryCode`. */
  readonly birthCode: string;
  readonly origin: string;
}

/**
 * The citizenships (ISO 3166-1 alpha-2 codes) of a person, residence country first when held:
 * - residenceCountry → [residence]
 * - birthCountryOnly → [birthCode] ([residence] if the birth code is the residence, which the map rules forbid)
 * - dual → [residence, birthCode] for the foreign-born; for the native-born [residence, a heritage country of the
 *   origin other than the residence], e.g. a British Pakistani's PK
 * - otherForeign → [a heritage country other than residence and birth country], e.g. a German-born Turk's TR
 * Heritage rows are tried as '<residence>|<origin>', '<origin>', '<residence>|*', '*' until one has a country left.
 * Calls u exactly once for a native-born dual or an otherForeign person and never otherwise.
 *
 * @example
 *   nationalities(spec, { nationality: 'dual', residence: 'GB', birthCode: 'GB', origin: 'southAsianMuslim' }, () => 0.2) // ['GB', 'PK']
 *   nationalities(spec, { nationality: 'dual', residence: 'US', birthCode: 'IE', origin: 'irish' }, u)                   // ['US', 'IE']
 *   nationalities(spec, { nationality: 'otherForeign', residence: 'DE', birthCode: 'DE', origin: 'turkish' }, () => 0.5) // ['TR']
 */
export function nationalities(spec: OriginCountriesSpec, input: NationalityInput, u: () => number): string[] {
  const { nationality, residence, birthCode, origin } = input;
  if (!ISO2.test(residence) || !ISO2.test(birthCode)) {
    throw new PersonagenError('INTERNAL', `nationalities needs ISO codes (realise countryOfBirth with birthCountryCode first), got "${residence}", "${birthCode}"`, { residence, birthCode });
  }
  const foreignBorn = birthCode !== residence;
  switch (nationality) {
    case 'residenceCountry':
      return [residence];
    case 'birthCountryOnly':
      return [foreignBorn ? birthCode : residence];
    case 'dual':
      return foreignBorn ? [residence, birthCode] : [residence, heritageCountry(spec, residence, origin, u(), residence)];
    case 'otherForeign':
      return [heritageCountry(spec, residence, origin, u(), birthCode)];
    default:
      throw new PersonagenError('INTERNAL', `unknown nationality value "${nationality}"`, { nationality });
  }
}

function heritageCountry(spec: OriginCountriesSpec, residence: string, origin: string, r: number, alsoExclude: string): string {
  for (const row of rowsFor(compiled(spec).heritage, origin, residence)) {
    const code = draw(row, r, residence, alsoExclude);
    if (code !== undefined) return code;
  }
  // Unreachable for a validated spec: the '*' row has three countries and at most two are excluded.
  throw new PersonagenError('MAP_INVALID', `${FILE}: no heritage country left for "${origin}" in ${residence}`, { residence, origin });
}
