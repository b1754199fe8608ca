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

/** Cumulative share of a score bin below x: uniform inside, a triangle leaning inwards for the outer bins. */
function scoreCdf(spec: ScoreSpec, bin: string, x: number): number {
  const b = spec.bins[bin];
  const r = Math.min(1, Math.max(0, (x - b.min) / (b.max - b.min)));
  const labels = Object.keys(spec.bins);
  const pos = labels.indexOf(bin);
  if (pos === 0) return r * r;
  if (pos === labels.length - 1) return 1 - (1 - r) * (1 - r);
  return r;
}

/** The continuous interval whose values round (to `decimals`) into [gte, lte]. */
function roundedInterval(range: NumericRange, decimals: number): { lo: number; hi: number } {
  const half = 0.5 / Math.pow(10, decimals);
  return { lo: range.gte - half, hi: range.lte + half };
}

/**
 * Share of a score bin's realised values (after rounding) that fall inside `range`: the likelihood of a range
 * condition on the realised score given the bin.
 *
 * @example
 *   scoreBinShare(heightSpec, '170-179', { gte: 175, lte: 190 }) // about 0.45
 */
export function scoreBinShare(spec: ScoreSpec, bin: string, range: NumericRange): number {
  const { lo, hi } = roundedInterval(range, spec.decimals);
  return Math.max(0, scoreCdf(spec, bin, hi) - scoreCdf(spec, bin, lo));
}

/**
 * Realises a score (e.g. a Big Five domain mean) inside its bin: uniform for inner bins, a triangle leaning
 * towards the inner edge for the open-ended outer bins (fewer extreme scores), rounded to `decimals`. With a
 * `range`, the same distribution truncated to the values that round into the range.
 *
 * @example
 *   realiseScore(neuroticismSpec, 'high', 0.3) // 3.52
 */
export function realiseScore(spec: ScoreSpec, bin: string, u: number, range?: NumericRange): number {
  const b = spec.bins[bin];
  const labels = Object.keys(spec.bins);
  const pos = labels.indexOf(bin);
  const w = b.max - b.min;
  let x: number;
  if (range) {
    // Inverse CDF of the truncated distribution (scoreCdf inverted per bin shape).
    const { lo, hi } = roundedInterval(range, spec.decimals);
    const a = scoreCdf(spec, bin, lo);
    const v = a + u * (scoreCdf(spec, bin, hi) - a);
    x = pos === 0 ? b.min + w * Math.sqrt(v) : pos === labels.length - 1 ? b.min + w * (1 - Math.sqrt(1 - v)) : b.min + w * v;
  } else if (pos === 0) x = b.max - w * (1 - Math.sqrt(1 - u));
  else if (pos === labels.length - 1) x = b.min + w * (1 - Math.sqrt(1 - u));
  else x = b.min + w * u;
  const f = Math.pow(10, spec.decimals);
  const rounded = Math.min(b.max, Math.max(b.min, Math.round(x * f) / f));
  // Floating-point edges of the truncated draw must not step outside the condition.
  return range ? Math.min(range.lte, Math.max(range.gte, rounded)) : rounded;
}

/** Income amounts are rounded to 10 below 10,000 and to 100 above; the interval of amounts that round into a range. */
function incomeInterval(range: NumericRange): { lo: number; hi: number } {
  const g = Math.max(0, range.gte);
  const first = g <= 9990 ? Math.ceil(g / 10) * 10 : Math.max(10000, Math.ceil(g / 100) * 100);
  const lo = first < 10000 ? first - 5 : first === 10000 ? 9995 : first - 50;
  if (range.lte === Number.POSITIVE_INFINITY) return { lo, hi: Number.POSITIVE_INFINITY };
  const last = range.lte < 10000 ? Math.floor(range.lte / 10) * 10 : Math.floor(range.lte / 100) * 100;
  return { lo, hi: last < 10000 ? last + 5 : last + 50 };
}

/** Cumulative share of a country's income decile below `a` (log-uniform inside, Pareto above the top cut). */
function incomeCdf(c: IncomeSpec['countries'][string], k: number, a: number): number {
  if (k === 10) return a <= c.cuts[8] ? 0 : 1 - Math.pow(c.cuts[8] / a, c.paretoAlpha);
  const lo = k === 1 ? Math.max(c.floor, 1) : c.cuts[k - 2];
  const hi = c.cuts[k - 1];
  if (a <= lo) return 0;
  if (a >= hi) return 1;
  return (Math.log(a) - Math.log(lo)) / (Math.log(hi) - Math.log(lo));
}

/**
 * Share of a decile's realised amounts (after rounding) inside `range`: the likelihood of a condition on the income
 * amount given the country and decile (0 for `none`, whose amount is null).
 *
 * @example
 *   incomeDecileShare(incomeSpec, 'GB', 'd10', { gte: 100000, lte: Infinity }) // about 0.3
 */
export function incomeDecileShare(spec: IncomeSpec, country: string, decile: string, range: NumericRange): number {
  const c = spec.countries[country];
  if (!c || decile === 'none') return 0;
  const { lo, hi } = incomeInterval(range);
  const k = Number(decile.slice(1));
  return Math.max(0, incomeCdf(c, k, hi) - incomeCdf(c, k, lo));
}

/**
 * Realises an annual gross income in local currency from a country decile: log-uniform between the decile's
 * cut points, Pareto above the top cut. Returns null for `none`. With a `range`, truncated to amounts that round into it.
 *
 * @example
 *   realiseIncome(incomeSpec, 'GB', 'd5', 0.5) // { amount: 24800, currency: 'GBP' }
 */
export function realiseIncome(spec: IncomeSpec, country: string, decile: string, u: number, range?: NumericRange): { amount: number; currency: string } | null {
  const c = spec.countries[country];
  if (!c || decile === 'none') return null;
  const k = Number(decile.slice(1));
  const lo = k === 1 ? Math.max(c.floor, 1) : c.cuts[k - 2];
  const hi = k === 10 ? Number.POSITIVE_INFINITY : c.cuts[k - 1];
  let v = u;
  if (range) {
    // Truncated draw: map u into the CDF interval of the amounts that round into the range.
    const r = incomeInterval(range);
    const a = incomeCdf(c, k, r.lo);
    v = a + u * (incomeCdf(c, k, r.hi) - a);
  }
  let amount: number;
  if (k === 10) amount = c.cuts[8] * Math.pow(1 - v, -1 / c.paretoAlpha);
  else amount = Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * v);
  const step = amount >= 10000 ? 100 : 10;
  let rounded = Math.round(amount / step) * step;
  if (range) rounded = Math.min(range.lte, Math.max(range.gte, rounded));
  return { amount: rounded, currency: c.currency };
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
