import type { CompiledFactor, CompiledModel } from './compileModel.js';

/**
 * A dimension's model in the one flat shape the sampler reads: the head table (country), then the factors that
 * multiply (log-linear pool: the merged `product`) or mix (linear pool: the conditionals), each as typed arrays.
 * Hot path: every dimension's draw reads objects of this one shape with the same array kinds, so the loops in
 * conditionalWeights stay monomorphic (factors with mixed array kinds made them several times slower). Plain data,
 * so a compiled registry survives the start-up cache (v8 serialisation) unchanged.
 */
export interface DrawModel {
  readonly k: number;
  readonly linear: boolean;
  /**
   * For each table in order: its number of keys, then (dimension index, stride × row width) per key. A row is k
   * values wide, or m × k when m items of a set share interleaved tables (itemGroups.ts).
   */
  readonly code: Int32Array;
  /** Where this dimension's k values start within a row (j × k for item j of an interleaved group, else 0). */
  readonly offset: number;
  /** tables[0] is the head (keyed by country); the others are the product or the pooled conditionals. */
  readonly tables: readonly Float64Array[];
  /** Linear pool: the weight of tables[i] (index 0 unused). */
  readonly mix: Float64Array;
}

/**
 * Flattens a compiled model into a DrawModel (the arrays are shared, not copied).
 *
 * @example
 *   compileDrawModel(model, 44).code // Int32Array [1, 0, 44, 3, ...]
 */
export function compileDrawModel(model: CompiledModel, k: number): DrawModel {
  if (model.factors.length === 0) return { k, linear: false, code: new Int32Array(0), offset: 0, tables: [], mix: new Float64Array(0) };
  const linear = model.pool === 'linear';
  const factors: CompiledFactor[] = linear ? [...model.factors] : [model.factors[0], ...model.product];
  const code: number[] = [];
  for (const f of factors) {
    code.push(f.by.length);
    f.by.forEach((d, i) => code.push(d, f.strides[i] * k));
  }
  return { k, linear, code: Int32Array.from(code), offset: 0, tables: factors.map((f) => f.rows), mix: linear ? model.mix : new Float64Array(factors.length) };
}
