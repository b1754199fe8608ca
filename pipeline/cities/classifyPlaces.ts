import { CITY_RULES } from './cityRules.js';
import { distanceKm } from './distanceKm.js';
import type { MetroCore } from './findMetroCores.js';
import type { Place } from './Place.js';

/** The four values of the `urbanicity` dimension, in catalogue order. */
export const URBANICITY = ['largeCity', 'suburban', 'townSmallCity', 'rural'] as const;
export type Urbanicity = (typeof URBANICITY)[number];

/**
 * Classifies each place of one country against that country's metro cores:
 * largeCity = within the core radius of a core, or a principal city (>= `principalCityMinPopulation`) inside a
 * commuting belt; suburban = any other place inside a belt; townSmallCity = a place of at least the country's town
 * threshold outside every belt; rural = the smaller places outside every belt.
 *
 * @example
 *   classifyPlaces(gbPlaces, findMetroCores(gbPlaces)).get(manchester) // 'largeCity'
 */
export function classifyPlaces(countryPlaces: readonly Place[], cores: readonly MetroCore[]): Map<Place, Urbanicity> {
  const r = CITY_RULES;
  const out = new Map<Place, Urbanicity>();
  for (const p of countryPlaces) {
    const townMin = r.townMinPopulationByCountry[p.country] ?? r.townMinPopulation;
    let cls: Urbanicity = p.population >= townMin ? 'townSmallCity' : 'rural';
    for (const k of cores) {
      const d = distanceKm(k.place.loc, p.loc);
      if (d <= k.coreRadiusKm || (d <= k.beltRadiusKm && p.population >= r.principalCityMinPopulation)) {
        cls = 'largeCity';
        break;
      }
      if (d <= k.beltRadiusKm) cls = 'suburban';
    }
    out.set(p, cls);
  }
  return out;
}
