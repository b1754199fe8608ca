import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { censusEthnicity, censusEthnicitySchema, type CensusEthnicitySpec } from '../../src/engine/censusEthnicity.js';
import { birthCountryCode, nationalities, originCountriesSchema, type OriginCountriesSpec } from '../../src/engine/originCountry.js';
import { seededUniform } from '../support/seededUniform.js';

// Checks of the two derived tables (census ethnicity labels, origin countries) against the catalogue, and of the
// draw rules of originCountry.ts over many fixed-seed draws.

const MAPS = join(import.meta.dirname, '../../maps');
const read = (file: string) => JSON.parse(readFileSync(join(MAPS, file), 'utf8')) as unknown;
const census: CensusEthnicitySpec = censusEthnicitySchema.parse(read('realise/censusEthnicity.json'));
const origins: OriginCountriesSpec = originCountriesSchema.parse(read('realise/originCountries.json'));

const catalogue = read('catalogue.json') as { countries: string[]; dimensions: { id: string; values: string[] }[] };
const valuesOf = (id: string) => catalogue.dimensions.find((d) => d.id === id)!.values;
const COUNTRIES = catalogue.countries;
const ETHNICITIES = valuesOf('ethnicity');
const ORIGINS = valuesOf('culturalOrigin');
const BIRTH_VALUES = valuesOf('countryOfBirth');
const BUCKETS = BIRTH_VALUES.filter((v) => v.startsWith('other'));
const NATIONALITIES = valuesOf('nationality');

/** Intl knows the English name of every assigned ISO 3166-1 alpha-2 code and echoes unknown ones back. */
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
const isAssignedIso2 = (code: string) => /^[A-Z]{2}$/.test(code) && regionNames.of(code) !== code;

/** The world regions of the buckets, as documented in the note of originCountries.json (sovereign states + HK, MO, TW, PS). */
const REGION: Record<string, ReadonlySet<string>> = {
  otherEurope: new Set('AD AL AM AT AZ BA BE BG BY CH CY CZ DK EE FI GE GR HR HU IS LI LT LU LV MC MD ME MK MT NO PT RO RS RU SI SK SM UA VA'.split(' ')),
  otherLatinAmericaCaribbean: new Set('AG BB BO BS BZ CL CO CR CU DM DO EC GD GT GY HN HT JM KN LC NI PA PE PY SR SV TT UY VC VE'.split(' ')),
  otherAsiaPacific: new Set('AF BD BN BT CN FJ FM HK ID KG KH KI KP KZ LA LK MH MM MN MO MV MY NP NR PG PK PW SB SG TH TJ TL TM TO TV TW UZ VN VU WS'.split(' ')),
  otherMiddleEastNorthAfrica: new Set('AE BH DZ IL IQ IR JO KW LB LY MA OM PS QA SA SD SY TN YE'.split(' ')),
  otherSubSaharanAfrica: new Set('AO BF BI BJ BW CD CF CG CI CM CV DJ ER ET GA GH GM GN GQ GW KE KM LR LS MG ML MR MU MW MZ NA NE RW SC SL SN SO SS ST SZ TD TG TZ UG ZM ZW'.split(' ')),
};

/** Checks a row key ('hispanic', '*', 'US|hispanic', 'US|*') against the catalogue. */
function checkRowKey(key: string): void {
  const [first, second] = key.split('|');
  const origin = second ?? first;
  if (second !== undefined) expect(COUNTRIES, `residence prefix of "${key}"`).toContain(first);
  if (origin !== '*') expect(ORIGINS, `origin of "${key}"`).toContain(origin);
}

