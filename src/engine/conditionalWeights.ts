import { applyRules } from './applyRules.js';
import type { ItemGroup } from './itemGroups.js';
import type { Dimension } from './registry.js';

/**
 * Writes P(d = v | parents) (unnormalised) into `out` for the parent values in `values` (indexed by dimension),
 * and returns the total mass: the compiled combination of docs/maps.md (log-linear or linear pool of the target and
 * the conditionals, with the calibrated country bias) times the rule masks. Where the tables contradict each other
 * for these parents (every value the rules allow gets a zero from some table), the target alone stands in, exactly
 * as the map pipeline calibrated it (pipeline/combine/groupBase.ts). Hot path: plain loops over the typed arrays of
 * the dimension's DrawModel, no allocation.
 *
 * @example
 *   const out = new Float64Array(dim.values.length);
 *   const mass = conditionalWeights(dim, values, out); // out[v] / mass is the probability of value v
 */
export function conditionalWeights(dim: Dimension, values: Int32Array, out: Float64Array): number {
  const draw = dim.draw;
  const base = multiplyOut(draw.code, draw.tables, draw.linear, draw.mix, values, out, draw.offset, draw.k, draw.k);
  return finishWeights(dim, values, out, base + draw.offset);
}

/**
 * The second half of conditionalWeights, for weights already multiplied out: applies the rule masks and falls back
 * to the head row (at `headRow` of the dimension's first table) where the tables contradict each other.
 *
 * @example
 *   const mass = finishWeights(dim, values, out, headRow);
 */
export function finishWeights(dim: Dimension, values: Int32Array, out: Float64Array, headRow: number): number {
  const k = dim.draw.k;
  if (dim.runtimeRules.length > 0) applyRules(dim, values, out);
  let mass = 0;
  for (let v = 0; v < k; v++) mass += out[v];
  if (mass > 0) return mass;
  const head = dim.draw.tables[0];
  for (let v = 0; v < k; v++) out[v] = head[headRow + v];
  applyRules(dim, values, out);
  for (let v = 0; v < k; v++) mass += out[v];
  return mass;
}

/**
 * The multiplied-out weights of every item of an interleaved group at once (out[j × k + v] for item j), before
 * rules: one pass over each shared table row instead of one per item, with the same operations in the same order as
 * conditionalWeights, so each item's weights are bit for bit the same. Returns the head row of item 0 (item j's is
 * that plus j × k), for finishWeights.
 *
 * @example
 *   const head = groupWeights(group, values, out); finishWeights(itemDim, values, slice, head + j * 2)
 */
export function groupWeights(group: ItemGroup, values: Int32Array, out: Float64Array): number {
  const { code, tables, linear, mix, width } = group;
  return multiplyOut(code, tables, linear, mix, values, out, 0, width, width / group.items.length);
}

/**
 * The product (log-linear) or pooled mix (linear) of the tables' rows for these parent values, written to out[0 ..
 * width): one dimension's k values (width = k, at `offset` within an interleaved row), or a whole item group's
 * (width = m × k, mix[j × tables + f] weighing item j's table f). Returns the head row without the offset. Hot path:
 * plain loops over typed arrays, no allocation.
 */
function multiplyOut(
  code: Int32Array, tables: readonly Float64Array[], linear: boolean, mix: Float64Array,
  values: Int32Array, out: Float64Array, offset: number, width: number, k: number,
): number {
  let p = 1;
  let base = 0;
  for (let n = code[0]; n > 0; n--, p += 2) base += values[code[p]] * code[p + 1];
  if (linear) {
    for (let i = 0; i < width; i++) out[i] = 0;
    for (let f = 1; f < tables.length; f++) {
      let row = offset;
      for (let n = code[p++]; n > 0; n--, p += 2) row += values[code[p]] * code[p + 1];
      const rows = tables[f];
      for (let j = 0, i = 0; i < width; j++) {
        const w = mix[j * tables.length + f];
        for (let v = 0; v < k; v++, i++) out[i] += w * rows[row + i];
      }
    }
    const head = tables[0];
    for (let i = 0; i < width; i++) out[i] *= head[base + offset + i];
  } else {
    for (let f = 1; f < tables.length; f++) {
      let row = offset;
      for (let n = code[p++]; n > 0; n--, p += 2) row += values[code[p]] * code[p + 1];
      const rows = tables[f];
      if (f === 1) for (let i = 0; i < width; i++) out[i] = rows[row + i];
      else for (let i = 0; i < width; i++) out[i] *= rows[row + i];
    }
  }
  return base;
}
