import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Catalogue } from '../../src/engine/mapSchema.js';
import { validateAnswer } from '../../pipeline/aggregate/validateAnswer.js';
import type { Question } from '../../pipeline/answers/answerSchema.js';
import { cacheFileName, readCache, stableJson } from '../../pipeline/elicit/answerCache.js';
import { createElicitor, type ElicitorOptions } from '../../pipeline/elicit/llmClient.js';
import { PROMPT_VERSION } from '../../pipeline/elicit/prompt.js';
import { questionsFor, type RegionList } from '../../pipeline/elicit/questions.js';
import { pipelineProgram } from '../../pipeline/pipelineProgram.js';
import { startFakeOpenAIServer, type FakeHandler, type FakeOpenAIServer } from './support/fakeOpenAIServer.js';

const dim = (id: string, kind: 'enum' | 'set', parents: string[], values: string[]) =>
  ({ id, tier: 0, kind, parents, values, description: `${id} (${kind})`, why: 'test', source: 'test source' });

const catalogue: Catalogue = {
  countries: ['GB', 'US'],
  dimensions: [
    dim('countryOfResidence', 'enum', [], ['GB', 'US']),
    dim('region', 'enum', ['countryOfResidence'], []),
    dim('sex', 'enum', ['countryOfResidence', 'region'], ['female', 'male']),
    dim('smoking', 'enum', ['countryOfResidence', 'sex'], ['never', 'former', 'occasional', 'daily', 'vapeOnly']),
  ],
};
const regions: RegionList = {
  regions: [
    { id: 'gbLondon', country: 'GB', name: 'London' },
    { id: 'gbWales', country: 'GB', name: 'Wales' },
    { id: 'usTexas', country: 'US', name: 'Texas' },
  ],
};

const SEX_GB: Question = { dimension: 'sex', country: 'GB', given: {} };
const SMOKING_GB: Question = { dimension: 'smoking', country: 'GB', given: {} };
const GOOD = JSON.stringify({ distribution: { female: 0.51, male: 0.49 }, refusal: null, notes: 'ONS mid-year estimates' });
const ok: FakeHandler = () => ({ content: GOOD });

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function setup(handler: FakeHandler, overrides: Partial<ElicitorOptions> = {}) {
  const server: FakeOpenAIServer = await startFakeOpenAIServer(handler);
  const cacheDir = mkdtempSync(join(tmpdir(), 'personagen-llm-cache-'));
  cleanups.push(() => server.close(), () => rmSync(cacheDir, { recursive: true, force: true }));
  const elicitor = createElicitor({
    baseURL: server.baseURL,
    apiKey: 'test-key',
    models: ['test/model-a'],
    runs: 1,
    concurrency: 4,
    maxRetries: 2,
    timeoutMs: 5_000,
    cacheDir,
    catalogue,
    regions,
    progress: false,
    ...overrides,
  });
  return { server, cacheDir, elicitor };
}

