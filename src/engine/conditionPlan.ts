import { ancestorClosure } from './dag.js';
import { conditionalWeights } from './conditionalWeights.js';
import type { Engine } from './Engine.js';
import { integerBinShare, type NumericRange } from './realise.js';
import { PersonagenError } from './PersonagenError.js';

/** Conditions on dimensions, already validated: allowed value ids and numeric ranges on realised values. */
export interface Conditions {
  readonly values: ReadonlyMap<string, readonly string[]>;
  readonly ranges: ReadonlyMap<string, NumericRange>;
}

/** One node of the exact posterior tree: the values of the next dimension and their cumulative posterior mass. */
export interface PlanNode {
  readonly values: Int32Array;
  readonly cumulative: Float64Array;
  readonly children: PlanNode[];
}

/**
 * An exact plan for sampling under conditions: the joint posterior over the ancestor closure of the conditioned
 * dimensions, enumerated as a prefix tree in topological order. Each dimension of the closure is then drawn from
 * its exact conditional P(d | earlier closure values, conditions) with its own random stream, so fixing a
 * descendant updates its ancestors (nurses skew female) and determinism per dimension is kept.
 */
export interface ConditionPlan {
  /** The (validated, sorted) conditions this plan was built for; part of the persona address. */
  readonly conditions: Conditions;
  readonly order: readonly number[];
  /** Position of each dimension in `order`, or -1. */
  readonly position: Int32Array;
  readonly root: PlanNode;
  readonly ranges: ReadonlyMap<number, NumericRange>;
  /** Probability of the conditions under the maps. */
  readonly probability: number;
}

const NODE_BUDGET = 250_000;

/**
 * Builds (enumerates) the plan for a set of conditions. Fails fast with UNSATISFIABLE_CONDITIONS naming the
 * conflicting dimensions when the conditions have probability zero.
 *
 * @example
 *   planConditions(engine, { values: new Map([['sex', ['female']]]), ranges: new Map([['age', { gte: 25, lte: 34 }]]) })
 */
export function planConditions(engine: Engine, conditions: Conditions): ConditionPlan {
  const plan = enumerate(engine, conditions);
  if (plan.probability > 0) return plan;
  const ids = [...new Set([...conditions.values.keys(), ...conditions.ranges.keys()])];
  const alone = (id: string) => enumerate(engine, pick(conditions, [id])).probability === 0;
  let conflict = ids.filter(alone);
  if (conflict.length === 0) {
    outer: for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        if (enumerate(engine, pick(conditions, [ids[i], ids[j]])).probability === 0) { conflict = [ids[i], ids[j]]; break outer; }
      }
    }
  }
  if (conflict.length === 0) conflict = ids;
  const describe = conflict.map((id) => {
    const v = conditions.values.get(id);
    const r = conditions.ranges.get(id);
    return v ? `${id} in [${v.join(', ')}]` : `${id} between ${r!.gte} and ${r!.lte}`;
  });
  const covered = engine.registry.coveredCountries.join(', ');
  throw new PersonagenError(
    'UNSATISFIABLE_CONDITIONS',
    `no persona can satisfy ${describe.join(' and ')} (probability zero under the maps; countries covered: ${covered})`,
    { dimensions: conflict },
  );
}

function pick(c: Conditions, ids: string[]): Conditions {
  return {
    values: new Map([...c.values].filter(([k]) => ids.includes(k))),
    ranges: new Map([...c.ranges].filter(([k]) => ids.includes(k))),
  };
}

function enumerate(engine: Engine, conditions: Conditions): ConditionPlan {
  const reg = engine.registry;
  const n = reg.dimensions.length;
  const allowed = new Map<number, Uint8Array>();
  const likelihood = new Map<number, Float64Array>();
  const ranges = new Map<number, NumericRange>();
  for (const [id, list] of conditions.values) {
    const d = engine.dim(id);
    const mask = new Uint8Array(d.values.length);
    for (const v of list) mask[d.valueIndex.get(v)!] = 1;
    allowed.set(d.index, mask);
  }
  for (const [id, range] of conditions.ranges) {
    const d = engine.dim(id);
    const spec = engine.spec(id, 'integer');
    if (!spec) throw new PersonagenError('BAD_USER_INPUT', `dimension "${id}" has no numeric realisation to filter on`);
    likelihood.set(d.index, Float64Array.from(d.values, (bin) => integerBinShare(spec, bin, range)));
    ranges.set(d.index, range);
  }
  const conditioned = [...new Set([...allowed.keys(), ...likelihood.keys()])];
  const closure = ancestorClosure(reg.dimensions.map((d) => d.parents), conditioned);
  const inClosure = new Set(closure);
  const order = reg.order.filter((d) => inClosure.has(d));
  const position = new Int32Array(n).fill(-1);
  order.forEach((d, i) => { position[d] = i; });

  const values = new Int32Array(n).fill(-1);
  const scratch = order.map((d) => new Float64Array(reg.dimensions[d].values.length));
  let nodes = 0;
  const build = (depth: number): { node: PlanNode; mass: number } => {
    if (++nodes > NODE_BUDGET) {
      throw new PersonagenError('CONDITIONS_TOO_COMPLEX', `conditions on ${conditioned.map((d) => reg.dimensions[d].id).join(', ')} span too many combinations of their ancestors to enumerate exactly`);
    }
    if (depth === order.length) return { node: { values: new Int32Array(0), cumulative: new Float64Array(0), children: [] }, mass: 1 };
    const d = order[depth];
    const dim = reg.dimensions[d];
    const w = scratch[depth];
    const total = conditionalWeights(dim, values, w);
    const keep: number[] = [];
    const cum: number[] = [];
    const children: PlanNode[] = [];
    let mass = 0;
    if (total > 0) {
      const mask = allowed.get(d);
      const lik = likelihood.get(d);
      const probs = Float64Array.from(w, (x) => x / total);
      for (let v = 0; v < probs.length; v++) {
        let p = probs[v];
        if (mask && !mask[v]) p = 0;
        if (lik) p *= lik[v];
        if (p <= 0) continue;
        values[d] = v;
        const child = build(depth + 1);
        values[d] = -1;
        if (child.mass <= 0) continue;
        mass += p * child.mass;
        keep.push(v);
        cum.push(mass);
        children.push(child.node);
      }
    }
    return { node: { values: Int32Array.from(keep), cumulative: Float64Array.from(cum), children }, mass };
  };
  const { node, mass } = build(0);
  return { conditions, order, position, root: node, ranges, probability: mass };
}
