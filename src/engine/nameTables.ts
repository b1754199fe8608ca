import type { FirstNamesMap, LastNamesMap } from './mapSchema.js';
import { searchCumulative } from './searchCumulative.js';

/** A name table ready for sampling: names with cumulative weights. */
export interface NameTable { readonly names: readonly string[]; readonly cumulative: Float64Array }

/** Compiled first- and last-name tables with their look-up fallbacks (docs/names.md). */
export interface NameTables {
  readonly first: ReadonlyMap<string, NameTable>;
  readonly last: ReadonlyMap<string, NameTable>;
  readonly hostDecades: ReadonlyMap<string, readonly number[]>;
  readonly lambda: FirstNamesMap['lambda'];
}

/** A uniform draw in [0, 1); callers pass their own seeded stream (e.g. `() => uniform01(rng)`). */
export type Uniform = () => number;
/** Sex of a name table. */
export type NameSex = 'F' | 'M';
/** Gender identity as in the catalogue. */
export type NameGender = 'man' | 'woman' | 'nonBinary';

/** What `firstNameFor` needs to know about a person. */
export interface FirstNameInput {
  origin: string;
  religion: string;
  gender: NameGender;
  sexAtBirth: NameSex;
  birthYear: number;
  /** Country of residence. */
  country: string;
  /** Born in the country of residence (countryOfBirth === countryOfResidence). */
  bornHere: boolean;
}

/** What `lastNameFor` needs to know about a person. */
export interface LastNameInput {
  origin: string;
  religion: string;
  country: string;
  region: string;
  /** Sex the surname is inflected for (Polish -ska, Greek -ou): the gender's sex, i.e. F for women. */
  sex: NameSex;
  /** Born in the country of residence; defaults to true. Decides two-surname use by immigrants. */
  bornHere?: boolean;
  /** Birth year, for the father's given name in Egyptian names (defaults to a 1960s father). */
  birthYear?: number;
}

function compile(t: { names: string[]; weights: number[] }): NameTable {
  const cumulative = new Float64Array(t.weights.length);
  let sum = 0;
  t.weights.forEach((w, i) => { sum += w; cumulative[i] = sum; });
  return { names: t.names, cumulative };
}

/**
 * Compiles the name maps into cumulative tables.
 *
 * @example
 *   const tables = compileNameTables(registry.firstNames!, registry.lastNames!);
 */
export function compileNameTables(first: FirstNamesMap, last: LastNamesMap): NameTables {
  const firstTables = new Map(Object.entries(first.tables).map(([k, t]) => [k, compile(t)]));
  const hostDecades = new Map<string, number[]>();
  for (const key of firstTables.keys()) {
    const [scope, country, sex, decade] = key.split('/');
    if (scope !== 'host') continue;
    const list = hostDecades.get(`${country}/${sex}`) ?? [];
    list.push(Number(decade));
    hostDecades.set(`${country}/${sex}`, list.sort((a, b) => a - b));
  }
  return {
    first: firstTables,
    last: new Map(Object.entries(last.tables).map(([k, t]) => [k, compile(t)])),
    hostDecades,
    lambda: first.lambda,
  };
}

/**
 * Draws a name from a table with u in [0, 1) (binary search over cumulative weights).
 *
 * @example
 *   pickName(table, 0.42) // 'Jennifer'
 */
export function pickName(table: NameTable, u: number): string {
  return table.names[searchCumulative(table.cumulative, u)];
}

const nameSets = new WeakMap<NameTable, Set<string>>();
/**
 * Whether a table contains a name (the set is built once per table and cached).
 *
 * @example
 *   tableHas(hostTable(t, 'GB', 'F', 1980)!, 'Gemma') // true
 */
export function tableHas(table: NameTable | undefined, name: string): boolean {
  if (!table) return false;
  let s = nameSets.get(table);
  if (!s) nameSets.set(table, (s = new Set(table.names)));
  return s.has(name);
}

