/**
 * Checks one answer (from a model or an offline file) against the allowed categories of its question before it
 * may enter a map. Rejections carry a reason code for the reports and a detail naming the offending keys.
 */
import { modelReplySchema } from '../answers/answerSchema.js';

export type RejectionReason = 'malformed' | 'refusal' | 'unknownCategory' | 'sum' | 'uniform' | 'empty' | 'negative';

export type Validation =
  | { readonly ok: true; readonly distribution: Record<string, number> }
  | { readonly ok: false; readonly reason: RejectionReason; readonly detail: string };

export interface ValidateOptions {
  /** Largest accepted |sum - 1| (default 0.02). */
  readonly sumTolerance?: number;
  /** Accept an (almost) even spread, e.g. for a question whose true answer is even. */
  readonly uniformAllowed?: boolean;
  /**
   * Set-valued dimensions: each value is an independent share in [0, 1] (a person can hold several categories),
   * so the sum is not checked and nothing is renormalised.
   */
  readonly independent?: boolean;
}

const REFUSAL_TEXT = /\b(i'?m sorry|i am sorry|i apologi[sz]e|i can(?:no|')t|i cannot|i'?m (?:not able|unable)|i am (?:not able|unable)|unable to (?:provide|estimate|answer|give)|as an ai|i (?:won'?t|will not|must decline)|decline to)\b/i;

/** True when free text reads like the answerer declined rather than answered. */
function readsLikeRefusal(text: string): boolean {
  return REFUSAL_TEXT.test(text);
}

function reject(reason: RejectionReason, detail: string): Validation {
  return { ok: false, reason, detail };
}

/** JSON from a raw reply: the whole text, a ```json fenced block, or the outermost {...} inside prose. */
function parseReply(text: string): unknown {
  const trimmed = text.trim();
  const fenced = /```(?:json|JSON)?\s*\n?([\s\S]*?)```/.exec(trimmed);
  const candidates = [trimmed];
  if (fenced) candidates.push(fenced[1].trim());
  const first = trimmed.indexOf('{');
  const last = trimmed.lastIndexOf('}');
  if (first >= 0 && last > first) candidates.push(trimmed.slice(first, last + 1));
  for (const c of candidates) {
    try {
      return JSON.parse(c);
    } catch {
      // try the next reading
    }
  }
  return undefined;
}

/**
 * Validates one reply and returns its distribution over `values` (missing categories = 0, renormalised to sum
 * exactly 1 unless `independent`). Checks, in order: parseable JSON in the reply shape; no refusal; no
 * negative or non-finite value; only known categories (an invented category means the answerer did not use
 * ours); not all zero; sum within tolerance of 1 (answers in percent are rejected, not rescaled, because a
 * model that ignored the unit may have ignored more); and, with 3+ categories, not a hedged even spread (every
 * probability within 0.01 of 1/k, tightened to 10% of 1/k for more than 10 categories so that realistic long
 * tails are not mistaken for hedging).
 *
 * @example
 *   validateAnswer('{"distribution": {"female": 0.51, "male": 0.49}}', ['female', 'male'])
 *   // { ok: true, distribution: { female: 0.51, male: 0.49 } }
 *   validateAnswer({ distribution: { female: 51, male: 49 } }, ['female', 'male'])
 *   // { ok: false, reason: 'sum', detail: 'probabilities sum to 100, which looks like percentages ...' }
 */
export function validateAnswer(content: unknown, values: readonly string[], options: ValidateOptions = {}): Validation {
  const tolerance = options.sumTolerance ?? 0.02;
  let reply: unknown = content;
  if (typeof content === 'string') {
    reply = parseReply(content);
    if (reply === undefined) {
      return readsLikeRefusal(content)
        ? reject('refusal', `refusal in free text: ${content.trim().slice(0, 160)}`)
        : reject('malformed', `not JSON: ${content.trim().slice(0, 160) || '(empty reply)'}`);
    }
  }
  if (reply === null || typeof reply !== 'object' || Array.isArray(reply)) {
    return reject('malformed', `expected a JSON object, got ${Array.isArray(reply) ? 'an array' : reply === null ? 'null' : typeof reply}`);
  }

  // Checked before the schema so that NaN / Infinity / negatives get their own reason instead of 'malformed'.
  const rawDistribution = (reply as { distribution?: unknown }).distribution;
  if (rawDistribution !== null && typeof rawDistribution === 'object' && !Array.isArray(rawDistribution)) {
    const bad = Object.entries(rawDistribution as Record<string, unknown>)
      .filter(([, p]) => typeof p === 'number' && (!Number.isFinite(p) || p < 0));
    if (bad.length) return reject('negative', `negative or non-finite: ${bad.map(([k, p]) => `${k}=${p}`).join(', ')}`);
  }

  const parsed = modelReplySchema.safeParse(reply);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return reject('malformed', `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid reply'}`);
  }
  const { distribution, refusal, notes } = parsed.data;
  if (refusal && refusal.trim()) return reject('refusal', refusal.trim().slice(0, 200));
  if (!distribution) {
    return notes && readsLikeRefusal(notes)
      ? reject('refusal', notes.trim().slice(0, 200))
      : reject('malformed', 'no "distribution" in the reply');
  }

  const keys = Object.keys(distribution);
  if (keys.length === 0) return reject('empty', 'the distribution has no categories');
  const allowed = new Set(values);
  const unknown = keys.filter((k) => !allowed.has(k));
  if (unknown.length) return reject('unknownCategory', `unknown categories: ${unknown.join(', ')} (allowed: ${values.join(', ')})`);

  const probs = values.map((v) => distribution[v] ?? 0);
  const sum = probs.reduce((s, p) => s + p, 0);
  if (sum === 0) return reject('empty', 'every probability is 0');

  const k = values.length;
  if (options.independent) {
    const over = values.filter((v, i) => probs[i] > 1);
    if (over.length) {
      const percent = probs.every((p) => p <= 100);
      return reject('sum', `shares above 1: ${over.join(', ')}${percent ? ' (looks like percentages; shares must be 0-1)' : ''}`);
    }
    const mean = sum / k;
    if (k >= 3 && !options.uniformAllowed && probs.every((p) => Math.abs(p - mean) <= 0.01)) {
      return reject('uniform', `every share is about ${mean.toFixed(3)}: a hedged answer`);
    }
    return { ok: true, distribution: Object.fromEntries(values.map((v, i) => [v, probs[i]])) };
  }

  if (Math.abs(sum - 1) > tolerance) {
    const percent = Math.abs(sum - 100) <= 100 * tolerance;
    return reject('sum', `probabilities sum to ${+sum.toFixed(6)}${percent ? ', which looks like percentages (they must sum to 1)' : ` (must be within ${tolerance} of 1)`}`);
  }
  const even = 1 / k;
  const evenTolerance = Math.min(0.01, 0.1 * even);
  if (k >= 3 && !options.uniformAllowed && probs.every((p) => Math.abs(p / sum - even) <= evenTolerance)) {
    return reject('uniform', `every probability is about 1/${k}: a hedged answer`);
  }
  return { ok: true, distribution: Object.fromEntries(values.map((v, i) => [v, probs[i] / sum])) };
}