describe('maps/realise/censusEthnicity.json', () => {
  it('has a scheme and a *|* label for exactly the 24 countries', () => {
    expect(Object.keys(census.countries).sort()).toEqual([...COUNTRIES].sort());
    for (const [country, c] of Object.entries(census.countries)) {
      expect(c.scheme.length, country).toBeGreaterThan(10);
      expect(c.labels['*|*'], country).toBeTruthy();
    }
  });

  it('keys only catalogue ethnicity and culturalOrigin values', () => {
    for (const c of Object.values(census.countries)) {
      for (const key of Object.keys(c.labels)) {
        const [ethnicity, origin] = key.split('|');
        if (ethnicity !== '*') expect(ETHNICITIES, key).toContain(ethnicity);
        if (origin !== '*') expect(ORIGINS, key).toContain(origin);
      }
    }
  });

  it('gives a label for every (country, ethnicity, culturalOrigin)', () => {
    for (const country of COUNTRIES) {
      for (const e of ETHNICITIES) {
        for (const o of ORIGINS) {
          const r = censusEthnicity(census, country, e, o);
          expect(r.label.length).toBeGreaterThan(1);
          expect(r.scheme).toBe(census.countries[country].scheme);
        }
      }
    }
  });

  it('looks up exact, then ethnicity|*, then *|origin, then *|*', () => {
    const spec: CensusEthnicitySpec = {
      ...census,
      countries: { XX: { scheme: 'test scheme', labels: { 'white|irish': 'exact', 'white|*': 'by ethnicity', '*|irish': 'by origin', '*|*': 'fallback' } } },
    };
    expect(censusEthnicity(spec, 'XX', 'white', 'irish').label).toBe('exact');
    expect(censusEthnicity(spec, 'XX', 'white', 'german').label).toBe('by ethnicity');
    expect(censusEthnicity(spec, 'XX', 'black', 'irish').label).toBe('by origin');
    expect(censusEthnicity(spec, 'XX', 'black', 'german').label).toBe('fallback');
    expect(() => censusEthnicity(spec, 'YY', 'white', 'irish')).toThrow(/no classification/);
  });

  it('uses the national wording (spot checks)', () => {
    const label = (c: string, e: string, o: string) => censusEthnicity(census, c, e, o).label;
    expect(label('US', 'white', 'hispanic')).toContain('Hispanic or Latino');
    expect(label('US', 'middleEasternNorthAfrican', 'arab')).toBe('Middle Eastern or North African');
    expect(label('US', 'white', 'irish')).toBe('White');
    expect(censusEthnicity(census, 'US', 'white', 'irish').scheme).toContain('SPD 15');
    expect(label('GB', 'southAsian', 'southAsianMuslim')).toMatch(/Pakistani.*Bangladeshi/);
    expect(label('GB', 'white', 'angloCeltic')).toBe('White: English, Welsh, Scottish, Northern Irish or British');
    expect(label('GB', 'mixed', 'africanDiaspora')).toContain('White and Black Caribbean');
    expect(censusEthnicity(census, 'GB', 'white', 'irish').scheme).toContain('ONS');
    expect(label('IE', 'white', 'irish')).toBe('White: Irish');
    expect(label('IE', 'southAsian', 'punjabiSikh')).toContain('Indian/Pakistani/Bangladeshi');
    expect(label('CA', 'southAsian', 'punjabiSikh')).toBe('South Asian');
    expect(label('CA', 'white', 'german')).toBe('Not a visible minority');
    expect(label('BR', 'mixed', 'lusophone')).toMatch(/^Parda/);
    expect(label('BR', 'black', 'lusophone')).toMatch(/^Preta/);
    expect(label('ZA', 'mixed', 'dutch')).toBe('Coloured');
    expect(label('ZA', 'black', 'eastSouthernAfrican')).toBe('Black African');
    expect(label('IN', 'indigenous', 'indigenous')).toBe('Scheduled Tribe');
    expect(label('IN', 'southAsian', 'northIndian')).toMatch(/^Not recorded/);
    expect(label('NG', 'black', 'yoruba')).toBe('Yoruba');
    expect(label('NG', 'black', 'hausaFulani')).toBe('Hausa or Fulani');
    expect(label('DE', 'middleEasternNorthAfrican', 'turkish')).toMatch(/^Turkish origin/);
    expect(label('DE', 'white', 'german')).toBe('German origin');
    expect(label('NZ', 'indigenous', 'indigenous')).toContain('Māori');
    expect(label('AU', 'indigenous', 'indigenous')).toBe('Aboriginal and/or Torres Strait Islander');
    expect(label('AU', 'eastAsian', 'chinese')).toBe('Non-Indigenous (Chinese ancestry)');
    expect(label('MX', 'indigenous', 'indigenous')).toMatch(/^Indígena/);
    expect(label('PH', 'southeastAsian', 'filipino')).toMatch(/^Filipino/);
    expect(label('JP', 'eastAsian', 'japanese')).toMatch(/^Japanese \(no ethnic question/);
  });
});

describe('maps/realise/originCountries.json', () => {
  it('has a bucket with a "*" row for each of the 5 countryOfBirth buckets', () => {
    expect(Object.keys(origins.buckets).sort()).toEqual([...BUCKETS].sort());
    for (const rows of Object.values(origins.buckets)) expect(rows['*']).toBeDefined();
  });

  it('keys rows by catalogue origins and covered residence countries', () => {
    for (const rows of Object.values(origins.buckets)) Object.keys(rows).forEach(checkRowKey);
    Object.keys(origins.heritage).forEach(checkRowKey);
    for (const o of ORIGINS) expect(origins.heritage[o], `heritage row for ${o}`).toBeDefined();
  });

  it('uses only assigned ISO codes; buckets hold only uncovered countries of their own region', () => {
    for (const [bucket, rows] of Object.entries(origins.buckets)) {
      for (const [key, row] of Object.entries(rows)) {
        for (const code of Object.keys(row)) {
          expect(isAssignedIso2(code), `${bucket}.${key}: ${code}`).toBe(true);
          expect(COUNTRIES, `${bucket}.${key}: ${code} is a covered country`).not.toContain(code);
          expect(REGION[bucket].has(code), `${bucket}.${key}: ${code} is outside the region`).toBe(true);
        }
      }
    }
    for (const [key, row] of Object.entries(origins.heritage)) {
      for (const code of Object.keys(row)) expect(isAssignedIso2(code), `heritage.${key}: ${code}`).toBe(true);
    }
  });

  it('has rows of shares summing to 1 (within rounding)', () => {
    const rows = [...Object.values(origins.buckets).flatMap((b) => Object.values(b)), ...Object.values(origins.heritage)];
    for (const row of rows) {
      const values = Object.values(row);
      if (values.length === 0) continue; // an empty heritage row: no heritage country besides the residence
      expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 1);
    }
  });
});

