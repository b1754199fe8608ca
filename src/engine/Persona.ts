import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { conditionalWeights } from './conditionalWeights.js';
import { drawIndex } from './drawIndex.js';
import type { ConditionPlan, PlanNode } from './conditionPlan.js';
import type { Engine } from './Engine.js';
import { heritageLambda, heritageTable, hostTable, pickName, surnameTable, type NameTables } from './nameTables.js';
import { birthDate, realiseIncome, realiseInteger, realiseScore } from './realise.js';
import { hashString, streamFor, uniform01, type SeedWords } from './rng.js';
import { PersonagenError } from './PersonagenError.js';

const streamKeys = new Map<string, number>();
/** Stream key of a realisation ("age#exact"): hashed once per process, not once per persona. */
function keyOf(name: string): number {
  let k = streamKeys.get(name);
  if (k === undefined) streamKeys.set(name, (k = hashString(name)));
  return k;
}

/**
 * A lazy persona: a handle on an address (seed, index) and optional conditions. `get(d)` resolves d's parents
 * first (memoised) and then samples d from its own random stream, so asking for k fields samples exactly the
 * union of their ancestor closures, and each value is the same whichever other fields were asked for.
 *
 * @example
 *   const p = new Persona(engine, seedWords(42), 0, null);
 *   p.valueId('occupation'); p.age(); p.firstName();
 *   p.sampledCount // dimensions sampled so far
 */
export class Persona {
  private readonly values: Int32Array;
  private readonly strings = new Map<number, string>();
  private readonly realised = new Map<string, unknown>();
  private node: PlanNode | null;
  private depth = 0;
  sampledCount = 0;

  constructor(
    readonly engine: Engine,
    readonly seed: SeedWords,
    readonly index: number,
    readonly plan: ConditionPlan | null,
  ) {
    this.values = new Int32Array(engine.registry.dimensions.length).fill(-1);
    this.node = plan ? plan.root : null;
  }

  private stream(key: number): RandomGenerator {
    return streamFor(this.seed, this.index, key);
  }

  /** Value index of dimension `d` (by registry index), sampling it and its ancestors if needed. */
  get(d: number): number {
    const have = this.values[d];
    if (have >= 0) return have;
    const plan = this.plan;
    if (plan && plan.position[d] >= 0) {
      this.walkTo(plan.position[d]);
      return this.values[d];
    }
    const dim = this.engine.registry.dimensions[d];
    if (dim.kind === 'string' || dim.kind === 'set') throw new PersonagenError('INTERNAL', `${dim.id} is not categorical`);
    const parents = dim.parents;
    for (let i = 0; i < parents.length; i++) this.get(parents[i]);
    const w = this.engine.scratch;
    const mass = conditionalWeights(dim, this.values, w);
    if (!(mass > 0)) {
      const given = dim.parents.map((p) => `${this.engine.registry.dimensions[p].id}=${this.engine.registry.dimensions[p].values[this.values[p]]}`);
      throw new PersonagenError('INTERNAL', `maps give ${dim.id} zero probability given ${given.join(', ')}`);
    }
    const v = drawIndex(w, mass, uniform01(this.stream(dim.streamKey)));
    this.values[d] = v;
    this.sampledCount++;
    return v;
  }

  /** Walks the exact posterior tree down to position `pos`, each step drawn from that dimension's stream. */
  private walkTo(pos: number): void {
    const plan = this.plan!;
    while (this.depth <= pos) {
      const node = this.node!;
      const d = plan.order[this.depth];
      const c = node.cumulative;
      const target = uniform01(this.stream(this.engine.registry.dimensions[d].streamKey)) * c[c.length - 1];
      let i = 0;
      while (i < c.length - 1 && c[i] <= target) i++;
      this.values[d] = node.values[i];
      this.node = node.children[i];
      this.depth++;
      this.sampledCount++;
    }
  }

  /** Value id (catalogue camelCase) of a dimension by id. */
  valueId(id: string): string {
    const dim = this.engine.dim(id);
    return dim.values[this.get(dim.index)];
  }

  private memo<T>(key: string, make: () => T): T {
    if (this.realised.has(key)) return this.realised.get(key) as T;
    const v = make();
    this.realised.set(key, v);
    return v;
  }

  /** Exact age in years on the reference date (from the age bin, within any age range condition). */
  age(): number {
    return this.integer('age');
  }

  /** Birth date (ISO) consistent with `age()` on the reference date. */
  birthDate(): string {
    return this.memo('birthDate', () => birthDate(this.engine.referenceDate, this.age(), uniform01(this.stream(keyOf('age#birthDate')))));
  }

