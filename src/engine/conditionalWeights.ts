import type { Dimension } from './registry.js';

/**
 * Writes P(d = v | parents) (unnormalised) into `out` for the parent values in `values` (indexed by dimension),
 * and returns the total mass. This is the log-linear pool of docs/maps.md: base row x multiplier rows (already
 * raised to their weights) x rule masks. Hot path: plain loops over typed arrays, no allocation.
 *
 * @example
 *   const out = new Float64Array(dim.values.length);
 *   const mass = conditionalWeights(dim, values, out); // out[v] / mass is the probability of value v
 */
export function conditionalWeights(dim: Dimension, values: Int32Array, out: Float64Array): number {
  const k = dim.values.length;
  const factors = dim.factors;
  for (let f = 0; f < factors.length; f++) {
    const factor = factors[f];
    let row = 0;
    for (let i = 0; i < factor.by.length; i++) row += values[factor.by[i]] * factor.strides[i];
    const base = row * k;
    if (f === 0) {
      for (let v = 0; v < k; v++) out[v] = factor.rows[base + v];
    } else if (factor.identity[row] === 0) {
      for (let v = 0; v < k; v++) out[v] *= factor.rows[base + v];
    }
  }
  const rules = dim.rules;
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r];
    let applies = true;
    for (let c = 0; c < rule.conditions.length && applies; c++) {
      const cond = rule.conditions[c];
      if ('allowed' in cond) applies = cond.allowed[values[cond.dim]] === 1;
      else applies = (cond.equal[values[cond.dim] * cond.otherCount + values[cond.other]] === 1) === cond.same;
    }
    if (applies) for (let v = 0; v < k; v++) if (rule.keep[v] === 0) out[v] = 0;
  }
  let mass = 0;
  for (let v = 0; v < k; v++) mass += out[v];
  return mass;
}

