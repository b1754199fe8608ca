import { conditionalWeights, finishWeights, groupWeights } from './conditionalWeights.js';
import type { ConditionPlan, EarlyRejection, PlanNode } from './conditionPlan.js';
import { drawIndex } from './drawIndex.js';
import type { Engine } from './Engine.js';
import { likelihood } from './evidence.js';
import type { ItemGroup } from './itemGroups.js';
import { envelopeAt } from './likelihoodEnvelope.js';
import { PersonagenError } from './PersonagenError.js';
import { cityShare, type UrbanicityClass } from './pickCity.js';
import { mixKey, streamFor, streamUniform, uniformAt, type SeedWords, type Stream } from './rng.js';
import { searchCumulative } from './searchCumulative.js';

/** Salt of the stream that decides whether a try meets a condition (distinct from the value's own stream). */
const ACCEPT_KEY = 0x0acce97;

/** Exact string conditions ignore case (the persona keeps the name as the tables spell it). */
function sameName(a: string, b: string): boolean {
  return a.toLocaleLowerCase('en') === b.toLocaleLowerCase('en');
}

/**
 * The sampling half of a Persona: the categorical values of an address (seed, index) under optional conditions.
 * `get(d)` resolves d's parents first (memoised) and then samples d from its own random stream, walking the exact
 * head of a condition plan and meeting its tail by rejection tries; Persona adds the fields realised from the values.
 *
 * @example
 *   const p = new Persona(engine, seedWords(42), 0, null); // a PersonaSampler
 *   p.get(engine.dim('occupation').index); p.sampledCount
 */
export abstract class PersonaSampler {
  protected readonly values: Int32Array;
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

  protected stream(key: number): Stream {
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

  /** A realised field, made once per persona. */
  protected memo<T>(key: string, make: () => T): T {
    if (this.realised.has(key)) return this.realised.get(key) as T;
    const v = make();
    this.realised.set(key, v);
    return v;
  }

  /** Exact age in years on the reference date (from the age bin, within any age range condition). */

  /** Value index of a dimension by id. */
  protected dim(id: string): number {
    return this.get(this.engine.dim(id).index);
  }

  /** The compiled name tables (maps/names). */

  /** A string dimension computed from other fields: parents first (laziness), then `make` on the dimension's stream. */
  protected generatedString(id: string, make: (g: Stream) => string): string {
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

  /** Ids of the dimensions sampled so far, in registry order (for laziness checks). */
  sampledDimensions(): string[] {
    const dims = this.engine.registry.dimensions;
    const out: string[] = [];
    for (let i = 0; i < dims.length; i++) if (this.values[i] >= 0 || this.strings.has(i)) out.push(dims[i].id);
    return out;
  }

  /** Name conditions are tested on the names the persona shows (Persona). */
  abstract firstName(): string;
  abstract lastName(): string;
}