describe('birthCountryCode', () => {
  it('returns a covered country as is, without a draw', () => {
    const u = () => { throw new Error('no draw expected'); };
    for (const c of COUNTRIES) expect(birthCountryCode(origins, c, 'hispanic', u)).toBe(c);
  });

  it('realises every bucket to an ISO code of its region, for every origin and residence', () => {
    const u = seededUniform(1);
    for (const bucket of BUCKETS) {
      for (const origin of ORIGINS) {
        for (const residence of [undefined, ...COUNTRIES]) {
          for (let i = 0; i < 20; i++) {
            const code = birthCountryCode(origins, bucket, origin, u, residence);
            expect(REGION[bucket].has(code), `${bucket} ${origin} ${residence}: ${code}`).toBe(true);
            if (residence !== undefined) expect(code).not.toBe(residence);
          }
        }
      }
    }
  });

  it('calls u exactly once for a bucket', () => {
    let calls = 0;
    birthCountryCode(origins, 'otherEurope', 'polish', () => { calls++; return 0.5; }, 'GB');
    expect(calls).toBe(1);
  });

  it('follows the origin (spot checks)', () => {
    const tally = (bucket: string, origin: string, residence?: string) => {
      const u = seededUniform(7);
      const counts = new Map<string, number>();
      for (let i = 0; i < 4000; i++) {
        const code = birthCountryCode(origins, bucket, origin, u, residence);
        counts.set(code, (counts.get(code) ?? 0) + 1);
      }
      return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c);
    };
    expect(tally('otherAsiaPacific', 'southAsianMuslim').slice(0, 2).sort()).toEqual(['BD', 'PK']);
    expect(tally('otherAsiaPacific', 'southAsianMuslim', 'DE')[0]).toBe('AF');
    expect(tally('otherSubSaharanAfrica', 'yoruba')[0]).toBe('BJ');
    expect(tally('otherMiddleEastNorthAfrica', 'arab', 'FR').slice(0, 2)).toEqual(['DZ', 'MA']);
    expect(tally('otherLatinAmericaCaribbean', 'africanDiaspora', 'GB')[0]).toBe('JM');
    expect(tally('otherLatinAmericaCaribbean', 'hispanic')[0]).toBe('VE');
    expect(tally('otherEurope', 'lusophone')[0]).toBe('PT');
    expect(tally('otherSubSaharanAfrica', 'hispanic', 'ZA')[0]).toBe('ZW'); // no origin row: the residence's '*' row
  });

  it('rejects an unknown bucket', () => {
    expect(() => birthCountryCode(origins, 'otherMars', 'hispanic', () => 0.5)).toThrow(/no bucket/);
  });
});