/**
 * Birth decade used by the tables: 1920 for anyone born before 1930, 2000 for anyone born after 1999.
 *
 * @example
 *   birthDecade(1985) // 1980
 */
export function birthDecade(year: number): number {
  return Math.min(2000, Math.max(1920, Math.floor(year / 10) * 10));
}

/**
 * The heritage first-name table: the country's own variant of the heritage first when one exists (Afrikaners in
 * ZA, Québécois in CA, Māori in NZ: key suffix `/<country>`), then religion- and decade-specific, then broader.
 *
 * @example
 *   heritageTable(t, 'southAsianMuslim', 'sunniMuslim', 'M', 1980) // heritage/southAsianMuslim/* /M/1980
 *   heritageTable(t, 'dutch', 'protestantMainline', 'F', 1970, 'ZA') // heritage/dutch/* /F/1970/ZA
 */
export function heritageTable(t: NameTables, origin: string, religion: string, sex: string, decade: number, country?: string): NameTable | undefined {
  const keys = [`${origin}/${religion}/${sex}/${decade}`, `${origin}/${religion}/${sex}/*`, `${origin}/*/${sex}/${decade}`, `${origin}/*/${sex}/*`];
  if (country !== undefined) {
    for (const k of keys) {
      const hit = t.first.get(`heritage/${k}/${country}`);
      if (hit) return hit;
    }
  }
  for (const k of keys) {
    const hit = t.first.get(`heritage/${k}`);
    if (hit) return hit;
  }
  return undefined;
}

/**
 * The host-country first-name table for a birth decade, or the nearest decade the country has.
 *
 * @example
 *   hostTable(t, 'JP', 'M', 1950) // host/JP/M/1950
 */
export function hostTable(t: NameTables, country: string, sex: string, decade: number): NameTable | undefined {
  const decades = t.hostDecades.get(`${country}/${sex}`);
  if (!decades) return undefined;
  let best = decades[0];
  for (const d of decades) if (Math.abs(d - decade) < Math.abs(best - decade)) best = d;
  return t.first.get(`host/${country}/${sex}/${best}`);
}

/**
 * The surname table: exact, then any region, then any country, then any religion.
 *
 * @example
 *   surnameTable(t, 'hispanic', 'catholic', 'ES', 'esCatalonia') // hispanic/* /ES/esCatalonia
 */
export function surnameTable(t: NameTables, origin: string, religion: string, country: string, region: string): NameTable | undefined {
  return t.last.get(`${origin}/${religion}/${country}/${region}`)
    ?? t.last.get(`${origin}/${religion}/${country}/*`)
    ?? t.last.get(`${origin}/${religion}/*/*`)
    ?? t.last.get(`${origin}/*/${country}/${region}`)
    ?? t.last.get(`${origin}/*/${country}/*`)
    ?? t.last.get(`${origin}/*/*/*`);
}

/**
 * Heritage weight λ of Appendix C: `foreignBorn` for people born abroad, else the origin × country (× religion)
 * value, then the origin's default, then the global default.
 *
 * @example
 *   heritageLambda(t, 'southAsianMuslim', 'GB', true) // 0.85
 *   heritageLambda(t, 'arab', 'EG', true, 'orthodoxChristian') // 0.9 (Copts keep Coptic names)
 */
export function heritageLambda(t: NameTables, origin: string, country: string, bornHere: boolean, religion?: string): number {
  if (!bornHere) return t.lambda.foreignBorn;
  const oc = t.lambda.byOriginCountry;
  return (religion !== undefined ? oc[`${origin}/${country}/${religion}`] : undefined)
    ?? oc[`${origin}/${country}`] ?? t.lambda.byOrigin[origin] ?? t.lambda.default;
}

/** Share of trans people who carry a unisex-leaning name rather than a clearly gendered one. */
const TRANS_UNISEX_SHARE = 0.1;
/** Acceptance of a candidate that is not unisex in a unisex-weighted draw (unisex names weigh 1 / this). */
const NON_UNISEX_ACCEPT = 0.08;
const UNISEX_TRIES = 16;

