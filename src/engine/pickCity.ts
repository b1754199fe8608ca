import { z } from 'zod';
import { searchCumulative } from './searchCumulative.js';
import { provenanceSchema } from './provenanceSchema.js';
import { PersonagenError } from './PersonagenError.js';

/** The values of the `urbanicity` dimension, in catalogue order; maps/cities.json has one list per value. */
export const URBANICITY_CLASSES = ['largeCity', 'suburban', 'townSmallCity', 'rural'] as const;
export type UrbanicityClass = (typeof URBANICITY_CLASSES)[number];

const cityListSchema = z.object({
  names: z.array(z.string().min(1)).min(1),
  /** Relative weights (population), parallel to `names`. */
  weights: z.array(z.number().finite().positive()).min(1),
  /** Places and people in the class before the list was cut (for reports; not used to pick). */
  places: z.number().int().nonnegative(),
  population: z.number().nonnegative(),
  /** The region has no place of this class; the list comes from a documented fallback rule. */
  fallback: z.literal(true).optional(),
}).refine((l) => l.names.length === l.weights.length, { message: 'names and weights differ in length' });

/**
 * `maps/cities.json` (built by pipeline/cities/buildCities.ts): per region id, a population-weighted place list for
 * each urbanicity class. Everything besides `regions` is provenance and build information.
 *
 * @example
 *   const map = citiesSchema.parse(JSON.parse(readFileSync('maps/cities.json', 'utf8')));
 */
export const citiesSchema = z.object({
  version: z.literal(1),
  source: z.string(),
  provenance: z.record(z.string(), provenanceSchema),
  regions: z.record(z.string(), z.object({
    largeCity: cityListSchema,
    suburban: cityListSchema,
    townSmallCity: cityListSchema,
    rural: cityListSchema,
  })),
}).passthrough();
export type CitiesMap = z.infer<typeof citiesSchema>;

/** One list ready for sampling: cumulative weights, so a pick is one binary search. */
interface CompiledCityList {
  readonly names: readonly string[];
  readonly cumulative: Float64Array;
  readonly fallback: boolean;
}

/** maps/cities.json compiled for `pickCity`: per region, the four lists in URBANICITY_CLASSES order. */
export interface CompiledCities {
  readonly regions: ReadonlyMap<string, readonly CompiledCityList[]>;
}

const CLASS_INDEX: Readonly<Record<string, number>> = Object.fromEntries(URBANICITY_CLASSES.map((c, i) => [c, i]));

/**
 * Compiles a validated cities map once (at registry load), so that each pick allocates nothing.
 *
 * @example
 *   const cities = compileCities(citiesSchema.parse(raw));
 *   pickCity(cities, 'gbNorthWest', 'largeCity', 0.3) // 'Liverpool' or 'Manchester'
 */
export function compileCities(map: CitiesMap): CompiledCities {
  const regions = new Map<string, CompiledCityList[]>();
  for (const [regionId, lists] of Object.entries(map.regions)) {
    regions.set(regionId, URBANICITY_CLASSES.map((c) => {
      const list = lists[c];
      const cumulative = new Float64Array(list.weights.length);
      let sum = 0;
      for (let i = 0; i < list.weights.length; i++) cumulative[i] = sum += list.weights[i];
      return { names: list.names, cumulative, fallback: list.fallback === true };
    }));
  }
  return { regions };
}

/**
 * Picks a place for a region and urbanicity class from one uniform number u in [0, 1), population-weighted:
 * the first place whose cumulative weight exceeds u times the total. Pure and O(log n); the caller supplies u
 * from the persona's own stream for the `city` dimension.
 *
 * @example
 *   pickCity(cities, 'deBavaria', 'largeCity', 0) // 'Munich' (the heaviest entry comes first)
 */
export function pickCity(cities: CompiledCities, regionId: string, urbanicity: UrbanicityClass, u: number): string {
  const lists = cities.regions.get(regionId);
  const k = CLASS_INDEX[urbanicity];
  if (!lists || k === undefined) {
    throw new PersonagenError('MAP_INVALID', `maps/cities.json: no place list for region "${regionId}" and urbanicity "${urbanicity}"`, { regionId, urbanicity });
  }
  if (!(u >= 0 && u < 1)) throw new PersonagenError('INTERNAL', `pickCity: u must be in [0, 1), got ${u}`);
  return lists[k].names[searchCumulative(lists[k].cumulative, u)];
}

/**
 * Whether a region's list for a class comes from a fallback rule (the region has no place of that class).
 *
 * @example
 *   isFallbackCity(cities, 'usVermont', 'largeCity') // true: no metro of 1M reaches Vermont
 */
export function isFallbackCity(cities: CompiledCities, regionId: string, urbanicity: UrbanicityClass): boolean {
  return cities.regions.get(regionId)?.[CLASS_INDEX[urbanicity]]?.fallback ?? false;
}

/**
 * The probability that `pickCity` returns `name` for a region and urbanicity class: the likelihood of an exact city
 * condition (names can repeat inside a list, e.g. two Springfields).
 *
 * @example
 *   cityShare(cities, 'gbNorthWest', 'largeCity', 'Manchester') // about 0.4
 */
export function cityShare(cities: CompiledCities, regionId: string, urbanicity: UrbanicityClass, name: string): number {
  const list = cities.regions.get(regionId)?.[CLASS_INDEX[urbanicity]];
  if (!list) return 0;
  let share = 0;
  let previous = 0;
  for (let i = 0; i < list.names.length; i++) {
    if (list.names[i] === name) share += list.cumulative[i] - previous;
    previous = list.cumulative[i];
  }
  return previous > 0 ? share / previous : 0;
}

interface NameIndex {
  /** Regions with a place of each exact name. */
  readonly regions: Map<string, string[]>;
  /** The first spelling of each lowercased name. */
  readonly spelling: Map<string, string>;
}
const nameIndexes = new WeakMap<CompiledCities, NameIndex>();
/** Places by name, built once on first use (a city condition would otherwise scan 81,642 places per request). */
function nameIndex(cities: CompiledCities): NameIndex {
  let index = nameIndexes.get(cities);
  if (!index) {
    index = { regions: new Map(), spelling: new Map() };
    for (const [regionId, lists] of cities.regions) {
      for (const list of lists) {
        for (const n of list.names) {
          const regions = index.regions.get(n) ?? [];
          if (regions.at(-1) !== regionId) regions.push(regionId);
          index.regions.set(n, regions);
          const key = n.toLocaleLowerCase('en');
          if (!index.spelling.has(key)) index.spelling.set(key, n);
        }
      }
    }
    nameIndexes.set(cities, index);
  }
  return index;
}

/**
 * The regions with a place called `name` in any urbanicity class (a city condition implies one of them).
 *
 * @example
 *   regionsWithCity(cities, 'Manchester') // ['gbNorthWest', 'usNewHampshire', ...]
 */
export function regionsWithCity(cities: CompiledCities, name: string): string[] {
  return nameIndex(cities).regions.get(name) ?? [];
}

/**
 * The spelling of a place as the lists have it, matched without regard to case (`london` -> `London`), or undefined.
 *
 * @example
 *   canonicalCity(cities, 'MANCHESTER') // 'Manchester'
 */
export function canonicalCity(cities: CompiledCities, name: string): string | undefined {
  return nameIndex(cities).spelling.get(name.toLocaleLowerCase('en'));
}
