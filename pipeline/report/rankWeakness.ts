import type { DimensionHarness, HarnessResult, Verification } from './reportData.js';
import { gradeOf, worseGrade, type Grade, type ReportThresholds } from './thresholds.js';

/** One dimension's line in "weakest tables at a glance". TVs are in [0, 1]; null when the input has no such number. */
export interface WeaknessRow {
  id: string;
  tier: number | null;
  chosen: string | null;
  /** Worst country's generated-vs-target TV from sampling the built maps (the harness's figure if not sampled). */
  marginalTV: number | null;
  marginalFrom: 'sampled' | 'harness' | null;
  /** The chosen method's conditional TV in the harness. */
  conditionalTV: number | null;
  /** Worst sampled pairwise conditional TV (built maps vs elicited table). */
  pairwiseTV: number | null;
  /** Worst disagreement between answer sources over the dimension's tables. */
  disagreement: number | null;
  published: number;
  estimated: number;
  ruleViolations: number;
  /** Every row of every table is an estimate: nothing published backs this dimension. */
  allEstimated: boolean;
  /** The chosen method missed the calibration tolerance in the harness. */
  chosenInfeasible: boolean;
  /** Largest metric divided by its red threshold: above 1 means at least one metric is red. */
  score: number;
  /** The worst grade among the metrics (rule violations are flagged separately, they are not a metric). */
  grade: Grade;
}

/**
 * Ranks every dimension worst first: dimensions with rule violations, then by weakness score (the largest metric
 * relative to its red threshold, so marginal, conditional and disagreement TVs with different natural scales
 * compare), then all-estimated ones, then by id so the order is stable.
 *
 * @example
 *   const rows = rankWeakness(harness, verification, reportThresholds(harness.calibrationTolerance));
 *   rows[0].id // the dimension to look at first
 */
export function rankWeakness(harness: HarnessResult, verification: Verification, thresholds: ReportThresholds): WeaknessRow[] {
  const sampled = new Map(verification.dimensions.map((d) => [d.id, d]));
  const evaluated = new Map(harness.dimensions.map((d) => [d.id, d]));
  const ids = [...evaluated.keys(), ...[...sampled.keys()].filter((id) => !evaluated.has(id))];

  const rows = ids.map((id): WeaknessRow => {
    const h = evaluated.get(id);
    const v = sampled.get(id);
    const chosen = h ? chosenMethod(h) : undefined;
    const sampledMarginal = v && v.marginals.length ? Math.max(...v.marginals.map((m) => m.tv)) : null;
    const marginalTV = sampledMarginal ?? chosen?.maxMarginalTV ?? null;
    const pairwiseTV = v && v.pairwise.length ? Math.max(...v.pairwise.map((p) => p.tv)) : null;
    const disagreement = h && h.tables.length ? Math.max(...h.tables.map((t) => t.disagreement)) : null;
    const published = h ? sum(h.tables.map((t) => t.published)) : 0;
    const estimated = h ? sum(h.tables.map((t) => t.estimated)) : 0;

    const metrics: Array<[number | null, keyof ReportThresholds]> = [
      [marginalTV, 'marginalTV'],
      [chosen?.conditionalTV ?? null, 'conditionalTV'],
      [pairwiseTV, 'conditionalTV'],
      [disagreement, 'disagreement'],
    ];
    let score = 0;
    let grade: Grade = 'green';
    for (const [value, metric] of metrics) {
      if (value == null) continue;
      score = Math.max(score, value / thresholds[metric].amber);
      grade = worseGrade(grade, gradeOf(value, thresholds[metric]));
    }
    const ruleViolations = v ? sum(v.rules.map((r) => r.violations)) : 0;

    return {
      id,
      tier: h?.tier ?? null,
      chosen: h?.chosen ?? null,
      marginalTV,
      marginalFrom: sampledMarginal != null ? 'sampled' : marginalTV != null ? 'harness' : null,
      conditionalTV: chosen?.conditionalTV ?? null,
      pairwiseTV,
      disagreement,
      published,
      estimated,
      ruleViolations,
      allEstimated: published === 0 && estimated > 0,
      chosenInfeasible: chosen ? !chosen.feasible : false,
      score,
      grade,
    };
  });

  return rows.sort(
    (a, b) =>
      Number(b.ruleViolations > 0) - Number(a.ruleViolations > 0) ||
      b.score - a.score ||
      Number(b.allEstimated) - Number(a.allEstimated) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

function chosenMethod(h: DimensionHarness) {
  return h.methods.find((m) => m.method === h.chosen);
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
