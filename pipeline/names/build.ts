/**
 * Builds the name tables `maps/names/firstNames.json` and `maps/names/lastNames.json` (format: docs/names.md,
 * docs/maps.md and design Appendix C) from two kinds of input:
 *
 * - published raw files in `../shared/data/names/` (override with argv[2]): US SSA first names by decade, the US
 *   Census 2010 top-1000 surnames with race shares, Wikipedia forename and surname lists by country;
 * - hand-written source files `pipeline/names/sources/*.json` (elicited ranked lists, census surname classes,
 *   lambda), each carrying its own provenance entries.
 *
 * Source file shape (every key optional):
 * ```jsonc
 * { "provenance": { "<id>": { "kind": "estimate", ... } },
 *   "pools": { "<poolId>": "Name, Name, ..." },                 // ranked lists shared by several tables
 *   "firstNames": { "host/GB/F/{1940,1950}": { "prov": "<id>", "names": "Margaret, Patricia, ..." },
 *                   "heritage/dutch/*\/F/1960/ZA": { ... },        // optional country: heritage as lived there
 *                   "unisex/JP": { "prov": "<id>", "names": "Hikaru, Kaoru" } },
 *   "lastNames":  { "irish/*\/US/*": { "prov": "<id>", "census": "irish", "names": "...", "share": 0.3 } },
 *   "censusClasses": { "irish": "MURPHY, KELLY, ..." }, "censusDisplay": { "OBRIEN": "O'Brien" },
 *   "lambda": { "prov": "<id>", "default": 0.3, "byOrigin": {}, "byOriginCountry": {}, "foreignBorn": 0.95 } }
 * ```
 * Keys may use `{a,b}` brace groups; each expansion becomes its own table (the engine does exact lookups).
 *
 * A table is a mixture of parts. The table's own fields form the main part, exactly as before: `names` is a
 * comma-separated list in descending popularity; elicited lists carry ranks, not counts, so their weights follow
 * (rank + 1)^-zipf. The default exponent is 0.8 for first names and 0.6 for surnames: a short list stands in for
 * a long real tail, and a steeper law would pile too much mass on the first few names (override with `zipf`). The
 * main part may add one derived list (`ssa`, `census`, `surnames`, `forenames`); the elicited list then gets
 * `share` of the main mass (default 0.25) and is flat (zipf 0) unless `zipf` says otherwise, because next to
 * counted data it is a tail of rarer names. `parts: [{ share, ...part }]` adds further components, each carrying
 * its `share` of the table; the main part keeps what is left. A part is one of
 *
 * - `names` / `pool` (elicited ranked list, inline or from `pools`; a pool is flat unless `zipf` is given),
 * - `ssa: { top? }` (US SSA births for the key's sex and decade; all names with >= 50 births when `top` is absent),
 * - `census` (a US Census 2010 surname class), `surnames` / `forenames` (`"CC"` or `"CC@year"`: Wikipedia rows),
 * - `ref` (another table of the same file kind, `{s}`/`{d}` filled from the key; a list tries each in turn).
 *
 * `ascii: true` on a part folds diacritics (Müller -> Muller, for US diaspora spellings); `primary: true` keeps
 * only the first romanisation of a Wikipedia rank (Kim, not Gim/Ghim). SSA names whose sex has < 10 % of the
 * decade's births of that name are dropped from that sex's table: they are mostly registration errors (Mary
 * among boys) and would make names contradict sex.
 *
 * Output is deterministic: keys sorted, names by weight then name; published counts stay integers, mixtures are
 * scaled to 1e6 and rounded to 4 significant digits (keeps the files small).
 *
 * @example
 *   cd /work/main && npx tsx pipeline/names/build.ts [../shared/data/names]
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { crossSexReport } from './crossSexReport.js';
import { expandBraces } from './expandBraces.js';
import { foldAscii } from './foldAscii.js';

/** Provenance object as in docs/maps.md. */
export interface Provenance { kind: 'published' | 'estimate'; [k: string]: unknown }
/** One output table: parallel arrays of names and positive relative weights. */
export interface NameTable { prov: string; names: string[]; weights: number[] }
/** One component of a table (see the header comment). */
export interface PartSpec {
  share?: number;
  zipf?: number;
  names?: string;
  pool?: string;
  /** First names: take SSA counts for the key's sex and decade (top N, or all). */
  ssa?: { top?: number };
  /** Last names: a US Census 2010 surname class (see censusByClass). */
  census?: string;
  /** Last names: the ranked rows of this country in surnames-by-country.csv. */
  surnames?: string;
  /** First names: the ranked rows of this country (and year) in forenames-by-country.csv, key's sex. */
  forenames?: string;
  ref?: string | string[];
  ascii?: boolean;
  primary?: boolean;
}
/** A table as written in a source file. */
export interface TableSpec extends PartSpec { prov: string; parts?: PartSpec[] }

