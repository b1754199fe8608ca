import type { CompiledFactor } from './compileModel.js';
import type { Engine } from './Engine.js';
import type { Evidence } from './evidence.js';
import type { Dimension } from './registry.js';

/**
 * Per country, an upper bound U[c] on the probability that `dim` takes one of the values a condition allows, over
 * every combination of its other parents: P(dim in S | parents) <= U[country]. Rejection can then draw the country
 * in proportion to U (as part of the exact head) and accept with P(S | parents) / U, which stays exact (an envelope)
 * and needs far fewer tries when a condition is rare in most countries or capped everywhere (Hindi speakers, doctorates).
 *
 * The bound uses the log-linear form P(v | parents) = prod_i g_i(v) / sum_u prod_i g_i(u): for u outside S and s in
 * S, prod_i g_i(u) / g_i(s) is at least the product over factors of the smallest ratio in any row where s is
 * possible, so P(S) <= 1 / (1 + sum_u min_s prod_i minRatio_i(u, s) / |S|). Values a rule may mask count as zero
 * (unless the rule masks all of S too, which makes P(S) zero there).
 * Conditions with fractional likelihoods (ranges) and linear pools get U = 1 (no bound). O(rows x values) per factor.
 *
 * @example
 *   likelihoodEnvelope(engine, engine.dim('otherLanguages.hindi'), evidence)[indexOf('JP')] // far below 1
 */
export function likelihoodEnvelope(engine: Engine, dim: Dimension, e: Evidence): Float64Array {
  const reg = engine.registry;
  const countryDim = engine.dim('countryOfResidence');
  const countries = countryDim.values.length;
  const k = dim.values.length;
  const none = new Float64Array(countries).fill(1);
  if (dim.model.pool !== 'logLinear' || e.byCountry || dim.model.product.length === 0) return none;
  const allowed: number[] = [];
  for (let v = 0; v < k; v++) {
    if (e.lik[v] === 1) allowed.push(v);
    else if (e.lik[v] !== 0) return none;
  }
  if (allowed.length === 0 || allowed.length === k) return none;
  const masked = new Uint8Array(k);
  for (const rule of dim.runtimeRules) for (let v = 0; v < k; v++) if (rule.keep[v] === 0) masked[v] = 1;
  // A rule that also masks every allowed value only applies where P(S) = 0, which cannot be the maximum.
  const maskable = new Uint8Array(k);
  for (const rule of dim.runtimeRules) {
    if (!allowed.some((v) => rule.keep[v] === 1)) continue;
    for (let v = 0; v < k; v++) if (rule.keep[v] === 0) maskable[v] = 1;
  }
  const regionDim = reg.byId.get('region');
  const countryOfRegion = regionDim ? Int32Array.from(regionDim.values, (_, r) => countryDim.valueIndex.get(reg.regionCountry[r]) ?? -1) : new Int32Array(0);

  const out = new Float64Array(countries);
  for (let c = 0; c < countries; c++) {
    // prodMin[u * k + s]: product over factors of the smallest g(u) / g(s) in the rows of country c (Infinity:
    // s is never possible there, so it adds nothing to P(S)).
    const prodMin = new Float64Array(k * k).fill(1);
    // canVanish[u]: some table or rule can give u zero weight in this country.
    const canVanish = Uint8Array.from(masked);
    for (const factor of dim.model.product) {
      const rows = rowsOfCountry(factor, k, c, countryDim.index, regionDim?.index ?? -1, countryOfRegion, reg);
      for (const r of rows) for (let u = 0; u < k; u++) if (factor.rows[r * k + u] === 0) canVanish[u] = 1;
      const min = minRatios(factor, rows, k, allowed);
      for (let i = 0; i < prodMin.length; i++) prodMin[i] = prodMin[i] === Number.POSITIVE_INFINITY || min[i] === Number.POSITIVE_INFINITY ? Number.POSITIVE_INFINITY : prodMin[i] * min[i];
    }
    // Where the product vanishes for every value, the sampler falls back to the country's (biased) head row times the
    // rules (conditionalWeights): where that can happen, bound that distribution too.
    const head = dim.model.factors[0];
    const fallback = !canVanish.every((x) => x === 1) ? 0 : head.by.length === 1 ? bound(minRatios(head, [c], k, allowed), k, allowed, e, maskable) : 1;
    out[c] = Math.max(bound(prodMin, k, allowed, e, maskable), fallback);
  }
  return out;
}

/** 1 / (1 + sum over u outside S of min over possible s of ratio(u, s) / |possible S|); 0 when no s is possible. */
function bound(ratios: Float64Array, k: number, allowed: readonly number[], e: Evidence, maskable: Uint8Array): number {
  const possible = allowed.filter((s) => ratios[s * k + s] !== Number.POSITIVE_INFINITY);
  if (possible.length === 0) return 0;
  let rest = 0;
  for (let u = 0; u < k; u++) {
    if (e.lik[u] === 1 || maskable[u]) continue;
    let best = Number.POSITIVE_INFINITY;
    for (const s of possible) best = Math.min(best, ratios[u * k + s]);
    rest += best;
  }
  return 1 / (1 + rest / possible.length);
}

/** The row numbers of a factor that belong to country c (all rows when it is keyed by neither country nor region). */
function rowsOfCountry(
  factor: CompiledFactor, k: number, c: number, country: number, region: number, countryOfRegion: Int32Array, reg: Engine['registry'],
): number[] {
  const rowCount = factor.rows.length / k;
  const ci = factor.by.indexOf(country);
  const ri = factor.by.indexOf(region);
  const value = (r: number, i: number) => Math.floor(r / factor.strides[i]) % reg.dimensions[factor.by[i]].values.length;
  const rows: number[] = [];
  for (let r = 0; r < rowCount; r++) {
    if (ci >= 0 && value(r, ci) !== c) continue;
    if (ri >= 0 && countryOfRegion[value(r, ri)] !== c) continue;
    rows.push(r);
  }
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
