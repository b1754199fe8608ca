import { conditionalWeights, finishWeights, groupWeights } from './conditionalWeights.js';
import type { ItemGroup } from './itemGroups.js';
import { drawIndex } from './drawIndex.js';
import type { ConditionPlan, EarlyRejection, PlanNode } from './conditionPlan.js';
import { likelihood } from './evidence.js';
import { envelopeAt } from './likelihoodEnvelope.js';
import type { Engine } from './Engine.js';
import { displayName, firstNameFor, lastNameFor, type NameGender, type NameTables } from './nameTables.js';
import { birthDate, realiseIncome, realiseInteger, realiseScore } from './realise.js';
import { emailParts, reservedDomain, username } from './identifiers.js';
import { cityShare, pickCity, type UrbanicityClass } from './pickCity.js';
import { censusEthnicity, type CensusEthnicity } from './censusEthnicity.js';
import { birthCountryCode, nationalities } from './originCountry.js';
import { phoneNumber, type PhoneNumber } from './phoneNumber.js';
import { hashString, mixKey, streamFor, streamUniform, uniform01, uniformAt, type SeedWords, type Stream } from './rng.js';
import { PersonagenError } from './PersonagenError.js';
import { searchCumulative } from './searchCumulative.js';
import { applyCountRule } from './setCountRule.js';
import { householdSize } from './householdSize.js';

/** Salt of the stream that decides whether a try meets a condition (distinct from the value's own stream). */
const ACCEPT_KEY = 0x0acce97;

