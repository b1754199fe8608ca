import { describe, expect, it } from 'vitest';
import { aggregateAnswers, type AnswerInput } from '../../pipeline/aggregate/aggregateAnswers.js';
import { validateAnswer } from '../../pipeline/aggregate/validateAnswer.js';

const SEX = ['female', 'male'];
const EDU = ['low', 'mid', 'high', 'doctorate'];

const reply = (distribution: Record<string, number>) => ({ distribution, refusal: null, notes: 'test' });

describe('validateAnswer', () => {
  it('accepts a raw JSON string and an already-parsed object alike', () => {
    const expected = { ok: true, distribution: { female: 0.51, male: 0.49 } };
    expect(validateAnswer('{"distribution": {"female": 0.51, "male": 0.49}, "refusal": null}', SEX)).toEqual(expected);
    expect(validateAnswer(reply({ female: 0.51, male: 0.49 }), SEX)).toEqual(expected);
  });

  it('accepts JSON inside ```json fences and inside surrounding prose', () => {
    const fenced = 'Here you go:\n```json\n{"distribution": {"female": 0.5, "male": 0.5}}\n```\nHope this helps.';
    expect(validateAnswer(fenced, SEX)).toMatchObject({ ok: true });
    expect(validateAnswer('Answer: {"distribution": {"female": 0.52, "male": 0.48}} (ONS)', SEX)).toMatchObject({ ok: true });
  });

  it('rejects text that is not JSON as malformed, unless it reads like a refusal', () => {
    expect(validateAnswer('female 51%, male 49%', SEX)).toMatchObject({ ok: false, reason: 'malformed' });
    expect(validateAnswer('', SEX)).toMatchObject({ ok: false, reason: 'malformed' });
    expect(validateAnswer('[0.5, 0.5]', SEX)).toMatchObject({ ok: false, reason: 'malformed' });
    expect(validateAnswer({ distribution: { female: '0.5', male: 0.5 } }, SEX)).toMatchObject({ ok: false, reason: 'malformed' });
    expect(validateAnswer({ notes: 'ONS' }, SEX)).toMatchObject({ ok: false, reason: 'malformed' });
    expect(validateAnswer("I'm sorry, but I can't provide that.", SEX)).toMatchObject({ ok: false, reason: 'refusal' });
  });

  it('rejects refusals given in the refusal field or in the notes of an answer without a distribution', () => {
    expect(validateAnswer({ distribution: null, refusal: 'No reliable data.' }, SEX)).toEqual({ ok: false, reason: 'refusal', detail: 'No reliable data.' });
    expect(validateAnswer({ distribution: null, notes: 'As an AI I cannot estimate this.' }, SEX)).toMatchObject({ reason: 'refusal' });
    expect(validateAnswer({ distribution: { female: 0.5, male: 0.5 }, refusal: 'declined' }, SEX)).toMatchObject({ reason: 'refusal' });
    expect(validateAnswer({ distribution: { female: 0.5, male: 0.5 }, refusal: '' }, SEX)).toMatchObject({ ok: true });
  });

  it('rejects percentages with a hint, and other sums outside the tolerance', () => {
    const percent = validateAnswer(reply({ female: 51, male: 49 }), SEX);
    expect(percent).toMatchObject({ ok: false, reason: 'sum' });
    expect(!percent.ok && percent.detail).toMatch(/percentages/);
    const off = validateAnswer(reply({ female: 0.6, male: 0.5 }), SEX);
    expect(off).toMatchObject({ ok: false, reason: 'sum' });
    expect(!off.ok && off.detail).not.toMatch(/percentages/);
    expect(validateAnswer(reply({ female: 0.6, male: 0.5 }), SEX, { sumTolerance: 0.2 })).toMatchObject({ ok: true });
  });

  it('renormalises a sum within tolerance to exactly 1', () => {
    const v = validateAnswer(reply({ female: 0.505, male: 0.505 }), SEX);
    expect(v).toEqual({ ok: true, distribution: { female: 0.5, male: 0.5 } });
  });

  it('rejects an invented category, naming it', () => {
    const v = validateAnswer(reply({ low: 0.5, mid: 0.3, postdoc: 0.2 }), EDU);
    expect(v).toMatchObject({ ok: false, reason: 'unknownCategory' });
    expect(!v.ok && v.detail).toMatch(/postdoc/);
  });

  it('counts missing categories as 0 and returns every category in values order', () => {
    const v = validateAnswer(reply({ high: 0.3, low: 0.7 }), EDU);
    expect(v).toEqual({ ok: true, distribution: { low: 0.7, mid: 0, high: 0.3, doctorate: 0 } });
    expect(v.ok && Object.keys(v.distribution)).toEqual(EDU);
  });

  it('rejects negative and non-finite probabilities, and empty or all-zero answers', () => {
    expect(validateAnswer(reply({ low: 1.1, mid: -0.1 }), EDU)).toMatchObject({ ok: false, reason: 'negative' });
    expect(validateAnswer(reply({ low: Number.POSITIVE_INFINITY }), EDU)).toMatchObject({ ok: false, reason: 'negative' });
    expect(validateAnswer(reply({ low: Number.NaN }), EDU)).toMatchObject({ ok: false, reason: 'negative' });
    expect(validateAnswer(reply({}), EDU)).toMatchObject({ ok: false, reason: 'empty' });
    expect(validateAnswer(reply({ low: 0, mid: 0 }), EDU)).toMatchObject({ ok: false, reason: 'empty' });
  });

  it('rejects a hedged even spread over 3+ categories unless allowed, but not a genuine 50/50 or a long tail', () => {
    expect(validateAnswer(reply({ low: 0.25, mid: 0.25, high: 0.25, doctorate: 0.25 }), EDU)).toMatchObject({ ok: false, reason: 'uniform' });
    expect(validateAnswer(reply({ low: 0.255, mid: 0.245, high: 0.25, doctorate: 0.25 }), EDU)).toMatchObject({ ok: false, reason: 'uniform' });
    expect(validateAnswer(reply({ low: 0.25, mid: 0.25, high: 0.25, doctorate: 0.25 }), EDU, { uniformAllowed: true })).toMatchObject({ ok: true });
    expect(validateAnswer(reply({ low: 0.3, mid: 0.3, high: 0.3, doctorate: 0.1 }), EDU)).toMatchObject({ ok: true });
    expect(validateAnswer(reply({ female: 0.5, male: 0.5 }), SEX)).toMatchObject({ ok: true });
    // 60 regions: 0.0167 each is hedging, a realistic spread between 0.012 and 0.02 is not.
    const regions = Array.from({ length: 60 }, (_, i) => `r${i}`);
    expect(validateAnswer(reply(Object.fromEntries(regions.map((r) => [r, 1 / 60]))), regions)).toMatchObject({ reason: 'uniform' });
    const spread = Object.fromEntries(regions.map((r, i) => [r, (i % 2 ? 0.012 : 0.02) / 0.96]));
    expect(validateAnswer(reply(spread), regions)).toMatchObject({ ok: true });
  });

  it('checks set-valued (independent) shares without requiring a sum of 1', () => {
    const items = ['reading', 'gaming', 'cooking'];
    expect(validateAnswer(reply({ reading: 0.4, gaming: 0.3, cooking: 0.6 }), items, { independent: true }))
      .toEqual({ ok: true, distribution: { reading: 0.4, gaming: 0.3, cooking: 0.6 } });
    expect(validateAnswer(reply({ reading: 40, gaming: 30, cooking: 60 }), items, { independent: true })).toMatchObject({ reason: 'sum' });
    expect(validateAnswer(reply({ reading: 0.5, gaming: 0.5, cooking: 0.5 }), items, { independent: true })).toMatchObject({ reason: 'uniform' });
  });
});