  /** Birth year, used by the name tables (birth decade). */
  birthYear(): number {
    return Number(this.birthDate().slice(0, 4));
  }

  /** Realised integer of a binned dimension (age, childrenCount), truncated to any range condition on it. */
  integer(id: string): number {
    return this.memo(id, () => {
      const spec = this.engine.spec(id, 'integer');
      if (!spec) throw new PersonagenError('INTERNAL', `maps/realise/${id}.json is missing`);
      const dim = this.engine.dim(id);
      return realiseInteger(spec, dim.values[this.get(dim.index)], uniform01(this.stream(keyOf(`${id}#exact`))), this.plan?.ranges.get(dim.index));
    });
  }

  /** Realised score of a binned score dimension (Big Five 1-5). */
  score(id: string): number {
    return this.memo(id, () => {
      const spec = this.engine.spec(id, 'score');
      if (!spec) throw new PersonagenError('INTERNAL', `maps/realise/${id}.json is missing`);
      const dim = this.engine.dim(id);
      return realiseScore(spec, dim.values[this.get(dim.index)], uniform01(this.stream(keyOf(`${id}#score`))));
    });
  }

  /** Annual gross personal income in local currency, or null for no income. */
  income(): { amount: number; currency: string } | null {
    return this.memo('income', () => {
      const spec = this.engine.spec('income', 'incomeDeciles');
      if (!spec) throw new PersonagenError('INTERNAL', 'maps/realise/income.json is missing');
      return realiseIncome(spec, this.valueId('countryOfResidence'), this.valueId('income'), uniform01(this.stream(keyOf('income#amount'))));
    });
  }

  /**
   * First name: a mixture of the heritage table (culturalOrigin x religion raised x gender x birth decade) and the
   * host-country table (country x gender x birth decade), weighted by lambda (dimensions.md Appendix C).
   */
  firstName(): string {
    return this.generated('firstName', (names, g) => {
      const country = this.valueId('countryOfResidence');
      const origin = this.valueId('culturalOrigin');
      const religion = this.valueId('religionRaised');
      const gender = this.valueId('genderIdentity');
      const sexAtBirth = this.valueId('sex') === 'female' ? 'F' : 'M';
      // Trans people mostly carry a name of their gender; non-binary people half the time a name of the other table.
      const u0 = uniform01(g);
      const sex = gender === 'woman' ? 'F' : gender === 'man' ? 'M' : u0 < 0.5 ? sexAtBirth : sexAtBirth === 'F' ? 'M' : 'F';
      const decade = Math.min(2000, Math.max(1920, Math.floor(this.birthYear() / 10) * 10));
      const bornHere = this.valueId('countryOfBirth') === country;
      const lambda = heritageLambda(names, origin, country, bornHere);
      const heritage = heritageTable(names, origin, religion, sex, decade);
      const host = hostTable(names, country, sex, decade);
      const table = (heritage && (uniform01(g) < lambda || !host)) ? heritage : host ?? heritage;
      if (!table) throw new PersonagenError('INTERNAL', `no first-name table for ${origin}/${country}/${sex}`);
      return pickName(table, uniform01(g));
    });
  }

  /** Last name from the surname table of (culturalOrigin, religion raised, country, region). */
  lastName(): string {
    return this.generated('lastName', (names, g) => {
      const table = surnameTable(names, this.valueId('culturalOrigin'), this.valueId('religionRaised'), this.valueId('countryOfResidence'), this.valueId('region'));
      if (!table) throw new PersonagenError('INTERNAL', `no surname table for ${this.valueId('culturalOrigin')}`);
      return pickName(table, uniform01(g));
    });
  }

  /** A generated string dimension: parents first, then `make` with the name tables and the dimension's stream. */
  private generated(id: string, make: (names: NameTables, g: RandomGenerator) => string): string {
    const dim = this.engine.dim(id);
    const have = this.strings.get(dim.index);
    if (have !== undefined) return have;
    for (const p of dim.parents) this.get(p);
    const names = this.engine.names;
    if (!names) throw new PersonagenError('INTERNAL', 'maps/names is missing');
    const value = make(names, this.stream(dim.streamKey));
    this.strings.set(dim.index, value);
    this.sampledCount++;
    return value;
  }

  /** Ids of the dimensions sampled so far, in registry order (for laziness checks). */
  sampledDimensions(): string[] {
    const dims = this.engine.registry.dimensions;
    const out: string[] = [];
    for (let i = 0; i < dims.length; i++) if (this.values[i] >= 0 || this.strings.has(i)) out.push(dims[i].id);
    return out;
  }
}
