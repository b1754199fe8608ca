import { describe, expect, it } from 'vitest';
import { Persona } from '../../src/engine/Persona.js';
import { PersonaService, type Where } from '../../src/engine/PersonaService.js';
import { seedWords } from '../../src/engine/rng.js';
import { loadEngine } from '../support/engine.js';

const engine = loadEngine();
const service = new PersonaService(engine);

function shares(values: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1 / values.length);
  return m;
}
function totalVariation(a: Map<string, number>, b: Map<string, number>): number {
  let tv = 0;
  for (const k of new Set([...a.keys(), ...b.keys()])) tv += Math.abs((a.get(k) ?? 0) - (b.get(k) ?? 0));
  return tv / 2;
}
/**
 * The TV distance two independent samples of sizes n1 and n2 from the same distribution over k values stay under:
 * E[TV] <= sqrt(k / n) / 2 per sample; three times that, for both samples.
 */
function tolerance(k: number, n1: number, n2: number): number {
  return 1.5 * (Math.sqrt(k / n1) + Math.sqrt(k / n2));
}

const ageBand = (p: Persona) => p.valueId('age');

describe('conditions: exact posterior, against brute-force filtering of an unconditioned sample', () => {
  // Brute force: a large unconditioned population, kept where it meets each condition.
  const prior = Array.from({ length: 150_000 }, (_, i) => new Persona(engine, seedWords('brute'), i, null));
  const cases: { name: string; where: Where; keep: (p: Persona) => boolean; check: string[]; n: number }[] = [
    {
      name: 'a leaf (a hobby, through its item dimension)', where: { hobbies: { includes: ['hikingOutdoors'] } },
      keep: (p) => p.setItems('hobbies').includes('hikingOutdoors'), check: ['countryOfResidence', 'age', 'sex', 'educationLevel'], n: 6000,
    },
    {
      name: 'a mid-tier dimension (nurses and other health professionals)', where: { occupation: { in: ['isco22'] } },
      keep: (p) => p.valueId('occupation') === 'isco22', check: ['sex', 'age', 'educationLevel', 'countryOfResidence', 'fieldOfStudy'], n: 6000,
    },
    {
      name: 'two dimensions at once (Catholics on the right)', where: { religion: { in: ['catholic'] }, politicalLeaning: { in: ['right', 'centreRight'] } },
      keep: (p) => p.valueId('religion') === 'catholic' && ['right', 'centreRight'].includes(p.valueId('politicalLeaning')), check: ['countryOfResidence', 'age', 'educationLevel', 'religiosity'], n: 6000,
    },
    {
      name: 'a numeric range on a realised number (height 185 cm and over)', where: { height: { gte: 185 } },
      keep: (p) => p.score('height') >= 185, check: ['sex', 'countryOfResidence', 'age'], n: 6000,
    },
    {
      name: 'an exact age range with a sex (enumerated head)', where: { sex: { in: ['female'] }, age: { gte: 80 } },
      keep: (p) => p.valueId('sex') === 'female' && p.age() >= 80, check: ['countryOfResidence', 'region'], n: 8000,
    },
  ];

  it.each(cases)('updates ancestors for $name', ({ where, keep, check, n }) => {
    const kept = prior.filter(keep);
    expect(kept.length).toBeGreaterThan(600);
    const conditioned = service.personas('conditioned', n, 0, where);
    for (const p of conditioned) expect(keep(p)).toBe(true);
    for (const id of check) {
      const brute = shares(kept.map((p) => p.valueId(id)));
      const exact = shares(conditioned.map((p) => p.valueId(id)));
      expect(totalVariation(brute, exact), id).toBeLessThan(tolerance(brute.size, kept.length, conditioned.length));
    }
  });

  it('updates ancestors for an exact city (within the exactly conditioned population of GB)', () => {
    const gb = [0, 10_000].flatMap((offset) => service.personas('brute-gb', 10_000, offset, { countryOfResidence: { in: ['GB'] } }));
    const kept = gb.filter((p) => p.city() === 'London');
    expect(kept.length).toBeGreaterThan(600);
    const conditioned = service.personas('conditioned', 4000, 0, { countryOfResidence: { in: ['GB'] }, city: { eq: 'london' } });
    for (const p of conditioned) expect(p.city()).toBe('London');
    for (const id of ['region', 'urbanicity', 'age', 'ethnicity']) {
      const brute = shares(kept.map((p) => p.valueId(id)));
      const exact = shares(conditioned.map((p) => p.valueId(id)));
      expect(totalVariation(brute, exact), id).toBeLessThan(tolerance(brute.size, kept.length, conditioned.length));
    }
  });

  it('has the power to reject clamping a child while sampling its parents from the prior', () => {
    // "Clamped": occupation forced to health professional, sex and age left as the prior draws them.
    const clampedPeople = prior.slice(0, 6000);
    for (const [keep, ids] of [
      [(p: Persona) => p.valueId('occupation') === 'isco22', ['sex', 'educationLevel']],
      [(p: Persona) => p.age() >= 70 && p.age() <= 90, ['countryOfResidence']],
    ] as const) {
      const kept = prior.filter(keep);
      for (const id of ids) {
        const brute = shares(kept.map((p) => p.valueId(id)));
        const clamped = shares(clampedPeople.map((p) => p.valueId(id)));
        expect(totalVariation(brute, clamped), id).toBeGreaterThan(tolerance(brute.size, kept.length, clampedPeople.length));
      }
    }
    expect(shares(prior.slice(0, 6000).map(ageBand)).size).toBe(8);
  });
});

