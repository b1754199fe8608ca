import { ancestorClosure } from './dag.js';
import { conditionalWeights } from './conditionalWeights.js';
import { conditionsPossible } from './conditionsPossible.js';
import type { Engine } from './Engine.js';
import { compileEvidence, likelihood, type Conditions, type Evidence } from './evidence.js';
import { Persona } from './Persona.js';
import { envelopeAt, likelihoodEnvelope, type Envelope } from './likelihoodEnvelope.js';
import { PersonagenError } from './PersonagenError.js';
import { cityShare, URBANICITY_CLASSES } from './pickCity.js';
import type { NumericRange } from './realise.js';
import { seedWords } from './rng.js';

/** One node of the exact posterior tree: the values of the next dimension and their cumulative posterior mass. */
export interface PlanNode {
  readonly values: Int32Array;
  readonly cumulative: Float64Array;
  readonly children: PlanNode[];
}

/**
 * The exactly enumerated part of a plan: the joint posterior over the ancestor closure of the conditions whose
 * closure is small (country, region, sex, age, ...), as a prefix tree in topological order.
 */
export interface HeadPlan {
  readonly order: readonly number[];
  /** Position of each dimension in `order`, or -1. */
  readonly position: Int32Array;
  readonly root: PlanNode;
  /** Nodes in the tree (for the plan cache's memory bound). */
  readonly nodes: number;
  /** Probability of the head conditions under the maps (exact). */
  readonly probability: number;
}

/**
 * The sampled part of a plan: the conditions whose ancestor closure is too large to enumerate are met by rejection.
 * Each try walks the head afresh, samples the rest of the closure from the maps in topological order and keeps the
 * try with probability equal to the likelihood of the conditions (tested dimension by dimension, so a failing try
 * stops early). Accepted tries are exact draws from the posterior.
 */
export interface TailPlan {
  /** Dimensions each try samples after the head, in topological order. */
  readonly order: readonly number[];
  readonly evidence: ReadonlyMap<number, Evidence>;
  /** Exact strings, checked once the closure is sampled. */
  readonly strings: readonly { readonly dim: number; readonly value: string }[];
  /**
   * For a city condition: per region, the largest chance of drawing that city over the urbanicity classes. The head
   * is drawn in proportion to it (so tries land where the city is likely) and the city test divides by it, which
   * keeps the draws exact (rejection with an envelope).
   */
  readonly cityBound?: Float64Array;
  /**
   * Per conditioned dimension, an upper bound on the chance of meeting its condition for each value of its parents
   * in the head (likelihoodEnvelope: country, sex, age, ...). The head is drawn in proportion to their product and
   * each test divides by its bound: rejection with an envelope, exact, with fewer tries where a condition is capped
   * or rare for most heads.
   */
  readonly envelopes: ReadonlyMap<number, Envelope>;
  /**
   * Early rejection, by the tail dimension after which it is tested: a tighter bound on a condition's chance once
   * one of its parents is drawn. A try whose accept uniform for the condition already exceeds that bound over the
   * envelope's would be rejected at the condition anyway, so it stops there: the same tries are accepted, with less
   * work on those that are not (occupation is tested after 22 draws, its bound is known after educationLevel).
   */
  readonly stages: ReadonlyMap<number, readonly EarlyRejection[]>;
  /** Share of tries accepted in the planning pilot, and the pilot's size. */
  readonly acceptance: number;
  readonly pilotTries: number;
  /** Tries per persona before giving up (100 times the expected number). */
  readonly maxTries: number;
}

/** An exact plan for sampling under conditions (ARCHITECTURE.md section 5). */
export interface ConditionPlan {
  /** The (validated, sorted) conditions this plan was built for; part of the persona address. */
  readonly conditions: Conditions;
  readonly head: HeadPlan | null;
  readonly tail: TailPlan | null;
  /** All evidence by dimension index. */
  readonly evidence: ReadonlyMap<number, Evidence>;
  /** Ranges on realised numbers by dimension index: realisations are truncated to them. */
  readonly ranges: ReadonlyMap<number, NumericRange>;
  /** Probability of the conditions under the maps: exact when `exact`, else estimated by the pilot. */
  readonly probability: number;
  readonly exact: boolean;
}

/** One early test of a tail condition (TailPlan.stages). */
export interface EarlyRejection {
  readonly condition: number;
  /** Bound on the condition's chance keyed by the stage dimension (and the head's keys). */
  readonly envelope: Envelope;
}

