/**
 * The one module that talks to a language model (and the only one importing `openai`). It works with any
 * OpenAI-compatible endpoint (OpenAI, OpenRouter, vLLM, llama.cpp, Ollama ...): the base URL, key and model list
 * are options. Retries of rate limits (429), server errors (5xx), 408/409 and connection errors with exponential
 * backoff honouring `retry-after` / `retry-after-ms` are the SDK's own (`maxRetries`); this module only adds what
 * the SDK does not do: caching, bounded concurrency, accounting, and one fallback for servers that reject the
 * optional request parameters.
 */
import OpenAI from 'openai';
import cliProgress from 'cli-progress';
import pLimit from 'p-limit';
import type { Catalogue } from '../../src/engine/mapSchema.js';
import { questionKey, type Question } from '../answers/answerSchema.js';
import { readCacheEntry, sortAnswers, writeCacheEntry, type CachedAnswer } from './answerCache.js';
import { PROMPT_VERSION, buildMessages, replyJsonSchema } from './prompt.js';
import type { RegionList } from './questions.js';

/** Price of a model in USD per million tokens. */
export interface ModelPrice {
  readonly input: number;
  readonly output: number;
}

export interface ElicitProgress {
  readonly done: number;
  readonly total: number;
  readonly calls: number;
  readonly cacheHits: number;
  readonly failures: number;
  readonly costUSD: number;
}

export interface ElicitorOptions {
  /** e.g. https://openrouter.ai/api/v1 */
  readonly baseURL: string;
  readonly apiKey: string;
  readonly models: readonly string[];
  /** Answers per (question, model); run r is asked with `seed: r`. */
  readonly runs: number;
  /** Requests in flight at most. */
  readonly concurrency: number;
  /** SDK retries per request (429, 408, 409, 5xx, connection errors and timeouts). */
  readonly maxRetries: number;
  /** Per-attempt timeout. */
  readonly timeoutMs: number;
  readonly cacheDir: string;
  readonly catalogue: Catalogue;
  readonly regions: RegionList;
  readonly pricing?: Readonly<Record<string, ModelPrice>>;
  /** Default: 0.7 when runs > 1 so that repeated runs differ; otherwise the server's default. */
  readonly temperature?: number;
  /** Send `response_format: json_schema` (default true). */
  readonly structuredOutput?: boolean;
  /** Show a progress bar on stderr (default: when stderr is a TTY). */
  readonly progress?: boolean;
  readonly onProgress?: (progress: ElicitProgress) => void;
}

export interface ElicitFailure {
  readonly question: Question;
  readonly model: string;
  readonly run: number;
  readonly error: string;
}

export interface ElicitResult {
  /** Cached and new answers, sorted by question key, model and run. */
  readonly answers: CachedAnswer[];
  readonly failures: ElicitFailure[];
  /** Requests sent by this invocation (SDK-internal retries not counted). */
  readonly calls: number;
  readonly cacheHits: number;
  /** Tokens and cost of this invocation's calls only; cache hits cost nothing. */
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly costUSD: number;
  /** Models that answered but have no entry in `pricing` (their cost is not in costUSD). */
  readonly unpricedModels: string[];
}

export interface Elicitor {
  elicit(questions: readonly Question[]): Promise<ElicitResult>;
}

function describeError(e: unknown): string {
  if (e instanceof OpenAI.APIError) return `${e.constructor.name}${e.status ? ` ${e.status}` : ''}: ${e.message}`;
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}

/** 400/422 on the first try usually means the server rejects response_format, seed or temperature. */
function rejectsOptionalParameters(e: unknown): boolean {
  return e instanceof OpenAI.APIError && (e.status === 400 || e.status === 422);
}

/**
 * Creates an elicitor: for every question, model and run it returns the cached answer or asks the model and
 * caches the raw reply. Failed calls (after the SDK's retries) are reported, never cached, so the next run
 * tries them again.
 *
 * @example
 *   const elicitor = createElicitor({ baseURL: 'https://openrouter.ai/api/v1', apiKey, models: ['openai/gpt-4o'],
 *     runs: 3, concurrency: 4, maxRetries: 4, timeoutMs: 60_000, cacheDir: 'pipeline/cache/llm', catalogue, regions });
 *   const { answers, failures, costUSD } = await elicitor.elicit(questions);
 */
