import { applyRules } from './applyRules.js';
import type { Dimension } from './registry.js';

/**
 * Writes P(d = v | parents) (unnormalised) into `out` for the parent values in `values` (indexed by dimension),
 * and returns the total mass: the compiled combination of docs/maps.md (log-linear or linear pool of the target and
 * the conditionals, with the calibrated country bias) times the rule masks. Where the tables contradict each other
 * for these parents (every value the rules allow gets a zero from some table), the target alone stands in, exactly
 * as the map pipeline calibrated it (pipeline/combine/groupBase.ts). Hot path: plain loops over the typed arrays of
 * the dimension's DrawModel, no allocation.
 *
 * @example
 *   const out = new Float64Array(dim.values.length);
 *   const mass = conditionalWeights(dim, values, out); // out[v] / mass is the probability of value v
 */
export function conditionalWeights(dim: Dimension, values: Int32Array, out: Float64Array): number {
  const { k, linear, code, tables, mix } = dim.draw;
  let p = 1;
  let base = 0;
  for (let n = code[0]; n > 0; n--, p += 2) base += values[code[p]] * code[p + 1];
  if (linear) {
    for (let v = 0; v < k; v++) out[v] = 0;
    for (let f = 1; f < tables.length; f++) {
      let row = 0;
      for (let n = code[p++]; n > 0; n--, p += 2) row += values[code[p]] * code[p + 1];
      const rows = tables[f];
      const w = mix[f];
      for (let v = 0; v < k; v++) out[v] += w * rows[row + v];
    }
    const head = tables[0];
    for (let v = 0; v < k; v++) out[v] *= head[base + v];
  } else {
    for (let f = 1; f < tables.length; f++) {
      let row = 0;
      for (let n = code[p++]; n > 0; n--, p += 2) row += values[code[p]] * code[p + 1];
      const rows = tables[f];
      if (f === 1) for (let v = 0; v < k; v++) out[v] = rows[row + v];
      else for (let v = 0; v < k; v++) out[v] *= rows[row + v];
    }
  }
  if (dim.runtimeRules.length > 0) applyRules(dim, values, out);
  let mass = 0;
  for (let v = 0; v < k; v++) mass += out[v];
  if (mass > 0) return mass;
  const head = tables[0];
  for (let v = 0; v < k; v++) out[v] = head[base + v];
  applyRules(dim, values, out);
  for (let v = 0; v < k; v++) mass += out[v];
  return mass;
}