/** Parents of a tail condition tried as its early-rejection stage (TailPlan.stages). */
const STAGE_CANDIDATES = 3;
/** Plans whose pilot accepts at least this share of tries get no early rejection (few tries to cut short). */
const STAGES_BELOW_ACCEPTANCE = 0.1;
/** Prefix-tree nodes one exact enumeration may create. */
const NODE_BUDGET = 200_000;
/** A head condition's closure must be this small (and hold no sets or strings) to be tried for enumeration. */
export const HEAD_CLOSURE_MAX = 8;
/** Parents of tail conditions join the head (to key their envelopes) when their closure is this small: sex, age, ... */
const EXTRA_CLOSURE_MAX = 5;
/** Pilot: tries until this many are accepted, or at most PILOT_MAX_TRIES. */
const PILOT_ACCEPTED = 100;
const PILOT_MAX_TRIES = 60_000;
/** Conditions whose tries are accepted less often than this exceed the sampling budget (CONDITIONS_TOO_RARE). */
export const MIN_ACCEPTANCE = 1 / 30_000;
const PILOT_SEED = seedWords('personagen:pilot');

/**
 * Builds the plan for a set of conditions. Conditions with a small ancestor closure are enumerated exactly (the
 * head); the others are met by rejection over their closure only (the tail), whose acceptance rate a deterministic
 * pilot measures. Fails fast with UNSATISFIABLE_CONDITIONS naming the conflicting dimensions when the conditions
 * have probability zero, and with CONDITIONS_TOO_RARE and the estimated probability when they are possible but
 * beyond the sampling budget.
 *
 * @example
 *   planConditions(engine, { values: new Map([['occupation', ['isco22']]]), ranges: new Map([['age', { gte: 30, lte: 40 }]]), strings: new Map() })
 */
export function planConditions(engine: Engine, conditions: Conditions): ConditionPlan {
  const evidence = compileEvidence(engine, conditions);
  if (!conditionsPossible(engine, evidence) || !namesPossible(engine, conditions)) unsatisfiable(engine, conditions);

  const { head, tailDims, envelopes, cityBound } = planHead(engine, conditions, evidence);
  if (head && head.probability === 0) unsatisfiable(engine, conditions);
  const regionDim = engine.dim('region').index;
  const strings = [...conditions.strings].map(([id, value]) => ({ dim: engine.dim(id).index, value }));
  const ranges = new Map([...conditions.ranges].map(([id, r]) => [engine.dim(id).index, r]));
  if (tailDims.length === 0 && strings.length === 0) {
    return { conditions, head, tail: null, evidence, ranges, probability: head?.probability ?? 1, exact: true };
  }

  const order = tailOrder(engine, tailDims, strings.map((x) => x.dim), new Set(head?.order ?? []));
  const tailEvidence = new Map(tailDims.map((d) => [d, evidence.get(d)!]));
  const draft: ConditionPlan = {
    conditions, head, evidence, ranges, probability: NaN, exact: false,
    tail: {
      order, evidence: tailEvidence, strings, acceptance: NaN, pilotTries: 0, maxTries: 1, envelopes, stages: new Map(),
      cityBound: head && head.position[regionDim] !== -1 ? cityBound : undefined,
    },
  };
  // The pilot: independent tries, as personas will make them, until enough are accepted.
  let tries = 0;
  let accepted = 0;
  while (accepted < PILOT_ACCEPTED && tries < PILOT_MAX_TRIES) {
    if (new Persona(engine, PILOT_SEED, tries, draft).attempt(0, 'reject') > 0) accepted++;
    tries++;
  }
  const headProbability = head?.probability ?? 1;
  const acceptance = accepted / tries;
  if (acceptance < MIN_ACCEPTANCE) {
    // With no accepted try, the rule of three gives the 95% upper bound.
    const estimate = headProbability * (accepted === 0 ? 3 / tries : acceptance);
    throw new PersonagenError(
      'CONDITIONS_TOO_RARE',
      `conditions on ${describe(conditions).join(' and ')} are too rare to sample: estimated probability ${accepted === 0 ? 'below ' : ''}${estimate.toExponential(2)} (${accepted} of ${tries} pilot tries met them; the budget needs at least ${MIN_ACCEPTANCE.toExponential(1)} of tries); widen them or condition on fewer dimensions`,
      { estimatedProbability: estimate, upperBound: accepted === 0, pilotTries: tries, pilotAccepted: accepted },
    );
  }
  return {
    ...draft,
    probability: headProbability * acceptance,
    tail: {
      ...draft.tail!, acceptance, pilotTries: tries, maxTries: Math.ceil(100 / acceptance),
      // Early rejection only pays where personas need many tries; its bounds take 50-400 ms to tabulate.
      stages: acceptance < STAGES_BELOW_ACCEPTANCE ? earlyRejections(engine, order, envelopes, evidence) : new Map(),
    },
  };
}

