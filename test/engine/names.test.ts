import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstNamesSchema, lastNamesSchema, type FirstNamesMap, type LastNamesMap } from '../../src/engine/mapSchema.js';
import {
  compileNameTables, displayName, feminineSurname, firstNameFor, hostTable, lastNameFor, nameOrder, tableHas,
  type FirstNameInput, type NameGender, type NameSex, type Uniform,
} from '../../src/engine/nameTables.js';
import { seededUniform } from '../support/seededUniform.js';

// Statistical checks of the name tables and the realisation conventions (docs/names.md). Every check uses only
// maps/names/*.json and the pure functions of nameTables.ts, with fixed seeds; the measured figures are logged.

const MAPS = join(import.meta.dirname, '../../maps/names');
const rawFirst = JSON.parse(readFileSync(join(MAPS, 'firstNames.json'), 'utf8')) as FirstNamesMap;
const rawLast = JSON.parse(readFileSync(join(MAPS, 'lastNames.json'), 'utf8')) as LastNamesMap;
const t = compileNameTables(rawFirst, rawLast);
const COUNTRIES = ['US', 'CA', 'MX', 'BR', 'AR', 'GB', 'IE', 'FR', 'DE', 'ES', 'IT', 'NL', 'PL', 'SE', 'TR', 'EG', 'NG', 'ZA', 'IN', 'PH', 'JP', 'KR', 'AU', 'NZ'];
const DECADES = [1920, 1930, 1940, 1950, 1960, 1970, 1980, 1990, 2000];

/** Weighted choice from [value, weight] pairs. */
function choose<T>(g: Uniform, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((a, [, w]) => a + w, 0);
  let u = g() * total;
  for (const [v, w] of items) if ((u -= w) < 0) return v;
  return items[items.length - 1][0];
}

const namesOf = (prefix: string, table: Record<string, { names: string[] }> = rawFirst.tables) =>
  new Set(Object.entries(table).filter(([k]) => k.startsWith(prefix)).flatMap(([, v]) => v.names));
const share = (hits: number, n: number) => Math.round((hits / n) * 10000) / 100;

