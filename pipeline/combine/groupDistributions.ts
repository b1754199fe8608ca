import type { ParentGroups } from './parentGroups.js';

/** Per-group distributions after bias and rule masks, with what the masks removed. */
export interface GroupDistributions {
  /** size x k, each group's row normalised (all zero when nothing is left). */
  readonly p: Float64Array;
  /** Count-weighted share of the mass the rule masks removed. */
  readonly forbiddenMass: number;
  /** Count-weighted share of groups left with no mass at all (the sampler would fail there). */
  readonly zeroMassShare: number;
}

/**
 * Applies the per-country log-bias and the rule masks to the group bases and normalises.
 *
 * @example
 *   const { p } = groupDistributions(base, groups, bias);
 */
export function groupDistributions(base: Float64Array, groups: ParentGroups, bias: Float64Array[] | null): GroupDistributions {
  const { k, size } = groups;
  const p = new Float64Array(size * k);
  let forbidden = 0;
  let zero = 0;
  let total = 0;
  const factor = bias?.map((b) => b.map(Math.exp));
  for (let g = 0; g < size; g++) {
    const f = factor?.[groups.country[g]];
    let all = 0;
    let kept = 0;
    for (let v = 0; v < k; v++) {
      const x = base[g * k + v] * (f ? f[v] : 1);
      all += x;
      if (groups.allowed[g * k + v]) {
        p[g * k + v] = x;
        kept += x;
      }
    }
    const n = groups.count[g];
    total += n;
    if (all > 0) forbidden += n * (1 - kept / all);
    if (kept > 0) for (let v = 0; v < k; v++) p[g * k + v] /= kept;
    else zero += n;
  }
  return { p, forbiddenMass: forbidden / total, zeroMassShare: zero / total };
}
