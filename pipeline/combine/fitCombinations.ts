import type { Dimension } from '../../src/engine/registry.js';
import type { CombinationParams } from './combinationParams.js';
import { evaluateCombination, type CombinationScore } from './evaluateCombination.js';
import { groupBase } from './groupBase.js';
import type { ParentGroups } from './parentGroups.js';
import { rakeToMarginal } from './rakeToMarginal.js';

/** One combination method fitted to one dimension, with its score on the fitting groups. */
export interface FittedMethod {
  readonly method: string;
  readonly params: CombinationParams;
  readonly score: CombinationScore;
  readonly feasible: boolean;
  readonly detail: Record<string, number | number[] | string>;
}

/** Methods in order of simplicity; a later one must beat an earlier one by this much conditional TV to be chosen. */
export const METHODS = ['naiveProduct', 'linearPool', 'linearPoolRaked', 'logLinearTempered', 'logLinearRaked', 'logLinearRakedFitted'] as const;
const CHOICE_MARGIN = 0.0005;
const GRID = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
const TABLE_GRID = [0, 0.5, 1, 1.5];

/**
 * Fits every combination method of ARCHITECTURE.md section 4 to `dim` on the groups and scores them:
 * - naiveProduct: P ∝ Π_k C_k (what compounding does);
 * - linearPool: P = mean_k C_k;
 * - linearPoolRaked: the linear pool times a per-country bias raked to the target;
 * - logLinearTempered: P ∝ T^(1-Σw) Π C_k^w, one exponent w fitted to marginal + conditional error;
 * - logLinearRaked: the same with a raked per-country bias, w fitted to the conditional error;
 * - logLinearRakedFitted: one exponent per conditional (coordinate descent), raked.
 * A method is feasible when every country's marginal is within half the tolerance (the other half is left for the
 * sampling noise of the final check) and no parent combination is left without mass.
 *
 * @example
 *   const fitted = fitCombinations(dim, groups, targets, 0.01);
 */
export function fitCombinations(dim: Dimension, groups: ParentGroups, targets: readonly Float64Array[], tolerance: number): FittedMethod[] {
  const K = dim.model.conditionals.length;
  const feasible = (s: CombinationScore) => s.maxMarginalTV <= tolerance / 2 && s.zeroMassShare === 0;
  const logLinear = (weights: number[]) => ({ pool: 'logLinear' as const, targetWeight: 1 - weights.reduce((a, b) => a + b, 0), weights });
  const score = (p: Omit<CombinationParams, 'bias'>, bias: Float64Array[] | null, base = groupBase(dim, groups, p)) =>
    evaluateCombination(dim, groups, base, { ...p, bias }, targets);
  const raked = (p: Omit<CombinationParams, 'bias'>, start: Float64Array[] | null = null, rakeTolerance = 1e-5) => {
    const base = groupBase(dim, groups, p);
    const r = rakeToMarginal(base, groups, targets, { start, tolerance: rakeTolerance });
    return { params: { ...p, bias: r.bias }, score: score(p, r.bias, base), iterations: r.iterations };
  };
  const result = (method: string, params: CombinationParams, s: CombinationScore, detail: FittedMethod['detail'] = {}): FittedMethod =>
    ({ method, params, score: s, feasible: feasible(s), detail });

  if (K === 0) {
    const p = logLinear([]);
    const r = raked(p);
    return [result('naiveProduct', { ...p, bias: null }, score(p, null)), result('logLinearRaked', r.params, r.score, { rakingIterations: r.iterations })];
  }

  const out: FittedMethod[] = [];
  const naive = { pool: 'logLinear' as const, targetWeight: 0, weights: new Array(K).fill(1) };
  out.push(result('naiveProduct', { ...naive, bias: null }, score(naive, null)));
  const linear = { pool: 'linear' as const, targetWeight: 1, weights: new Array(K).fill(1 / K) };
  out.push(result('linearPool', { ...linear, bias: null }, score(linear, null)));
  const lr = raked(linear);
  out.push(result('linearPoolRaked', lr.params, lr.score, { rakingIterations: lr.iterations }));

  // Without a bias the marginal error counts too; with one it is met by construction.
  const objective = (x: CombinationScore) => (x.zeroMassShare > 0 ? Infinity : x.maxMarginalTV + x.conditionalTV);
  const rObjective = (x: CombinationScore) => (x.zeroMassShare > 0 ? Infinity : x.conditionalTV);
  let bestTempered: { w: number; s: CombinationScore } | undefined;
  let bestRaked: { w: number; r: ReturnType<typeof raked> } | undefined;
  for (const w of GRID) {
    const p = logLinear(new Array(K).fill(w));
    const s = score(p, null);
    if (!bestTempered || objective(s) < objective(bestTempered.s)) bestTempered = { w, s };
    const r = raked(p, bestRaked?.r.params.bias ?? null, 1e-4);
    if (!bestRaked || rObjective(r.score) < rObjective(bestRaked.r.score)) bestRaked = { w, r };
  }
  out.push(result('logLinearTempered', { ...logLinear(new Array(K).fill(bestTempered!.w)), bias: null }, bestTempered!.s, { exponent: bestTempered!.w }));
  const common = raked(logLinear(new Array(K).fill(bestRaked!.w)), bestRaked!.r.params.bias);
  out.push(result('logLinearRaked', common.params, common.score, { exponent: bestRaked!.w, rakingIterations: common.iterations }));

  // Coordinate descent over one exponent per table, starting from the best common exponent.
  let weights = new Array(K).fill(bestRaked!.w);
  let current = common;
  for (let sweep = 0; sweep < 1; sweep++) {
    let improved = false;
    for (let t = 0; t < K; t++) {
      for (const w of TABLE_GRID) {
        if (w === weights[t]) continue;
        const trial = weights.slice();
        trial[t] = w;
        const r = raked(logLinear(trial), current.params.bias, 1e-4);
        if (r.score.zeroMassShare === 0 && r.score.conditionalTV < current.score.conditionalTV - 1e-5) {
          weights = trial;
          current = r;
          improved = true;
        }
      }
    }
    if (!improved) break;
  }
  const fitted = raked(logLinear(weights), current.params.bias);
  out.push(result('logLinearRakedFitted', fitted.params, fitted.score, { exponents: weights, rakingIterations: fitted.iterations }));
  return out;
}

/**
 * The method to compile: the feasible one with the lowest conditional error, preferring simpler methods unless a
 * later one is better by a clear margin.
 *
 * @example
 *   chooseMethod(fitCombinations(dim, groups, targets, 0.01)).method // 'logLinearRaked'
 */
export function chooseMethod(fitted: readonly FittedMethod[]): FittedMethod {
  let best: FittedMethod | undefined;
  for (const f of fitted) {
    if (!f.feasible) continue;
    if (!best || f.score.conditionalTV < best.score.conditionalTV - CHOICE_MARGIN) best = f;
  }
  if (best) return best;
  // Nothing reaches the tolerance: the rules and the upstream dimensions make the target unreachable. Raking gets
  // as close as it can (the I-projection), so take the raked method with the lowest conditional error; the build
  // records the residual and replaces the target by the reachable marginal (see buildMaps).
  const raked = fitted.filter((f) => f.params.bias && f.score.zeroMassShare === 0);
  if (raked.length === 0) throw new Error(`every combination method leaves some parent combination with no mass (${fitted.map((f) => f.method).join(', ')})`);
  return raked.reduce((a, b) => (b.score.conditionalTV < a.score.conditionalTV - CHOICE_MARGIN ? b : a));
}