/**
 * For each tail condition with an envelope, the parent drawn before it in the tail whose value bounds the condition
 * best (the bound keyed by that parent too), if it saves enough of a try's work: mean tightening times the share of
 * the tail left after the parent. Which parent is picked only changes the speed; any choice rejects the same tries,
 * since every bound is valid.
 */
function earlyRejections(engine: Engine, order: readonly number[], envelopes: ReadonlyMap<number, Envelope>, evidence: ReadonlyMap<number, Evidence>): Map<number, EarlyRejection[]> {
  const reg = engine.registry;
  const mean = (xs: Float64Array) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const stages = new Map<number, EarlyRejection[]>();
  for (const [condition, headBound] of envelopes) {
    const at = order.indexOf(condition);
    let best: { stage: number; envelope: Envelope; gain: number } | undefined;
    // The earliest parents save the most work; a few candidates keep planning fast (each bound is a table to fill).
    const candidates = reg.dimensions[condition].parents
      .filter((p) => order.indexOf(p) >= 0 && order.indexOf(p) < at && !reg.dimensions[p].itemDims)
      .sort((a, b) => order.indexOf(a) - order.indexOf(b))
      .slice(0, STAGE_CANDIDATES);
    for (const stage of candidates) {
      const pos = order.indexOf(stage);
      const envelope = likelihoodEnvelope(engine, reg.dimensions[condition], evidence.get(condition)!, [stage]);
      if (!envelope || !envelope.dims.includes(stage)) continue;
      const gain = (1 - Math.min(1, mean(envelope.bound) / mean(headBound.bound))) * ((at - pos) / order.length);
      if (gain > 0.02 && (!best || gain > best.gain)) best = { stage, envelope, gain };
    }
    if (!best) continue;
    // Candidates were compared on bounds keyed by the country and the stage alone (cheap); the one chosen is keyed by
    // the head's dimensions too, which tightens it where they matter (age for occupations).
    const envelope = likelihoodEnvelope(engine, reg.dimensions[condition], evidence.get(condition)!, [best.stage, ...headBound.dims]) ?? best.envelope;
    stages.set(best.stage, [...(stages.get(best.stage) ?? []), { condition, envelope }]);
  }
  return stages;
}

/** Whether a dimension's closure is small enough to try to enumerate (and holds no sets or strings). */
function isHeadable(engine: Engine, d: number): boolean {
  const reg = engine.registry;
  const closure = reg.closures[d];
  return closure.length <= HEAD_CLOSURE_MAX && closure.every((c) => reg.dimensions[c].kind !== 'string' && reg.dimensions[c].kind !== 'set' && reg.dimensions[c].itemOf === undefined);
}

/**
 * The exact head of a plan and what tilts it. Conditions with small closures are enumerated (smallest first, while
 * the tree stays within budget); the others are left to the tail. For these, the country and their parents with
 * small closures (sex, age, ...) join the head, so that each tail condition's envelope can be tabulated by them, and
 * the head is drawn in proportion to the product of the envelopes (and of the city bound per region).
 */
