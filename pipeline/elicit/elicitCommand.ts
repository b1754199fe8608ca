/**
 * `pipeline elicit`: asks the configured models every question of the selected dimensions and countries,
 * caches the raw replies and reports what they cost and how many pass validation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { z } from 'zod';
import { catalogueSchema, regionsSchema, type Catalogue } from '../../src/engine/mapSchema.js';
import { validateAnswer, type RejectionReason } from '../aggregate/validateAnswer.js';
import { questionKey } from '../answers/answerSchema.js';
import { DEFAULT_CACHE_DIR, readCacheEntry, type CachedAnswer } from './answerCache.js';
import { createElicitor, type ModelPrice } from './llmClient.js';
import { buildMessages } from './prompt.js';
import { questionsFor, questionValues, type RegionList } from './questions.js';

/** Countries with regions and maps so far; the others have nothing to condition on yet. */
export const DEFAULT_COUNTRIES = ['US', 'GB', 'IE', 'IN'];

const pricingSchema = z.record(z.string(), z.object({ input: z.number().nonnegative(), output: z.number().nonnegative() }));

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

function nonNegativeInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a non-negative integer');
  return n;
}

function list(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`);
  }
}

/**
 * Loads and checks `catalogue.json` and `regions.json` of a maps directory.
 *
 * @example const { catalogue, regions } = loadCatalogue('maps');
 */
export function loadCatalogue(mapsDir: string): { catalogue: Catalogue; regions: RegionList } {
  const catalogue = catalogueSchema.parse(readJson(join(mapsDir, 'catalogue.json')));
  const regions = regionsSchema.parse(readJson(join(mapsDir, 'regions.json')));
  return { catalogue, regions };
}

export interface DimensionTally {
  readonly dimension: string;
  readonly accepted: number;
  readonly rejected: number;
  readonly reasons: Partial<Record<RejectionReason, number>>;
}

/**
 * Validates cached answers against their question's categories and counts accepted and rejected answers (with
 * reasons) per dimension, in catalogue order.
 *
 * @example tallyAnswers(result.answers, catalogue, regions) // [{ dimension: 'sex', accepted: 90, rejected: 2, reasons: { refusal: 2 } }]
 */
export function tallyAnswers(answers: readonly CachedAnswer[], catalogue: Catalogue, regions: RegionList): DimensionTally[] {
  const tallies = new Map<string, { accepted: number; rejected: number; reasons: Partial<Record<RejectionReason, number>> }>();
  for (const answer of answers) {
    const dim = catalogue.dimensions.find((d) => d.id === answer.question.dimension);
    const t = tallies.get(answer.question.dimension) ?? { accepted: 0, rejected: 0, reasons: {} };
    tallies.set(answer.question.dimension, t);
    const v = validateAnswer(answer.content, questionValues(answer.question, catalogue, regions), { independent: dim?.kind === 'set' });
    if (v.ok) t.accepted++;
    else {
      t.rejected++;
      t.reasons[v.reason] = (t.reasons[v.reason] ?? 0) + 1;
    }
  }
  return catalogue.dimensions.filter((d) => tallies.has(d.id)).map((d) => ({ dimension: d.id, ...tallies.get(d.id)! }));
}

interface ElicitFlags {
  baseUrl?: string;
  apiKey?: string;
  models?: string;
  runs: number;
  concurrency: number;
  maxRetries: number;
  timeout: number;
  dimensions?: string;
  countries: string;
  cacheDir: string;
  mapsDir: string;
  pricing?: string;
  temperature?: number;
  structuredOutput: boolean;
  progress?: boolean;
  dryRun?: boolean;
}

async function runElicit(flags: ElicitFlags): Promise<void> {
  const { catalogue, regions } = loadCatalogue(flags.mapsDir);
  const dimensions = flags.dimensions ? list(flags.dimensions) : undefined;
  const questions = questionsFor(catalogue, regions, { dimensions, countries: list(flags.countries) });
  const models = list(flags.models);
  const requests = questions.length * Math.max(1, models.length) * flags.runs;

  if (flags.dryRun) {
    let cached = 0;
    for (const m of models) for (const q of questions) for (let r = 0; r < flags.runs; r++) if (readCacheEntry(flags.cacheDir, m, q, r)) cached++;
    console.log(models.length
      ? `${questions.length} questions x ${models.length} models x ${flags.runs} runs = ${requests} requests, ${cached} already cached, ${requests - cached} calls to make`
      : `${questions.length} questions x ${flags.runs} runs = ${requests} requests per model (no --models given)`);
    if (questions.length) {
      console.log(`\nexample prompt (${questionKey(questions[0])}):`);
      for (const m of buildMessages(questions[0], catalogue, regions)) console.log(`--- ${m.role}\n${m.content}`);
    }
    return;
  }

  if (!models.length) throw new Error('no models: pass --models a,b or set PIPELINE_MODELS');
  if (!flags.apiKey) throw new Error('no API key: pass --api-key or set OPENAI_API_KEY (any non-empty string for keyless local servers)');
  const pricing = flags.pricing ? pricingSchema.parse(readJson(flags.pricing)) as Record<string, ModelPrice> : undefined;

  const elicitor = createElicitor({
    baseURL: flags.baseUrl ?? 'https://api.openai.com/v1',
    apiKey: flags.apiKey,
    models,
    runs: flags.runs,
    concurrency: flags.concurrency,
    maxRetries: flags.maxRetries,
    timeoutMs: flags.timeout,
    cacheDir: flags.cacheDir,
    catalogue,
    regions,
    pricing,
    temperature: flags.temperature,
    structuredOutput: flags.structuredOutput,
    progress: flags.progress,
  });
  const result = await elicitor.elicit(questions);

  console.log(`requests ${requests}: ${result.calls} calls, ${result.cacheHits} cache hits, ${result.failures.length} failures`);
  console.log(`tokens: ${result.promptTokens} prompt, ${result.completionTokens} completion; cost $${result.costUSD.toFixed(4)}` +
    (result.unpricedModels.length ? ` (no price for ${result.unpricedModels.join(', ')})` : ''));
  console.log('\nanswers per dimension (accepted / rejected):');
  for (const t of tallyAnswers(result.answers, catalogue, regions)) {
    const reasons = Object.entries(t.reasons).sort(([a], [b]) => (a < b ? -1 : 1)).map(([r, n]) => `${r} ${n}`).join(', ');
    console.log(`  ${t.dimension.padEnd(24)} ${String(t.accepted).padStart(6)} / ${String(t.rejected).padEnd(6)}${reasons ? ` ${reasons}` : ''}`);
  }
  if (result.failures.length) {
    console.log(`\nfailures (not cached; run again to retry them):`);
    for (const f of result.failures.slice(0, 20)) console.log(`  ${questionKey(f.question)} ${f.model} run ${f.run}: ${f.error}`);
    if (result.failures.length > 20) console.log(`  ... and ${result.failures.length - 20} more`);
    process.exitCode = 1;
  }
}

/**
 * Registers `elicit` on the pipeline program.
 *
 * @example
 *   registerElicitCommand(new Command('pipeline')).parseAsync(['elicit', '--dry-run'], { from: 'user' });
 */
export function registerElicitCommand(program: Command): Command {
  program
    .command('elicit')
    .description('Ask LLMs for the distributions behind the maps (any OpenAI-compatible endpoint); replies are cached.')
    .addOption(new Option('--base-url <url>', 'OpenAI-compatible base URL, e.g. https://openrouter.ai/api/v1').env('OPENAI_BASE_URL'))
    .addOption(new Option('--api-key <key>', 'API key').env('OPENAI_API_KEY'))
    .addOption(new Option('--models <list>', 'comma-separated model ids').env('PIPELINE_MODELS'))
    .option('--runs <n>', 'answers per question and model', positiveInteger, 1)
    .option('--concurrency <n>', 'requests in flight at most', positiveInteger, 4)
    .option('--max-retries <n>', 'retries per request on 429 / 5xx / timeouts (with backoff)', nonNegativeInteger, 4)
    .option('--timeout <ms>', 'timeout per attempt in milliseconds', positiveInteger, 60_000)
    .option('--dimensions <list>', 'comma-separated dimension ids (default: all but string dimensions)')
    .option('--countries <list>', 'comma-separated ISO2 country codes', DEFAULT_COUNTRIES.join(','))
    .option('--cache-dir <dir>', 'answer cache directory', DEFAULT_CACHE_DIR)
    .option('--maps-dir <dir>', 'maps directory with catalogue.json and regions.json', 'maps')
    .option('--pricing <file.json>', 'JSON { "<model>": { "input": USD per 1M tokens, "output": USD per 1M tokens } }')
    .option('--temperature <t>', 'sampling temperature (default 0.7 when --runs > 1, else the server default)', parseFloat)
    .option('--no-structured-output', 'do not send response_format json_schema')
    .option('--progress', 'show a progress bar even when stderr is not a TTY')
    .option('--dry-run', 'print the number of questions and calls and one example prompt; make no calls')
    .action(async (flags: ElicitFlags) => runElicit(flags));
  return program;
}
