import { CITY_RULES } from './cityRules.js';
import { URBANICITY, type Urbanicity } from './classifyPlaces.js';
import { distanceKm } from './distanceKm.js';
import { byPopulationDesc, type Place } from './Place.js';

/** One weighted list as written to maps/cities.json. */
export interface CityList {
  names: string[];
  /** Population of each name (summed when a name repeats within the list); relative weights. */
  weights: number[];
  /** Places and people in the class before the list was cut to `maxPlacesPerList`. */
  places: number;
  population: number;
  /** True when the region has no place of this class and the list comes from a fallback rule. */
  fallback?: true;
}

/**
 * Builds the four lists of every region. A class that has no place in a region falls back, and says so:
 * largeCity -> the region's largest place and the places within the minimum core radius of it;
 * suburban -> places within `fallbackBeltRadiusKm` of the region's largest place (else the largeCity list);
 * townSmallCity -> the region's `fallbackListSize` largest places outside largeCity (else the largeCity list);
 * rural -> with fewer than `fallbackListSize` rural places, those topped up with the region's smallest other places.
 *
 * @example
 *   buildRegionLists(places, classes, ['gbNorthWest']).gbNorthWest.largeCity.names[0] // 'Liverpool' or 'Manchester'
 */
export function buildRegionLists(
  places: readonly Place[], classes: ReadonlyMap<Place, Urbanicity>, regionIds: readonly string[],
): Record<string, Record<Urbanicity, CityList>> {
  const byRegion = new Map<string, Place[]>(regionIds.map((id) => [id, []]));
  for (const p of places) byRegion.get(p.regionId)?.push(p);
  const out: Record<string, Record<Urbanicity, CityList>> = {};
  for (const id of regionIds) {
    const all = byRegion.get(id)!.sort(byPopulationDesc);
    if (all.length === 0) throw new Error(`cities: region ${id} has no GeoNames place`);
    const of = (c: Urbanicity) => all.filter((p) => classes.get(p) === c);
    const lists = {} as Record<Urbanicity, CityList>;
    let large = of('largeCity');
    if (large.length) lists.largeCity = toList(large);
    else {
      const top = all[0];
      large = all.filter((p) => distanceKm(p.loc, top.loc) <= CITY_RULES.coreRadiusMinKm);
      lists.largeCity = toList(large, true);
    }
    const rest = all.filter((p) => !large.includes(p));
    const sub = of('suburban');
    if (sub.length) lists.suburban = toList(sub);
    else {
      const near = rest.filter((p) => distanceKm(p.loc, large[0].loc) <= CITY_RULES.fallbackBeltRadiusKm);
      lists.suburban = toList(near.length ? near : large, true);
    }
    const towns = of('townSmallCity');
    lists.townSmallCity = towns.length ? toList(towns)
      : toList(rest.length ? rest.slice(0, CITY_RULES.fallbackListSize) : large, true);
    const rural = of('rural');
    if (rural.length >= CITY_RULES.fallbackListSize) lists.rural = toList(rural);
    else {
      // Too few rural places to stand for a region's rural people: add its smallest other places.
      const others = all.filter((p) => !rural.includes(p)).slice(-(CITY_RULES.fallbackListSize - rural.length));
      lists.rural = toList([...rural, ...others], true);
    }
    out[id] = Object.fromEntries(URBANICITY.map((c) => [c, lists[c]])) as Record<Urbanicity, CityList>;
  }
  return out;
}

function toList(places: readonly Place[], fallback = false): CityList {
  const weight = new Map<string, number>();
  for (const p of places) weight.set(p.name, (weight.get(p.name) ?? 0) + p.population);
  const ranked = [...weight].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, CITY_RULES.maxPlacesPerList);
  const list: CityList = {
    names: ranked.map(([n]) => n),
    weights: ranked.map(([, w]) => w),
    places: places.length,
    population: places.reduce((s, p) => s + p.population, 0),
  };
  if (fallback) list.fallback = true;
  return list;
}
