import type { HarnessResult } from './reportData.js';

/** One combination method summarised over every dimension it was evaluated on. TVs in [0, 1]. */
export interface MethodComparisonRow {
  method: string;
  /** Dimensions the method was evaluated on. */
  dimensions: number;
  /** Dimensions whose map uses it. */
  chosen: number;
  /** Dimensions where it met the calibration tolerance in every country. */
  feasible: number;
  /** Over dimensions, of each dimension's worst-country marginal TV. */
  meanMarginalTV: number;
  maxMarginalTV: number;
  meanConditionalTV: number;
  maxConditionalTV: number;
  meanForbiddenMass: number;
}

/** The order the methods were designed in (simplest first), which is the order readers compare them in. */
const KNOWN_ORDER = ['naiveProduct', 'linearPool', 'linearPoolRaked', 'logLinearTempered', 'logLinearRaked'];

/**
 * Compares the combination methods across all dimensions: how often each is feasible and chosen, and its mean and
 * worst marginal and conditional TV. Known methods come in design order, any others after them alphabetically.
 *
 * @example
 *   compareMethods(harness).map((r) => [r.method, r.meanConditionalTV])
 */
export function compareMethods(harness: HarnessResult): MethodComparisonRow[] {
  const byMethod = new Map<string, { marginal: number[]; conditional: number[]; forbidden: number[]; chosen: number; feasible: number }>();
  for (const d of harness.dimensions) {
    for (const m of d.methods) {
      let acc = byMethod.get(m.method);
      if (!acc) byMethod.set(m.method, (acc = { marginal: [], conditional: [], forbidden: [], chosen: 0, feasible: 0 }));
      acc.marginal.push(m.maxMarginalTV);
      acc.conditional.push(m.conditionalTV);
      acc.forbidden.push(m.forbiddenMass);
      if (m.method === d.chosen) acc.chosen++;
      if (m.feasible) acc.feasible++;
    }
  }
  const rank = (m: string) => (KNOWN_ORDER.includes(m) ? KNOWN_ORDER.indexOf(m) : KNOWN_ORDER.length);
  return [...byMethod.keys()]
    .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map((method) => {
      const acc = byMethod.get(method)!;
      return {
        method,
        dimensions: acc.marginal.length,
        chosen: acc.chosen,
        feasible: acc.feasible,
        meanMarginalTV: mean(acc.marginal),
        maxMarginalTV: Math.max(...acc.marginal),
        meanConditionalTV: mean(acc.conditional),
        maxConditionalTV: Math.max(...acc.conditional),
        meanForbiddenMass: mean(acc.forbidden),
      };
    });
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}
