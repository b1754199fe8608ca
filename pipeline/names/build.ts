/**
 * Builds the name tables `maps/names/firstNames.json` and `maps/names/lastNames.json` (format: docs/maps.md and
 * design Appendix C) from two kinds of input:
 *
 * - published raw files in `../shared/data/names/` (override with argv[2]): US SSA first names by decade, the US
 *   Census 2010 top-1000 surnames with race shares, Wikipedia surname lists by country;
 * - hand-written source files `pipeline/names/sources/*.json` (elicited ranked lists, census surname classes,
 *   lambda), each carrying its own provenance entries.
 *
 * Source file shape (every key optional):
 * ```jsonc
 * { "provenance": { "<id>": { "kind": "estimate", ... } },
 *   "firstNames": { "host/GB/F/{1940,1950}": { "prov": "<id>", "names": "Margaret, Patricia, ..." } },
 *   "lastNames":  { "irish/*\/US/*": { "prov": "<id>", "census": "irish", "names": "...", "share": 0.3 } },
 *   "censusClasses": { "irish": "MURPHY, KELLY, ..." }, "censusDisplay": { "OBRIEN": "O'Brien" },
 *   "lambda": { "prov": "<id>", "default": 0.3, "byOrigin": {}, "byOriginCountry": {}, "foreignBorn": 0.95 } }
 * ```
 * Keys may use `{a,b}` brace groups; each expansion becomes its own table (the engine does exact lookups).
 * `names` is a comma-separated list in descending popularity; elicited lists carry ranks, not counts, so their
 * weights follow (rank + 1)^-zipf. The default exponent is 0.8 for first names and 0.6 for surnames: a short
 * list stands in for a long real tail, and a steeper law would pile too much mass on the first few names
 * (override with `zipf`, e.g. 1.5 where one name dominates, like Singh). A table may add one derived part
 * (`ssa`, `census` or `surnames`); the elicited list then gets `share` of the mass (default 0.25) and names in
 * both parts add up. Next to counted data the elicited list is a tail of rarer names, so it is flat (zipf 0)
 * unless `zipf` says otherwise.
 *
 * Output is deterministic: keys sorted, names by weight then name, weights rounded to 6 significant digits.
 *
 * @example
 *   cd /work/main && npx tsx pipeline/names/build.ts [../shared/data/names]
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Provenance object as in docs/maps.md. */
export interface Provenance { kind: 'published' | 'estimate'; [k: string]: unknown }
/** One output table: parallel arrays of names and positive relative weights. */
export interface NameTable { prov: string; names: string[]; weights: number[] }
/** A table as written in a source file. */
export interface TableSpec {
  prov: string;
  names?: string;
  zipf?: number;
  share?: number;
  /** First names: take SSA counts for the key's sex and decade, top N. */
  ssa?: { top: number };
  /** Last names: a US Census 2010 surname class (see CLASS_COLUMN). */
  census?: string;
  /** Last names: the ranked rows of this country in surnames-by-country.csv. */
  surnames?: string;
}

const ROOT = resolve(import.meta.dirname, '../..');
const RAW_DIR = resolve(ROOT, process.argv[2] ?? '../shared/data/names');
const SOURCE_DIR = join(import.meta.dirname, 'sources');
const OUT_DIR = join(ROOT, 'maps/names');
const DECADES = ['1920', '1930', '1940', '1950', '1960', '1970', '1980', '1990', '2000'];
const COVERED = ['US', 'GB', 'IE', 'IN'];

/** Census race column that carries a class's bearers (API-origin names: only the Asian share is that origin). */
const API_ORIGINS = new Set(['chinese', 'japanese', 'korean', 'vietnamese', 'filipino', 'northIndian', 'southIndian', 'punjabiSikh', 'southAsianMuslim']);
/** A surname is Hispanic-class when at least this % of bearers are Hispanic (2010 Census). */
const HISPANIC_THRESHOLD = 50;

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
/** Minimal CSV reader: the raw files quote no fields except the Wikipedia ones, which never contain commas. */
function readCsv(file: string): Record<string, string>[] {
  let text = '';
  try {
    text = readFileSync(join(RAW_DIR, file), 'utf8');
  } catch (e) {
    fail(join(RAW_DIR, file), '(file)', `cannot read raw input (pass the raw data folder as argv[2]): ${(e as Error).message}`);
  }
  const [head, ...lines] = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const cols = head.split(',');
  return lines.map((line, i) => {
    const cells = line.split(',');
    if (cells.length !== cols.length) fail(file, `line ${i + 2}`, `expected ${cols.length} fields, got ${cells.length}`);
    return Object.fromEntries(cols.map((c, j) => [c, cells[j]]));
  });
}

