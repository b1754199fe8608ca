import type { RealiseSpec } from './mapSchema.js';

type IntegerSpec = Extract<RealiseSpec, { type: 'integer' }>;
type ScoreSpec = Extract<RealiseSpec, { type: 'score' }>;
type IncomeSpec = Extract<RealiseSpec, { type: 'incomeDeciles' }>;

/** An inclusive numeric range from a `where` condition. */
export interface NumericRange { readonly gte: number; readonly lte: number }

function integerWeights(spec: IntegerSpec, bin: string): { min: number; weights: number[] } {
  const b = spec.bins[bin];
  const weights: number[] = [];
  for (let x = b.min; x <= b.max; x++) weights.push(Math.pow(b.decay ?? 1, x - b.min));
  return { min: b.min, weights };
}

/**
 * Share of a bin's realised integers that fall inside `range` (the likelihood of a range condition given the bin).
 *
 * @example
 *   integerBinShare(ageSpec, '18-24', { gte: 21, lte: 30 }) // 4/7 for a uniform bin
 */
export function integerBinShare(spec: IntegerSpec, bin: string, range: NumericRange): number {
  const { min, weights } = integerWeights(spec, bin);
  let inside = 0;
  let total = 0;
  weights.forEach((w, i) => {
    total += w;
    if (min + i >= range.gte && min + i <= range.lte) inside += w;
  });
  return total === 0 ? 0 : inside / total;
}

/**
 * Realises an integer inside its bin (uniform, or declining by `decay` per unit), truncated to `range` if given.
 *
 * @example
 *   realiseInteger(ageSpec, '25-34', 0.5) // 29 or 30
 */
export function realiseInteger(spec: IntegerSpec, bin: string, u: number, range?: NumericRange): number {
  const { min, weights } = integerWeights(spec, bin);
  const w = weights.map((x, i) => (!range || (min + i >= range.gte && min + i <= range.lte) ? x : 0));
  const total = w.reduce((a, b) => a + b, 0);
  let target = u * total;
  for (let i = 0; i < w.length; i++) {
    target -= w[i];
    if (target < 0 && w[i] > 0) return min + i;
  }
  return min + w.findLastIndex((x) => x > 0);
}

/**
 * Realises a score (e.g. a Big Five domain mean) inside its bin: uniform for inner bins, a triangle leaning
 * towards the inner edge for the open-ended outer bins (fewer extreme scores), rounded to `decimals`.
 *
 * @example
 *   realiseScore(neuroticismSpec, 'high', 0.3) // 3.52
 */
export function realiseScore(spec: ScoreSpec, bin: string, u: number): number {
  const b = spec.bins[bin];
  const labels = Object.keys(spec.bins);
  const pos = labels.indexOf(bin);
  let x: number;
  if (pos === 0) x = b.max - (b.max - b.min) * (1 - Math.sqrt(1 - u));
  else if (pos === labels.length - 1) x = b.min + (b.max - b.min) * (1 - Math.sqrt(1 - u));
  else x = b.min + (b.max - b.min) * u;
  const f = Math.pow(10, spec.decimals);
  return Math.min(b.max, Math.max(b.min, Math.round(x * f) / f));
}

/**
 * Realises an annual gross income in local currency from a country decile: log-uniform between the decile's
 * cut points, Pareto above the top cut. Returns null for `none`.
 *
 * @example
 *   realiseIncome(incomeSpec, 'GB', 'd5', 0.5) // { amount: 24800, currency: 'GBP' }
 */
export function realiseIncome(spec: IncomeSpec, country: string, decile: string, u: number): { amount: number; currency: string } | null {
  const c = spec.countries[country];
  if (!c || decile === 'none') return null;
  const k = Number(decile.slice(1));
  let amount: number;
  if (k === 10) amount = c.cuts[8] * Math.pow(1 - u, -1 / c.paretoAlpha);
  else {
    const lo = k === 1 ? Math.max(c.floor, 1) : c.cuts[k - 2];
    const hi = c.cuts[k - 1];
    amount = Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * u);
  }
  const step = amount >= 10000 ? 100 : 10;
  return { amount: Math.round(amount / step) * step, currency: c.currency };
}

/**
 * A birth date for someone who is exactly `age` on `referenceDate`, uniform over that year of birthdays.
 *
 * @example
 *   birthDate('2025-07-01', 30, 0) // '1995-07-01'
 */
export function birthDate(referenceDate: string, age: number, u: number): string {
  const [y, m, d] = referenceDate.split('-').map(Number);
  const latest = Date.UTC(y - age, m - 1, d);
  const earliest = Date.UTC(y - age - 1, m - 1, d) + 86_400_000;
  const days = Math.round((latest - earliest) / 86_400_000);
  return new Date(latest - Math.floor(u * (days + 1)) * 86_400_000).toISOString().slice(0, 10);
}