export function createElicitor(options: ElicitorOptions): Elicitor {
  const client = new OpenAI({
    baseURL: options.baseURL,
    apiKey: options.apiKey,
    maxRetries: options.maxRetries,
    timeout: options.timeoutMs,
  });
  const temperature = options.temperature ?? (options.runs > 1 ? 0.7 : undefined);
  const structured = options.structuredOutput ?? true;
  // Models whose server refused the optional parameters once; later requests to them go without.
  const plainModels = new Set<string>();

  async function complete(question: Question, model: string, run: number, count: () => void): Promise<CachedAnswer> {
    const messages = buildMessages(question, options.catalogue, options.regions);
    const send = (plain: boolean) => {
      count();
      return client.chat.completions.create({
        model,
        messages: messages.map((m) => ({ role: m.role, content: m.content })),
        ...(plain ? {} : {
          seed: run,
          ...(temperature === undefined ? {} : { temperature }),
          ...(structured ? { response_format: { type: 'json_schema' as const, json_schema: replyJsonSchema(question, options.catalogue, options.regions) } } : {}),
        }),
      });
    };
    let response;
    if (plainModels.has(model)) response = await send(true);
    else {
      try {
        response = await send(false);
      } catch (e) {
        if (!rejectsOptionalParameters(e)) throw e;
        plainModels.add(model);
        response = await send(true);
      }
    }
    const choice = response.choices?.[0];
    if (!choice) throw new Error(`no choices in the response${(response as { error?: unknown }).error ? `: ${JSON.stringify((response as { error?: unknown }).error)}` : ''}`);
    // Structured-output refusals arrive in message.refusal with no content; keep them as an ordinary refusal reply.
    const content = choice.message?.content ?? (choice.message?.refusal ? JSON.stringify({ distribution: null, refusal: choice.message.refusal }) : null);
    if (content === null || content === undefined) throw new Error(`empty message (finish_reason ${choice.finish_reason})`);
    return {
      model,
      promptVersion: PROMPT_VERSION,
      run,
      question,
      content,
      usage: { promptTokens: response.usage?.prompt_tokens ?? 0, completionTokens: response.usage?.completion_tokens ?? 0 },
      finishReason: choice.finish_reason ?? null,
    };
  }

  async function elicit(questions: readonly Question[]): Promise<ElicitResult> {
    const limit = pLimit(Math.max(1, options.concurrency));
    const answers: CachedAnswer[] = [];
    const failures: ElicitFailure[] = [];
    const unpriced = new Set<string>();
    let calls = 0;
    let cacheHits = 0;
    let promptTokens = 0;
    let completionTokens = 0;
    let costUSD = 0;
    let done = 0;
    const total = questions.length * options.models.length * options.runs;
    const bar = (options.progress ?? Boolean(process.stderr.isTTY))
      ? new cliProgress.SingleBar({
        format: 'elicit [{bar}] {value}/{total} | calls {calls} | cached {cacheHits} | failed {failures} | ${cost}',
        hideCursor: true,
        // Forced on without a TTY (CI logs): print a line every few seconds instead of redrawing.
        noTTYOutput: true,
        notTTYSchedule: 5_000,
      }, cliProgress.Presets.shades_classic)
      : undefined;
    const snapshot = (): ElicitProgress => ({ done, total, calls, cacheHits, failures: failures.length, costUSD });
    const report = () => {
      const p = snapshot();
      bar?.update(done, { calls, cacheHits, failures: p.failures, cost: costUSD.toFixed(4) });
      options.onProgress?.(p);
    };
    bar?.start(total, 0, { calls: 0, cacheHits: 0, failures: 0, cost: '0.0000' });

    const task = async (question: Question, model: string, run: number) => {
      try {
        const hit = readCacheEntry(options.cacheDir, model, question, run);
        if (hit) {
          cacheHits++;
          answers.push(hit);
          return;
        }
        const entry = await complete(question, model, run, () => { calls++; });
        writeCacheEntry(options.cacheDir, entry);
        answers.push(entry);
        promptTokens += entry.usage.promptTokens;
        completionTokens += entry.usage.completionTokens;
        const price = options.pricing?.[model];
        if (price) costUSD += (entry.usage.promptTokens * price.input + entry.usage.completionTokens * price.output) / 1e6;
        else unpriced.add(model);
      } catch (e) {
        failures.push({ question, model, run, error: describeError(e) });
      } finally {
        done++;
        report();
      }
    };

    try {
      await Promise.all(questions.flatMap((q) => options.models.flatMap((m) =>
        Array.from({ length: options.runs }, (_, run) => limit(() => task(q, m, run))))));
    } finally {
      bar?.stop();
    }
    failures.sort((a, b) => {
      const ka = questionKey(a.question);
      const kb = questionKey(b.question);
      return ka !== kb ? (ka < kb ? -1 : 1) : a.model !== b.model ? (a.model < b.model ? -1 : 1) : a.run - b.run;
    });
    return {
      answers: sortAnswers(answers),
      failures,
      calls,
      cacheHits,
      promptTokens,
      completionTokens,
      costUSD,
      unpricedModels: [...unpriced].sort(),
    };
  }

  return { elicit };
}