/** Expands `a/{x,y}/b` into `a/x/b`, `a/y/b` (several groups allowed, no nesting). */
export function expandBraces(key: string): string[] {
  const m = /\{([^{}]*)\}/.exec(key);
  if (!m) return [key];
  return m[1].split(',').flatMap((alt) => expandBraces(key.slice(0, m.index) + alt.trim() + key.slice(m.index + m[0].length)));
}

const round6 = (x: number): number => Number(x.toPrecision(6));

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

/** Sorted, rounded output table; drops zero weights (e.g. suppressed census shares). */
function toTable(prov: string, m: Map<string, number>): NameTable {
  const rows = [...m].map(([n, w]) => [n, round6(w)] as const).filter(([, w]) => w > 0);
  rows.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { prov, names: rows.map((r) => r[0]), weights: rows.map((r) => r[1]) };
}

// ---------- raw published inputs ----------
/** SSA counts: `${sex}/${decade}` -> name -> births. */
function loadSsa(): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const r of readCsv('us-ssa-first-names-by-decade.csv')) {
    const k = `${r.sex}/${r.decade}`;
    if (!out.has(k)) out.set(k, new Map());
    out.get(k)!.set(r.name, Number(r.births));
  }
  return out;
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

/** Wikipedia surname list of one country: ranks only, so Zipf weights; forms sharing a rank split its weight. */
function countrySurnames(country: string, s: number): Map<string, number> {
  const rows = readCsv('surnames-by-country.csv').filter((r) => r.Country === country);
  const byRank = new Map<number, string[]>();
  for (const r of rows) byRank.set(Number(r.Rank), [...(byRank.get(Number(r.Rank)) ?? []), r['Romanized Name']]);
  const out = new Map<string, number>();
  for (const [rank, forms] of byRank) for (const f of forms) out.set(f, 1 / (rank + 1) ** s / forms.length);
  return out;
}