/** One draw from the Appendix C mixture for a given table sex; also returns the other sex's table. */
function mixtureDraw(t: NameTables, p: FirstNameInput, sex: NameSex, g: Uniform): { name: string; other?: NameTable } {
  const decade = birthDecade(p.birthYear);
  const other: NameSex = sex === 'F' ? 'M' : 'F';
  const lambda = heritageLambda(t, p.origin, p.country, p.bornHere, p.religion);
  const heritage = heritageTable(t, p.origin, p.religion, sex, decade, p.country);
  const host = hostTable(t, p.country, sex, decade);
  const useHeritage = heritage !== undefined && (host === undefined || g() < lambda);
  const table = useHeritage ? heritage : host;
  if (!table) throw new Error(`no first-name table for ${p.origin}/${p.country}/${sex}`);
  const otherTable = useHeritage ? heritageTable(t, p.origin, p.religion, other, decade, p.country) : hostTable(t, p.country, other, decade);
  return { name: pickName(table, g()), other: otherTable };
}

/**
 * Unisex-weighted draw: either sex's table (half each), then names that also occur in the other sex's table (or
 * in the country's unisex list) are kept, others only with probability NON_UNISEX_ACCEPT.
 */
function unisexDraw(t: NameTables, p: FirstNameInput, g: Uniform): string {
  const unisex = t.first.get(`unisex/${p.country}`);
  let last = '';
  for (let i = 0; i < UNISEX_TRIES; i++) {
    const sex: NameSex = g() < 0.5 ? p.sexAtBirth : p.sexAtBirth === 'F' ? 'M' : 'F';
    const { name, other } = mixtureDraw(t, p, sex, g);
    if (tableHas(other, name) || tableHas(unisex, name) || g() < NON_UNISEX_ACCEPT) return name;
    last = name;
  }
  return last;
}

/**
 * First name (Appendix C): with probability λ (heritageLambda) from the heritage table of origin × religion ×
 * sex × birth decade, else from the host table of country × sex × decade. Men and women draw from the table of
 * their gender (trans people too, except a small share with a unisex-leaning name); non-binary people draw a
 * unisex-weighted mix of both tables.
 *
 * @example
 *   firstNameFor(t, { origin: 'southAsianMuslim', religion: 'sunniMuslim', gender: 'man', sexAtBirth: 'M',
 *     birthYear: 1985, country: 'GB', bornHere: true }, () => uniform01(stream)) // 'Imran' (stream: the persona's firstName stream)
 */
export function firstNameFor(t: NameTables, p: FirstNameInput, g: Uniform): string {
  if (p.gender === 'nonBinary') return unisexDraw(t, p, g);
  const sex: NameSex = p.gender === 'woman' ? 'F' : 'M';
  if (sex !== p.sexAtBirth && g() < TRANS_UNISEX_SHARE) return unisexDraw(t, { ...p, sexAtBirth: sex }, g);
  return mixtureDraw(t, p, sex, g).name;
}

const SPANISH_COUNTRIES = new Set(['ES', 'MX', 'AR']);
const ANGLOPHONE = new Set(['US', 'CA', 'GB', 'IE', 'AU', 'NZ']);
const CHRISTIAN = new Set(['catholic', 'protestantMainline', 'evangelicalPentecostal', 'orthodoxChristian', 'otherChristian']);
/** Hindi-belt states where many women are registered with the surname Devi. */
const DEVI_REGIONS = new Set(['inBihar', 'inUttarPradesh', 'inJharkhand', 'inRajasthan', 'inMadhyaPradesh', 'inChhattisgarh', 'inHaryana', 'inUttarakhand', 'inHimachalPradesh']);

/**
 * Probability that a person carries two surnames (paternal + maternal; Portuguese: maternal + paternal).
 * Spanish civil registers give everyone two surnames (ES, MX; AR mostly by custom for Hispanic families);
 * Brazilian registers usually give two, but one is often dropped in everyday use.
 */
