import { describe, expect, it } from 'vitest';
import { Persona } from '../../src/engine/Persona.js';
import { PersonaService } from '../../src/engine/PersonaService.js';
import { seedWords } from '../../src/engine/rng.js';
import { loadEngine } from '../support/engine.js';

const engine = loadEngine();
const service = new PersonaService(engine);

function distribution(values: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1 / values.length);
  return m;
}
function totalVariation(a: Map<string, number>, b: Map<string, number>): number {
  let tv = 0;
  for (const k of new Set([...a.keys(), ...b.keys()])) tv += Math.abs((a.get(k) ?? 0) - (b.get(k) ?? 0));
  return tv / 2;
}

describe('conditions: exact posterior (against brute-force filtering of an unconditioned sample)', () => {
  // Brute force: 120,000 unconditioned personas, kept when they satisfy the condition.
  const prior = Array.from({ length: 120_000 }, (_, i) => new Persona(engine, seedWords('brute'), i, null));
  const cases = [
    { name: 'an age range (a realised number)', where: { age: { gte: 70, lte: 90 } }, keep: (p: Persona) => p.age() >= 70 && p.age() <= 90, check: ['countryOfResidence', 'sex'] },
    { name: 'a mid-frame dimension (sex) with an age range', where: { sex: { in: ['female'] }, age: { gte: 80 } }, keep: (p: Persona) => p.valueId('sex') === 'female' && p.age() >= 80, check: ['countryOfResidence', 'region'] },
    { name: 'a region', where: { region: { in: ['gbLondon', 'usCalifornia', 'ieDublin'] } }, keep: (p: Persona) => ['gbLondon', 'usCalifornia', 'ieDublin'].includes(p.valueId('region')), check: ['countryOfResidence', 'age'] },
  ];
  it.each(cases)('updates ancestors for $name', ({ where, keep, check }) => {
    const kept = prior.filter(keep);
    expect(kept.length).toBeGreaterThan(1500);
    const conditioned = service.personas('conditioned', 8000, 0, where as never);
    for (const id of check) {
      const brute = distribution(kept.map((p) => p.valueId(id)));
      const exact = distribution(conditioned.map((p) => p.valueId(id)));
      // Sampling noise of both samples: about sqrt(k / n) with k values; generous factor for small cells.
      const k = brute.size;
      const tolerance = 1.5 * (Math.sqrt(k / kept.length) + Math.sqrt(k / conditioned.length));
      expect(totalVariation(brute, exact), `${id}`).toBeLessThan(tolerance);
    }
    for (const p of conditioned) expect(keep(p)).toBe(true);
  });

  it('has the power to reject clamping a child while sampling its parents from the prior', () => {
    const kept = prior.filter((p) => p.age() >= 70 && p.age() <= 90);
    // "Clamped": country from the prior (ignoring that the old are rarer in young countries).
    const clamped = distribution(prior.slice(0, 8000).map((p) => p.valueId('countryOfResidence')));
    const brute = distribution(kept.map((p) => p.valueId('countryOfResidence')));
    const tolerance = 1.5 * (Math.sqrt(4 / kept.length) + Math.sqrt(4 / 8000));
    expect(totalVariation(brute, clamped)).toBeGreaterThan(tolerance);
  });

  it('realises exact ages inside the range and keeps determinism under conditions', () => {
    const where = { countryOfResidence: { in: ['GB'] }, age: { gte: 25, lte: 34 } };
    const a = service.personas(5, 200, 0, where);
    const b = service.personas(5, 20, 100, where);
    for (const p of a) expect(p.age()).toBeGreaterThanOrEqual(25);
    expect(b.map((p) => [p.valueId('region'), p.age(), p.firstName()])).toEqual(a.slice(100, 120).map((p) => [p.valueId('region'), p.age(), p.firstName()]));
  });

  it('fails fast and names the conflict for impossible conditions', () => {
    expect(() => service.plan({ countryOfResidence: { in: ['US'] }, region: { in: ['gbLondon'] } })).toThrow(/countryOfResidence in \[US\] and region in \[gbLondon\]/);
    expect(() => service.plan({ age: { lte: 17 } })).toThrow(expect.objectContaining({ code: 'UNSATISFIABLE_CONDITIONS' }));
    expect(() => service.plan({ countryOfResidence: { in: ['FR'], notIn: ['FR'] } })).toThrow(expect.objectContaining({ code: 'UNSATISFIABLE_CONDITIONS', details: { dimensions: ['countryOfResidence'] } }));
    expect(() => service.plan({ sex: { in: ['female'], notIn: ['female'] } })).toThrow(expect.objectContaining({ code: 'UNSATISFIABLE_CONDITIONS' }));
    expect(() => service.plan({ age: { gte: 40, lte: 30 } })).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});
