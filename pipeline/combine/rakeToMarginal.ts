import { groupDistributions } from './groupDistributions.js';
import { groupMarginals } from './groupMarginals.js';
import type { ParentGroups } from './parentGroups.js';
import { totalVariation } from './totalVariation.js';

/**
 * Fits a per-country log-bias on the values so that each country's marginal matches its target: iterative
 * proportional fitting on one margin (bias += log(target / marginal)) until the TV error is below `tolerance`.
 * Values the target gives zero are structural zeros already, so they need no bias. When rules make the target
 * unreachable, it stops once the error stops falling and reports the residual.
 *
 * @example
 *   const { bias, iterations } = rakeToMarginal(base, groups, targets);
 */
export function rakeToMarginal(
  base: Float64Array,
  groups: ParentGroups,
  targets: readonly Float64Array[],
  options: { tolerance?: number; maxIterations?: number; start?: Float64Array[] | null } = {},
): { bias: Float64Array[]; iterations: number; tv: number } {
  const { tolerance = 1e-5, maxIterations = 500 } = options;
  const k = groups.k;
  const bias = targets.map((_, c) => Float64Array.from(options.start?.[c] ?? new Float64Array(k)));
  let iterations = 0;
  let worst = Infinity;
  for (; iterations < maxIterations; iterations++) {
    const { p } = groupDistributions(base, groups, bias);
    const marginals = groupMarginals(p, groups, targets.length);
    const previous = worst;
    worst = Math.max(...marginals.map((m, c) => totalVariation(m, targets[c])));
    // Stop when close enough, or when the rules make the target unreachable and the error no longer falls.
    if (worst < tolerance || previous - worst < tolerance / 100) break;
    marginals.forEach((m, c) => {
      for (let v = 0; v < k; v++) {
        if (targets[c][v] > 0 && m[v] > 0) bias[c][v] += Math.log(targets[c][v] / m[v]);
      }
    });
  }
  // Centre each country's bias (only ratios matter) so maps stay readable and stable.
  for (const b of bias) {
    let mean = 0;
    for (let v = 0; v < k; v++) mean += b[v] / k;
    for (let v = 0; v < k; v++) b[v] -= mean;
  }
  return { bias, iterations, tv: worst };
}
