/**
 * The elicitation prompt: one question in, chat messages out, plus the JSON schema of the expected reply.
 * Cached answers are keyed by `PROMPT_VERSION`, so bump it whenever the wording below changes meaning;
 * otherwise old answers would be reused for a different question.
 */
import type { Question } from '../answers/answerSchema.js';
import type { Catalogue } from '../../src/engine/mapSchema.js';
import { COUNTRY_DIMENSION, REGION_DIMENSION, questionValues, type RegionList } from './questions.js';

/** Version of the prompt wording; part of every cache key. */
export const PROMPT_VERSION = 'v1';

/** A chat message as the OpenAI-compatible chat API takes it (kept local so only the client imports `openai`). */
export interface ChatMessage {
  readonly role: 'system' | 'user';
  readonly content: string;
}

const SYSTEM = [
  'You are a demographer and social statistician who knows national censuses, official surveys and the research literature.',
  'You estimate population distributions as precisely as you can and always reply with one JSON object and nothing else.',
].join(' ');

const countryNames = new Intl.DisplayNames(['en'], { type: 'region' });

/**
 * English name of an ISO 3166-1 alpha-2 code.
 *
 * @example countryName('GB') // 'United Kingdom'
 */
export function countryName(iso2: string): string {
  try {
    return countryNames.of(iso2) ?? iso2;
  } catch {
    return iso2;
  }
}

type CatalogueDimension = Catalogue['dimensions'][number];

function dimensionOf(catalogue: Catalogue, id: string): CatalogueDimension {
  const dim = catalogue.dimensions.find((d) => d.id === id);
  if (!dim) throw new Error(`prompt: dimension "${id}" is not in maps/catalogue.json`);
  return dim;
}

function regionName(regions: RegionList, id: string): string {
  return regions.regions.find((r) => r.id === id)?.name ?? id;
}

function populationPhrase(question: Question, catalogue: Catalogue): string {
  if (question.country === '*') {
    const countries = dimensionOf(catalogue, COUNTRY_DIMENSION).values;
    return `adults aged 18 and over living in any of these ${countries.length} countries: ${countries.map((c) => `${countryName(c)} (${c})`).join(', ')}`;
  }
  const name = countryName(question.country);
  // "in United States" reads as a slip; plural and "United ..." names take the article.
  const article = /^(United |Netherlands|Philippines)/.test(name) ? 'the ' : '';
  return `adults aged 18 and over who live in ${article}${name} (${question.country})`;
}

function givenPhrase(parent: string, value: string, catalogue: Catalogue, regions: RegionList): string {
  if (parent === REGION_DIMENSION) return `region = ${value} (${regionName(regions, value)})`;
  if (dimensionOf(catalogue, parent).kind === 'set') return `${parent} includes ${value}`;
  return `${parent} = ${value}`;
}

/**
 * The system and user messages for one question. Category ids are listed exactly as they must appear in the
 * reply; dimension descriptions from the catalogue define what the ids mean. Set-valued dimensions ask for
 * independent shares (a person can hold several categories), every other kind for one distribution.
 *
 * @example
 *   buildMessages({ dimension: 'sex', country: 'GB', given: { region: 'gbLondon' } }, catalogue, regions)
 *   // [{ role: 'system', content: '...' }, { role: 'user', content: 'Estimate the distribution of sex among adults ...' }]
 */
export function buildMessages(question: Question, catalogue: Catalogue, regions: RegionList): ChatMessage[] {
  const dim = dimensionOf(catalogue, question.dimension);
  const values = questionValues(question, catalogue, regions);
  const isSet = dim.kind === 'set';
  const parents = Object.keys(question.given).sort();
  const lines: string[] = [];

  const what = isSet ? `how common each category of "${dim.id}" is` : `the distribution of "${dim.id}"`;
  lines.push(`Estimate ${what} among ${populationPhrase(question, catalogue)}${parents.length ? ', restricted to those with:' : '.'}`);
  for (const p of parents) lines.push(`- ${givenPhrase(p, question.given[p], catalogue, regions)}`);
  lines.push('');
  lines.push(`What "${dim.id}" means: ${dim.description}`);
  for (const p of parents) if (p !== REGION_DIMENSION) lines.push(`What "${p}" means: ${dimensionOf(catalogue, p).description}`);
  lines.push('');
  lines.push(`Categories (use exactly these ${values.length} ids as keys, each once, and no other keys):`);
  for (const v of values) lines.push(dim.id === REGION_DIMENSION ? `- ${v} (${regionName(regions, v)})` : `- ${v}`);
  lines.push('');
  lines.push('Reply with JSON only (no prose, no code fences), in this shape:');
  lines.push('{"distribution": {"<category id>": <probability>, ...}, "refusal": null, "notes": "<sources or reasoning, one or two sentences>"}');
  lines.push('');
  lines.push('Rules:');
  if (isSet) {
    lines.push('- Each value is the share (0 to 1) of these adults for whom the category applies. A person can have several');
    lines.push('  categories or none, so the values are independent and need not sum to 1.');
  } else {
    lines.push('- Each value is the probability (0 to 1) that a randomly chosen adult of this population is in that category;');
    lines.push('  the probabilities sum to 1.');
  }
  lines.push('- Use official statistics (census, national surveys, registers) where you know them; otherwise estimate from');
  lines.push(`  the closest evidence you know. Relevant sources may include: ${dim.source}`);
  lines.push('- Do not hedge: do not spread probability evenly or give round equal figures unless the population really is');
  lines.push('  that evenly split. Use 0 only for categories that are impossible or negligible in this population.');
  lines.push('- If you cannot answer at all, set "distribution" to null and give the reason in "refusal".');
  return [
    { role: 'system', content: SYSTEM },
    { role: 'user', content: lines.join('\n') },
  ];
}

/** The `json_schema` member of an OpenAI `response_format` (structured outputs). */
export interface ReplyJsonSchema {
  readonly name: string;
  readonly strict: boolean;
  readonly schema: Record<string, unknown>;
}

/**
 * JSON schema of the reply to `question`: an object whose `distribution` has exactly the allowed category ids
 * as keys (or is null when the model refuses). Servers that ignore `response_format` still get the same shape
 * from the prompt text, and every reply is validated anyway.
 *
 * @example
 *   const format = { type: 'json_schema', json_schema: replyJsonSchema(question, catalogue, regions) };
 */
export function replyJsonSchema(question: Question, catalogue: Catalogue, regions: RegionList): ReplyJsonSchema {
  const values = questionValues(question, catalogue, regions);
  const distribution = {
    type: 'object',
    properties: Object.fromEntries(values.map((v) => [v, { type: 'number' }])),
    required: values,
    additionalProperties: false,
  };
  return {
    name: `distribution_${question.dimension}`.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64),
    strict: true,
    schema: {
      type: 'object',
      properties: {
        distribution: { anyOf: [distribution, { type: 'null' }] },
        refusal: { type: ['string', 'null'] },
        notes: { type: ['string', 'null'] },
      },
      required: ['distribution', 'refusal', 'notes'],
      additionalProperties: false,
    },
  };
}
