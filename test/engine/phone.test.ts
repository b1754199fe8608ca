import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compilePhonePlan, phoneNumber, phonePlanSchema, type PhonePlan } from '../../src/engine/phoneNumber.js';

const raw = JSON.parse(readFileSync('maps/phone.json', 'utf8')) as unknown;
const planFile: PhonePlan = phonePlanSchema.parse(raw);
const plan = compilePhonePlan(planFile);
const countries = [...new Set((JSON.parse(readFileSync('maps/regions.json', 'utf8')) as {
  regions: { country: string }[];
}).regions.map((r) => r.country))];

/** A small deterministic uniform source (LCG), so the tests need no engine stream. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const ACMA_FICTIONAL = new Set([
  '0491 570 006', '0491 570 156', '0491 570 157', '0491 570 158', '0491 570 159', '0491 570 110', '0491 570 313',
  '0491 570 737', '0491 571 266', '0491 571 491', '0491 571 804', '0491 572 549', '0491 572 665', '0491 572 983',
  '0491 573 770', '0491 573 087', '0491 574 118', '0491 574 632', '0491 575 254', '0491 575 789', '0491 576 398',
  '0491 576 801', '0491 577 426', '0491 577 644', '0491 578 957', '0491 578 148', '0491 578 888', '0491 579 212',
  '0491 579 760', '0491 579 455',
]);

describe('maps/phone.json', () => {
  it('covers exactly the 24 countries of maps/regions.json, each with provenance', () => {
    expect(Object.keys(planFile.countries).sort()).toEqual([...countries].sort());
    expect(countries).toHaveLength(24);
    for (const c of Object.values(planFile.countries)) expect(c.provenance.kind).toBe('published');
  });

  it('marks the countries whose regulator reserves numbers for fiction', () => {
    const fictional = Object.entries(planFile.countries).filter(([, c]) => c.fictional).map(([k]) => k).sort();
    expect(fictional).toEqual(['AU', 'CA', 'DE', 'FR', 'GB', 'IE', 'SE', 'US']);
  });
});

describe('phoneNumber', () => {
  it.each(countries)('gives valid E.164 numbers starting with the calling code for %s', (country) => {
    const next = lcg(country.charCodeAt(0) * 256 + country.charCodeAt(1));
    const callingCode = planFile.countries[country].callingCode;
    for (let i = 0; i < 2000; i++) {
      const n = phoneNumber(plan, country, next);
      expect(n.e164).toMatch(/^\+[1-9]\d{7,14}$/);
      expect(n.e164.startsWith(`+${callingCode}`)).toBe(true);
      // The national form carries the same subscriber digits.
      expect(n.national.replace(/\D/g, '').endsWith(n.e164.slice(-4))).toBe(true);
      expect(n.fictional).toBe(planFile.countries[country].fictional);
    }
  });

  it('keeps GB numbers in Ofcom\'s drama range 07700 900000-900999', () => {
    const next = lcg(42);
    for (let i = 0; i < 3000; i++) {
      const n = phoneNumber(plan, 'GB', next);
      expect(n.e164).toMatch(/^\+447700900\d{3}$/);
      expect(n.national).toMatch(/^07700 900\d{3}$/);
    }
    expect(phoneNumber(plan, 'GB', () => 0)).toEqual({ e164: '+447700900000', national: '07700 900000', fictional: true });
    expect(phoneNumber(plan, 'GB', () => 0.999999).e164).toBe('+447700900999');
  });

  it.each(['US', 'CA'])('keeps %s numbers in 555-0100..0199 of a real area code', (country) => {
    const next = lcg(1337);
    const areas = new Set(planFile.countries[country].lists.area);
    for (let i = 0; i < 3000; i++) {
      const n = phoneNumber(plan, country, next);
      const m = /^\+1(\d{3})55501\d{2}$/.exec(n.e164);
      expect(m, n.e164).not.toBeNull();
      expect(areas.has(m![1])).toBe(true);
      expect(n.national).toMatch(/^\(\d{3}\) 555-01\d{2}$/);
    }
  });

  it('uses only the mobile numbers ACMA lists for creative works in AU', () => {
    const next = lcg(1211);
    const seen = new Set<string>();
    for (let i = 0; i < 3000; i++) {
      const n = phoneNumber(plan, 'AU', next);
      expect(ACMA_FICTIONAL.has(n.national), n.national).toBe(true);
      expect(n.e164).toBe(`+61${n.national.replace(/\D/g, '').slice(1)}`);
      seen.add(n.national);
    }
    expect(seen.size).toBe(ACMA_FICTIONAL.size);
  });

  it('keeps the other reserved ranges: DE, FR, SE, IE', () => {
    const next = lcg(7);
    for (let i = 0; i < 2000; i++) {
      expect(phoneNumber(plan, 'DE', next).e164).toMatch(/^\+49(?:17139200\d{2}|176040690\d{2})$/);
      expect(phoneNumber(plan, 'FR', next).national).toMatch(/^06 39 98 \d{2} \d{2}$/);
      const se = phoneNumber(plan, 'SE', next).e164;
      expect(se).toMatch(/^\+467017406\d{2}$/);
      expect(Number(se.slice(-2))).toBeGreaterThanOrEqual(5);
      expect(phoneNumber(plan, 'IE', next).national).toMatch(/^020 91\d \d{4}$/);
    }
  });

  it('writes numbers the national way and pins a few (no-regression)', () => {
    const draw = (country: string) => phoneNumber(plan, country, lcg(42)).national;
    expect(['US', 'DE', 'FR', 'JP', 'KR', 'BR', 'AR', 'IN', 'SE'].map(draw)).toMatchInlineSnapshot(`
      [
        "(240) 555-0157",
        "0171 3920008",
        "06 39 98 08 81",
        "090-1577-2811",
        "010-2577-2811",
        "(13) 98222-5542",
        "011 15-2577-2811",
        "069577 28119",
        "070-174 06 13",
      ]
    `);
  });

  it('is deterministic and rejects a country without a plan', () => {
    expect(phoneNumber(plan, 'JP', lcg(5))).toEqual(phoneNumber(plan, 'JP', lcg(5)));
    expect(() => phoneNumber(plan, 'XX', lcg(5))).toThrow(/no phone plan/);
  });

  it('rejects a plan whose national notation does not fit its numbers', () => {
    const bad = phonePlanSchema.parse({
      version: 1,
      countries: { GB: { callingCode: '44', fictional: true, mobile: [{ template: '7700900###', national: '0XXXX XXXXX' }], provenance: { kind: 'published', source: 'test' } } },
    });
    expect(() => compilePhonePlan(bad)).toThrow(/uses 9 digits, the number has 10/);
  });
});
