/** A traffic-light grade for one metric value. */
export type Grade = 'green' | 'amber' | 'red';

/** Upper bounds (TV in [0, 1]) of green and amber; anything above `amber` is red. */
export interface Band {
  green: number;
  amber: number;
}

/** The bands the report colours with; `docs/report.md` explains them. */
export interface ReportThresholds {
  /** Generated vs target marginal, worst country. */
  marginalTV: Band;
  /** Model (or sampled) P(d | parents) vs the elicited table rows. */
  conditionalTV: Band;
  /** Mean TV between accepted answers and their aggregate. */
  disagreement: Band;
}

/**
 * The report's thresholds. Marginals are green within the calibration tolerance the harness enforced and red
 * beyond twice that (200,000 samples alone cost up to ~0.6 pp on a 44-value dimension). Conditionals cannot all be
 * met at once when several tables constrain one dimension, so their bands are wider; disagreement uses the same
 * bands because it is the uncertainty of the very rows the conditional TV is measured against.
 *
 * @example
 *   reportThresholds(0.01).marginalTV // { green: 0.01, amber: 0.02 }
 */
export function reportThresholds(calibrationTolerance: number): ReportThresholds {
  return {
    marginalTV: { green: calibrationTolerance, amber: 2 * calibrationTolerance },
    conditionalTV: { green: 0.05, amber: 0.1 },
    disagreement: { green: 0.05, amber: 0.1 },
  };
}

/**
 * Grades a value against its band (bounds inclusive, so a value exactly at the tolerance is still green).
 *
 * @example
 *   gradeOf(0.015, { green: 0.01, amber: 0.02 }) // 'amber'
 */
export function gradeOf(value: number, band: Band): Grade {
  return value <= band.green ? 'green' : value <= band.amber ? 'amber' : 'red';
}

/**
 * The worse of two grades.
 *
 * @example
 *   worseGrade('green', 'amber') // 'amber'
 */
export function worseGrade(a: Grade, b: Grade): Grade {
  const rank: Record<Grade, number> = { green: 0, amber: 1, red: 2 };
  return rank[a] >= rank[b] ? a : b;
}