// ---------- key validation ----------
function checkFirstKey(file: string, key: string): void {
  const p = key.split('/');
  const decadeOk = (d: string, star: boolean) => DECADES.includes(d) || (star && d === '*');
  const ok =
    (p[0] === 'host' && p.length === 4 && COUNTRIES.includes(p[1]) && /^[FM]$/.test(p[2]) && decadeOk(p[3], false)) ||
    (p[0] === 'heritage' && p.length === 5 && ORIGINS.includes(p[1]) && (p[2] === '*' || RELIGIONS.includes(p[2])) &&
      /^[FM]$/.test(p[3]) && decadeOk(p[4], true));
  if (!ok) fail(file, key, 'bad firstNames key (host/<country>/<F|M>/<decade> or heritage/<origin>/<religion|*>/<F|M>/<decade|*>)');
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

// ---------- main ----------
interface Source {
  provenance?: Record<string, Provenance>;
  firstNames?: Record<string, TableSpec>;
  lastNames?: Record<string, TableSpec>;
  censusClasses?: Record<string, string>;
  censusDisplay?: Record<string, string>;
  lambda?: Record<string, unknown> & { prov: string };
}

function main(): void {
  const files = readdirSync(SOURCE_DIR).filter((f) => f.endsWith('.json')).sort();
  const sources: [string, Source][] = files.map((f) => {
    try {
      return [f, JSON.parse(readFileSync(join(SOURCE_DIR, f), 'utf8'))];
    } catch (e) {
      return fail(f, '(file)', `invalid JSON: ${(e as Error).message}`);
    }
  });

  // Gather provenance, census classes and display overrides first: tables in any file may use them.
  const provenance = new Map<string, [string, Provenance]>();
  const classes: Record<string, Set<string>> = {};
  const display: Record<string, string> = {};
  for (const [f, s] of sources) {
    for (const [id, p] of Object.entries(s.provenance ?? {})) {
      if (provenance.has(id)) fail(f, `provenance.${id}`, `already defined in ${provenance.get(id)![0]}`);
      checkProvenance(f, id, p);
      provenance.set(id, [f, p]);
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

  const build = (section: 'firstNames' | 'lastNames', check: (f: string, k: string) => void) => {
    const out: Record<string, NameTable> = {};
    for (const [f, s] of sources) {
      for (const [pattern, spec] of Object.entries(s[section] ?? {})) {
        if (!provenance.has(spec.prov)) fail(f, `${section}.${pattern}`, `unknown prov "${spec.prov}"`);
        const keys = expandBraces(pattern);
        for (const key of keys) check(f, key); // report a bad key before anything about its contents
        const hasDerived = Boolean(spec.ssa || spec.census || spec.surnames);
        const zipf = spec.zipf ?? (hasDerived ? 0 : section === 'firstNames' ? 0.8 : 0.6);
        const elicited = spec.names ? rankedWeights(f, pattern, spec.names, zipf) : undefined;
        for (const key of keys) {
          if (out[key]) fail(f, `${section}.${key}`, 'table defined twice');
          let derived: Map<string, number> | undefined;
          if (spec.ssa) {
            const [, , sex, decade] = key.split('/');
            const all = ssa.get(`${sex}/${decade}`) ?? fail(f, key, `no SSA data for ${sex}/${decade}`);
            derived = new Map([...all].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, spec.ssa.top));
          } else if (spec.census) {
            derived = census.get(spec.census) ?? fail(f, key, `census class "${spec.census}" matched no surname`);
          } else if (spec.surnames) {
            derived = countrySurnames(spec.surnames, spec.zipf ?? 0.6);
            if (derived.size === 0) fail(f, key, `no rows for ${spec.surnames} in surnames-by-country.csv`);
          }
          if (!derived && !elicited) fail(f, key, 'table has neither names nor a derived part');
          let merged: Map<string, number>;
          if (derived && elicited) {
            const share = spec.share ?? 0.25;
            if (!(share > 0 && share < 1)) fail(f, key, 'share must be in (0, 1)');
            merged = normalise(derived, 1e6 * (1 - share));
            for (const [n, w] of normalise(elicited, 1e6 * share)) merged.set(n, (merged.get(n) ?? 0) + w);
          } else merged = derived && spec.ssa ? derived : normalise((derived ?? elicited)!, 1e6); // SSA keeps births
          out[key] = toTable(spec.prov, merged);
          used.add(spec.prov);
        }
      }
    }
    return Object.fromEntries(Object.keys(out).sort().map((k) => [k, out[k]]));
  };

  const firstTables = build('firstNames', checkFirstKey);
  const lastTables = build('lastNames', checkLastKey);

  // Coverage the engine relies on (see the lookup order in the brief / Appendix C).
  for (const o of ORIGINS) {
    for (const sex of ['F', 'M']) if (!firstTables[`heritage/${o}/*/${sex}/*`]) fail('sources', `heritage/${o}/*/${sex}/*`, 'missing fallback table');
    if (!lastTables[`${o}/*/*/*`]) fail('sources', `${o}/*/*/*`, 'missing fallback surname table');
  }
  for (const c of COVERED) for (const sex of ['F', 'M']) {
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
  const byOC = (lambda.byOriginCountry ?? {}) as Record<string, number>;
  for (const [k, v] of Object.entries(byOC)) {
    const [o, c] = k.split('/');
    if (!ORIGINS.includes(o) || !COUNTRIES.includes(c)) fail(lf, `lambda.byOriginCountry.${k}`, 'key must be <culturalOrigin>/<country>');
    prob(`byOriginCountry.${k}`, v);
  }

  const provOut = (ids: Set<string>) => Object.fromEntries([...ids].sort().map((id) => [id, provenance.get(id)![1]]));
  const provOf = (t: Record<string, NameTable>) => new Set(Object.values(t).map((x) => x.prov));
  const firstProv = provOf(firstTables).add(lambda.prov);
  mkdirSync(OUT_DIR, { recursive: true });
  const write = (name: string, data: unknown) => writeFileSync(join(OUT_DIR, name), JSON.stringify(data) + '\n');
  write('firstNames.json', {
    provenance: provOut(firstProv),
    tables: firstTables,
    lambda: {
      default: lambda.default, byOrigin: sortObj(byOrigin), byOriginCountry: sortObj(byOC),
      foreignBorn: lambda.foreignBorn, prov: lambda.prov,
    },
  });
  write('lastNames.json', { provenance: provOut(provOf(lastTables)), tables: lastTables });

  const unused = [...provenance.keys()].filter((id) => !used.has(id));
  const distinct = (t: Record<string, NameTable>) => new Set(Object.values(t).flatMap((x) => x.names)).size;
  console.log(`firstNames: ${Object.keys(firstTables).length} tables, ${distinct(firstTables)} distinct names`);
  console.log(`lastNames: ${Object.keys(lastTables).length} tables, ${distinct(lastTables)} distinct names`);
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
