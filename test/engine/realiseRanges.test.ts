import { describe, expect, it } from 'vitest';
import { conditionsPossible } from '../../src/engine/conditionsPossible.js';
import { distribution } from '../../src/engine/distribution.js';
import { compileEvidence } from '../../src/engine/evidence.js';
import { conditionalWeights } from '../../src/engine/conditionalWeights.js';
import { envelopeAt, likelihoodEnvelope } from '../../src/engine/likelihoodEnvelope.js';
import { Persona } from '../../src/engine/Persona.js';
import { PersonaService } from '../../src/engine/PersonaService.js';
import { incomeDecileShare, realiseIncome, realiseScore, scoreBinShare } from '../../src/engine/realise.js';
import { seedWords, uniformAt } from '../../src/engine/rng.js';
import { loadEngine } from '../support/engine.js';

const engine = loadEngine();
const service = new PersonaService(engine);

describe('range likelihoods match the realisations they condition', () => {
  const uniforms = Array.from({ length: 20_000 }, (_, i) => uniformAt(seedWords('ranges'), i, 1));

  it('score bins: the share in a range is the share of realised (rounded) scores in it, and truncated draws stay inside', () => {
    for (const id of ['openness', 'height', 'bmi', 'internetHoursPerDay']) {
      const spec = engine.spec(id, 'score')!;
      for (const bin of Object.keys(spec.bins)) {
        const { min, max } = spec.bins[bin];
        const range = { gte: Math.round((min + (max - min) * 0.3) * 10 ** spec.decimals) / 10 ** spec.decimals, lte: Number.POSITIVE_INFINITY };
        const draws = uniforms.map((u) => realiseScore(spec, bin, u));
        const observed = draws.filter((x) => x >= range.gte).length / draws.length;
        expect(Math.abs(observed - scoreBinShare(spec, bin, range)), `${id} ${bin}`).toBeLessThan(0.015);
        if (scoreBinShare(spec, bin, range) > 0) for (const u of uniforms.slice(0, 500)) expect(realiseScore(spec, bin, u, range)).toBeGreaterThanOrEqual(range.gte);
        expect(scoreBinShare(spec, bin, { gte: Number.NEGATIVE_INFINITY, lte: Number.POSITIVE_INFINITY })).toBeCloseTo(1, 12);
      }
    }
  });

  it('income deciles: shares match realised amounts, and a truncated amount rounds into the range', () => {
    const spec = engine.spec('income', 'incomeDeciles')!;
    for (const country of ['GB', 'US', 'JP', 'IN']) {
      for (const decile of ['d1', 'd5', 'd9', 'd10']) {
        const amounts = uniforms.map((u) => realiseIncome(spec, country, decile, u)!.amount);
        const sorted = [...amounts].sort((a, b) => a - b);
        const range = { gte: sorted[Math.floor(sorted.length * 0.4)], lte: sorted[Math.floor(sorted.length * 0.9)] };
        const observed = amounts.filter((a) => a >= range.gte && a <= range.lte).length / amounts.length;
        expect(Math.abs(observed - incomeDecileShare(spec, country, decile, range)), `${country} ${decile}`).toBeLessThan(0.02);
        for (const u of uniforms.slice(0, 300)) {
          const a = realiseIncome(spec, country, decile, u, range)!.amount;
          expect(a).toBeGreaterThanOrEqual(range.gte);
          expect(a).toBeLessThanOrEqual(range.lte);
        }
      }
      expect(incomeDecileShare(spec, country, 'none', { gte: 0, lte: Number.POSITIVE_INFINITY })).toBe(0);
    }
  });
});

