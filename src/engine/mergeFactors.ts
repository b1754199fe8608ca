import type { CompiledFactor } from './compileModel.js';

/** Largest merged table, in floats (rows x values): 256 KB per table. */
const MERGE_LIMIT = 1 << 15;

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

function unionOf(a: readonly number[], b: readonly number[]): number[] {
  return [...new Set([...a, ...b])];
}

function multiply(a: CompiledFactor, b: CompiledFactor, k: number, cardinality: (dim: number) => number): CompiledFactor {
  const by = unionOf(a.by, b.by);
  const strides: number[] = [];
  let rowCount = 1;
  for (let i = by.length - 1; i >= 0; i--) {
    strides[i] = rowCount;
    rowCount *= cardinality(by[i]);
  }
  const rows = new Float64Array(rowCount * k);
  const tuple = new Int32Array(by.length);
  const pos = (f: CompiledFactor) => f.by.map((d) => by.indexOf(d));
  const pa = pos(a);
  const pb = pos(b);
  for (let r = 0; r < rowCount; r++) {
    let rem = r;
    for (let i = 0; i < by.length; i++) { tuple[i] = Math.floor(rem / strides[i]); rem -= tuple[i] * strides[i]; }
    let ra = 0;
    let rb = 0;
    for (let i = 0; i < pa.length; i++) ra += tuple[pa[i]] * a.strides[i];
    for (let i = 0; i < pb.length; i++) rb += tuple[pb[i]] * b.strides[i];
    for (let v = 0; v < k; v++) rows[r * k + v] = a.rows[ra * k + v] * b.rows[rb * k + v];
  }
  return { by, strides, rows };
}