describe('createElicitor against a real HTTP server through the openai SDK', () => {
  it('accepts a good answer, counts tokens and cost, sends the structured-output request and caches the reply', async () => {
    const { server, cacheDir, elicitor } = await setup(() => ({ content: GOOD, usage: { prompt_tokens: 1000, completion_tokens: 200 } }), {
      pricing: { 'test/model-a': { input: 2, output: 10 } },
    });
    const result = await elicitor.elicit([SEX_GB]);
    expect(result.failures).toEqual([]);
    expect(result).toMatchObject({ calls: 1, cacheHits: 0, promptTokens: 1000, completionTokens: 200, unpricedModels: [] });
    expect(result.costUSD).toBeCloseTo((1000 * 2 + 200 * 10) / 1e6, 12);
    expect(result.answers).toHaveLength(1);
    const answer = result.answers[0];
    expect(answer).toMatchObject({ model: 'test/model-a', promptVersion: PROMPT_VERSION, run: 0, question: SEX_GB, content: GOOD, finishReason: 'stop' });
    expect(validateAnswer(answer.content, ['female', 'male'])).toEqual({ ok: true, distribution: { female: 0.51, male: 0.49 } });

    const sent = server.requests[0];
    expect(sent.headers.authorization).toBe('Bearer test-key');
    expect(sent.body.seed).toBe(0);
    expect(sent.body.temperature).toBeUndefined();
    const format = sent.body.response_format as { type: string; json_schema: { schema: { properties: { distribution: { anyOf: { required?: string[] }[] } } } } };
    expect(format.type).toBe('json_schema');
    expect(format.json_schema.schema.properties.distribution.anyOf[0].required).toEqual(['female', 'male']);
    expect(sent.body.messages.map((m) => m.role)).toEqual(['system', 'user']);

    const file = join(cacheDir, cacheFileName('test/model-a', SEX_GB, 0));
    expect(readFileSync(file, 'utf8')).toBe(stableJson(answer));
    expect(readCache(cacheDir)).toEqual([answer]);
  });

  it('asks each run with its own seed and a non-zero temperature so repeated runs differ', async () => {
    const { server, elicitor } = await setup(ok, { runs: 3, models: ['test/model-a', 'test/model-b'] });
    const result = await elicitor.elicit([SEX_GB]);
    expect(result.answers.map((a) => [a.model, a.run])).toEqual([
      ['test/model-a', 0], ['test/model-a', 1], ['test/model-a', 2], ['test/model-b', 0], ['test/model-b', 1], ['test/model-b', 2],
    ]);
    expect(server.requests.map((r) => r.body.seed).sort()).toEqual([0, 0, 1, 1, 2, 2]);
    expect(new Set(server.requests.map((r) => r.body.temperature))).toEqual(new Set([0.7]));
  });

  it('records malformed JSON, which validation then rejects as malformed', async () => {
    const { elicitor } = await setup(() => ({ content: '{"distribution": {"female": 0.5,' }));
    const result = await elicitor.elicit([SEX_GB]);
    expect(result.failures).toEqual([]);
    expect(result.answers).toHaveLength(1);
    expect(validateAnswer(result.answers[0].content, ['female', 'male'])).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('records refusals, in the JSON reply or in the structured-output refusal field', async () => {
    const { elicitor } = await setup(({ callIndex }) => (callIndex === 0
      ? { content: JSON.stringify({ distribution: null, refusal: 'I cannot estimate this.', notes: null }) }
      : { content: null, refusal: 'I am unable to help with that.' }));
    const result = await elicitor.elicit([SEX_GB, SMOKING_GB]);
    expect(result.failures).toEqual([]);
    expect(result.answers).toHaveLength(2);
    for (const a of result.answers) {
      expect(validateAnswer(a.content, catalogue.dimensions.find((d) => d.id === a.question.dimension)!.values))
        .toMatchObject({ ok: false, reason: 'refusal' });
    }
  });

  it('records a hedged uniform answer, which validation rejects as uniform', async () => {
    const values = ['never', 'former', 'occasional', 'daily', 'vapeOnly'];
    const { elicitor } = await setup(() => ({ content: JSON.stringify({ distribution: Object.fromEntries(values.map((v) => [v, 0.2])) }) }));
    const result = await elicitor.elicit([SMOKING_GB]);
    expect(validateAnswer(result.answers[0].content, values)).toMatchObject({ ok: false, reason: 'uniform' });
  });

  it('retries a 429 through the SDK (honouring retry-after-ms) and succeeds', async () => {
    const { server, elicitor } = await setup(({ callIndex }) => (callIndex === 0
      ? { status: 429, headers: { 'retry-after-ms': '10' }, body: { error: { message: 'rate limited', type: 'rate_limit' } } }
      : { content: GOOD }));
    const result = await elicitor.elicit([SEX_GB]);
    expect(result.failures).toEqual([]);
    expect(result.answers).toHaveLength(1);
    expect(server.callsFor('test/model-a')).toBe(2);
    expect(result.calls).toBe(1);
    expect(server.requests[1].headers['x-stainless-retry-count']).toBe('1');
    // The SDK's own backoff would wait at least 375 ms; retry-after-ms asked for 10.
    expect(server.requests[1].receivedAt - server.requests[0].receivedAt).toBeLessThan(300);
  });

  it('retries a 500 through the SDK with its default backoff and succeeds', async () => {
    const { server, elicitor } = await setup(({ callIndex }) => (callIndex === 0 ? { status: 500 } : { content: GOOD }));
    const result = await elicitor.elicit([SEX_GB]);
    expect(result.failures).toEqual([]);
    expect(result.answers).toHaveLength(1);
    expect(server.callsFor('test/model-a')).toBe(2);
    expect(server.requests[1].receivedAt - server.requests[0].receivedAt).toBeGreaterThan(300);
  });

  it('reports a failure after the retries are used up and does not cache it', async () => {
    const { server, cacheDir, elicitor } = await setup(() => ({ status: 503, headers: { 'retry-after-ms': '5' } }), { maxRetries: 2 });
    const result = await elicitor.elicit([SEX_GB]);
    expect(server.callsFor('test/model-a')).toBe(3);
    expect(result.answers).toEqual([]);
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]).toMatchObject({ question: SEX_GB, model: 'test/model-a', run: 0 });
    expect(result.failures[0].error).toMatch(/503/);
    expect(readdirSync(cacheDir)).toEqual([]);
  });

  it('reports timeouts as failures without hanging or caching (and the SDK retries them when allowed)', async () => {
    for (const maxRetries of [0, 1]) {
      const { server, cacheDir, elicitor } = await setup(() => ({ content: GOOD, delayMs: 3_000 }), { timeoutMs: 150, maxRetries });
      const started = Date.now();
      const result = await elicitor.elicit([SEX_GB]);
      expect(Date.now() - started).toBeLessThan(2_500);
      expect(result.answers).toEqual([]);
      expect(result.failures).toHaveLength(1);
      expect(result.failures[0].error).toMatch(/timed out/i);
      expect(server.callsFor('test/model-a')).toBe(maxRetries + 1);
      expect(readdirSync(cacheDir)).toEqual([]);
    }
  });

  it('treats a 200 without choices as a failure, not as an answer', async () => {
    const { cacheDir, elicitor } = await setup(() => ({ body: { error: { message: 'upstream provider error', code: 502 } } }));
    const result = await elicitor.elicit([SEX_GB]);
    expect(result.answers).toEqual([]);
    expect(result.failures[0].error).toMatch(/no choices.*upstream provider error/);
    expect(readdirSync(cacheDir)).toEqual([]);
  });

  it('falls back to a plain request when the server rejects response_format, and remembers that per model', async () => {
    const { server, elicitor } = await setup(({ body }) => (body.response_format
      ? { status: 400, body: { error: { message: 'response_format is not supported', type: 'invalid_request_error' } } }
      : { content: GOOD }), { concurrency: 1 });
    const result = await elicitor.elicit([SEX_GB, { dimension: 'sex', country: 'US', given: {} }]);
    expect(result.failures).toEqual([]);
    expect(result.answers).toHaveLength(2);
    expect(server.requests.map((r) => 'response_format' in r.body)).toEqual([true, false, false]);
    expect(result.calls).toBe(3);
  });

  it('serves a second run of the same questions from the cache with zero HTTP calls and identical answers', async () => {
    const { server, elicitor } = await setup(({ callIndex }) => ({ content: JSON.stringify({ distribution: { female: 0.5 + callIndex / 100, male: 0.5 - callIndex / 100 } }) }), { runs: 2 });
    const questions = questionsFor(catalogue, regions, { dimensions: ['sex'], countries: ['GB'] });
    const first = await elicitor.elicit(questions);
    const seen = server.requests.length;
    expect(seen).toBe(questions.length * 2);
    const second = await elicitor.elicit(questions);
    expect(server.requests.length).toBe(seen);
    expect(second).toMatchObject({ calls: 0, cacheHits: seen, promptTokens: 0, completionTokens: 0, costUSD: 0, failures: [] });
    expect(second.answers).toEqual(first.answers);
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    const progress: number[] = [];
    const { server, elicitor } = await setup(() => ({ content: GOOD, delayMs: 40 }), {
      concurrency: 3,
      models: ['test/model-a', 'test/model-b'],
      onProgress: (p) => progress.push(p.done),
    });
    const questions = questionsFor(catalogue, regions, { dimensions: ['sex'], countries: ['GB', 'US'] });
    const result = await elicitor.elicit(questions);
    expect(result.answers).toHaveLength(questions.length * 2);
    expect(server.maxInFlight).toBe(3);
    expect(progress.at(-1)).toBe(questions.length * 2);
  });
});

