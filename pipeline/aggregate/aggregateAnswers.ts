/**
 * Pools several answers to one question (several models, several runs each, offline files) into one
 * distribution, robustly: a single wild answer must not move the result much.
 */
import { mean, median } from 'simple-statistics';
import { totalVariation } from '../combine/totalVariation.js';
import { validateAnswer, type RejectionReason, type ValidateOptions } from './validateAnswer.js';

export interface AnswerInput {
  /** Model id or `offline:...` source id. */
  readonly source: string;
  readonly run: number;
  /** Raw reply text or parsed reply object. */
  readonly content: unknown;
}

export type PoolingMethod = 'single' | 'logMedian' | 'trimmedLogMean';

export interface Aggregate {
  /** Pooled distribution in `values` order, or null when no answer was accepted. */
  readonly distribution: Record<string, number> | null;
  readonly accepted: number;
  readonly rejected: { source: string; run: number; reason: RejectionReason; detail: string }[];
  /** Sources with at least one accepted answer, sorted. */
  readonly sources: string[];
  /** Mean total-variation distance between each source's pooled answer and the aggregate (0 = all agree). */
  readonly disagreement: number;
  /** How the final step pooled ('none' when nothing was accepted). */
  readonly method: PoolingMethod | 'none';
}

export interface AggregateOptions extends ValidateOptions {
  /** Fraction trimmed from each end for the trimmed mean (default 0.2). */
  readonly trim?: number;
}

/** Added before taking logs so that a 0 from a minority of answers pulls the pool down without sending it to -inf. */
const EPSILON = 1e-6;

function poolingMethod(n: number): PoolingMethod {
  return n === 1 ? 'single' : n <= 4 ? 'logMedian' : 'trimmedLogMean';
}

function trimmedMean(xs: number[], trim: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const cut = Math.floor(sorted.length * trim);
  return mean(sorted.slice(cut, sorted.length - cut));
}

/**
 * Pools answers (each an array in category order) per category in log space: median for 2-4 answers,
 * trimmed mean for 5+. A category that a strict majority gives exactly 0 stays 0 (a structural zero such as
 * "no doctorate at 18-24"). If that would zero every category the rule is dropped for this pool.
 */
function pool(answers: number[][], independent: boolean, trim: number): number[] {
  const n = answers.length;
  if (n === 1) return [...answers[0]];
  const k = answers[0].length;
  const run = (structuralZeros: boolean) => Array.from({ length: k }, (_, c) => {
    const column = answers.map((a) => a[c]);
    if (structuralZeros && column.filter((p) => p === 0).length * 2 > n) return 0;
    const logs = column.map((p) => Math.log(p + EPSILON));
    const centre = n <= 4 ? median(logs) : trimmedMean(logs, trim);
    return Math.max(0, Math.exp(centre) - EPSILON);
  });
  let pooled = run(true);
  if (pooled.every((p) => p === 0)) pooled = run(false);
  if (independent) return pooled.map((p) => Math.min(1, p));
  const sum = pooled.reduce((s, p) => s + p, 0);
  return pooled.map((p) => p / sum);
}

/**
 * Validates every answer, pools each source's runs first and then pools across sources, so every model (or
 * offline source) weighs the same however many runs it did; a model asked ten times cannot outvote two models
 * asked once. Both steps use the same log-space rule (`single` / `logMedian` / `trimmedLogMean` by count), and
 * `method` names the final step (the within-source step when there is one source). Inputs are sorted by source
 * and run first, so the result does not depend on their order.
 *
 * @example
 *   aggregateAnswers([
 *     { source: 'a', run: 0, content: '{"distribution": {"yes": 0.3, "no": 0.7}}' },
 *     { source: 'b', run: 0, content: { distribution: { yes: 0.4, no: 0.6 } } },
 *   ], ['yes', 'no'])
 *   // { distribution: { yes: 0.35..., no: 0.64... }, accepted: 2, method: 'logMedian', sources: ['a', 'b'], ... }
 */
export function aggregateAnswers(answers: readonly AnswerInput[], values: readonly string[], options: AggregateOptions = {}): Aggregate {
  const independent = options.independent ?? false;
  const trim = options.trim ?? 0.2;
  const ordered = answers
    .map((a, index) => ({ a, index }))
    .sort((x, y) => (x.a.source !== y.a.source ? (x.a.source < y.a.source ? -1 : 1) : x.a.run - y.a.run || x.index - y.index))
    .map((x) => x.a);

  const bySource = new Map<string, number[][]>();
  const rejected: Aggregate['rejected'] = [];
  for (const answer of ordered) {
    const v = validateAnswer(answer.content, values, options);
    if (!v.ok) {
      rejected.push({ source: answer.source, run: answer.run, reason: v.reason, detail: v.detail });
      continue;
    }
    const list = bySource.get(answer.source) ?? [];
    list.push(values.map((c) => v.distribution[c]));
    bySource.set(answer.source, list);
  }

  const sources = [...bySource.keys()].sort();
  const accepted = sources.reduce((s, src) => s + bySource.get(src)!.length, 0);
  if (accepted === 0) return { distribution: null, accepted, rejected, sources, disagreement: 0, method: 'none' };

  const perSource = sources.map((src) => pool(bySource.get(src)!, independent, trim));
  const pooled = pool(perSource, independent, trim);
  const disagreement = mean(perSource.map((s) => totalVariation(s, pooled)));
  const method = poolingMethod(sources.length === 1 ? bySource.get(sources[0])!.length : sources.length);
  return {
    distribution: Object.fromEntries(values.map((c, i) => [c, pooled[i]])),
    accepted,
    rejected,
    sources,
    disagreement,
    method,
  };
}
