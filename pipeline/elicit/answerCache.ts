/**
 * On-disk cache of raw model answers: one JSON file per (model, prompt version, question, run), so re-running
 * the pipeline costs nothing for answers already paid for, and a cache directory can be shared or archived.
 * Only completed calls are stored; errors and timeouts are retried on the next run.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { questionKey, questionSchema, type Question } from '../answers/answerSchema.js';
import { PROMPT_VERSION } from './prompt.js';

/** Default cache directory, relative to the repository root. */
export const DEFAULT_CACHE_DIR = 'pipeline/cache/llm';

export const cachedAnswerSchema = z.object({
  model: z.string().min(1),
  promptVersion: z.string().min(1),
  run: z.number().int().nonnegative(),
  question: questionSchema,
  /** The assistant message exactly as received; validation happens later so rules can change without new calls. */
  content: z.string(),
  usage: z.object({ promptTokens: z.number().nonnegative(), completionTokens: z.number().nonnegative() }),
  finishReason: z.string().nullable(),
});
export type CachedAnswer = z.infer<typeof cachedAnswerSchema>;

/**
 * File name of a cache entry: the first 32 hex digits of sha256 over [model, prompt version, question key, run].
 *
 * @example cacheFileName('openai/gpt-4o', { dimension: 'sex', country: 'GB', given: {} }, 0) // '3f9c...e1.json'
 */
export function cacheFileName(model: string, question: Question, run: number, promptVersion: string = PROMPT_VERSION): string {
  const hash = createHash('sha256').update(JSON.stringify([model, promptVersion, questionKey(question), run])).digest('hex');
  return `${hash.slice(0, 32)}.json`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return Object.fromEntries(Object.keys(obj).sort().map((k) => [k, sortKeys(obj[k])]));
  }
  return value;
}

/**
 * JSON with object keys sorted at every depth, 2-space indent and a trailing newline: the same entry always
 * produces the same bytes, so cache files diff and hash cleanly.
 *
 * @example stableJson({ b: 1, a: { d: 2, c: 3 } }) // '{\n  "a": {\n    "c": 3,\n    "d": 2\n  },\n  "b": 1\n}\n'
 */
export function stableJson(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 2) + '\n';
}

/**
 * The cached answer for (model, question, run) under the current prompt version, or undefined.
 *
 * @example const hit = readCacheEntry('pipeline/cache/llm', 'openai/gpt-4o', question, 0);
 */
export function readCacheEntry(dir: string, model: string, question: Question, run: number): CachedAnswer | undefined {
  const file = join(dir, cacheFileName(model, question, run));
  if (!existsSync(file)) return undefined;
  const parsed = cachedAnswerSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: not a cached answer (${parsed.error.issues[0]?.message ?? 'invalid'})`);
  return parsed.data;
}

/**
 * Stores one answer. The file is written under a temporary name and renamed, so an interrupted run never
 * leaves a half-written entry that a later run would trust.
 *
 * @example writeCacheEntry('pipeline/cache/llm', { model, promptVersion: PROMPT_VERSION, run: 0, question, content, usage, finishReason: 'stop' });
 */
export function writeCacheEntry(dir: string, entry: CachedAnswer): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, cacheFileName(entry.model, entry.question, entry.run, entry.promptVersion));
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, stableJson(entry));
  renameSync(tmp, file);
  return file;
}

function compareAnswers(a: CachedAnswer, b: CachedAnswer): number {
  const ka = questionKey(a.question);
  const kb = questionKey(b.question);
  if (ka !== kb) return ka < kb ? -1 : 1;
  if (a.model !== b.model) return a.model < b.model ? -1 : 1;
  if (a.run !== b.run) return a.run - b.run;
  return a.promptVersion < b.promptVersion ? -1 : a.promptVersion > b.promptVersion ? 1 : 0;
}

/**
 * Sorts answers by question key, model, run (then prompt version), the order every report and aggregate uses.
 *
 * @example sortAnswers(answers)[0].question
 */
export function sortAnswers(answers: readonly CachedAnswer[]): CachedAnswer[] {
  return [...answers].sort(compareAnswers);
}

/**
 * Every entry of a cache directory (all prompt versions), sorted by question key, model and run. A missing
 * directory is an empty cache; a file that is not a cached answer is an error naming the file.
 *
 * @example readCache('pipeline/cache/llm').filter((a) => a.promptVersion === PROMPT_VERSION)
 */
export function readCache(dir: string): CachedAnswer[] {
  if (!existsSync(dir)) return [];
  const out: CachedAnswer[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const file = join(dir, name);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new Error(`${file}: not valid JSON (${(e as Error).message})`);
    }
    const parsed = cachedAnswerSchema.safeParse(json);
    if (!parsed.success) throw new Error(`${file}: not a cached answer (${parsed.error.issues[0]?.message ?? 'invalid'})`);
    out.push(parsed.data);
  }
  return sortAnswers(out);
}
