import { applyRules } from './applyRules.js';
import type { Dimension } from './registry.js';

/**
 * Writes P(d = v | parents) (unnormalised) into `out` for the parent values in `values` (indexed by dimension),
 * and returns the total mass: the compiled combination of docs/maps.md (log-linear or linear pool of the target and
 * the conditionals, with the calibrated country bias) times the rule masks. Where the tables contradict each other
 * for these parents (every value the rules allow gets a zero from some table), the target alone stands in, exactly
 * as the map pipeline calibrated it (pipeline/combine/groupBase.ts). Hot path: plain loops over typed arrays, no
 * allocation.
 *
 * @example
 *   const out = new Float64Array(dim.values.length);
 *   const mass = conditionalWeights(dim, values, out); // out[v] / mass is the probability of value v
 */
export function conditionalWeights(dim: Dimension, values: Int32Array, out: Float64Array): number {
  const k = dim.values.length;
  const { factors, product, mix, pool } = dim.model;
  const head = factors[0];
  let base = 0;
  for (let i = 0; i < head.by.length; i++) base += values[head.by[i]] * head.strides[i];
  base *= k;
  if (pool === 'linear') {
    for (let v = 0; v < k; v++) out[v] = 0;
    for (let f = 1; f < factors.length; f++) {
      const factor = factors[f];
      let row = 0;
      for (let i = 0; i < factor.by.length; i++) row += values[factor.by[i]] * factor.strides[i];
      row *= k;
      const w = mix[f];
      for (let v = 0; v < k; v++) out[v] += w * factor.rows[row + v];
    }
    for (let v = 0; v < k; v++) out[v] *= head.rows[base + v];
  } else {
    const last = product.length - 1;
    for (let f = 0; f <= last; f++) {
      const factor = product[f];
      let row = 0;
      for (let i = 0; i < factor.by.length; i++) row += values[factor.by[i]] * factor.strides[i];
      row *= k;
      const rows = factor.rows;
      if (f === 0) for (let v = 0; v < k; v++) out[v] = rows[row + v];
      else for (let v = 0; v < k; v++) out[v] *= rows[row + v];
    }
  }
  if (dim.runtimeRules.length > 0) applyRules(dim, values, out);
  let mass = 0;
  for (let v = 0; v < k; v++) mass += out[v];
  if (mass > 0) return mass;
  for (let v = 0; v < k; v++) out[v] = head.rows[base + v];
  applyRules(dim, values, out);
  for (let v = 0; v < k; v++) mass += out[v];
  return mass;
}