describe('conditions: what the personas show', () => {
  it('honours every kind of filter in the realised values', () => {
    const where: Where = {
      countryOfResidence: { in: ['GB', 'IE'] }, incomeAmount: { gte: 30000, lte: 60000 }, neuroticism: { lte: 2.5 },
      hobbies: { includes: ['cooking'], excludes: ['videoGaming'] }, ageBand: { in: ['35-44'] }, urbanicity: { notIn: ['rural'] },
    };
    for (const p of service.personas(3, 150, 0, where)) {
      expect(['GB', 'IE']).toContain(p.valueId('countryOfResidence'));
      expect(p.income()!.amount).toBeGreaterThanOrEqual(30000);
      expect(p.income()!.amount).toBeLessThanOrEqual(60000);
      expect(p.score('neuroticism')).toBeLessThanOrEqual(2.5);
      expect(p.setItems('hobbies')).toContain('cooking');
      expect(p.setItems('hobbies')).not.toContain('videoGaming');
      expect(p.age()).toBeGreaterThanOrEqual(35);
      expect(p.age()).toBeLessThanOrEqual(44);
      expect(p.valueId('urbanicity')).not.toBe('rural');
    }
    for (const p of service.personas(4, 30, 0, { firstName: { eq: 'maría' }, countryOfResidence: { in: ['ES'] } })) {
      expect(p.firstName()).toBe('María');
    }
  });

  it('keeps determinism under sampled conditions: same address, same persona, whatever is asked first', () => {
    const where: Where = { occupation: { in: ['isco22'] }, countryOfResidence: { in: ['GB'] } };
    const page = service.personas(7, 30, 0, where);
    const again = new PersonaService(engine).personas(7, 10, 20, where);
    const fields = (p: Persona) => [p.valueId('occupation'), p.valueId('sex'), p.age(), p.firstName(), p.valueId('hobbies'), p.city()];
    // The second service asks for the name first: the accepted try must not depend on the order of questions.
    const reversed = again.map((p) => { const name = p.firstName(); const f = fields(p); return [...f.slice(0, 3), name, ...f.slice(4)]; });
    expect(reversed).toEqual(page.slice(20).map(fields));
    expect(service.personas(8, 5, 0, where).map(fields)).not.toEqual(page.slice(0, 5).map(fields));
  });

  it('rejects early exactly the tries the conditions\' own tests would reject (same accepted tries, less work)', () => {
    const service = new PersonaService(engine);
    for (const where of [{ occupation: { in: ['isco22'] } }, { religion: { in: ['catholic'] }, politicalLeaning: { in: ['right'] }, employmentStatus: { in: ['retired'] } }] as Where[]) {
      const plan = service.plan(where)!;
      expect(plan.tail!.stages.size, JSON.stringify(where)).toBeGreaterThan(0);
      const late = { ...plan, tail: { ...plan.tail!, stages: new Map() } };
      const outcomes = (p: typeof plan) => Array.from({ length: 3000 }, (_, t) => new Persona(engine, seedWords(8), t, p).attempt(t % 7, 'reject'));
      const early = outcomes(plan);
      expect(early).toEqual(outcomes(late));
      expect(early.filter((x) => x > 0).length).toBeGreaterThan(20);
    }
  });

  it('normalises where, so equal conditions share plans and persona ids', () => {
    const a = service.normalWhere({ sex: { in: ['male', 'female', 'male'] }, age: { gte: 30, lte: null }, region: null });
    expect(a).toEqual({ age: { gte: 30 }, sex: { in: ['female', 'male'] } });
    expect(service.plan({ sex: { in: ['male'] } })).toBe(service.plan({ sex: { notIn: ['female'] }, city: null }));
    const [p] = service.personas(1, 1, 0, { hobbies: { includes: ['cooking', 'travel'] } });
    const id = service.encodeId(p, 1, { hobbies: { includes: ['travel', 'cooking'] } });
    expect(service.decodeId(id).where).toEqual({ hobbies: { includes: ['cooking', 'travel'] } });
  });
});