function twoSurnameShare(p: LastNameInput): number {
  const bornHere = p.bornHere ?? true;
  if (SPANISH_COUNTRIES.has(p.country)) {
    if (p.origin === 'hispanic') return 1;
    if (!bornHere) return 0.1;
    return p.country === 'AR' ? 0.3 : 0.9;
  }
  if (p.origin === 'hispanic') return bornHere ? 0.08 : 0.35;
  if (p.country === 'BR') return p.origin === 'lusophone' ? (bornHere ? 0.55 : 0.45) : bornHere ? 0.25 : 0;
  if (p.origin === 'lusophone') return bornHere ? 0.1 : 0.4;
  return 0;
}

/** Brazilian particles: "da Silva", "dos Santos"; probability that the particle is written. */
const PT_PARTICLES: Record<string, [string, number]> = {
  Silva: ['da', 0.3], Santos: ['dos', 0.35], Jesus: ['de', 1], Souza: ['de', 0.2], Sousa: ['de', 0.2],
  Oliveira: ['de', 0.2], Almeida: ['de', 0.15], Lima: ['de', 0.1], Assis: ['de', 1], Conceição: ['da', 0.9],
  Paula: ['de', 1], Deus: ['de', 1], Anjos: ['dos', 1], Reis: ['dos', 0.3],
};

/**
 * Feminine surname form where the language inflects it: Polish -ski/-cki/-dzki always; with `slavicGreek` also
 * Russian/Bulgarian -ov/-ev, Czech/Slovak -ý and Greek -os/-is/-idis. Unchanged when no rule applies.
 *
 * @example
 *   feminineSurname('Kowalski') // 'Kowalska'
 *   feminineSurname('Papadopoulos', true) // 'Papadopoulou'
 */
export function feminineSurname(name: string, slavicGreek = false): string {
  if (/(sk|ck|dzk)i$/.test(name)) return name.replace(/i$/, 'a');
  if (!slavicGreek) return name;
  const rules: [RegExp, string][] = [[/(ov|ev)$/, '$1a'], [/ý$/, 'á'], [/idis$/, 'idou'], [/akis$/, 'aki'], [/os$/, 'ou']];
  for (const [re, rep] of rules) if (re.test(name)) return name.replace(re, rep);
  return name;
}

/** Whether a woman's surname takes the feminine form (resident usage, not diaspora anglicisation). */
function feminises(p: LastNameInput): boolean {
  if (p.sex !== 'F') return false;
  return p.country === 'PL' || ((p.origin === 'polish' || p.origin === 'otherEuropean') && !ANGLOPHONE.has(p.country));
}

/**
 * Last name with national conventions (docs/names.md): two surnames in ES/MX/AR ("García López", paternal
 * first) and often in BR ("Souza Oliveira", maternal first, with da/dos particles); Egyptians carry the father's
 * given name before the family name ("Mohamed Hassan"); Hausa-Fulani in Nigeria often use the father's name as
 * surname; Sikh women often Kaur; feminine forms in Polish and other Slavic/Greek surnames.
 *
 * @example
 *   lastNameFor(t, { origin: 'hispanic', religion: 'catholic', country: 'MX', region: 'mxJalisco', sex: 'M' }, () => uniform01(stream))
 *   // 'Hernández Ramírez' (stream: the persona's lastName stream)
 */