const ROOT = resolve(import.meta.dirname, '../..');
const RAW_DIR = resolve(ROOT, process.argv[2] ?? '../shared/data/names');
const SOURCE_DIR = join(import.meta.dirname, 'sources');
const OUT_DIR = join(ROOT, 'maps/names');
const DECADES = ['1920', '1930', '1940', '1950', '1960', '1970', '1980', '1990', '2000'];

/** Census race column that carries a class's bearers (API-origin names: only the Asian share is that origin). */
const API_ORIGINS = new Set(['chinese', 'japanese', 'korean', 'vietnamese', 'filipino', 'northIndian', 'southIndian', 'punjabiSikh', 'southAsianMuslim']);
/** A surname is Hispanic-class when at least this % of bearers are Hispanic (2010 Census). */
const HISPANIC_THRESHOLD = 50;
/** SSA: a name stays in a sex's table only when that sex has at least this share of the name's births. */
const SSA_MIN_SEX_SHARE = 0.1;
/** SSA: unisex when the minority sex has at least this share of a decade's births (and MIN births in all). */
const SSA_UNISEX_SHARE = 0.2;
const SSA_UNISEX_MIN_BIRTHS = 1000;

class InputError extends Error {}
const fail = (file: string, key: string, msg: string): never => {
  throw new InputError(`${file}: ${key}: ${msg}`);
};

// ---------- catalogue (for validation) ----------
const catalogue = JSON.parse(readFileSync(join(ROOT, 'maps/catalogue.json'), 'utf8'));
const dimValues = (id: string): string[] => catalogue.dimensions.find((d: { id: string }) => d.id === id).values;
const ORIGINS = dimValues('culturalOrigin');
const RELIGIONS = dimValues('religionRaised');
const COUNTRIES = dimValues('countryOfResidence');
const REGION_COUNTRY = new Map<string, string>(
  JSON.parse(readFileSync(join(ROOT, 'maps/regions.json'), 'utf8')).regions.map((r: { id: string; country: string }) => [r.id, r.country]),
);

// ---------- small helpers ----------
/** Minimal CSV reader: the raw files quote no fields and no field contains a comma. */
const csvCache = new Map<string, Record<string, string>[]>();
function readCsv(file: string): Record<string, string>[] {
  const have = csvCache.get(file);
  if (have) return have;
  let text = '';
  try {
    text = readFileSync(join(RAW_DIR, file), 'utf8');
  } catch (e) {
    fail(join(RAW_DIR, file), '(file)', `cannot read raw input (pass the raw data folder as argv[2]): ${(e as Error).message}`);
  }
  const [head, ...lines] = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const cols = head.split(',');
  const rows = lines.map((line, i) => {
    const cells = line.split(',');
    if (cells.length !== cols.length) fail(file, `line ${i + 2}`, `expected ${cols.length} fields, got ${cells.length}`);
    return Object.fromEntries(cols.map((c, j) => [c, cells[j]]));
  });
  csvCache.set(file, rows);
  return rows;
}


const round4 = (x: number): number => Number(x.toPrecision(4));


