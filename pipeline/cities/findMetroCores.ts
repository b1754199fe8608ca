import { CITY_RULES } from './cityRules.js';
import { distanceKm } from './distanceKm.js';
import { byPopulationDesc, type Place } from './Place.js';

/** The core place of a metro of at least 1M people, with the radii that classify the places around it. */
export interface MetroCore {
  readonly place: Place;
  /** Population of all places within `massRadiusKm` of the core (GeoNames places, so an approximation). */
  readonly metroPopulation: number;
  /** True when the core comes from `knownMetroCores.ts` rather than from the population test. */
  readonly known: boolean;
  readonly coreRadiusKm: number;
  readonly beltRadiusKm: number;
}

/**
 * Finds the metro cores of one country. Candidates are places of at least `coreMinPopulation` plus the `known`
 * cores (`knownMetroCores.ts`), largest first. A candidate is a core when it is known, when it has a million
 * people itself, or when the places within `massRadiusKm` add up to a million and it does not lie in the
 * commuting belt of a core found before (a satellite town is not a second core). Radii grow with the metro
 * (at least 1M for a known core): the core radius with the square root of its population (area), the belt with
 * its log.
 *
 * @example
 *   findMetroCores(placesOf('GB'), new Set()).map((c) => c.place.name) // ['London', 'Birmingham', 'Liverpool', ...]
 */
export function findMetroCores(countryPlaces: readonly Place[], known: ReadonlySet<Place>): MetroCore[] {
  const r = CITY_RULES;
  const cores: MetroCore[] = [];
  const candidates = countryPlaces.filter((p) => p.population >= r.coreMinPopulation || known.has(p)).sort(byPopulationDesc);
  for (const c of candidates) {
    const sure = known.has(c) || c.population >= r.metroMinPopulation;
    if (!sure && cores.some((k) => distanceKm(k.place.loc, c.loc) <= k.beltRadiusKm)) continue;
    const metroPopulation = populationWithin(countryPlaces, c.loc, r.massRadiusKm);
    if (!sure && metroPopulation < r.metroMinPopulation) continue;
    const millions = Math.max(1, metroPopulation / 1e6);
    cores.push({
      place: c,
      metroPopulation,
      known: known.has(c),
      coreRadiusKm: clamp(r.coreRadiusPerSqrtMillionKm * Math.sqrt(millions), r.coreRadiusMinKm, r.coreRadiusMaxKm),
      beltRadiusKm: clamp(r.beltRadiusBaseKm + r.beltRadiusPerDoublingKm * Math.log2(millions), r.beltRadiusBaseKm, r.beltRadiusMaxKm),
    });
  }
  return cores;
}

function populationWithin(places: readonly Place[], loc: readonly [number, number], radiusKm: number): number {
  // One degree of latitude is ~111 km: a cheap box test skips most of the haversine calls.
  const dLat = radiusKm / 110;
  let sum = 0;
  for (const p of places) {
    if (Math.abs(p.loc[1] - loc[1]) > dLat) continue;
    if (distanceKm(p.loc, loc) <= radiusKm) sum += p.population;
  }
  return sum;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