export function lastNameFor(t: NameTables, p: LastNameInput, g: Uniform): string {
  const table = surnameTable(t, p.origin, p.religion, p.country, p.region);
  if (!table) throw new Error(`no surname table for ${p.origin}`);
  const draw = (tab: NameTable = table) => pickName(tab, g());
  const other = (tab: NameTable, not: string) => {
    const n = draw(tab);
    return n === not ? draw(tab) : n;
  };

  if (p.country === 'EG' && p.origin === 'arab') {
    // Father's given name (named ~30 years earlier) + family or grandfather's name.
    const fatherDecade = birthDecade((p.birthYear ?? 1990) - 30);
    const fatherTable = CHRISTIAN.has(p.religion)
      ? heritageTable(t, 'arab', p.religion, 'M', fatherDecade) ?? hostTable(t, 'EG', 'M', fatherDecade)
      : hostTable(t, 'EG', 'M', fatherDecade);
    const family = draw();
    return fatherTable ? `${other(fatherTable, family)} ${family}` : family;
  }
  if (p.country === 'NG' && p.origin === 'hausaFulani' && g() < 0.6) {
    const fathers = heritageTable(t, 'hausaFulani', p.religion, 'M', birthDecade((p.birthYear ?? 1990) - 30));
    if (fathers) return draw(fathers);
  }
  if (p.origin === 'punjabiSikh' && p.sex === 'F') {
    const n = draw();
    return n === 'Singh' || g() < (p.country === 'IN' ? 0.45 : 0.3) ? 'Kaur' : n;
  }
  if (p.origin === 'northIndian' && p.sex === 'F' && p.country === 'IN' && DEVI_REGIONS.has(p.region) && g() < 0.25) return 'Devi';

  let name = draw();
  // Kumar is a men's name-surname; women of the same families are Kumari.
  if (name === 'Kumar' && p.sex === 'F' && p.country === 'IN') return 'Kumari';
  if (g() < twoSurnameShare(p)) {
    // Mothers mostly share the family's origin; about 4 in 10 second-generation unions are mixed.
    const sameOrigin = p.origin === 'hispanic' || p.origin === 'lusophone' || g() < 0.6;
    const motherTable = sameOrigin ? table
      : surnameTable(t, p.country === 'BR' ? 'lusophone' : 'hispanic', '*', p.country, p.region) ?? table;
    const mother = other(motherTable, name);
    name = p.country === 'BR' || p.origin === 'lusophone' ? `${mother} ${name}` : `${name} ${mother}`;
  }
  if (p.country === 'BR' && p.origin === 'lusophone') {
    name = name.split(' ').map((part) => {
      const rule = PT_PARTICLES[part];
      return rule && g() < rule[1] ? `${rule[0]} ${part}` : part;
    }).join(' ');
  }
  if (p.origin === 'dutch') name = dutchParticles(name);
  return feminises(p) ? name.split(' ').map((n) => feminineSurname(n, p.origin === 'otherEuropean')).join(' ') : name;
}

const DUTCH_PARTICLES = new Set(['Van', 'De', 'Den', 'Der', 'Ter', 'Te', 'Het', 'In', "'t"]);
/**
 * Dutch and Afrikaans particles are lower case after a given name ("Anton van den Berg"); tables store them
 * capitalised, as they are written when the surname stands alone.
 *
 * @example
 *   dutchParticles('Van den Berg') // 'van den Berg'
 */
export function dutchParticles(surname: string): string {
  const parts = surname.split(' ');
  for (let i = 0; i < parts.length - 1 && DUTCH_PARTICLES.has(parts[i]); i++) parts[i] = parts[i].toLowerCase();
  return parts.join(' ');
}

/**
 * Usual display order of a resident's full name: family name first for Japanese in JP and Koreans in KR.
 *
 * @example
 *   nameOrder('JP', 'japanese') // 'familyFirst'
 *   nameOrder('US', 'japanese') // 'givenFirst'
 */
export function nameOrder(country: string, origin: string): 'givenFirst' | 'familyFirst' {
  return (country === 'JP' && origin === 'japanese') || (country === 'KR' && origin === 'korean') ? 'familyFirst' : 'givenFirst';
}

/**
 * Full name in the country's usual display order.
 *
 * @example
 *   displayName('Haruto', 'Sato', 'JP', 'japanese') // 'Sato Haruto'
 *   displayName('María', 'García López', 'ES', 'hispanic') // 'María García López'
 */
export function displayName(first: string, last: string, country: string, origin: string): string {
  return nameOrder(country, origin) === 'familyFirst' ? `${last} ${first}` : `${first} ${last}`;
}