/** Parses an elicited ranked list into Zipf weights (rank r -> (r+1)^-s). Duplicates are input errors. */
function rankedWeights(file: string, key: string, list: string, s: number): Map<string, number> {
  const out = new Map<string, number>();
  list.split(',').map((n) => n.trim()).filter(Boolean).forEach((name, i) => {
    if (out.has(name)) fail(file, key, `duplicate name "${name}" in names`);
    if (!/^[\p{L}][\p{L}\p{M}' .-]*$/u.test(name)) fail(file, key, `bad name "${name}"`);
    out.set(name, 1 / (i + 2) ** s);
  });
  return out;
}

const normalise = (m: Map<string, number>, total: number): Map<string, number> => {
  const sum = [...m.values()].reduce((a, b) => a + b, 0);
  return new Map([...m].map(([k, v]) => [k, (v / sum) * total]));
};

/** Sorted output table; counted tables keep integers, mixtures are rounded; drops zero weights. */
function toTable(prov: string, m: Map<string, number>, counted: boolean): NameTable {
  const rows = [...m].map(([n, w]) => [n, counted ? Math.round(w) : round4(w)] as const).filter(([, w]) => w > 0);
  rows.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { prov, names: rows.map((r) => r[0]), weights: rows.map((r) => r[1]) };
}

// ---------- raw published inputs ----------
interface Ssa { bySexDecade: Map<string, Map<string, number>>; unisex: Set<string> }
/** SSA counts `${sex}/${decade}` -> name -> births, minus cross-sex noise, and the data-defined unisex names. */
function loadSsa(): Ssa {
  const raw = new Map<string, Map<string, number>>();
  for (const r of readCsv('us-ssa-first-names-by-decade.csv')) {
    if (!DECADES.includes(r.decade)) continue;
    const k = `${r.sex}/${r.decade}`;
    if (!raw.has(k)) raw.set(k, new Map());
    raw.get(k)!.set(r.name, Number(r.births));
  }
  const bySexDecade = new Map<string, Map<string, number>>();
  const unisex = new Set<string>();
  for (const d of DECADES) {
    const f = raw.get(`F/${d}`) ?? new Map<string, number>();
    const m = raw.get(`M/${d}`) ?? new Map<string, number>();
    for (const [sex, mine, other] of [['F', f, m], ['M', m, f]] as const) {
      const kept = new Map<string, number>();
      for (const [name, n] of mine) {
        const total = n + (other.get(name) ?? 0);
        if (n / total >= SSA_MIN_SEX_SHARE) kept.set(name, n);
        if (sex === 'F' && total >= SSA_UNISEX_MIN_BIRTHS && Math.min(n, total - n) / total >= SSA_UNISEX_SHARE) unisex.add(name);
      }
      bySexDecade.set(`${sex}/${d}`, kept);
    }
  }
  return { bySexDecade, unisex };
}

/** Census display form: NGUYEN -> Nguyen, MCDONALD -> McDonald, overrides for O'/Mac/De La names. */
function censusDisplay(raw: string, overrides: Record<string, string>): string {
  if (overrides[raw]) return overrides[raw];
  const t = raw.charAt(0) + raw.slice(1).toLowerCase();
  return /^Mc./.test(t) ? 'Mc' + t.charAt(2).toUpperCase() + t.slice(3) : t;
}

/**
 * Allocates each census surname's count to origins: Hispanic-class names (>= 50 % Hispanic) by pcthispanic,
 * API classes by pctapi (a name in several API classes splits it), European classes by pctwhite, the
 * African diaspora by pctblack and indigenous by pctaian over names that are not Hispanic-class,
 * and angloCeltic by pctwhite over names no European or Hispanic class claims.
 */
function censusByClass(classes: Record<string, Set<string>>, display: Record<string, string>): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  const add = (cls: string, name: string, v: number) => {
    if (!(v > 0)) return;
    if (!out.has(cls)) out.set(cls, new Map());
    const m = out.get(cls)!;
    m.set(name, (m.get(name) ?? 0) + v);
  };
  const pct = (s: string) => (s === '(S)' ? 0 : Number(s) / 100); // (S) = suppressed small cell
  for (const r of readCsv('us-census-2010-surnames-top1000.csv')) {
    const name = censusDisplay(r.name, display);
    const count = Number(r.count);
    const mine = Object.keys(classes).filter((c) => classes[c].has(r.name));
    const api = mine.filter((c) => API_ORIGINS.has(c));
    const european = mine.filter((c) => !API_ORIGINS.has(c) && c !== 'hispanic');
    const hispanic = pct(r.pcthispanic) * 100 >= HISPANIC_THRESHOLD || mine.includes('hispanic');
    if (hispanic) add('hispanic', name, count * pct(r.pcthispanic));
    // Filipino surnames are mostly Spanish: the Asian share of a Hispanic-class name is overwhelmingly Filipino.
    if (hispanic && api.length === 0) add('filipino', name, count * pct(r.pctapi));
    for (const c of api) add(c, name, (count * pct(r.pctapi)) / api.length);
    for (const c of european) add(c, name, (count * pct(r.pctwhite)) / european.length);
    if (!hispanic) {
      add('africanDiaspora', name, count * pct(r.pctblack));
      add('indigenous', name, count * pct(r.pctaian));
    }
    if (!hispanic && european.length === 0) add('angloCeltic', name, count * pct(r.pctwhite));
  }
  return out;
}

/** `CC`, `CC@year` or `CC@year#group` -> filter over a Wikipedia list's rows. */
function wikiRows(file: string, spec: string): Record<string, string>[] {
  const [country, rest = ''] = spec.split('@');
  const [year, group] = rest.split('#');
  return readCsv(file).filter((r) => r.Country === country && (!year || r.Year === year) && (!group || r['Country Group'] === group));
}

/**
 * Wikipedia list -> weights: the published counts when every row has one (ES, MX, JP), else Zipf by rank;
 * forms sharing a rank split its weight (or, with `primary`, only the first form is kept).
 */
function wikiRanked(rows: Record<string, string>[], rankCol: string, s: number, primary: boolean): Map<string, number> {
  const byRank = new Map<string, { rank: number; count: number; forms: string[] }>();
  for (const r of rows) {
    const k = `${r.Year ?? ''}/${r['Country Group'] ?? ''}/${r[rankCol]}`; // several lists of a country rank separately
    const e = byRank.get(k) ?? { rank: Number(r[rankCol]), count: Number(r.Count || NaN), forms: [] };
    const name = r['Romanized Name'];
    if (name && !e.forms.includes(name) && !(primary && e.forms.length)) e.forms.push(name);
    byRank.set(k, e);
  }
  const counted = [...byRank.values()].every((e) => e.count > 0);
  const out = new Map<string, number>();
  for (const { rank, count, forms } of byRank.values()) {
    const w = counted ? count : 1 / (rank + 1) ** s;
    for (const f of forms) out.set(f, (out.get(f) ?? 0) + w / forms.length);
  }
  return out;
}

// ---------- key validation ----------
function checkFirstKey(file: string, key: string): void {
  const p = key.split('/');
  const decadeOk = (d: string, star: boolean) => DECADES.includes(d) || (star && d === '*');
  const ok =
    (p[0] === 'host' && p.length === 4 && COUNTRIES.includes(p[1]) && /^[FM]$/.test(p[2]) && decadeOk(p[3], false)) ||
    (p[0] === 'heritage' && (p.length === 5 || (p.length === 6 && COUNTRIES.includes(p[5]))) && ORIGINS.includes(p[1]) &&
      (p[2] === '*' || RELIGIONS.includes(p[2])) && /^[FM]$/.test(p[3]) && decadeOk(p[4], true)) ||
    (p[0] === 'unisex' && p.length === 2 && COUNTRIES.includes(p[1]));
  if (!ok) fail(file, key, 'bad firstNames key (host/<country>/<F|M>/<decade>, heritage/<origin>/<religion|*>/<F|M>/<decade|*>[/<country>] or unisex/<country>)');
}

function checkLastKey(file: string, key: string): void {
  const [origin, religion, country, region, ...extra] = key.split('/');
  if (extra.length || !ORIGINS.includes(origin)) fail(file, key, 'bad lastNames key: unknown culturalOrigin or too many parts');
  if (religion !== '*' && !RELIGIONS.includes(religion)) fail(file, key, `unknown religion "${religion}"`);
  if (country !== '*' && !COUNTRIES.includes(country)) fail(file, key, `unknown country "${country}"`);
  if (region !== '*' && REGION_COUNTRY.get(region) !== country) fail(file, key, `region "${region}" is not a region of ${country}`);
}

function checkProvenance(file: string, id: string, p: Provenance): void {
  const need = p.kind === 'published' ? ['source', 'table', 'year'] : p.kind === 'estimate' ? ['method', 'basis'] : null;
  if (!need) fail(file, `provenance.${id}`, 'kind must be "published" or "estimate"');
  for (const f of need!) if (p[f] === undefined || p[f] === '') fail(file, `provenance.${id}`, `missing "${f}"`);
}

/** Sex and decade a key stands for (`host/C/S/D`, `heritage/O/R/S/D`); undefined parts for other keys. */
function sexDecade(key: string): { sex?: string; decade?: string } {
  const p = key.split('/');
  if (p[0] === 'host') return { sex: p[2], decade: p[3] };
  if (p[0] === 'heritage') return { sex: p[3], decade: p[4] };
  return {};
}

// ---------- main ----------
interface Source {
  provenance?: Record<string, Provenance>;
  pools?: Record<string, string>;
  firstNames?: Record<string, TableSpec>;
  lastNames?: Record<string, TableSpec>;
  censusClasses?: Record<string, string>;
  censusDisplay?: Record<string, string>;
  lambda?: Record<string, unknown> & { prov: string };
}

type Section = 'firstNames' | 'lastNames';

function main(): void {
  const files = readdirSync(SOURCE_DIR).filter((f) => f.endsWith('.json')).sort();
  const sources: [string, Source][] = files.map((f) => {
    try {
      return [f, JSON.parse(readFileSync(join(SOURCE_DIR, f), 'utf8'))];
    } catch (e) {
      return fail(f, '(file)', `invalid JSON: ${(e as Error).message}`);
    }
  });

  // Gather provenance, pools, census classes and display overrides first: tables in any file may use them.
  const provenance = new Map<string, [string, Provenance]>();
  const pools = new Map<string, [string, string]>();
  const classes: Record<string, Set<string>> = {};
  const display: Record<string, string> = {};
  for (const [f, s] of sources) {
    for (const [id, p] of Object.entries(s.provenance ?? {})) {
      if (provenance.has(id)) fail(f, `provenance.${id}`, `already defined in ${provenance.get(id)![0]}`);
      checkProvenance(f, id, p);
      provenance.set(id, [f, p]);
    }
    for (const [id, list] of Object.entries(s.pools ?? {})) {
      if (pools.has(id)) fail(f, `pools.${id}`, `already defined in ${pools.get(id)![0]}`);
      pools.set(id, [f, list]);
    }
    for (const [cls, list] of Object.entries(s.censusClasses ?? {})) {
      if (!ORIGINS.includes(cls)) fail(f, `censusClasses.${cls}`, 'not a culturalOrigin');
      classes[cls] ??= new Set();
      for (const n of list.split(',').map((x) => x.trim().toUpperCase()).filter(Boolean)) classes[cls].add(n);
    }
    Object.assign(display, s.censusDisplay ?? {});
  }

  const ssa = loadSsa();
  const census = censusByClass(classes, display);
  const used = new Set<string>();

  // All table specs by expanded key, so `ref` parts can be resolved in any order.
  const specs: Record<Section, Map<string, { file: string; pattern: string; spec: TableSpec }>> = { firstNames: new Map(), lastNames: new Map() };
  for (const [section, check] of [['firstNames', checkFirstKey], ['lastNames', checkLastKey]] as const) {
    for (const [f, s] of sources) {
      for (const [pattern, spec] of Object.entries(s[section] ?? {})) {
        if (!provenance.has(spec.prov)) fail(f, `${section}.${pattern}`, `unknown prov "${spec.prov}"`);
        for (const key of expandBraces(pattern)) {
          check(f, key); // report a bad key before anything about its contents
          if (specs[section].has(key)) fail(f, `${section}.${key}`, `table defined twice (also in ${specs[section].get(key)!.file})`);
          specs[section].set(key, { file: f, pattern, spec });
        }
      }
    }
  }

  const built: Record<Section, Map<string, { table: NameTable; raw: Map<string, number> }>> = { firstNames: new Map(), lastNames: new Map() };
  const building = new Set<string>();

  /** One part's weights (unnormalised) for table `key`. */
  const partWeights = (section: Section, f: string, key: string, part: PartSpec, derivedNext: boolean): { m: Map<string, number>; counted: boolean } => {
    const { sex, decade } = sexDecade(key);
    const defZipf = (flat: boolean) => part.zipf ?? (flat ? 0 : section === 'firstNames' ? 0.8 : 0.6);
    const kinds = ['names', 'pool', 'ssa', 'census', 'surnames', 'forenames', 'ref'].filter((k) => part[k as keyof PartSpec] !== undefined);
    if (kinds.length !== 1) fail(f, key, `a part needs exactly one of names/pool/ssa/census/surnames/forenames/ref, got ${kinds.join(',') || 'none'}`);
    let m: Map<string, number>;
    let counted = false;
    if (part.names !== undefined) m = rankedWeights(f, key, part.names, defZipf(derivedNext));
    else if (part.pool !== undefined) {
      const p = pools.get(part.pool) ?? fail(f, key, `unknown pool "${part.pool}"`);
      m = rankedWeights(p[0], `pools.${part.pool}`, p[1], defZipf(true));
    } else if (part.ssa) {
      if (!sex || !decade || decade === '*') fail(f, key, 'ssa needs a key with a sex and a decade');
      const all = ssa.bySexDecade.get(`${sex}/${decade}`) ?? fail(f, key, `no SSA data for ${sex}/${decade}`);
      const sorted = [...all].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      m = new Map(part.ssa.top ? sorted.slice(0, part.ssa.top) : sorted);
      counted = true;
    } else if (part.census !== undefined) {
      m = census.get(part.census) ?? fail(f, key, `census class "${part.census}" matched no surname`);
    } else if (part.surnames !== undefined) {
      m = wikiRanked(wikiRows('surnames-by-country.csv', part.surnames), 'Rank', part.zipf ?? 0.6, Boolean(part.primary));
      if (m.size === 0) fail(f, key, `no rows for ${part.surnames} in surnames-by-country.csv`);
    } else if (part.forenames !== undefined) {
      if (!sex) fail(f, key, 'forenames needs a key with a sex');
      m = wikiRanked(wikiRows('forenames-by-country.csv', part.forenames).filter((r) => r.Gender === sex), 'Index', part.zipf ?? 0.8, Boolean(part.primary));
      if (m.size === 0) fail(f, key, `no ${sex} rows for ${part.forenames} in forenames-by-country.csv`);
    } else {
      const refs = (Array.isArray(part.ref) ? part.ref : [part.ref!]).map((r) => r.replace('{s}', sex ?? '').replace('{d}', decade ?? ''));
      const hit = refs.find((r) => specs[section].has(r)) ?? fail(f, key, `ref ${refs.join(' | ')}: no such table`);
      m = buildTable(section, hit).raw;
    }
    if (part.ascii) {
      const folded = new Map<string, number>();
      for (const [n, w] of m) folded.set(foldAscii(n), (folded.get(foldAscii(n)) ?? 0) + w);
      m = folded;
    }
    return { m, counted };
  };

  /** Builds (memoised) the table `key` of `section`: main part plus `parts`, each scaled to its share. */
  function buildTable(section: Section, key: string): { table: NameTable; raw: Map<string, number> } {
    const have = built[section].get(key);
    if (have) return have;
    const entry = specs[section].get(key)!;
    const { file: f, spec } = entry;
    if (building.has(`${section}:${key}`)) fail(f, key, 'ref cycle');
    building.add(`${section}:${key}`);

    const extras = spec.parts ?? [];
    const extraShare = extras.reduce((a, p) => a + (p.share ?? fail(f, key, 'every entry of parts needs a share')), 0);
    const derivedKeys = ['ssa', 'census', 'surnames', 'forenames', 'ref', 'pool'] as const;
    const derivedMain = derivedKeys.filter((k) => spec[k] !== undefined);
    if (derivedMain.length > 1) fail(f, key, `main part has several derived lists: ${derivedMain.join(',')}`);
    const hasMain = derivedMain.length > 0 || spec.names !== undefined;
    if (!hasMain && !extras.length) fail(f, key, 'table has neither names nor a derived part');
    if (extraShare > 1 + 1e-9 || (hasMain && extraShare >= 1)) fail(f, key, 'parts shares leave nothing for the main part (or exceed 1)');

    const merged = new Map<string, number>();
    const addScaled = (m: Map<string, number>, total: number) => {
      for (const [n, w] of normalise(m, total)) merged.set(n, (merged.get(n) ?? 0) + w);
    };
    let counted = false;
    const mainTotal = 1e6 * (hasMain ? 1 - extraShare : 0);
    if (hasMain) {
      const d = derivedMain.length ? partWeights(section, f, key, { [derivedMain[0]]: spec[derivedMain[0]], ascii: spec.ascii, primary: spec.primary, zipf: spec.zipf } as PartSpec, false) : undefined;
      const e = spec.names !== undefined ? partWeights(section, f, key, { names: spec.names, zipf: spec.zipf }, Boolean(d)) : undefined;
      if (d && e) {
        const share = spec.share ?? 0.25;
        if (!(share > 0 && share < 1)) fail(f, key, 'share must be in (0, 1)');
        addScaled(d.m, mainTotal * (1 - share));
        addScaled(e.m, mainTotal * share);
      } else if (d && d.counted && !extras.length) {
        for (const [n, w] of d.m) merged.set(n, w); // published counts kept as they are (SSA births)
        counted = true;
      } else addScaled((d ?? e)!.m, mainTotal);
    }
    for (const p of extras) addScaled(partWeights(section, f, key, p, false).m, (1e6 * p.share!) / (hasMain ? 1 : extraShare));

    const table = toTable(spec.prov, merged, counted);
    if (!table.names.length) fail(f, key, 'table is empty');
    used.add(spec.prov);
    const out = { table, raw: merged };
    built[section].set(key, out);
    building.delete(`${section}:${key}`);
    return out;
  }

  const buildAll = (section: Section) => {
    const keys = [...specs[section].keys()].sort();
    return Object.fromEntries(keys.map((k) => [k, buildTable(section, k).table]));
  };
  const firstTables = buildAll('firstNames');
  const lastTables = buildAll('lastNames');

  // The US unisex list is data-defined (SSA) plus whatever unisex/US lists by hand; other countries list theirs
  // by hand (unisex/<CC> in the sources). Unisex tables are sets: every name weighs 1.
  const usUnisex = [...new Set([...ssa.unisex, ...(firstTables['unisex/US']?.names ?? [])])].sort();
  firstTables['unisex/US'] = { prov: firstTables['unisex/US']?.prov ?? 'usSsa', names: usUnisex, weights: usUnisex.map(() => 1) };
  for (const [k, t] of Object.entries(firstTables)) {
    if (k.startsWith('unisex/')) firstTables[k] = { prov: t.prov, names: [...t.names].sort(), weights: t.names.map(() => 1) };
  }
  const sortedFirst = Object.fromEntries(Object.keys(firstTables).sort().map((k) => [k, firstTables[k]]));

  // Coverage the engine relies on (lookup order: docs/names.md).
  for (const o of ORIGINS) {
    for (const sex of ['F', 'M']) if (!firstTables[`heritage/${o}/*/${sex}/*`]) fail('sources', `heritage/${o}/*/${sex}/*`, 'missing fallback table');
    if (!lastTables[`${o}/*/*/*`]) fail('sources', `${o}/*/*/*`, 'missing fallback surname table');
  }
  for (const c of COUNTRIES) for (const sex of ['F', 'M']) {
    const n = DECADES.filter((d) => firstTables[`host/${c}/${sex}/${d}`]).length;
    if (n < 3) fail('sources', `host/${c}/${sex}`, `only ${n} decades (need >= 3)`);
  }

  const lambdaSrc = sources.filter(([, s]) => s.lambda);
  if (lambdaSrc.length !== 1) fail('sources', 'lambda', `expected exactly one lambda block, found ${lambdaSrc.length}`);
  const [lf, lambda] = [lambdaSrc[0][0], lambdaSrc[0][1].lambda!];
  const prob = (k: string, v: unknown) => (typeof v === 'number' && v >= 0 && v <= 1 ? v : fail(lf, `lambda.${k}`, 'must be a number in [0, 1]'));
  prob('default', lambda.default);
  prob('foreignBorn', lambda.foreignBorn);
  if (!provenance.has(lambda.prov)) fail(lf, 'lambda.prov', `unknown prov "${lambda.prov}"`);
  used.add(lambda.prov);
  const sortObj = (o: Record<string, unknown>) => Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
  const byOrigin = (lambda.byOrigin ?? {}) as Record<string, number>;
  for (const [k, v] of Object.entries(byOrigin)) {
    if (!ORIGINS.includes(k)) fail(lf, `lambda.byOrigin.${k}`, 'not a culturalOrigin');
    prob(`byOrigin.${k}`, v);
  }
  // `<origin>/<country>` or `<origin>/<country>/<religion>` (e.g. Copts in EG keep their own names).
  const byOC = (lambda.byOriginCountry ?? {}) as Record<string, number>;
  for (const [k, v] of Object.entries(byOC)) {
    const [o, c, r, ...rest] = k.split('/');
    if (!ORIGINS.includes(o) || !COUNTRIES.includes(c) || (r !== undefined && !RELIGIONS.includes(r)) || rest.length) {
      fail(lf, `lambda.byOriginCountry.${k}`, 'key must be <culturalOrigin>/<country>[/<religionRaised>]');
    }
    prob(`byOriginCountry.${k}`, v);
  }

  crossSexReport(sortedFirst);

  const provOut = (ids: Set<string>) => Object.fromEntries([...ids].sort().map((id) => [id, provenance.get(id)![1]]));
  const provOf = (t: Record<string, NameTable>) => new Set(Object.values(t).map((x) => x.prov));
  const firstProv = provOf(sortedFirst).add(lambda.prov);
  mkdirSync(OUT_DIR, { recursive: true });
  const write = (name: string, data: unknown) => writeFileSync(join(OUT_DIR, name), JSON.stringify(data) + '\n');
  write('firstNames.json', {
    provenance: provOut(firstProv),
    tables: sortedFirst,
    lambda: {
      default: lambda.default, byOrigin: sortObj(byOrigin), byOriginCountry: sortObj(byOC),
      foreignBorn: lambda.foreignBorn, prov: lambda.prov,
    },
  });
  write('lastNames.json', { provenance: provOut(provOf(lastTables)), tables: lastTables });

  const unused = [...provenance.keys()].filter((id) => !used.has(id));
  const distinct = (t: Record<string, NameTable>, skip = '') => new Set(Object.entries(t).filter(([k]) => !skip || !k.startsWith(skip)).flatMap(([, x]) => x.names));
  const df = distinct(sortedFirst, 'unisex/');
  const dl = distinct(lastTables);
  console.log(`firstNames: ${Object.keys(sortedFirst).length} tables, ${df.size} distinct names`);
  console.log(`lastNames: ${Object.keys(lastTables).length} tables, ${dl.size} distinct names`);
  console.log(`distinct first + last: ${df.size + dl.size}`);
  if (unused.length) console.warn(`warning: unused provenance ids: ${unused.join(', ')}`);
}


try {
  main();
} catch (e) {
  if (e instanceof InputError) {
    console.error(`names build failed: ${e.message}`);
    process.exit(1);
  }
  throw e;
}
