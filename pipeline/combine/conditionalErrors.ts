import type { Dimension } from '../../src/engine/registry.js';
import type { ParentGroups } from './parentGroups.js';
import { totalVariation } from './totalVariation.js';

/**
 * How far the combined model's pairwise conditionals are from the elicited tables: for each conditional table and
 * each of its rows, the model's P(d | row's parent values) (count-weighted over the groups in that row) against the
 * table row, as TV; averaged over rows weighted by how often they occur. Returns one figure per table.
 *
 * @example
 *   conditionalErrors(dim, groups, p) // [0.012, 0.034]
 */
export function conditionalErrors(dim: Dimension, groups: ParentGroups, p: Float64Array): number[] {
  const { k } = groups;
  return dim.model.conditionals.map((table, t) => {
    const rows = groups.rows[t + 1];
    const sums = new Map<number, { n: number; m: Float64Array }>();
    for (let g = 0; g < groups.size; g++) {
      const r = rows[g];
      if (r < 0) continue;
      let s = sums.get(r);
      if (!s) sums.set(r, (s = { n: 0, m: new Float64Array(k) }));
      const w = groups.count[g];
      s.n += w;
      for (let v = 0; v < k; v++) s.m[v] += w * p[g * k + v];
    }
    let total = 0;
    let err = 0;
    for (const [r, s] of sums) {
      for (let v = 0; v < k; v++) s.m[v] /= s.n;
      err += s.n * totalVariation(s.m, table.rows.subarray(r * k, r * k + k));
      total += s.n;
    }
    return total > 0 ? err / total : 0;
  });
}