describe('name maps', () => {
  it('parse with the map schema (file format unchanged)', () => {
    expect(() => firstNamesSchema.parse(rawFirst)).not.toThrow();
    expect(() => lastNamesSchema.parse(rawLast)).not.toThrow();
  });

  it('hold at least 30,000 distinct names (first + last)', () => {
    const first = new Set(Object.entries(rawFirst.tables).filter(([k]) => !k.startsWith('unisex/')).flatMap(([, v]) => v.names));
    const last = namesOf('', rawLast.tables);
    console.log(`distinct first names ${first.size}, surnames ${last.size}, total ${first.size + last.size}`);
    expect(first.size + last.size).toBeGreaterThanOrEqual(30_000);
  });

  it('have host tables for all 24 countries, both sexes, >= 3 decades', () => {
    for (const c of COUNTRIES) for (const s of ['F', 'M']) {
      expect(t.hostDecades.get(`${c}/${s}`)?.length ?? 0, `${c}/${s}`).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('Appendix C mixture', () => {
  it('gives a British-Pakistani man born in the 1980s a South Asian Muslim name most of the time', () => {
    const heritage = namesOf('heritage/southAsianMuslim/');
    const gbHost = namesOf('host/GB/');
    const g = seededUniform(1);
    const n = 5000;
    let hits = 0;
    for (let i = 0; i < n; i++) {
      const name = firstNameFor(t, { origin: 'southAsianMuslim', religion: 'sunniMuslim', gender: 'man', sexAtBirth: 'M', birthYear: 1980 + Math.floor(g() * 10), country: 'GB', bornHere: true }, g);
      if (heritage.has(name) && !gbHost.has(name)) hits++;
    }
    console.log(`British-Pakistani man 1980s: ${share(hits, n)}% South Asian Muslim names`);
    expect(hits / n).toBeGreaterThan(0.6);
  });

  it('gives an Irish-American woman born in the 1970s a US top-1000 name most of the time', () => {
    const us = rawFirst.tables['host/US/F/1970'];
    const top = new Set(us.names.map((name, i) => [name, us.weights[i]] as const).sort((a, b) => b[1] - a[1]).slice(0, 1000).map(([name]) => name));
    const irish = namesOf('heritage/irish/');
    const g = seededUniform(2);
    const n = 5000;
    let hits = 0;
    let irishOnly = 0;
    for (let i = 0; i < n; i++) {
      const name = firstNameFor(t, { origin: 'irish', religion: 'catholic', gender: 'woman', sexAtBirth: 'F', birthYear: 1970 + Math.floor(g() * 10), country: 'US', bornHere: true }, g);
      if (top.has(name)) hits++;
      else if (irish.has(name)) irishOnly++;
    }
    console.log(`Irish-American woman 1970s: ${share(hits, n)}% SSA top-1000 (1970s girls), ${share(irishOnly, n)}% Irish-only names`);
    expect(hits / n).toBeGreaterThan(0.6);
  });

  it('gives Japanese residents born in Japan Japanese names, displayed family name first', () => {
    const firsts = new Set([...namesOf('heritage/japanese/'), ...namesOf('host/JP/')]);
    const lasts = new Set(Object.entries(rawLast.tables).filter(([k]) => k.startsWith('japanese/')).flatMap(([, v]) => v.names));
    const g = seededUniform(3);
    const n = 3000;
    for (let i = 0; i < n; i++) {
      const sex: NameSex = g() < 0.5 ? 'F' : 'M';
      const p: FirstNameInput = { origin: 'japanese', religion: choose(g, [['buddhist', 4], ['none', 5], ['folkTraditional', 1]]), gender: sex === 'F' ? 'woman' : 'man', sexAtBirth: sex, birthYear: 1925 + Math.floor(g() * 82), country: 'JP', bornHere: true };
      const first = firstNameFor(t, p, g);
      const last = lastNameFor(t, { ...p, region: choose(g, [['jpKanto', 4], ['jpKansai', 2], ['jpKyushuOkinawa', 1], ['jpTohoku', 1]]), sex }, g);
      expect(firsts.has(first), first).toBe(true);
      expect(lasts.has(last), last).toBe(true);
      expect(displayName(first, last, 'JP', 'japanese')).toBe(`${last} ${first}`);
    }
    expect(nameOrder('JP', 'japanese')).toBe('familyFirst');
    expect(nameOrder('KR', 'korean')).toBe('familyFirst');
    expect(nameOrder('US', 'japanese')).toBe('givenFirst');
    expect(nameOrder('JP', 'korean')).toBe('givenFirst');
    expect(displayName('Haruto', 'Sato', 'JP', 'japanese')).toBe('Sato Haruto');
  });
});

describe('surname conventions', () => {
  it('gives Hispanic residents of ES, MX and AR two surnames (paternal + maternal)', () => {
    const regions: Record<string, string[]> = { ES: ['esMadrid', 'esCatalonia', 'esGalicia', 'esBasqueCountry', 'esAndalusia'], MX: ['mxJalisco', 'mxYucatan', 'mxMexicoCity'], AR: ['arBuenosAiresCity', 'arCordoba'] };
    const g = seededUniform(4);
    for (const country of ['ES', 'MX', 'AR']) {
      const pool = new Set(Object.entries(rawLast.tables).filter(([k]) => k.startsWith('hispanic/') && k.split('/')[2] === country).flatMap(([, v]) => v.names));
      const n = 2000;
      let two = 0;
      for (let i = 0; i < n; i++) {
        const last = lastNameFor(t, { origin: 'hispanic', religion: 'catholic', country, region: choose(g, regions[country].map((r) => [r, 1] as const)), sex: g() < 0.5 ? 'F' : 'M' }, g);
        const parts = last.split(' ');
        const split = parts.some((_, k) => k > 0 && pool.has(parts.slice(0, k).join(' ')) && pool.has(parts.slice(k).join(' ')));
        if (split) two++;
      }
      console.log(`${country} hispanic: ${share(two, n)}% two surnames`);
      expect(two).toBe(n);
    }
  });

  it('applies the other national conventions', () => {
    const g = seededUniform(5);
    expect(feminineSurname('Kowalski')).toBe('Kowalska');
    expect(feminineSurname('Papadopoulos', true)).toBe('Papadopoulou');
    const pl = Array.from({ length: 300 }, () => lastNameFor(t, { origin: 'polish', religion: 'catholic', country: 'PL', region: 'plMasovian', sex: 'F' }, g));
    expect(pl.some((n) => n.endsWith('ska'))).toBe(true);
    expect(pl.some((n) => /(sk|ck)i$/.test(n))).toBe(false);
    const eg = Array.from({ length: 300 }, () => lastNameFor(t, { origin: 'arab', religion: 'sunniMuslim', country: 'EG', region: 'egCairo', sex: 'M', birthYear: 1980 }, g));
    expect(eg.every((n) => n.split(' ').length >= 2)).toBe(true); // father's name + family name
    const copt = lastNameFor(t, { origin: 'arab', religion: 'orthodoxChristian', country: 'EG', region: 'egCairo', sex: 'M' }, g);
    expect(copt.split(' ').length).toBeGreaterThanOrEqual(2);
    const br = Array.from({ length: 1000 }, () => lastNameFor(t, { origin: 'lusophone', religion: 'catholic', country: 'BR', region: 'brSaoPaulo', sex: 'F' }, g));
    const brTwo = br.filter((n) => n.replace(/\b(da|de|dos) /g, '').split(' ').length === 2).length;
    console.log(`BR lusophone: ${share(brTwo, br.length)}% two surnames, e.g. ${br.slice(0, 4).join(' | ')}`);
    expect(brTwo / br.length).toBeGreaterThan(0.4);
    const sikh = Array.from({ length: 500 }, () => lastNameFor(t, { origin: 'punjabiSikh', religion: 'sikh', country: 'IN', region: 'inPunjab', sex: 'F' }, g));
    expect(sikh.includes('Singh')).toBe(false);
    expect(sikh.filter((n) => n === 'Kaur').length / sikh.length).toBeGreaterThan(0.3);
  });
});

/** Main origins of each country's residents for the sex check (natives plus the larger immigrant groups). */
const COUNTRY_ORIGINS: Record<string, [string, string, number][]> = {
  US: [['angloCeltic', 'protestantMainline', 4], ['hispanic', 'catholic', 2], ['africanDiaspora', 'evangelicalPentecostal', 1.3], ['german', 'catholic', 1], ['chinese', 'none', 0.3]],
  CA: [['angloCeltic', 'protestantMainline', 4], ['french', 'catholic', 2], ['punjabiSikh', 'sikh', 0.3], ['chinese', 'none', 0.5], ['indigenous', 'catholic', 0.4]],
  MX: [['hispanic', 'catholic', 9], ['indigenous', 'catholic', 1]],
  BR: [['lusophone', 'catholic', 9], ['italian', 'catholic', 0.5], ['japanese', 'buddhist', 0.2]],
  AR: [['hispanic', 'catholic', 7], ['italian', 'catholic', 2], ['indigenous', 'catholic', 0.5]],
  GB: [['angloCeltic', 'protestantMainline', 8], ['southAsianMuslim', 'sunniMuslim', 0.6], ['northIndian', 'hindu', 0.4], ['africanDiaspora', 'evangelicalPentecostal', 0.4], ['polish', 'catholic', 0.3]],
  IE: [['irish', 'catholic', 9], ['polish', 'catholic', 0.5], ['angloCeltic', 'protestantMainline', 0.5]],
  FR: [['french', 'catholic', 8], ['arab', 'sunniMuslim', 1], ['otherWestAfrican', 'sunniMuslim', 0.3], ['lusophone', 'catholic', 0.3]],
  DE: [['german', 'protestantMainline', 8], ['turkish', 'sunniMuslim', 1], ['polish', 'catholic', 0.5], ['otherEuropean', 'orthodoxChristian', 0.5]],
  ES: [['hispanic', 'catholic', 9], ['arab', 'sunniMuslim', 0.5], ['otherEuropean', 'orthodoxChristian', 0.4]],
  IT: [['italian', 'catholic', 9], ['otherEuropean', 'orthodoxChristian', 0.5], ['arab', 'sunniMuslim', 0.4]],
  NL: [['dutch', 'catholic', 8], ['turkish', 'sunniMuslim', 0.5], ['arab', 'sunniMuslim', 0.5], ['africanDiaspora', 'protestantMainline', 0.3]],
  PL: [['polish', 'catholic', 9.5], ['otherEuropean', 'orthodoxChristian', 0.5]],
  SE: [['nordic', 'protestantMainline', 8], ['arab', 'sunniMuslim', 0.6], ['otherEuropean', 'orthodoxChristian', 0.5], ['eastSouthernAfrican', 'sunniMuslim', 0.3]],
  TR: [['turkish', 'sunniMuslim', 9.5], ['arab', 'sunniMuslim', 0.5]],
  EG: [['arab', 'sunniMuslim', 9], ['arab', 'orthodoxChristian', 1]],
  NG: [['hausaFulani', 'sunniMuslim', 3], ['yoruba', 'protestantMainline', 1.2], ['yoruba', 'sunniMuslim', 0.8], ['igbo', 'catholic', 1.8], ['otherWestAfrican', 'evangelicalPentecostal', 3]],
  ZA: [['eastSouthernAfrican', 'protestantMainline', 8], ['dutch', 'protestantMainline', 1], ['angloCeltic', 'protestantMainline', 0.5], ['southIndian', 'hindu', 0.3]],
  IN: [['northIndian', 'hindu', 6], ['southIndian', 'hindu', 2.5], ['southAsianMuslim', 'sunniMuslim', 1.4], ['punjabiSikh', 'sikh', 0.2]],
  PH: [['filipino', 'catholic', 9], ['filipino', 'sunniMuslim', 0.6], ['chinese', 'catholic', 0.3]],
  JP: [['japanese', 'buddhist', 9.7], ['korean', 'none', 0.3]],
  KR: [['korean', 'none', 9.7], ['chinese', 'none', 0.3]],
  AU: [['angloCeltic', 'protestantMainline', 7], ['italian', 'catholic', 0.5], ['chinese', 'none', 0.6], ['northIndian', 'hindu', 0.4], ['otherEuropean', 'orthodoxChristian', 0.4]],
  NZ: [['angloCeltic', 'protestantMainline', 7], ['indigenous', 'protestantMainline', 1.7], ['chinese', 'none', 0.5], ['northIndian', 'hindu', 0.4]],
};

describe('names never contradict sex', () => {
  const unisexAll = new Set(Object.entries(rawFirst.tables).filter(([k]) => k.startsWith('unisex/')).flatMap(([, v]) => v.names));

  it('F and M tables of one key share little mass outside the unisex lists', () => {
    let worst = ['', 0] as [string, number];
    for (const [key, f] of Object.entries(rawFirst.tables)) {
      const p = key.split('/');
      const at = p[0] === 'host' ? 2 : p[0] === 'heritage' ? 3 : -1;
      if (at < 0 || p[at] !== 'F') continue;
      const m = rawFirst.tables[[...p.slice(0, at), 'M', ...p.slice(at + 1)].join('/')];
      if (!m) continue;
      const mNames = new Set(m.names);
      const total = f.weights.reduce((a, b) => a + b, 0);
      const overlap = f.names.reduce((a, n, i) => a + (mNames.has(n) && !unisexAll.has(n) ? f.weights[i] : 0), 0) / total;
      if (overlap > worst[1]) worst = [key, overlap];
    }
    console.log(`largest non-unisex F/M overlap: ${worst[0]} ${(worst[1] * 100).toFixed(2)}% of the F table's mass`);
    expect(worst[1]).toBeLessThan(0.03);
  });

  it.each(COUNTRIES)('a woman in %s draws a male-dominant name in < 0.5 % of draws', (country) => {
    const unisex = new Set(rawFirst.tables[`unisex/${country}`]?.names ?? []);
    // Male-dominant: at least 95 % of the name's mass (averaged over the country's host tables and its origins'
    // heritage tables, each table normalised) is in M tables.
    const mass = new Map<string, [number, number]>();
    const add = (key: string, sex: 0 | 1) => {
      const tab = rawFirst.tables[key];
      if (!tab) return;
      const total = tab.weights.reduce((a, b) => a + b, 0);
      tab.names.forEach((n, i) => {
        const e = mass.get(n) ?? [0, 0];
        e[sex] += tab.weights[i] / total;
        mass.set(n, e);
      });
    };
    for (const d of DECADES) {
      add(`host/${country}/F/${d}`, 0);
      add(`host/${country}/M/${d}`, 1);
      for (const [o, r] of COUNTRY_ORIGINS[country]) for (const rel of [r, '*']) for (const dd of [String(d), '*']) for (const local of ['', `/${country}`]) {
        add(`heritage/${o}/${rel}/F/${dd}${local}`, 0);
        add(`heritage/${o}/${rel}/M/${dd}${local}`, 1);
      }
    }
    const maleDominant = (n: string) => {
      const [f, m] = mass.get(n) ?? [0, 0];
      return !unisex.has(n) && m > 0 && m >= 19 * f;
    };
    const g = seededUniform(100 + COUNTRIES.indexOf(country));
    const n = 4000;
    let bad = 0;
    const examples = new Set<string>();
    for (let i = 0; i < n; i++) {
      const [origin, religion] = choose(g, COUNTRY_ORIGINS[country].map(([o, r, w]) => [[o, r], w] as const));
      const name = firstNameFor(t, { origin, religion, gender: 'woman', sexAtBirth: 'F', birthYear: 1925 + Math.floor(g() * 82), country, bornHere: g() < 0.85 }, g);
      if (maleDominant(name)) {
        bad++;
        examples.add(name);
      }
    }
    if (bad) console.log(`${country}: ${share(bad, n)}% male-dominant (${[...examples].slice(0, 6).join(', ')})`);
    expect(bad / n).toBeLessThan(0.005);
  });

  it('gives non-binary people a unisex-leaning mix and trans people mostly names of their gender', () => {
    const g = seededUniform(7);
    const n = 3000;
    const usF = hostTable(t, 'US', 'F', 1990)!;
    const usM = hostTable(t, 'US', 'M', 1990)!;
    let both = 0;
    let transF = 0;
    for (let i = 0; i < n; i++) {
      const base = { origin: 'angloCeltic', religion: 'none', birthYear: 1995, country: 'US', bornHere: true };
      const nb = firstNameFor(t, { ...base, gender: 'nonBinary', sexAtBirth: g() < 0.5 ? 'F' : 'M' }, g);
      if (tableHas(usF, nb) && tableHas(usM, nb)) both++;
      const tw = firstNameFor(t, { ...base, gender: 'woman' as NameGender, sexAtBirth: 'M' }, g);
      if (tableHas(usF, tw)) transF++;
    }
    console.log(`non-binary: ${share(both, n)}% names in both US tables; trans women: ${share(transF, n)}% in the F table`);
    expect(both / n).toBeGreaterThan(0.3);
    expect(transF / n).toBeGreaterThan(0.85);
  });
});

describe('US diversity', () => {
  it('keeps the most frequent full name rare and first names in the thousands (100,000 draws)', () => {
    // Origin mix roughly as ACS ancestry + race/ethnicity: ~60 % European, 18 % Hispanic, 12 % Black, 6 % Asian.
    const mix: (readonly [[string, string, number], number])[] = [
      [['angloCeltic', 'protestantMainline', 0.97], 30], [['german', 'protestantMainline', 0.98], 11], [['irish', 'catholic', 0.98], 9],
      [['italian', 'catholic', 0.97], 5], [['polish', 'catholic', 0.96], 2], [['french', 'catholic', 0.98], 1.5], [['nordic', 'protestantMainline', 0.98], 1],
      [['jewish', 'jewish', 0.9], 1.5], [['hispanic', 'catholic', 0.65], 18], [['africanDiaspora', 'evangelicalPentecostal', 0.9], 12],
      [['chinese', 'none', 0.4], 1.5], [['filipino', 'catholic', 0.45], 1.3], [['northIndian', 'hindu', 0.35], 1.2], [['korean', 'protestantMainline', 0.4], 0.6],
      [['vietnamese', 'buddhist', 0.4], 0.6], [['southIndian', 'hindu', 0.35], 0.4], [['japanese', 'buddhist', 0.7], 0.4], [['arab', 'sunniMuslim', 0.5], 0.7],
      [['otherEuropean', 'orthodoxChristian', 0.6], 1], [['indigenous', 'protestantMainline', 1], 0.8], [['southAsianMuslim', 'sunniMuslim', 0.4], 0.3],
      [['otherWestAfrican', 'evangelicalPentecostal', 0.4], 0.4], [['yoruba', 'evangelicalPentecostal', 0.4], 0.2],
    ];
    const g = seededUniform(8);
    const n = 100_000;
    const full = new Map<string, number>();
    const firsts = new Set<string>();
    const lasts = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const [origin, religion, pBorn] = choose(g, mix);
      const sex: NameSex = g() < 0.5 ? 'F' : 'M';
      // Adults 18-90 in 2025, thinning out after 65.
      const age = 18 + Math.floor(g() < 0.8 ? g() * 47 : 47 + g() * 25);
      const bornHere = g() < pBorn;
      const first = firstNameFor(t, { origin, religion, gender: sex === 'F' ? 'woman' : 'man', sexAtBirth: sex, birthYear: 2025 - age, country: 'US', bornHere }, g);
      const last = lastNameFor(t, { origin, religion, country: 'US', region: 'usCalifornia', sex, bornHere }, g);
      const name = displayName(first, last, 'US', origin);
      full.set(name, (full.get(name) ?? 0) + 1);
      lasts.set(last, (lasts.get(last) ?? 0) + 1);
      firsts.add(first);
    }
    const top = [...full].sort((a, b) => b[1] - a[1]).slice(0, 5);
    const topLast = [...lasts].sort((a, b) => b[1] - a[1]).slice(0, 3);
    console.log(`US 100k: top full names ${top.map(([k, v]) => `${k} ${v}`).join(', ')}; top surnames ${topLast.map(([k, v]) => `${k} ${(v / n * 100).toFixed(2)}%`).join(', ')}; distinct first names ${firsts.size}, distinct full names ${full.size}`);
    expect(top[0][1] / n).toBeLessThanOrEqual(0.0002);
    expect(firsts.size).toBeGreaterThan(3000);
  });
});