describe('conditions: impossible and too rare', () => {
  const code = (where: Where) => {
    try {
      service.plan(where);
      return 'ok';
    } catch (e) {
      return (e as { code: string; details: Record<string, unknown> }).code;
    }
  };
  const conflict = (where: Where) => {
    try {
      service.plan(where);
    } catch (e) {
      return { code: (e as { code: string }).code, message: (e as Error).message, dimensions: (e as { details: { dimensions?: string[] } }).details.dimensions };
    }
    return undefined;
  };

  it('fails fast with UNSATISFIABLE_CONDITIONS naming the conflicting dimensions', () => {
    const t = performance.now();
    expect(conflict({ educationLevel: { in: ['isced8'] }, age: { gte: 19, lte: 19 } })).toMatchObject({ code: 'UNSATISFIABLE_CONDITIONS', dimensions: ['educationLevel', 'age'] });
    expect(conflict({ countryOfResidence: { in: ['US'] }, region: { in: ['gbLondon'] } })).toMatchObject({ dimensions: ['countryOfResidence', 'region'], message: expect.stringMatching(/countryOfResidence in \[US\] and region in \[gbLondon\]/) });
    expect(conflict({ employmentStatus: { in: ['retired'] }, age: { lte: 22 }, sex: { in: ['female'] } })).toMatchObject({ code: 'UNSATISFIABLE_CONDITIONS', dimensions: ['employmentStatus', 'age'] });
    expect(conflict({ workArrangement: { in: ['fullyRemote'] }, commuteMode: { in: ['car'] } })).toMatchObject({ dimensions: ['commuteMode', 'workArrangement'] });
    expect(conflict({ firstName: { eq: 'Zzyzxq' } })).toMatchObject({ code: 'UNSATISFIABLE_CONDITIONS', dimensions: ['firstName'] });
    expect(conflict({ city: { eq: 'Atlantis-under-the-Sea' } })).toMatchObject({ code: 'UNSATISFIABLE_CONDITIONS', dimensions: ['city'] });
    expect(conflict({ countryOfResidence: { in: ['FR'], notIn: ['FR'] } })).toMatchObject({ code: 'UNSATISFIABLE_CONDITIONS', dimensions: ['countryOfResidence'] });
    expect(conflict({ age: { lte: 17 } })).toMatchObject({ code: 'UNSATISFIABLE_CONDITIONS', dimensions: ['age'] });
    expect(performance.now() - t).toBeLessThan(5000);
  });

  it('rejects malformed filters with BAD_USER_INPUT', () => {
    expect(code({ age: { gte: 40, lte: 30 } })).toBe('BAD_USER_INPUT');
    expect(code({ sex: { in: ['other'] } })).toBe('BAD_USER_INPUT');
    expect(code({ ageBand: { in: ['30-39'] } })).toBe('BAD_USER_INPUT');
    expect(code({ shoeSize: { in: ['42'] } })).toBe('BAD_USER_INPUT');
    expect(code({ firstName: { eq: '  ' } })).toBe('BAD_USER_INPUT');
  });

  it('bounds the work of one request: rare conditions lower the count allowed, with the maximum in the error', () => {
    const where: Where = { religion: { in: ['jewish'] }, occupation: { in: ['isco22'] } };
    let error: { code: string; details: { max: number } } | undefined;
    try {
      service.personas(1, 5000, 0, where);
    } catch (e) {
      error = e as typeof error;
    }
    expect(error?.code).toBe('COUNT_TOO_LARGE');
    expect(error!.details.max).toBeGreaterThan(10);
    expect(error!.details.max).toBeLessThan(5000);
    expect(service.personas(1, 3, 0, where).map((p) => p.valueId('religion'))).toEqual(['jewish', 'jewish', 'jewish']);
  });

  it('never shows values drawn without the conditions once a persona ran out of tries', () => {
    const plan = service.plan({ occupation: { in: ['isco22'] } })!;
    const strict = { ...plan, tail: { ...plan.tail!, maxTries: 1 } };
    const unlucky = Array.from({ length: 50 }, (_, i) => new Persona(engine, seedWords(1), i, strict)).find((p) => {
      try {
        p.valueId('sex');
        return false;
      } catch {
        return true;
      }
    })!;
    for (const field of [() => unlucky.valueId('age'), () => unlucky.firstName(), () => unlucky.city(), () => unlucky.setItems('hobbies')]) {
      expect(field).toThrow(expect.objectContaining({ code: 'CONDITIONS_TOO_RARE' }));
    }
  });

  it('fails with CONDITIONS_TOO_RARE and the estimated probability beyond the sampling budget', () => {
    // Hindu members of the armed forces in Sweden: possible under the maps, about 1 in 10 million.
    const where: Where = { countryOfResidence: { in: ['SE'] }, religion: { in: ['hindu'] }, occupation: { in: ['isco01'] } };
    let error: { code: string; details: { estimatedProbability: number } } | undefined;
    try {
      service.plan(where);
    } catch (e) {
      error = e as typeof error;
    }
    expect(error?.code).toBe('CONDITIONS_TOO_RARE');
    expect(error!.details.estimatedProbability).toBeGreaterThan(0);
    expect(error!.details.estimatedProbability).toBeLessThan(1e-4);
  });

  it('samples conditions of one in a billion when envelopes make them cheap', () => {
    // Japanese health professionals with a doctorate who fish, dance and follow fashion.
    const where: Where = {
      countryOfResidence: { in: ['JP'] }, occupation: { in: ['isco22'] }, educationLevel: { in: ['isced8'] }, hobbies: { includes: ['fishingHunting', 'dancing', 'fashionBeauty'] },
    };
    expect(service.plan(where)!.probability).toBeLessThan(1e-7);
    for (const p of service.personas(1, 5, 0, where)) {
      expect([p.valueId('countryOfResidence'), p.valueId('occupation'), p.valueId('educationLevel')]).toEqual(['JP', 'isco22', 'isced8']);
      expect(p.setItems('hobbies')).toEqual(expect.arrayContaining(['fishingHunting', 'dancing', 'fashionBeauty']));
    }
  });
});