describe('pipeline elicit (command line)', () => {
  it('runs end to end against the server and prints calls, tokens and per-dimension validation', async () => {
    const server = await startFakeOpenAIServer(({ body }) => (JSON.stringify(body.messages).includes('gbLondon')
      ? { content: 'I cannot answer that.' }
      : { content: GOOD }));
    const cacheDir = mkdtempSync(join(tmpdir(), 'personagen-llm-cli-'));
    cleanups.push(() => server.close(), () => rmSync(cacheDir, { recursive: true, force: true }));
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => { lines.push(args.join(' ')); });
    try {
      await pipelineProgram().parseAsync(['elicit', '--base-url', server.baseURL, '--api-key', 'k', '--models', 'm1',
        '--dimensions', 'sex', '--countries', 'GB', '--cache-dir', cacheDir], { from: 'user' });
    } finally {
      log.mockRestore();
    }
    const out = lines.join('\n');
    const regionCount = JSON.parse(readFileSync('maps/regions.json', 'utf8')).regions.filter((r: { country: string }) => r.country === 'GB').length;
    expect(out).toContain(`requests ${regionCount + 1}: ${regionCount + 1} calls, 0 cache hits, 0 failures`);
    expect(out).toMatch(new RegExp(`sex\\s+${regionCount}\\s+/\\s+1\\s+refusal 1`));
  });
});
