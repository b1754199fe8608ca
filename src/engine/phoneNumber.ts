import { z } from 'zod';
import { searchCumulative } from './searchCumulative.js';
import { provenanceSchema } from './provenanceSchema.js';
import { PersonagenError } from './PersonagenError.js';

/** Digits, '#' (random digit), '[a-b]' (one digit in a..b) and '{list}' (one entry of a named list). */
const TEMPLATE = /^(?:\d|#|\[\d-\d\]|\{\w+\})+$/;
const TOKEN = /\d|#|\[(\d)-(\d)\]|\{(\w+)\}/g;

const numberFormatSchema = z.object({
  /** National significant number (after the calling code, without the trunk 0), e.g. "7700900###". */
  template: z.string().regex(TEMPLATE, "digits, '#', '[a-b]' and '{list}' only"),
  /** National notation: 'X' prints the next digit of the number, '~' skips one, other characters print as is. */
  national: z.string().min(1),
  weight: z.number().positive().default(1),
  /** Bounds for the '#' digits read together as one number (e.g. 5..99 for 05-99). */
  min: z.number().int().nonnegative().optional(),
  max: z.number().int().nonnegative().optional(),
});

/**
 * `maps/phone.json`: per ISO country, the calling code, mobile number formats (reserved fictional ranges where
 * the regulator publishes one) and the provenance of each.
 *
 * @example
 *   const plan = compilePhonePlan(phonePlanSchema.parse(JSON.parse(readFileSync('maps/phone.json', 'utf8'))));
 */
export const phonePlanSchema = z.object({
  version: z.literal(1),
  note: z.string().optional(),
  countries: z.record(z.string().length(2), z.object({
    callingCode: z.string().regex(/^[1-9]\d{0,2}$/),
    /** True when every number comes from a range reserved for fiction (nobody can be reached). */
    fictional: z.boolean(),
    lists: z.record(z.string(), z.array(z.string().regex(/^\d+$/)).min(1)).default({}),
    mobile: z.array(numberFormatSchema).min(1),
    provenance: provenanceSchema,
  })),
});
export type PhonePlan = z.infer<typeof phonePlanSchema>;

type Token =
  | { kind: 'digit'; digit: string }
  | { kind: 'hash' }
  | { kind: 'range'; lo: number; span: number }
  | { kind: 'list'; entries: readonly string[] };

interface CompiledFormat {
  readonly tokens: readonly Token[];
  readonly hashes: number;
  readonly min: number;
  readonly span: number;
  readonly national: string;
}

interface CompiledCountry {
  readonly callingCode: string;
  readonly fictional: boolean;
  readonly formats: readonly CompiledFormat[];
  readonly cumulative: Float64Array;
}

/** maps/phone.json checked and compiled for `phoneNumber`. */
export interface CompiledPhonePlan {
  readonly countries: ReadonlyMap<string, CompiledCountry>;
}

/** A generated number in both notations. */
export interface PhoneNumber {
  /** '+', calling code and national significant number: '+447700900123'. */
  readonly e164: string;
  /** As written inside the country: '07700 900123'. */
  readonly national: string;
  /** True when the number comes from a range reserved for fiction. */
  readonly fictional: boolean;
}

/**
 * Compiles a validated plan and checks what the schema cannot: list names exist, entries of a list share one
 * length, each national notation uses every digit exactly once, and every number is a valid E.164 length (8-15).
 *
 * @example
 *   const plan = compilePhonePlan(phonePlanSchema.parse(raw));
 */
export function compilePhonePlan(plan: PhonePlan): CompiledPhonePlan {
  const countries = new Map<string, CompiledCountry>();
  for (const [country, c] of Object.entries(plan.countries)) {
    const formats = c.mobile.map((f, i) => {
      const where = `maps/phone.json: countries.${country}.mobile[${i}]`;
      const tokens: Token[] = [];
      let length = 0;
      for (const m of f.template.matchAll(TOKEN)) {
        if (m[0] === '#') tokens.push({ kind: 'hash' });
        else if (m[1] !== undefined) tokens.push({ kind: 'range', lo: Number(m[1]), span: Number(m[2]) - Number(m[1]) + 1 });
        else if (m[3] !== undefined) {
          const entries = c.lists[m[3]];
          if (!entries) throw new PersonagenError('MAP_INVALID', `${where}: unknown list "${m[3]}"`);
          if (new Set(entries.map((e) => e.length)).size !== 1) throw new PersonagenError('MAP_INVALID', `${where}: entries of list "${m[3]}" differ in length`);
          tokens.push({ kind: 'list', entries });
          length += entries[0].length - 1;
        } else tokens.push({ kind: 'digit', digit: m[0] });
        length++;
      }
      const hashes = tokens.filter((t) => t.kind === 'hash').length;
      const min = f.min ?? 0;
      const max = f.max ?? 10 ** hashes - 1;
      if (max < min || max >= 10 ** hashes) throw new PersonagenError('MAP_INVALID', `${where}: min/max do not fit ${hashes} digits`);
      const used = [...f.national].filter((ch) => ch === 'X' || ch === '~').length;
      if (used !== length) throw new PersonagenError('MAP_INVALID', `${where}: national notation uses ${used} digits, the number has ${length}`);
      const e164Digits = c.callingCode.length + length;
      if (e164Digits < 8 || e164Digits > 15) throw new PersonagenError('MAP_INVALID', `${where}: E.164 numbers need 8-15 digits, this one has ${e164Digits}`);
      return { tokens, hashes, min, span: max - min + 1, national: f.national };
    });
    const cumulative = new Float64Array(formats.length);
    let sum = 0;
    c.mobile.forEach((f, i) => { cumulative[i] = sum += f.weight; });
    countries.set(country, { callingCode: c.callingCode, fictional: c.fictional, formats, cumulative });
  }
  return { countries };
}

/**
 * Draws a mobile number for a country from a source of uniform numbers in [0, 1) (the persona's own stream for
 * the phone field): one draw for the format, one per list entry or digit range, and one for all '#' digits
 * together. Pure; the same draws give the same number.
 *
 * @example
 *   phoneNumber(plan, 'GB', () => 0.123) // { e164: '+447700900123', national: '07700 900123', fictional: true }
 */
export function phoneNumber(plan: CompiledPhonePlan, country: string, next: () => number): PhoneNumber {
  const c = plan.countries.get(country);
  if (!c) throw new PersonagenError('MAP_INVALID', `maps/phone.json: no phone plan for country "${country}"`, { country });
  const f = c.formats[searchCumulative(c.cumulative, next())];
  let digits = '';
  let hashDigits = '';
  let h = 0;
  for (const t of f.tokens) {
    if (t.kind === 'digit') digits += t.digit;
    else if (t.kind === 'range') digits += String(t.lo + Math.floor(next() * t.span));
    else if (t.kind === 'list') digits += t.entries[Math.floor(next() * t.entries.length)];
    else {
      // All '#' digits are one number, so min/max can bound them together (Sweden's 05-99).
      if (h === 0) hashDigits = String(f.min + Math.floor(next() * f.span)).padStart(f.hashes, '0');
      digits += hashDigits[h++];
    }
  }
  let national = '';
  let i = 0;
  for (const ch of f.national) {
    if (ch === 'X') national += digits[i++];
    else if (ch === '~') i++;
    else national += ch;
  }
  return { e164: `+${c.callingCode}${digits}`, national, fictional: c.fictional };
}
