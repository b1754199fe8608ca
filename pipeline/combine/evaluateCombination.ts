import type { Dimension } from '../../src/engine/registry.js';
import type { CombinationParams } from './combinationParams.js';
import { conditionalErrors } from './conditionalErrors.js';
import { groupDistributions } from './groupDistributions.js';
import { groupMarginals } from './groupMarginals.js';
import type { ParentGroups } from './parentGroups.js';
import { totalVariation } from './totalVariation.js';

/** The measured criteria of one parameter setting. */
export interface CombinationScore {
  /** The model's marginal per country. */
  readonly marginals: Float64Array[];
  readonly marginalTV: number[];
  readonly maxMarginalTV: number;
  readonly conditionalTVByTable: number[];
  readonly conditionalTV: number;
  readonly forbiddenMass: number;
  readonly zeroMassShare: number;
}

/**
 * Scores a combination on the groups: TV of each country's marginal against its target, TV of each pairwise
 * conditional against its table (mean over tables), mass removed by rules and groups left with no mass.
 *
 * @example
 *   const score = evaluateCombination(dim, groups, base, params, targets);
 */
export function evaluateCombination(
  dim: Dimension,
  groups: ParentGroups,
  base: Float64Array,
  params: CombinationParams,
  targets: readonly Float64Array[],
): CombinationScore {
  const { p, forbiddenMass, zeroMassShare } = groupDistributions(base, groups, params.bias);
  const marginals = groupMarginals(p, groups, targets.length);
  const marginalTV = marginals.map((m, c) => totalVariation(m, targets[c]));
  const conditionalTVByTable = conditionalErrors(dim, groups, p);
  const conditionalTV = conditionalTVByTable.length ? conditionalTVByTable.reduce((a, b) => a + b, 0) / conditionalTVByTable.length : 0;
  return { marginals, marginalTV, maxMarginalTV: Math.max(...marginalTV), conditionalTVByTable, conditionalTV, forbiddenMass, zeroMassShare };
}