function planHead(engine: Engine, conditions: Conditions, evidence: ReadonlyMap<number, Evidence>) {
  const reg = engine.registry;
  const bySize = (a: number, b: number) => reg.closures[a].length - reg.closures[b].length || a - b;
  const headDims: number[] = [];
  for (const d of [...evidence.keys()].filter((x) => isHeadable(engine, x)).sort(bySize)) {
    if (!enumerate(engine, [...headDims, d], evidence)) break;
    headDims.push(d);
  }
  const tailDims = [...evidence.keys()].filter((d) => !headDims.includes(d));
  const country = engine.dim('countryOfResidence').index;
  const regionDim = engine.dim('region').index;
  if (tailDims.length > 0) {
    if (!headDims.includes(country)) headDims.push(country);
    const extras = [...new Set(tailDims.flatMap((d) => reg.dimensions[d].parents))]
      .filter((p) => reg.closures[p].length <= EXTRA_CLOSURE_MAX && isHeadable(engine, p) && !headDims.includes(p))
      .sort(bySize);
    for (const p of extras) if (enumerate(engine, [...headDims, p], evidence)) headDims.push(p);
  }
  const headClosure = ancestorClosure(reg.dimensions.map((d) => d.parents), headDims);
  const envelopes = new Map<number, Envelope>();
  for (const d of tailDims) {
    const envelope = likelihoodEnvelope(engine, reg.dimensions[d], evidence.get(d)!, headClosure);
    if (envelope && envelope.bound.some((x) => x < 1)) envelopes.set(d, envelope);
  }
  const cityBound = cityEnvelope(engine, conditions);
  const tilt = envelopes.size > 0 || cityBound ? (values: Int32Array) => {
    let t = cityBound ? cityBound[values[regionDim]] : 1;
    for (const envelope of envelopes.values()) t *= envelopeAt(envelope, values);
    return t;
  } : undefined;
  // These dimensions were enumerated within budget above; the tilt only reweights (or prunes) the leaves.
  const head = headDims.length > 0 ? enumerate(engine, headDims, evidence, tilt) : null;
  if (headDims.length > 0 && !head) throw new PersonagenError('INTERNAL', 'the enumerated head outgrew its budget');
  return { head, tailDims, envelopes, cityBound };
}

/**
 * The order a try samples the tail in: conditions with the smallest closure first, each preceded by the part of its
 * closure not yet sampled (a valid topological order), so a try that fails a cheap condition stops before sampling
 * the closure of an expensive one. String conditions come last.
 */
function tailOrder(engine: Engine, tailDims: readonly number[], stringDims: readonly number[], inHead: ReadonlySet<number>): number[] {
  const reg = engine.registry;
  const rank = new Map(reg.order.map((d, i) => [d, i]));
  const order: number[] = [];
  const placed = new Set(inHead);
  const byClosure = [...tailDims].sort((a, b) => reg.closures[a].length - reg.closures[b].length || a - b);
  for (const target of [...byClosure, ...stringDims]) {
    const missing = reg.closures[target].filter((d) => !placed.has(d) && reg.dimensions[d].kind !== 'string');
    missing.sort((a, b) => rank.get(a)! - rank.get(b)!);
    for (const d of missing) { order.push(d); placed.add(d); }
  }
  return order;
}

/** Human-readable conditions, for error messages. */
function describe(c: Conditions, only?: readonly string[]): string[] {
  const keep = (id: string) => !only || only.includes(id);
  return [
    ...[...c.values].filter(([id]) => keep(id)).map(([id, v]) => `${id} in [${v.join(', ')}]`),
    ...[...c.ranges].filter(([id]) => keep(id)).map(([id, r]) => {
      const name = id === 'income' ? 'income amount' : id;
      if (r.gte === Number.NEGATIVE_INFINITY) return `${name} <= ${r.lte}`;
      return r.lte === Number.POSITIVE_INFINITY ? `${name} >= ${r.gte}` : `${name} between ${r.gte} and ${r.lte}`;
    }),
    ...[...c.strings].filter(([id]) => keep(id)).map(([id, s]) => `${id} = "${s}"`),
  ];
}

function pick(c: Conditions, ids: readonly string[]): Conditions {
  const has = ([k]: [string, unknown]) => ids.includes(k);
  return { values: new Map([...c.values].filter(has)), ranges: new Map([...c.ranges].filter(has)), strings: new Map([...c.strings].filter(has)) };
}

/** Probability zero, by structural zeros or by exact enumeration. */
function impossible(engine: Engine, c: Conditions): boolean {
  const evidence = compileEvidence(engine, c);
  if (!conditionsPossible(engine, evidence) || !namesPossible(engine, c)) return true;
  const dims = [...evidence.keys()];
  if (dims.some((d) => engine.registry.closures[d].length > HEAD_CLOSURE_MAX)) return false;
  const head = enumerate(engine, dims, evidence);
  return head !== null && head.probability === 0;
}

