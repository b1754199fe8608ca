import type { FirstNamesMap, LastNamesMap } from './mapSchema.js';

/** A name table ready for sampling: names with cumulative weights. */
export interface NameTable { readonly names: readonly string[]; readonly cumulative: Float64Array }

/** Compiled first- and last-name tables with their look-up fallbacks (docs/maps.md, names). */
export interface NameTables {
  readonly first: ReadonlyMap<string, NameTable>;
  readonly last: ReadonlyMap<string, NameTable>;
  readonly hostDecades: ReadonlyMap<string, readonly number[]>;
  readonly lambda: FirstNamesMap['lambda'];
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
  const c = table.cumulative;
  const target = u * c[c.length - 1];
  let lo = 0;
  let hi = c.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (c[mid] > target) hi = mid;
    else lo = mid + 1;
  }
  return table.names[lo];
}

/** The heritage first-name table: religion- and decade-specific first, then broader. */
export function heritageTable(t: NameTables, origin: string, religion: string, sex: string, decade: number): NameTable | undefined {
  return t.first.get(`heritage/${origin}/${religion}/${sex}/${decade}`)
    ?? t.first.get(`heritage/${origin}/${religion}/${sex}/*`)
    ?? t.first.get(`heritage/${origin}/*/${sex}/${decade}`)
    ?? t.first.get(`heritage/${origin}/*/${sex}/*`);
}

/** The host-country first-name table for a birth decade, or the nearest decade the country has. */
export function hostTable(t: NameTables, country: string, sex: string, decade: number): NameTable | undefined {
  const decades = t.hostDecades.get(`${country}/${sex}`);
  if (!decades) return undefined;
  let best = decades[0];
  for (const d of decades) if (Math.abs(d - decade) < Math.abs(best - decade)) best = d;
  return t.first.get(`host/${country}/${sex}/${best}`);
}

/** The surname table: exact, then any region, then any country, then any religion. */
export function surnameTable(t: NameTables, origin: string, religion: string, country: string, region: string): NameTable | undefined {
  return t.last.get(`${origin}/${religion}/${country}/${region}`)
    ?? t.last.get(`${origin}/${religion}/${country}/*`)
    ?? t.last.get(`${origin}/${religion}/*/*`)
    ?? t.last.get(`${origin}/*/${country}/${region}`)
    ?? t.last.get(`${origin}/*/${country}/*`)
    ?? t.last.get(`${origin}/*/*/*`);
}

/** Heritage weight for the locally born (Appendix C), or `foreignBorn` for people born abroad. */
export function heritageLambda(t: NameTables, origin: string, country: string, bornHere: boolean): number {
  if (!bornHere) return t.lambda.foreignBorn;
  return t.lambda.byOriginCountry[`${origin}/${country}`] ?? t.lambda.byOrigin[origin] ?? t.lambda.default;
}
