import type { CompiledFactor } from './compileModel.js';

/** Largest merged table, in floats (rows x values): 512 KB per table. */
const MERGE_LIMIT = 1 << 16;

/**
 * Multiplies the factors of a log-linear pool pairwise into fewer, larger tables while each stays under
 * MERGE_LIMIT, so sampling does fewer passes over the values (a dimension with 9 factors draws from 3-5). The
 * product is the same up to rounding; the cheapest pair is merged first. Hot-path preparation for
 * conditionalWeights.
 *
 * @example
 *   mergeFactors(model.factors, 44, cardinalities) // head x sex x age, education x field, ...
 */
export function mergeFactors(factors: readonly CompiledFactor[], k: number, cardinality: (dim: number) => number): CompiledFactor[] {
  const list = [...factors];
  for (;;) {
    let best: { i: number; j: number; size: number } | undefined;
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const size = unionOf(list[i].by, list[j].by).reduce((n, d) => n * cardinality(d), k);
        if (size <= MERGE_LIMIT && (!best || size < best.size)) best = { i, j, size };
      }
    }
    if (!best) return list;
    const merged = multiply(list[best.i], list[best.j], k, cardinality);
    list.splice(best.j, 1);
    list.splice(best.i, 1, merged);
  }
}

/** Row strides of a table keyed by `by` (last dimension fastest) and its number of rows. */
function layout(by: readonly number[], cardinality: (dim: number) => number): { strides: number[]; rowCount: number } {
  const strides: number[] = [];
  let rowCount = 1;
  for (let i = by.length - 1; i >= 0; i--) {
    strides[i] = rowCount;
    rowCount *= cardinality(by[i]);
  }
  return { strides, rowCount };
}

/** The value of each keyed dimension for row r, written into `tuple` (no allocation). */
function decodeInto(r: number, strides: readonly number[], tuple: Int32Array): void {
  let rem = r;
  for (let i = 0; i < strides.length; i++) {
    tuple[i] = Math.floor(rem / strides[i]);
    rem -= tuple[i] * strides[i];
  }
}

function unionOf(a: readonly number[], b: readonly number[]): number[] {
  return [...new Set([...a, ...b])];
}

function multiply(a: CompiledFactor, b: CompiledFactor, k: number, cardinality: (dim: number) => number): CompiledFactor {
  const by = unionOf(a.by, b.by);
  const { strides, rowCount } = layout(by, cardinality);
  const rows = new Float64Array(rowCount * k);
  const tuple = new Int32Array(by.length);
  const pos = (f: CompiledFactor) => f.by.map((d) => by.indexOf(d));
  const pa = pos(a);
  const pb = pos(b);
  for (let r = 0; r < rowCount; r++) {
    decodeInto(r, strides, tuple);
    let ra = 0;
    let rb = 0;
    for (let i = 0; i < pa.length; i++) ra += tuple[pa[i]] * a.strides[i];
    for (let i = 0; i < pb.length; i++) rb += tuple[pb[i]] * b.strides[i];
    for (let v = 0; v < k; v++) rows[r * k + v] = a.rows[ra * k + v] * b.rows[rb * k + v];
  }
  return { by, strides, rows };
}

/**
 * Re-keys a factor that is keyed by both the country and the region by the region alone: a region lies in one
 * country, so the other (country, region) rows are never read. Tables keyed by region shrink 24 times, which saves
 * memory and lets mergeFactors combine more of them.
 *
 * @example
 *   dropCountryWhereRegion(factor, k, countryDim, regionDim, regionCountry, cardinality)
 */
export function dropCountryWhereRegion(
  factor: CompiledFactor, k: number, country: number, region: number, countryOfRegion: Int32Array, cardinality: (dim: number) => number,
): CompiledFactor {
  const ci = factor.by.indexOf(country);
  const ri = factor.by.indexOf(region);
  if (ci < 0 || ri < 0) return factor;
  const by = factor.by.filter((d) => d !== country);
  const { strides, rowCount } = layout(by, cardinality);
  const rows = new Float64Array(rowCount * k);
  const tuple = new Int32Array(by.length);
  for (let r = 0; r < rowCount; r++) {
    decodeInto(r, strides, tuple);
    let source = 0;
    for (let i = 0; i < factor.by.length; i++) {
      const d = factor.by[i];
      source += (d === country ? countryOfRegion[tuple[by.indexOf(region)]] : tuple[by.indexOf(d)]) * factor.strides[i];
    }
    rows.set(factor.rows.subarray(source * k, source * k + k), r * k);
  }
  return { by, strides, rows };
}