describe('the structural-zero check is sound', () => {
  it('never calls a value impossible that unconditioned personas take', () => {
    const seen = new Map<string, Set<string>>();
    for (let i = 0; i < 3000; i++) {
      const p = new Persona(engine, seedWords('sound'), i, null);
      for (const id of ['educationLevel', 'employmentStatus', 'occupation', 'region', 'militaryService', 'commuteMode']) {
        const v = `${p.valueId(id)}|${p.valueId('age')}|${p.valueId('countryOfResidence')}`;
        seen.set(id, (seen.get(id) ?? new Set()).add(v));
      }
    }
    for (const [id, combos] of seen) {
      for (const combo of [...combos].slice(0, 150)) {
        const [value, age, country] = combo.split('|');
        const evidence = compileEvidence(engine, { values: new Map([[id, [value]], ['age', [age]], ['countryOfResidence', [country]]]), ranges: new Map(), strings: new Map() });
        expect(conditionsPossible(engine, evidence), combo).toBe(true);
      }
    }
  });
});

describe('likelihood envelopes bound what they claim to', () => {
  it('never lies below P(condition | parents) for any person drawn, by country, sex and age', () => {
    const country = engine.dim('countryOfResidence').index;
    const people = Array.from({ length: 6000 }, (_, i) => new Persona(engine, seedWords('envelope'), i, null));
    const cases: [string, string[]][] = [
      ['occupation', ['isco21']], ['occupation', ['isco22', 'isco32']], ['educationLevel', ['isced8']], ['politicalLeaning', ['right']],
      ['hobbies.hikingOutdoors', ['yes']], ['otherLanguages.hindi', ['yes']], ['employmentStatus', ['retired']], ['religion', ['jewish']],
    ];
    const out = new Float64Array(64);
    let tight = 0;
    for (const [id, values] of cases) {
      const dim = engine.dim(id);
      const evidence = compileEvidence(engine, { values: new Map([[id, values]]), ranges: new Map(), strings: new Map() }).get(dim.index)!;
      const envelope = likelihoodEnvelope(engine, dim, evidence, ['sex', 'age'].map((id) => engine.dim(id).index))!;
      if (Math.max(...envelope.bound) < 0.9) tight++;
      for (const p of people) {
        for (const parent of dim.parents) p.get(parent);
        const state = (p as unknown as { values: Int32Array }).values;
        const mass = conditionalWeights(dim, state, out);
        const met = values.reduce((a, v) => a + out[dim.valueIndex.get(v)!], 0) / mass;
        expect(met, `${id} in ${values} at ${engine.dim('countryOfResidence').values[state[country]]}`).toBeLessThanOrEqual(envelopeAt(envelope, state) + 1e-12);
      }
    }
    // And they are worth having: several conditions are capped well below 1 everywhere.
    expect(tight).toBeGreaterThanOrEqual(3);
  });
});

describe('distribution (engine)', () => {
  it('matches the exact conditioned sampler for an estimated answer, and sums to one', () => {
    const where = { countryOfResidence: { in: ['US'] }, occupation: { in: ['isco22'] } };
    const d = distribution(engine, service.plan(where), 'sex', 20_000);
    expect(d.exact).toBe(false);
    const personas = service.personas('dist', 4000, 0, where);
    const female = personas.filter((p) => p.valueId('sex') === 'female').length / personas.length;
    const estimate = d.values.find((v) => v.value === 'female')!;
    expect(Math.abs(estimate.probability - female)).toBeLessThan(3 * (estimate.standardError! + Math.sqrt(0.25 / personas.length)));
    expect(d.values.reduce((a, v) => a + v.probability, 0)).toBeCloseTo(1, 9);
  });

  it('gives item shares for sets and the top values for strings', () => {
    const hobbies = distribution(engine, null, 'hobbies', 2000);
    expect(hobbies.values.map((v) => v.value)).toEqual(engine.dim('hobbies').items);
    expect(hobbies.values.reduce((a, v) => a + v.probability, 0)).toBeGreaterThan(2);
    const names = distribution(engine, service.plan({ countryOfResidence: { in: ['GB'] }, sex: { in: ['female'] } }), 'firstName', 3000);
    expect(names.values.length).toBe(50);
    expect(names.values[0].probability).toBeGreaterThanOrEqual(names.values[49].probability);
  });
});