/** Throws UNSATISFIABLE_CONDITIONS naming the smallest conflicting set found (one condition, then pairs). */
function unsatisfiable(engine: Engine, conditions: Conditions): never {
  const ids = [...new Set([...conditions.values.keys(), ...conditions.ranges.keys(), ...conditions.strings.keys()])];
  let conflict = ids.filter((id) => impossible(engine, pick(conditions, [id])));
  if (conflict.length === 0) {
    outer: for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        if (impossible(engine, pick(conditions, [ids[i], ids[j]]))) { conflict = [ids[i], ids[j]]; break outer; }
      }
    }
  }
  if (conflict.length === 0) conflict = ids;
  const covered = engine.registry.coveredCountries.join(', ');
  throw new PersonagenError(
    'UNSATISFIABLE_CONDITIONS',
    `no persona can satisfy ${describe(conditions, conflict).join(' and ')} (probability zero under the maps and their rules; countries covered: ${covered})`,
    { dimensions: conflict },
  );
}

/** Per region, the largest probability of the conditioned city over the urbanicity classes (undefined without one). */
function cityEnvelope(engine: Engine, conditions: Conditions): Float64Array | undefined {
  const city = conditions.strings.get('city');
  if (city === undefined || !engine.cities) return undefined;
  const regions = engine.dim('region').values;
  return Float64Array.from(regions, (r) => Math.max(...URBANICITY_CLASSES.map((c) => cityShare(engine.cities!, r, c, city))));
}

const firstNameSets = new WeakMap<object, Set<string>>();
/** A first name that is in no name table can never be drawn (compared without case, as the condition is). */
function namesPossible(engine: Engine, conditions: Conditions): boolean {
  const first = conditions.strings.get('firstName');
  if (first === undefined || !engine.names) return true;
  let known = firstNameSets.get(engine.names);
  if (!known) {
    known = new Set([...engine.names.first.values()].flatMap((t) => t.names.map((n) => n.toLocaleLowerCase('en'))));
    firstNameSets.set(engine.names, known);
  }
  return known.has(first.toLocaleLowerCase('en'));
}

/**
 * Enumerates the exact joint posterior over the ancestor closure of `dims` given their evidence, or returns null
 * when the closure has too many combinations (NODE_BUDGET). `tilt` weighs each complete head (an envelope of
 * the likelihood of conditions left to the tail).
 */
export function enumerate(engine: Engine, dims: readonly number[], evidence: ReadonlyMap<number, Evidence>, tilt?: (values: Int32Array) => number): HeadPlan | null {
  const reg = engine.registry;
  const n = reg.dimensions.length;
  const countryDim = engine.dim('countryOfResidence').index;
  const closure = new Set(ancestorClosure(reg.dimensions.map((d) => d.parents), dims));
  const order = reg.order.filter((d) => closure.has(d));
  const position = new Int32Array(n).fill(-1);
  order.forEach((d, i) => { position[d] = i; });
  const used = new Set(dims);

  const values = new Int32Array(n).fill(-1);
  const scratch = order.map((d) => new Float64Array(reg.dimensions[d].values.length));
  let nodes = 0;
  const build = (depth: number): { node: PlanNode; mass: number } | null => {
    if (++nodes > NODE_BUDGET) return null;
    if (depth === order.length) return { node: { values: new Int32Array(0), cumulative: new Float64Array(0), children: [] }, mass: tilt ? tilt(values) : 1 };
    const d = order[depth];
    const dim = reg.dimensions[d];
    const w = scratch[depth];
    const total = conditionalWeights(dim, values, w);
    const keep: number[] = [];
    const cum: number[] = [];
    const children: PlanNode[] = [];
    let mass = 0;
    if (total > 0) {
      const e = used.has(d) ? evidence.get(d) : undefined;
      const k = w.length;
      for (let v = 0; v < k; v++) {
        let p = w[v] / total;
        if (e) p *= likelihood(e, values, v, countryDim, k);
        if (p <= 0) continue;
        values[d] = v;
        const child = build(depth + 1);
        values[d] = -1;
        if (!child) return null;
        if (child.mass <= 0) continue;
        mass += p * child.mass;
        keep.push(v);
        cum.push(mass);
        children.push(child.node);
      }
    }
    return { node: { values: Int32Array.from(keep), cumulative: Float64Array.from(cum), children }, mass };
  };
  const built = build(0);
  if (!built) return null;
  return { order, position, root: built.node, nodes, probability: built.mass };
}
