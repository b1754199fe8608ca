import { describe, expect, it } from 'vitest';
import { ancestorClosure } from '../../src/engine/dag.js';
import { Persona } from '../../src/engine/Persona.js';
import { PersonaService } from '../../src/engine/PersonaService.js';
import { seedWords } from '../../src/engine/rng.js';
import { loadEngine } from '../support/engine.js';

const engine = loadEngine();
const reg = engine.registry;
const categorical = reg.dimensions.filter((d) => d.available && (d.kind === 'enum' || d.kind === 'binned')).map((d) => d.id);
const sets = reg.dimensions.filter((d) => d.available && d.kind === 'set').map((d) => d.id);
const strings = ['firstName', 'lastName', 'city', 'phoneNumber', 'username', 'email'];

/** Everything a persona can tell, read through the public handle. */
function read(p: Persona, id: string): unknown {
  switch (id) {
    case 'firstName': return p.firstName();
    case 'lastName': return p.lastName();
    case 'city': return p.city();
    case 'phoneNumber': return p.phone();
    case 'username': return p.username();
    case 'email': return [p.email(), p.email(true)];
    case 'age#exact': return p.age();
    case 'birthDate': return p.birthDate();
    case 'incomeAmount': return p.income();
    case 'height#cm': return p.score('height');
    case 'weightKg': return p.weightKg();
    case 'householdSize': return p.householdSize();
    case 'citizenships': return p.citizenships();
    case 'yearOfArrival': return p.yearOfArrival();
    case 'censusEthnicity': return p.censusEthnicity();
    default: return sets.includes(id) ? p.setItems(id) : p.valueId(id);
  }
}
const DERIVED = ['age#exact', 'birthDate', 'incomeAmount', 'height#cm', 'weightKg', 'householdSize', 'citizenships', 'yearOfArrival', 'censusEthnicity'];
const FIELDS = [...categorical, ...sets, ...strings, ...DERIVED];

/** A small deterministic PRNG for choosing test cases (not part of the product). */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe('persona: determinism (property over random seeds and random field subsets)', () => {
  it('gives each field the value it has in the full persona, whatever else was asked, in any order', () => {
    const rand = lcg(20261121);
    for (let trial = 0; trial < 300; trial++) {
      const seed = rand() < 0.5 ? Math.floor(rand() * 1e9) : `seed-${Math.floor(rand() * 1e6)}`;
      const index = Math.floor(rand() * 1e6);
      const full = new Persona(engine, seedWords(seed), index, null);
      const expected = new Map(FIELDS.map((f) => [f, read(full, f)]));
      const subset = FIELDS.filter(() => rand() < 0.15).sort(() => rand() - 0.5);
      const lazy = new Persona(engine, seedWords(seed), index, null);
      for (const f of subset) expect(read(lazy, f), `${seed}/${index}/${f}`).toEqual(expected.get(f));
    }
  });

  it('pages consistently: offset 500 count 10 equals items 500-509 of count 1000', () => {
    const service = new PersonaService(engine);
    const all = service.personas(7, 1000, 0, null).slice(500, 510).map((p) => [p.valueId('occupation'), p.firstName(), p.age()]);
    const page = service.personas(7, 10, 500, null).map((p) => [p.valueId('occupation'), p.firstName(), p.age()]);
    expect(page).toEqual(all);
  });
});

describe('persona: laziness', () => {
  const sets = [['sex'], ['age'], ['firstName'], ['occupation'], ['phoneOS', 'religion'], ['countryOfResidence', 'region', 'income'], FIELDS.filter((f) => !DERIVED.includes(f))];
  it.each(sets.map((s) => [s.length > 5 ? `all ${s.length}` : s.join('+'), s] as const))('samples exactly the ancestor closure for %s', (_name, ids) => {
    const p = new Persona(engine, seedWords(99), 3, null);
    for (const id of ids) read(p, id);
    const closure = ancestorClosure(reg.dimensions.map((d) => d.parents), ids.map((id) => engine.dim(id).index));
    expect(p.sampledDimensions()).toEqual(closure.map((i) => reg.dimensions[i].id));
    expect(p.sampledCount).toBe(closure.length);
  });
});

describe('persona: hard rules', () => {
  it('never violates a declared rule and never meets a zero-mass parent tuple (2,000 personas per country; 1,000,000 in test/pipeline/verify)', () => {
    const service = new PersonaService(engine);
    const withRules = reg.dimensions.filter((d) => d.available && d.rules.length > 0);
    expect(withRules.length).toBeGreaterThan(3);
    const broken: string[] = [];
    for (const country of reg.coveredCountries) {
      for (const p of service.personas(`rules-${country}`, 2_000, 0, { countryOfResidence: { in: [country] } })) {
        for (const d of withRules) {
          const v = p.valueId(d.id);
          for (const rule of d.rules) {
            const applies = rule.conditions.every((c) => 'allowed' in c
              ? c.allowed[p.get(c.dim)] === 1
              : (c.equal[p.get(c.dim) * c.otherCount + p.get(c.other)] === 1) === c.same);
            if (applies && rule.keep[d.valueIndex.get(v)!] !== 1) broken.push(`${country} ${d.id}=${v} breaks ${rule.id}`);
          }
        }
        p.firstName();
        p.lastName();
      }
    }
    expect(broken).toEqual([]);
  }, 120_000);
});
