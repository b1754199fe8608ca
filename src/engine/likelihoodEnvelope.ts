import type { CompiledFactor } from './compileModel.js';
import type { Engine } from './Engine.js';
import type { Evidence } from './evidence.js';
import type { CompiledRule, Dimension } from './registry.js';

/** An upper bound on P(condition | parents) for each combination of values of `dims` (the country first). */
export interface Envelope {
  readonly dims: readonly number[];
  readonly radix: Int32Array;
  readonly bound: Float64Array;
}

/** Most combinations of key values one envelope tabulates; key dimensions past it are left out (looser, still valid). */
const MAX_COMBINATIONS = 2048;

/**
 * The envelope's bound for a persona whose key dimensions are sampled.
 *
 * @example
 *   envelopeAt(envelope, values) // <= 1
 */
export function envelopeAt(envelope: Envelope, values: Int32Array): number {
  let key = 0;
  for (let i = 0; i < envelope.dims.length; i++) key = key * envelope.radix[i] + values[envelope.dims[i]];
  return envelope.bound[key];
}

/**
 * An upper bound on the probability that `dim` takes a value the condition allows, over every value of its parents
 * other than `keyDims` (whose values it is tabulated by; the country is always one): U(key) >= P(S | parents).
 * Rejection draws the key dimensions (in the exact head) in proportion to U and accepts with P(S | parents) / U,
 * which stays exact (an envelope) and needs far fewer tries where a condition is rare for most keys or capped
 * everywhere: a doctorate is impossible at 18-24, Hindi rare outside India.
 *
 * The bound uses the log-linear form P(v | parents) = prod_i g_i(v) / sum_u prod_i g_i(u): for u outside S and s in
 * S, prod_i g_i(u) / g_i(s) is at least the product over factors of the smallest ratio in the factor's rows that
 * agree with the key and where s is possible, so P(S) <= 1 / (1 + sum_u min_s prod_i minRatio_i(u, s) / |S|).
 * Rules that surely apply for the key mask their values; rules that may apply count their values as zero (unless
 * they mask all of S, which makes P(S) zero there); the fallback to the head row (conditionalWeights) is bounded
 * too where every value can vanish. Returns null (no bound) for fractional likelihoods (ranges) and linear pools.
 *
 * @example
 *   likelihoodEnvelope(engine, engine.dim('educationLevel'), evidence, [country, age, sex])
 */
export function likelihoodEnvelope(engine: Engine, dim: Dimension, e: Evidence, keyDims: readonly number[]): Envelope | null {
  const reg = engine.registry;
  const k = dim.values.length;
  if (dim.model.pool !== 'logLinear' || e.byCountry || dim.model.product.length === 0) return null;
  const allowed: number[] = [];
  for (let v = 0; v < k; v++) {
    if (e.lik[v] === 1) allowed.push(v);
    else if (e.lik[v] !== 0) return null;
  }
  if (allowed.length === 0 || allowed.length === k) return null;
  const country = reg.byId.get('countryOfResidence')!.index;
  const region = reg.byId.get('region')?.index ?? -1;
  const regionsOf: number[][] = reg.dimensions[country].values.map(() => []);
  if (region >= 0) reg.regionCountry.forEach((c, r) => regionsOf[reg.dimensions[country].valueIndex.get(c)!]?.push(r));

  const dims: number[] = [country];
  let combinations = reg.dimensions[country].values.length;
  for (const d of keyDims) {
    if (dims.includes(d) || !dim.parents.includes(d)) continue;
    const n = reg.dimensions[d].values.length;
    if (combinations * n > MAX_COMBINATIONS) continue;
    dims.push(d);
    combinations *= n;
  }
  const radix = Int32Array.from(dims, (d) => reg.dimensions[d].values.length);
  const bound = new Float64Array(combinations);
  const values = new Int32Array(reg.dimensions.length).fill(-1);
  for (let key = 0; key < combinations; key++) {
    let rem = key;
    for (let i = dims.length - 1; i >= 0; i--) { values[dims[i]] = rem % radix[i]; rem = Math.floor(rem / radix[i]); }
    bound[key] = boundAt(dim, k, allowed, values, country, region, regionsOf);
  }
  return { dims, radix, bound };
}

