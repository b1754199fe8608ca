import type { Dimension } from '../../src/engine/registry.js';
import type { CombinationParams } from './combinationParams.js';
import type { ParentGroups } from './parentGroups.js';

/**
 * The unnormalised combination for every group before the country bias and the rule masks: the same formula as
 * the run-time compiled model (src/engine/compileModel.ts), computed from the raw tables. Zero in the target is a
 * structural zero; a conditional without a row stands in with the target row. Where the tables contradict each other
 * (every value the rules allow gets zero from some table), the group falls back to the target alone, as the
 * sampler does (src/engine/conditionalWeights.ts).
 *
 * @example
 *   const base = groupBase(dim, groups, { pool: 'logLinear', targetWeight: 0.5, weights: [0.5], bias: null });
 */
export function groupBase(dim: Dimension, groups: ParentGroups, params: Omit<CombinationParams, 'bias'>): Float64Array {
  const { k, size } = groups;
  const target = dim.model.target.rows;
  const tables = dim.model.conditionals;
  const out = new Float64Array(size * k);
  const { pool, targetWeight, weights } = params;
  for (let g = 0; g < size; g++) {
    const tr = groups.rows[0][g] * k;
    for (let v = 0; v < k; v++) {
      const t = target[tr + v];
      if (t === 0) continue;
      if (pool === 'logLinear') {
        let l = targetWeight === 0 ? 0 : targetWeight * Math.log(t);
        for (let c = 0; c < tables.length && l > -Infinity; c++) {
          const w = weights[c];
          if (w === 0) continue;
          const r = groups.rows[c + 1][g];
          const p = r < 0 ? t : tables[c].rows[r * k + v];
          l = p === 0 ? -Infinity : l + w * Math.log(p);
        }
        out[g * k + v] = Math.exp(l);
      } else {
        let s = 0;
        for (let c = 0; c < tables.length; c++) {
          const r = groups.rows[c + 1][g];
          s += weights[c] * (r < 0 ? t : tables[c].rows[r * k + v]);
        }
        out[g * k + v] = s;
      }
    }
    let allowedMass = 0;
    for (let v = 0; v < k; v++) if (groups.allowed[g * k + v]) allowedMass += out[g * k + v];
    if (allowedMass > 0) continue;
    for (let v = 0; v < k; v++) {
      const t = target[tr + v];
      out[g * k + v] = t === 0 ? 0 : pool === 'logLinear' ? Math.pow(t, targetWeight) : 1;
    }
  }
  return out;
}
