import { enumerate, HEAD_CLOSURE_MAX, type ConditionPlan, type PlanNode } from './conditionPlan.js';
import type { Engine } from './Engine.js';
import { Persona } from './Persona.js';
import { PersonagenError } from './PersonagenError.js';
import { seedWords } from './rng.js';

/** The distribution of one dimension under conditions. */
export interface Distribution {
  readonly dimension: string;
  /** Value (catalogue id, bin label, set item or string) and its probability; for sets, the share holding each item. */
  readonly values: readonly { value: string; probability: number; standardError: number | null }[];
  /** True when computed by exact enumeration; false when estimated from `sampleSize` weighted draws. */
  readonly exact: boolean;
  readonly sampleSize: number | null;
  /** Kish effective sample size of the weighted draws. */
  readonly effectiveSampleSize: number | null;
  /** Probability of the conditions under the maps (exact, or the plan's estimate). */
  readonly conditionsProbability: number;
  readonly conditionsProbabilityExact: boolean;
}

/** Most values listed for string dimensions (names, cities). */
const STRING_TOP = 50;
const DISTRIBUTION_SEED = seedWords('personagen:distribution');

/**
 * P(dimension = v | conditions) for every value. Exact when the dimension and the conditions lie in a small
 * ancestor closure (enumerated as for condition plans); otherwise estimated from `samples` draws: exact rejection
 * draws for enumerated conditions, likelihood-weighted tries (the plan's tail in 'weigh' mode) for sampled ones.
 * Deterministic: the same maps, conditions and sample size give the same figures.
 *
 * @example
 *   distribution(engine, service.plan({ countryOfResidence: { in: ['GB'] }, educationLevel: { in: ['isced6'] } }), 'housingTenure', 20000)
 */
export function distribution(engine: Engine, plan: ConditionPlan | null, id: string, samples: number): Distribution {
  const dim = engine.dim(id);
  if (!dim.available || dim.itemOf !== undefined) throw new PersonagenError('UNKNOWN_DIMENSION', `dimension "${id}" has no map yet`, { dimension: id });
  const conditionsProbability = plan?.probability ?? 1;
  const conditionsProbabilityExact = plan?.exact ?? true;

  const reg = engine.registry;
  const categorical = dim.kind === 'enum' || dim.kind === 'binned';
  const dims = [...(plan?.evidence.keys() ?? []), dim.index];
  if (categorical && !plan?.tail && dims.every((d) => reg.closures[d].length <= HEAD_CLOSURE_MAX && reg.dimensions[d].itemOf === undefined)) {
    const head = enumerate(engine, dims, plan?.evidence ?? new Map());
    if (head) {
      const shares = new Float64Array(dim.values.length);
      marginal(head.root, 0, 1, head.order.indexOf(dim.index), shares);
      return {
        dimension: id, exact: true, sampleSize: null, effectiveSampleSize: null, conditionsProbability, conditionsProbabilityExact,
        values: dim.values.map((value, v) => ({ value, probability: shares[v], standardError: null })),
      };
    }
  }

  if (!Number.isInteger(samples) || samples < 100 || samples > 200_000) throw new PersonagenError('BAD_USER_INPUT', `samples must be an integer from 100 to 200000, got ${samples}`);
  const weights = new Map<string, number>();
  let total = 0;
  let squares = 0;
  for (let i = 0; i < samples; i++) {
    const p = new Persona(engine, DISTRIBUTION_SEED, i, plan);
    const w = plan?.tail ? p.attempt(0, 'weigh') : 1;
    if (!(w > 0)) continue;
    total += w;
    squares += w * w;
    const observed = dim.kind === 'set' ? p.setItems(id) : [dim.kind === 'string' ? stringValue(p, id) : p.valueId(id)];
    for (const v of observed) weights.set(v, (weights.get(v) ?? 0) + w);
  }
  if (!(total > 0)) {
    throw new PersonagenError('CONDITIONS_TOO_RARE', `none of ${samples} weighted draws met the conditions; widen them`, { estimatedProbability: conditionsProbability, upperBound: false });
  }
  const ess = (total * total) / squares;
  const listed = dim.kind === 'string'
    ? [...weights.keys()].sort((a, b) => weights.get(b)! - weights.get(a)! || (a < b ? -1 : 1)).slice(0, STRING_TOP)
    : dim.items ?? dim.values;
  return {
    dimension: id, exact: false, sampleSize: samples, effectiveSampleSize: ess, conditionsProbability, conditionsProbabilityExact,
    values: listed.map((value) => {
      const probability = (weights.get(value) ?? 0) / total;
      return { value, probability, standardError: Math.sqrt((probability * (1 - probability)) / ess) };
    }),
  };
}

function stringValue(p: Persona, id: string): string {
  switch (id) {
    case 'firstName': return p.firstName();
    case 'lastName': return p.lastName();
    case 'city': return p.city();
    default: throw new PersonagenError('BAD_USER_INPUT', `no distribution for the generated string "${id}"`, { dimension: id });
  }
}

/** Adds the posterior share of each value of the dimension at `depth` of an enumerated tree into `shares`. */
function marginal(node: PlanNode, depth: number, share: number, target: number, shares: Float64Array): void {
  const c = node.cumulative;
  const mass = c[c.length - 1];
  for (let i = 0; i < c.length; i++) {
    const part = (share * (c[i] - (i === 0 ? 0 : c[i - 1]))) / mass;
    if (depth === target) shares[node.values[i]] += part;
    else marginal(node.children[i], depth + 1, part, target, shares);
  }
}
