import type { ParentGroups } from './parentGroups.js';

/**
 * The model's marginal per country: the count-weighted mean of the group distributions (exact over the groups,
 * no sampling noise from the dimension's own draw).
 *
 * @example
 *   const [us, gb] = groupMarginals(p, groups, 2);
 */
export function groupMarginals(p: Float64Array, groups: ParentGroups, countries: number): Float64Array[] {
  const { k } = groups;
  const out = Array.from({ length: countries }, () => new Float64Array(k));
  const n = new Float64Array(countries);
  for (let g = 0; g < groups.size; g++) {
    const c = groups.country[g];
    const w = groups.count[g];
    n[c] += w;
    for (let v = 0; v < k; v++) out[c][v] += w * p[g * k + v];
  }
  out.forEach((m, c) => { for (let v = 0; v < k; v++) m[v] /= n[c] || 1; });
  return out;
}