describe('nationalities', () => {
  /** Every (residence, origin, birth value) with a birth code drawn like the engine would. */
  function* people(seed: number) {
    const u = seededUniform(seed);
    for (const residence of COUNTRIES) {
      for (const origin of ORIGINS) {
        for (const birth of [residence, ...BUCKETS, ...COUNTRIES.filter((c) => c !== residence).slice(0, 3)]) {
          yield { residence, origin, birthCode: birthCountryCode(origins, birth, origin, u, residence), u };
        }
      }
    }
  }

  it('covers the four catalogue values', () => {
    expect([...NATIONALITIES].sort()).toEqual(['birthCountryOnly', 'dual', 'otherForeign', 'residenceCountry']);
  });

  it('follows the catalogue rules over many draws', () => {
    let n = 0;
    for (const { residence, origin, birthCode, u } of people(11)) {
      const foreignBorn = birthCode !== residence;
      for (let i = 0; i < 3; i++) {
        const base = { residence, birthCode, origin };
        expect(nationalities(origins, { ...base, nationality: 'residenceCountry' }, u)).toEqual([residence]);
        expect(nationalities(origins, { ...base, nationality: 'birthCountryOnly' }, u)).toEqual([foreignBorn ? birthCode : residence]);

        const dual = nationalities(origins, { ...base, nationality: 'dual' }, u);
        expect(dual).toHaveLength(2);
        expect(dual[0]).toBe(residence);
        expect(dual[1]).not.toBe(residence);
        if (foreignBorn) expect(dual[1]).toBe(birthCode);

        const other = nationalities(origins, { ...base, nationality: 'otherForeign' }, u);
        expect(other).toHaveLength(1);
        expect(other[0]).not.toBe(residence);
        expect(other[0]).not.toBe(birthCode);

        for (const code of [...dual, ...other]) expect(isAssignedIso2(code), code).toBe(true);
        n++;
      }
    }
    expect(n).toBeGreaterThan(5000);
  });

  it('calls u only when it has to draw', () => {
    let calls = 0;
    const u = () => { calls++; return 0.5; };
    nationalities(origins, { nationality: 'residenceCountry', residence: 'GB', birthCode: 'GB', origin: 'irish' }, u);
    nationalities(origins, { nationality: 'birthCountryOnly', residence: 'GB', birthCode: 'IE', origin: 'irish' }, u);
    nationalities(origins, { nationality: 'dual', residence: 'GB', birthCode: 'IE', origin: 'irish' }, u);
    expect(calls).toBe(0);
    nationalities(origins, { nationality: 'dual', residence: 'GB', birthCode: 'GB', origin: 'irish' }, u);
    nationalities(origins, { nationality: 'otherForeign', residence: 'GB', birthCode: 'IE', origin: 'irish' }, u);
    expect(calls).toBe(2);
  });

  it('draws heritage countries (spot checks)', () => {
    const u = seededUniform(3);
    const draws = (residence: string, origin: string, nationality: string, birthCode = residence) =>
      new Set(Array.from({ length: 500 }, () => nationalities(origins, { nationality, residence, birthCode, origin }, u).at(-1)));
    expect(draws('GB', 'southAsianMuslim', 'dual')).toEqual(new Set(['PK', 'BD', 'IN', 'AF']));
    expect(draws('US', 'irish', 'dual')).toEqual(new Set(['IE', 'GB']));
    expect(draws('DE', 'turkish', 'otherForeign').has('TR')).toBe(true);
    expect(draws('IE', 'irish', 'dual').has('GB')).toBe(true); // the only heritage country left besides IE
    expect(draws('NZ', 'indigenous', 'otherForeign').has('WS')).toBe(true);
    // Heritage exhausted (Japanese born in and living in JP): the common second citizenships of '*'.
    expect(draws('JP', 'japanese', 'dual').has('JP')).toBe(false);
  });

  it('rejects a bucket name or an unknown nationality value', () => {
    expect(() => nationalities(origins, { nationality: 'dual', residence: 'GB', birthCode: 'otherEurope', origin: 'polish' }, () => 0.5)).toThrow(/ISO codes/);
    expect(() => nationalities(origins, { nationality: 'stateless', residence: 'GB', birthCode: 'GB', origin: 'polish' }, () => 0.5)).toThrow(/unknown nationality/);
  });
});