const a = (source: string, run: number, distribution: Record<string, number>): AnswerInput => ({ source, run, content: reply(distribution) });

function expectDistribution(actual: Record<string, number> | null, expected: Record<string, number>, digits = 6) {
  expect(actual).not.toBeNull();
  expect(Object.keys(actual!)).toEqual(Object.keys(expected));
  for (const k of Object.keys(expected)) expect(actual![k]).toBeCloseTo(expected[k], digits);
}

describe('aggregateAnswers', () => {
  it('uses a single accepted answer as it is and reports rejected ones', () => {
    const r = aggregateAnswers([a('m1', 0, { female: 0.52, male: 0.48 }), { source: 'm2', run: 0, content: 'nope' }], SEX);
    expect(r).toMatchObject({ accepted: 1, sources: ['m1'], method: 'single', disagreement: 0 });
    expect(r.distribution).toEqual({ female: 0.52, male: 0.48 });
    expect(r.rejected).toEqual([{ source: 'm2', run: 0, reason: 'malformed', detail: 'not JSON: nope' }]);
  });

  it('returns no distribution when nothing is accepted', () => {
    const r = aggregateAnswers([{ source: 'm1', run: 0, content: { distribution: null, refusal: 'no' } }], SEX);
    expect(r).toMatchObject({ distribution: null, accepted: 0, sources: [], method: 'none' });
  });

  it('takes the log-median across 3 sources, so one outlier barely moves it', () => {
    const answers = [
      a('m1', 0, { low: 0.3, mid: 0.4, high: 0.2, doctorate: 0.1 }),
      a('m2', 0, { low: 0.32, mid: 0.38, high: 0.2, doctorate: 0.1 }),
      a('m3', 0, { low: 0.01, mid: 0.01, high: 0.01, doctorate: 0.97 }),
    ];
    const r = aggregateAnswers(answers, EDU);
    expect(r.method).toBe('logMedian');
    expect(r.accepted).toBe(3);
    // medians per category: low 0.3, mid 0.38, high 0.2, doctorate 0.1 (each ± the epsilon), then renormalised over 0.98.
    expectDistribution(r.distribution, { low: 0.3 / 0.98, mid: 0.38 / 0.98, high: 0.2 / 0.98, doctorate: 0.1 / 0.98 }, 4);
  });

  it('uses a 20%-trimmed mean of logs with 5+ sources', () => {
    const answers = ['m1', 'm2', 'm3', 'm4', 'm5'].map((m, i) => a(m, 0, { female: 0.48 + i * 0.01, male: 0.52 - i * 0.01 }));
    answers.push(a('m6', 0, { female: 0.99, male: 0.01 }));
    const r = aggregateAnswers(answers, SEX);
    expect(r.method).toBe('trimmedLogMean');
    expect(r.distribution!.female).toBeGreaterThan(0.48);
    expect(r.distribution!.female).toBeLessThan(0.53);
  });

  it('keeps a category at 0 when a strict majority of answers gives it exactly 0 (structural zero)', () => {
    const answers = [
      a('m1', 0, { low: 0.5, mid: 0.5, high: 0, doctorate: 0 }),
      a('m2', 0, { low: 0.45, mid: 0.55, high: 0, doctorate: 0 }),
      a('m3', 0, { low: 0.4, mid: 0.4, high: 0.15, doctorate: 0.05 }),
    ];
    const r = aggregateAnswers(answers, EDU);
    expect(r.distribution!.high).toBe(0);
    expect(r.distribution!.doctorate).toBe(0);
    // one zero out of three is not a majority: the category stays positive.
    const r2 = aggregateAnswers([answers[2], a('m4', 0, { low: 0.4, mid: 0.4, high: 0.1, doctorate: 0.1 }), answers[0]], EDU);
    expect(r2.distribution!.high).toBeGreaterThan(0.05);
  });

  it('weighs sources equally however many runs each did', () => {
    const many = Array.from({ length: 9 }, (_, run) => a('chatty', run, { female: 0.7, male: 0.3 }));
    const r = aggregateAnswers([...many, a('quiet', 0, { female: 0.5, male: 0.5 })], SEX);
    expect(r.accepted).toBe(10);
    expect(r.sources).toEqual(['chatty', 'quiet']);
    expect(r.method).toBe('logMedian');
    // the geometric mean of the two sources, renormalised: not dominated by the nine runs of one model.
    const f = Math.sqrt(0.7 * 0.5);
    const m = Math.sqrt(0.3 * 0.5);
    expectDistribution(r.distribution, { female: f / (f + m), male: m / (f + m) }, 4);
  });

  it('reports the within-source method when there is only one source', () => {
    const runs = Array.from({ length: 5 }, (_, run) => a('m1', run, { female: 0.5 + run / 100, male: 0.5 - run / 100 }));
    expect(aggregateAnswers(runs, SEX).method).toBe('trimmedLogMean');
    expect(aggregateAnswers(runs.slice(0, 3), SEX).method).toBe('logMedian');
  });

  it('measures disagreement: 0 for identical answers, positive otherwise', () => {
    const same = aggregateAnswers([a('m1', 0, { female: 0.5, male: 0.5 }), a('m2', 0, { female: 0.5, male: 0.5 })], SEX);
    expect(same.disagreement).toBeCloseTo(0, 12);
    const differ = aggregateAnswers([a('m1', 0, { female: 0.6, male: 0.4 }), a('m2', 0, { female: 0.4, male: 0.6 })], SEX);
    // aggregate is 50/50; each source is 0.1 away in total variation.
    expect(differ.disagreement).toBeCloseTo(0.1, 6);
  });

  it('is deterministic and independent of input order', () => {
    const answers = [
      a('m2', 1, { low: 0.2, mid: 0.5, high: 0.2, doctorate: 0.1 }),
      a('m1', 0, { low: 0.3, mid: 0.4, high: 0.2, doctorate: 0.1 }),
      { source: 'm3', run: 0, content: '```json\n{"distribution": {"low": 0.1, "mid": 0.6, "high": 0.25, "doctorate": 0.05}}\n```' },
      a('m2', 0, { low: 0.25, mid: 0.45, high: 0.25, doctorate: 0.05 }),
      { source: 'm1', run: 1, content: 'refused' },
    ];
    const r1 = aggregateAnswers(answers, EDU);
    const r2 = aggregateAnswers([...answers].reverse(), EDU);
    expect(r2).toEqual(r1);
    expect(aggregateAnswers(answers, EDU)).toEqual(r1);
    const sum = Object.values(r1.distribution!).reduce((s, p) => s + p, 0);
    expect(sum).toBeCloseTo(1, 12);
    expect(r1.rejected.map((x) => [x.source, x.run])).toEqual([['m1', 1]]);
  });

  it('pools set-valued shares without renormalising', () => {
    const items = ['reading', 'gaming', 'cooking'];
    const r = aggregateAnswers([
      { source: 'm1', run: 0, content: reply({ reading: 0.4, gaming: 0.2, cooking: 0.6 }) },
      { source: 'm2', run: 0, content: reply({ reading: 0.4, gaming: 0.2, cooking: 0.6 }) },
    ], items, { independent: true });
    expectDistribution(r.distribution, { reading: 0.4, gaming: 0.2, cooking: 0.6 });
  });
});