/** Exact string conditions ignore case (the persona keeps the name as the tables spell it). */
function sameName(a: string, b: string): boolean {
  return a.toLocaleLowerCase('en') === b.toLocaleLowerCase('en');
}

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
  /** The rejection try whose streams this persona uses (0 without sampled conditions). */
  private salt = 0;
  /** Sampled conditions: 'open' until the first field is asked for, then 'trying' and 'met' (or 'failed'). */
  private state: 'open' | 'trying' | 'met' | 'failed';
  private failure?: PersonagenError;
  sampledCount = 0;

  constructor(
    readonly engine: Engine,
    readonly seed: SeedWords,
    readonly index: number,
    readonly plan: ConditionPlan | null,
  ) {
    this.values = new Int32Array(engine.registry.dimensions.length).fill(-1);
    this.node = plan?.head ? plan.head.root : null;
    this.state = plan?.tail ? 'open' : 'met';
  }

  private stream(key: number): Stream {
    return streamFor(this.seed, this.index, this.salt === 0 ? key : mixKey(key, this.salt));
  }

  /**
   * One uniform for a dimension's draw. Personas under sampled conditions draw many tries, so theirs come straight
   * from a hash (uniformAt, no generator to build); the others keep their generator streams.
   */
  private uniform(key: number): number {
    if (this.plan?.tail) return uniformAt(this.seed, this.index, this.salt === 0 ? key : mixKey(key, this.salt));
    return streamUniform(this.seed, this.index, this.salt === 0 ? key : mixKey(key, this.salt));
  }

  /**
   * Meets sampled conditions by rejection: tries 0, 1, ... each with their own streams, until one is accepted. The
   * accepted try fixes every value of the persona, so the result depends on (seed, index, conditions) only.
   */
  private meetConditions(): void {
    if (this.state === 'failed') throw this.failure!;
    const tail = this.plan!.tail!;
    for (let t = 0; t < tail.maxTries; t++) {
      if (this.attempt(t, 'reject') > 0) return;
    }
    // Every later field fails the same way: a persona never shows values of a failed try, nor values drawn without
    // its conditions.
    this.values.fill(-1);
    this.strings.clear();
    this.realised.clear();
    this.state = 'failed';
    this.failure = new PersonagenError('CONDITIONS_TOO_RARE', `no persona met the conditions within ${tail.maxTries} tries (estimated probability ${this.plan!.probability.toExponential(2)})`, {
      estimatedProbability: this.plan!.probability, upperBound: false,
    });
    throw this.failure;
  }

  /**
   * One try at the sampled conditions: walks the exact head, samples the rest of the conditions' closure from the
   * maps and tests each condition as soon as its dimension is reached. In 'reject' mode a condition is met with
   * probability equal to its likelihood given the parents (the try returns 1 or 0); in 'weigh' mode the likelihoods
   * multiply into the returned weight (likelihood weighting, for estimates). Conditioned dimensions are drawn from
   * their distribution times the likelihood, so either way the values satisfy the conditions.
   */
  attempt(t: number, mode: 'reject' | 'weigh'): number {
    const plan = this.plan!;
    const tail = plan.tail!;
    this.values.fill(-1);
    this.strings.clear();
    this.realised.clear();
    this.sampledCount = 0;
    this.salt = t;
    this.state = 'trying';
    this.node = plan.head ? plan.head.root : null;
    this.depth = 0;
    if (plan.head) this.walkTo(plan.head.order.length - 1);
    const dims = this.engine.registry.dimensions;
    const country = this.engine.registry.byId.get('countryOfResidence')!.index;
    const w = this.engine.scratch;
    let weight = 1;
    for (let i = 0; i < tail.order.length; i++) {
      const d = tail.order[i];
      const dim = dims[d];
      if (dim.itemDims) { this.setCount(d, dim.itemDims); continue; }
      const e = tail.evidence.get(d);
      if (!e) {
        this.draw(d);
        const early = mode === 'reject' ? tail.stages.get(d) : undefined;
        if (early && this.rejectsEarly(early)) return 0;
        continue;
      }
      const mass = this.weights(d);
      const k = dim.values.length;
      let kept = 0;
      for (let v = 0; v < k; v++) kept += (w[v] *= likelihood(e, this.values, v, country, k));
      // The head was drawn in proportion to this condition's envelope: divide by it (exact either way).
      const envelope = tail.envelopes.get(d);
      const share = envelope ? kept / mass / envelopeAt(envelope, this.values) : kept / mass;
      if (mode === 'weigh') weight *= share;
      else if (!(this.uniform(mixKey(dim.streamKey, ACCEPT_KEY)) < share)) return 0;
      if (!(kept > 0)) return 0;
      this.values[d] = drawIndex(w, kept, this.uniform(dim.streamKey));
      this.sampledCount++;
    }
    for (const { dim: d, value } of tail.strings) {
      const id = dims[d].id;
      if (id === 'city') {
        const bound = tail.cityBound ? tail.cityBound[this.get(this.engine.dim('region').index)] : 1;
        const share = this.engine.cities ? cityShare(this.engine.cities, this.valueId('region'), this.valueId('urbanicity') as UrbanicityClass, value) / bound : 0;
        if (mode === 'weigh') weight *= share;
        else if (!(this.uniform(mixKey(dims[d].streamKey, ACCEPT_KEY)) < share)) return 0;
        if (!(share > 0)) return 0;
        this.strings.set(d, value);
        this.sampledCount++;
      } else if (sameName(id === 'firstName' ? this.firstName() : this.lastName(), value) === false) {
        return 0;
      }
    }
    this.state = 'met';
    return weight;
  }

  /**
   * Whether the try already fails a condition tested later: its accept uniform (the same draw the condition's own
   * test will use) is above the bound known now, relative to the envelope the head was drawn by, so the final test,
   * which accepts below a smaller share, would reject it too.
   */
  private rejectsEarly(stages: readonly EarlyRejection[]): boolean {
    const tail = this.plan!.tail!;
    for (const { condition, envelope } of stages) {
      const outer = envelopeAt(tail.envelopes.get(condition)!, this.values);
      const inner = envelopeAt(envelope, this.values);
      if (inner < outer && !(this.uniform(mixKey(this.engine.registry.dimensions[condition].streamKey, ACCEPT_KEY)) < inner / outer)) return true;
    }
    return false;
  }

  /** Writes P(d | parents) (unnormalised) into the engine's scratch buffer and returns its mass. */
  private weights(d: number): number {
    const dim = this.engine.registry.dimensions[d];
    const mass = conditionalWeights(dim, this.values, this.engine.scratch);
    if (!(mass > 0)) {
      const dims = this.engine.registry.dimensions;
      const given = dim.parents.map((p) => `${dims[p].id}=${dims[p].values[this.values[p]]}`);
      throw new PersonagenError('INTERNAL', `maps give ${dim.id} zero probability given ${given.join(', ')}`);
    }
    return mass;
  }

  /** Draws d from the maps given its (already sampled) parents, on d's own stream. */
  private draw(d: number): number {
    const dim = this.engine.registry.dimensions[d];
    if (dim.byCountry) {
      const row = dim.byCountry[this.values[dim.model.factors[0].by[0]]];
      if (row.cumulative.length === 0) throw new PersonagenError('INTERNAL', `maps give ${dim.id} no value in this country`);
      const v = row.values[searchCumulative(row.cumulative, this.uniform(dim.streamKey))];
      this.values[d] = v;
      this.sampledCount++;
      return v;
    }
    const mass = this.weights(d);
    const v = drawIndex(this.engine.scratch, mass, this.uniform(dim.streamKey));
    this.values[d] = v;
    this.sampledCount++;
    return v;
  }

  /**
   * Draws the not yet sampled items of an interleaved group from one pass over the shared tables (groupWeights),
   * each on its own stream: the same values, item for item, as drawing them one by one.
   */
  private drawGroup(group: ItemGroup): void {
    const dims = this.engine.registry.dimensions;
    const items = group.items;
    // Items the exact head enumerates come from its tree, not from the maps.
    const position = this.plan?.head?.position;
    let open = false;
    for (let j = 0; j < items.length; j++) {
      if (position && position[items[j]] >= 0) this.get(items[j]);
      if (this.values[items[j]] < 0) open = true;
    }
    if (!open) return;
    const parents = dims[items[0]].parents;
    for (let i = 0; i < parents.length; i++) this.get(parents[i]);
    const all = this.engine.groupScratch;
    const head = groupWeights(group, this.values, all);
    const w = this.engine.scratch;
    const k = group.width / items.length;
    for (let j = 0; j < items.length; j++) {
      const d = items[j];
      if (this.values[d] >= 0) continue;
      for (let v = 0; v < k; v++) w[v] = all[j * k + v];
      const mass = finishWeights(dims[d], this.values, w, head + j * k);
      if (!(mass > 0)) this.weights(d); // throws the coded error with the parents named
      this.values[d] = drawIndex(w, mass, this.uniform(dims[d].streamKey));
      this.sampledCount++;
    }
  }

  /** Value index of dimension `d` (by registry index), sampling it and its ancestors if needed. */
  get(d: number): number {
    const have = this.values[d];
    if (have >= 0) return have;
    if (this.state === 'open' || this.state === 'failed') {
      this.meetConditions();
      return this.get(d);
    }
    const head = this.plan?.head;
    if (head && head.position[d] >= 0) {
      this.walkTo(head.position[d]);
      return this.values[d];
    }
    const dim = this.engine.registry.dimensions[d];
    if (dim.kind === 'string') throw new PersonagenError('INTERNAL', `${dim.id} is not categorical`);
    if (dim.itemDims) return this.setCount(dim.index, dim.itemDims);
    const parents = dim.parents;
    for (let i = 0; i < parents.length; i++) this.get(parents[i]);
    return this.draw(d);
  }

  /** A set as a parent: the number of its items held, binned (SET_COUNT_BINS), from its item dimensions. */
  private setCount(d: number, itemDims: readonly number[]): number {
    const groups = this.engine.registry.dimensions[d].itemGroups;
    if (groups && this.state === 'met') for (let g = 0; g < groups.length; g++) this.drawGroup(groups[g]);
    let n = 0;
    for (let i = 0; i < itemDims.length; i++) if (this.get(itemDims[i]) === 1) n++;
    const v = Math.min(n, this.engine.registry.dimensions[d].values.length - 1);
    this.values[d] = v;
    this.sampledCount++;
    return v;
  }

  /**
   * The items of a set dimension, in catalogue order. Each item is its own yes/no dimension; a count rule in
   * `maps/realise/<id>.json` (e.g. hobbies 2-5) then drops random items above the maximum and tops up below the
   * minimum with items drawn by their own probability for this person, from the set's realisation stream. Items a
   * condition includes are never dropped, items it excludes never added.
   */
  setItems(id: string): string[] {
    return this.memo(`${id}#items`, () => {
      const dim = this.engine.dim(id);
      if (!dim.itemDims || !dim.items) throw new PersonagenError('INTERNAL', `${id} is not a set`);
      this.get(dim.index); // samples the items (and records the set as sampled)
      const held: number[] = [];
      const rest: number[] = [];
      dim.itemDims.forEach((k, j) => (this.get(k) === 1 ? held : rest).push(j));
      const spec = this.engine.spec(id, 'setCount');
      if (!spec || (held.length <= spec.max && held.length >= spec.min)) return held.map((j) => dim.items![j]);
      // Conditions: an included item (likelihood 0 for "no") is never dropped, an excluded one never added.
      const evidence = this.plan?.evidence;
      const itemDims = dim.itemDims;
      const w = this.engine.scratch;
      const restProbability = rest.map((j) => {
        if (evidence?.get(itemDims[j])?.lik[1] === 0) return 0;
        const mass = conditionalWeights(this.engine.registry.dimensions[itemDims[j]], this.values, w);
        return mass > 0 ? w[1] / mass : 0;
      });
      const g = this.stream(keyOf(`${id}#count`));
      const kept = applyCountRule(held, rest, spec, (j) => evidence?.get(itemDims[j])?.lik[0] === 0, restProbability, () => uniform01(g));
      return kept.map((j) => dim.items![j]);
    });
  }

  /** Walks the exact posterior tree down to position `pos`, each step drawn from that dimension's stream. */
  private walkTo(pos: number): void {
    const head = this.plan!.head!;
    while (this.depth <= pos) {
      const node = this.node!;
      const d = head.order[this.depth];
      const c = node.cumulative;
      const target = this.uniform(this.engine.registry.dimensions[d].streamKey) * c[c.length - 1];
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
      return realiseScore(spec, dim.values[this.get(dim.index)], uniform01(this.stream(keyOf(`${id}#score`))), this.plan?.ranges.get(dim.index));
    });
  }

  /** Annual gross personal income in local currency, or null for no income. */
  income(): { amount: number; currency: string } | null {
    return this.memo('income', () => {
      const spec = this.engine.spec('income', 'incomeDeciles');
      if (!spec) throw new PersonagenError('INTERNAL', 'maps/realise/income.json is missing');
      const range = this.plan?.ranges.get(this.engine.dim('income').index);
      return realiseIncome(spec, this.valueId('countryOfResidence'), this.valueId('income'), uniform01(this.stream(keyOf('income#amount'))), range);
    });
  }

  /** Weight in kg: BMI x height², rounded to 0.1 kg (derived, not a dimension). */
  weightKg(): number {
    return this.memo('weightKg', () => Math.round(this.score('bmi') * (this.score('height') / 100) ** 2 * 10) / 10);
  }

  /** People in the household, realised from the household type (householdSize). */
  householdSize(): number {
    return this.memo('householdSize', () => {
      const g = this.stream(keyOf('householdType#size'));
      return householdSize(this.valueId('householdType'), this.age(), () => this.integer('childrenCount'), () => uniform01(g));
    });
  }

  /** Pronouns from gender identity; non-binary people mostly use they/them, some she/they or he/they. */
  pronouns(): string {
    return this.memo('pronouns', () => {
      const gender = this.valueId('genderIdentity');
      if (gender === 'woman') return 'she/her';
      if (gender === 'man') return 'he/him';
      const u = uniform01(this.stream(keyOf('genderIdentity#pronouns')));
      return u < 0.7 ? 'they/them' : u < 0.85 ? 'she/they' : 'he/they';
    });
  }

  /** ISCO-08 major group (first digit of the occupation's sub-major group; 0 = armed forces), null if never worked. */
  iscoMajorGroup(): number | null {
    const occupation = this.valueId('occupation');
    return occupation.startsWith('isco') ? Number(occupation[4]) : null;
  }

  /**
   * Year of arrival for the first generation (null otherwise): arrived as a child at 0-17, or as an adult at 18 or
   * later with most arrivals in the twenties (migration peaks at young working ages).
   */
  yearOfArrival(): number | null {
    return this.memo('yearOfArrival', () => {
      const generation = this.valueId('migrationGeneration');
      if (generation !== 'firstGenArrivedChild' && generation !== 'firstGenArrivedAdult') return null;
      const age = this.age();
      const u = uniform01(this.stream(keyOf('migrationGeneration#arrival')));
      const arrivalAge = generation === 'firstGenArrivedChild' ? Math.floor(u * Math.min(18, age + 1)) : 18 + Math.floor((age - 18 + 1) * u * u);
      return this.birthYear() + Math.min(arrivalAge, age);
    });
  }

  /**
   * Religious dietary laws implied by the current religion: halal for Muslims, kosher for observant Jews, Jain rules
   * for vegetarian North Indians of the `other` religion (Jains are counted there).
   */
  dietaryLaws(): string[] {
    const religion = this.valueId('religion');
    if (religion === 'sunniMuslim' || religion === 'shiaMuslim') return ['halal'];
    if (religion === 'jewish') return ['moderate', 'devout'].includes(this.valueId('religiosity')) ? ['kosher'] : [];
    if (religion === 'other' && this.valueId('culturalOrigin') === 'northIndian' && ['vegetarian', 'vegan'].includes(this.valueId('diet'))) return ['jain'];
    return [];
  }

  /** The label the national census (or official statistics) would give this person's ethnicity and origin. */
  censusEthnicity(): CensusEthnicity {
    return this.memo('censusEthnicity', () => {
      const spec = this.engine.spec('censusEthnicity', 'censusEthnicity');
      if (!spec) throw new PersonagenError('INTERNAL', 'maps/realise/censusEthnicity.json is missing');
      return censusEthnicity(spec, this.valueId('countryOfResidence'), this.valueId('ethnicity'), this.valueId('culturalOrigin'));
    });
  }

  /** ISO 3166-1 alpha-2 country of birth: the value itself, or a country of its bucket drawn by cultural origin. */
  countryOfBirthCode(): string {
    return this.memo('countryOfBirthCode', () => {
      const spec = this.engine.spec('countryOfBirth', 'originCountries');
      if (!spec) throw new PersonagenError('INTERNAL', 'maps/realise/originCountries.json is missing');
      const g = this.stream(keyOf('countryOfBirth#code'));
      return birthCountryCode(spec, this.valueId('countryOfBirth'), this.valueId('culturalOrigin'), () => uniform01(g), this.valueId('countryOfResidence'));
    });
  }

  /** Citizenships as ISO codes, resolved from `nationality`, residence, birth country and heritage. */
  citizenships(): string[] {
    return this.memo('citizenships', () => {
      const spec = this.engine.spec('countryOfBirth', 'originCountries');
      if (!spec) throw new PersonagenError('INTERNAL', 'maps/realise/originCountries.json is missing');
      const g = this.stream(keyOf('nationality#codes'));
      return nationalities(spec, {
        nationality: this.valueId('nationality'), residence: this.valueId('countryOfResidence'), birthCode: this.countryOfBirthCode(), origin: this.valueId('culturalOrigin'),
      }, () => uniform01(g));
    });
  }

  /** Username from name fragments, birth year and tech-savviness (older users name+digits, younger abstract handles). */
  username(): string {
    return this.generatedString('username', (g) => username(this.firstName(), this.lastName(), this.birthYear(), this.age(), this.dim('techSavviness'), () => uniform01(g)));
  }

  /** E-mail address: on an RFC 2606 reserved domain unless `realistic`, then at a provider drawn by country and age. */
  email(realistic = false): string {
    const address = this.generatedString('email', (g) => {
      const spec = this.engine.spec('email', 'emailProviders');
      if (!spec) throw new PersonagenError('INTERNAL', 'maps/realise/email.json is missing');
      const { local, domain } = emailParts(spec, this.valueId('countryOfResidence'), this.age(), this.username(), this.firstName(), this.lastName(), () => uniform01(g));
      return `${local}@${domain}`;
    });
    if (realistic) return address;
    const at = address.lastIndexOf('@');
    return `${address.slice(0, at)}@${reservedDomain(address.slice(at + 1))}`;
  }

  /** A place in the person's region, of their urbanicity class, population-weighted (maps/cities.json). */
  city(): string {
    return this.generatedString('city', (g) => {
      if (!this.engine.cities) throw new PersonagenError('INTERNAL', 'maps/cities.json is missing');
      return pickCity(this.engine.cities, this.valueId('region'), this.valueId('urbanicity') as UrbanicityClass, uniform01(g));
    });
  }

  /**
   * A mobile number following the country's numbering plan, from the regulator's range reserved for fiction where
   * there is one (maps/phone.json). Mobile numbers are not geographic, so the city is not used.
   */
  phone(): PhoneNumber {
    return this.memo('phoneNumber', () => {
      let result: PhoneNumber | undefined;
      this.generatedString('phoneNumber', (g) => {
        if (!this.engine.phone) throw new PersonagenError('INTERNAL', 'maps/phone.json is missing');
        result = phoneNumber(this.engine.phone, this.valueId('countryOfResidence'), () => uniform01(g));
        return result.e164;
      });
      return result!;
    });
  }

  private dim(id: string): number {
    return this.get(this.engine.dim(id).index);
  }

  /** The compiled name tables (maps/names). */
  private nameTables(): NameTables {
    if (!this.engine.names) throw new PersonagenError('INTERNAL', 'maps/names is missing');
    return this.engine.names;
  }

  /** A string dimension computed from other fields: parents first (laziness), then `make` on the dimension's stream. */
  private generatedString(id: string, make: (g: Stream) => string): string {
    if (this.state === 'open' || this.state === 'failed') this.meetConditions();
    const d = this.engine.dim(id);
    const have = this.strings.get(d.index);
    if (have !== undefined) return have;
    const dims = this.engine.registry.dimensions;
    for (const p of d.parents) if (dims[p].kind !== 'string') this.get(p);
    const value = make(this.stream(d.streamKey));
    this.strings.set(d.index, value);
    this.sampledCount++;
    return value;
  }

  /**
   * First name: a mixture of the heritage table (culturalOrigin x religion raised x gender x birth decade) and the
   * host-country table (country x gender x birth decade), weighted by lambda (dimensions.md Appendix C; docs/names.md).
   */
  firstName(): string {
    return this.generatedString('firstName', (g) => firstNameFor(this.nameTables(), {
      origin: this.valueId('culturalOrigin'),
      religion: this.valueId('religionRaised'),
      gender: this.valueId('genderIdentity') as NameGender,
      sexAtBirth: this.valueId('sex') === 'female' ? 'F' : 'M',
      birthYear: this.birthYear(),
      country: this.valueId('countryOfResidence'),
      bornHere: this.valueId('countryOfBirth') === this.valueId('countryOfResidence'),
    }, () => uniform01(g)));
  }

  /**
   * Last name from the surname tables of (culturalOrigin, religion raised, country, region), with the national
   * conventions: two surnames in ES/MX/AR (and often BR), feminine forms, patronymic family names (docs/names.md).
   */
  lastName(): string {
    return this.generatedString('lastName', (g) => lastNameFor(this.nameTables(), {
      origin: this.valueId('culturalOrigin'),
      religion: this.valueId('religionRaised'),
      country: this.valueId('countryOfResidence'),
      region: this.valueId('region'),
      sex: this.valueId('sex') === 'female' ? 'F' : 'M',
      bornHere: this.valueId('countryOfBirth') === this.valueId('countryOfResidence'),
      birthYear: this.birthYear(),
    }, () => uniform01(g)));
  }

  /** Full name in the country's display order: family name first for Japanese and Korean residents of those origins. */
  fullName(): string {
    return displayName(this.firstName(), this.lastName(), this.valueId('countryOfResidence'), this.valueId('culturalOrigin'));
  }

  /** Ids of the dimensions sampled so far, in registry order (for laziness checks). */
  sampledDimensions(): string[] {
    const dims = this.engine.registry.dimensions;
    const out: string[] = [];
    for (let i = 0; i < dims.length; i++) if (this.values[i] >= 0 || this.strings.has(i)) out.push(dims[i].id);
    return out;
  }
}