/** The bound for one assignment of the key dimensions (-1 elsewhere in `values`). */
function boundAt(dim: Dimension, k: number, allowed: readonly number[], values: Int32Array, country: number, region: number, regionsOf: readonly number[][]): number {
  const sure = new Uint8Array(k);
  const maybe = new Uint8Array(k);
  for (const rule of dim.runtimeRules) {
    const status = ruleStatus(rule, values);
    if (status === 'never') continue;
    const target = status === 'always' ? sure : maybe;
    for (let v = 0; v < k; v++) if (rule.keep[v] === 0) target[v] = 1;
  }
  const possibleS = allowed.filter((s) => !sure[s]);
  if (possibleS.length === 0) return 0;
  // A rule that may apply and masks every allowed value only applies where P(S) = 0: not where the maximum lies.
  const maskable = Uint8Array.from(sure);
  for (const rule of dim.runtimeRules) {
    if (ruleStatus(rule, values) !== 'maybe' || !possibleS.some((v) => rule.keep[v] === 1)) continue;
    for (let v = 0; v < k; v++) if (rule.keep[v] === 0) maskable[v] = 1;
  }
  const canVanish = Uint8Array.from(sure, (x, v) => x | maybe[v]);
  const prodMin = new Float64Array(k * k).fill(1);
  for (const factor of dim.model.product) {
    const rows = matchingRows(factor, k, values, country, region, regionsOf);
    for (const r of rows) for (let u = 0; u < k; u++) if (factor.rows[r * k + u] === 0) canVanish[u] = 1;
    const min = minRatios(factor, rows, k, possibleS);
    for (let i = 0; i < prodMin.length; i++) {
      prodMin[i] = prodMin[i] === Number.POSITIVE_INFINITY || min[i] === Number.POSITIVE_INFINITY ? Number.POSITIVE_INFINITY : prodMin[i] * min[i];
    }
  }
  const main = ratioBound(prodMin, k, possibleS, allowed, maskable);
  if (!canVanish.every((x) => x === 1)) return main;
  // Where the product may vanish for every value, the sampler falls back to the country's head row times the rules.
  const head = dim.model.factors[0];
  if (head.by.length !== 1) return 1;
  return Math.max(main, ratioBound(minRatios(head, [values[country]], k, possibleS), k, possibleS, allowed, maskable));
}

/** Whether a rule's conditions surely fail, surely hold or may hold, given the assigned values (-1 = free). */
function ruleStatus(rule: CompiledRule, values: Int32Array): 'never' | 'always' | 'maybe' {
  let sure = true;
  for (const cond of rule.conditions) {
    const a = values[cond.dim];
    const b = 'other' in cond ? values[cond.other] : 0;
    if (a < 0 || b < 0) { sure = false; continue; }
    const holds = 'allowed' in cond ? cond.allowed[a] === 1 : (cond.equal[a * cond.otherCount + b] === 1) === cond.same;
    if (!holds) return 'never';
  }
  return sure ? 'always' : 'maybe';
}

/** 1 / (1 + sum over u outside S of min over possible s of ratio(u, s) / |possible S|); 0 when no s is possible. */
function ratioBound(ratios: Float64Array, k: number, candidates: readonly number[], allowed: readonly number[], maskable: Uint8Array): number {
  const possible = candidates.filter((s) => ratios[s * k + s] !== Number.POSITIVE_INFINITY);
  if (possible.length === 0) return 0;
  let rest = 0;
  for (let u = 0; u < k; u++) {
    if (allowed.includes(u) || maskable[u]) continue;
    let best = Number.POSITIVE_INFINITY;
    for (const s of possible) best = Math.min(best, ratios[u * k + s]);
    rest += best;
  }
  return 1 / (1 + rest / possible.length);
}

/** The rows of a factor that agree with the assigned values (a free region ranges over the assigned country's). */
function matchingRows(factor: CompiledFactor, k: number, values: Int32Array, country: number, region: number, regionsOf: readonly number[][]): number[] {
  const rowCount = factor.rows.length / k;
  let rows = [0];
  factor.by.forEach((d, i) => {
    const card = i === 0 ? rowCount / factor.strides[0] : factor.strides[i - 1] / factor.strides[i];
    const choices = values[d] >= 0 ? [values[d]] : d === region ? regionsOf[values[country]] : Array.from({ length: card }, (_, v) => v);
    rows = rows.flatMap((r) => choices.map((v) => r + v * factor.strides[i]));
  });
  return rows;
}

/** For each (u, s): the smallest g(u) / g(s) over the rows where g(s) > 0 (Infinity where there is none). */
function minRatios(factor: CompiledFactor, rows: readonly number[], k: number, allowed: readonly number[]): Float64Array {
  const min = new Float64Array(k * k).fill(Number.POSITIVE_INFINITY);
  for (const r of rows) {
    const base = r * k;
    for (const s of allowed) {
      const gs = factor.rows[base + s];
      if (!(gs > 0)) continue;
      for (let u = 0; u < k; u++) {
        const ratio = factor.rows[base + u] / gs;
        if (ratio < min[u * k + s]) min[u * k + s] = ratio;
      }
    }
  }
  return min;
}
