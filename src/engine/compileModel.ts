import { compileTable, type CompiledTable, type ValueSpace } from './compileTable.js';
import type { DimensionMap } from './mapSchema.js';
import { PersonagenError } from './PersonagenError.js';

/** One factor of the run-time combination: dense rows over `by`, every row filled. */
export interface CompiledFactor {
  readonly by: readonly number[];
  readonly strides: readonly number[];
  readonly rows: Float64Array;
}

/** A dimension's probability model as the sampler uses it (see combinationSchema for the formulas). */
export interface CompiledModel {
  readonly pool: 'logLinear' | 'linear';
  /**
   * factors[0] is keyed by country: exp(bias) · T^targetWeight (log-linear) or exp(bias) masked by T > 0 (linear).
   * The others are the conditionals: rows raised to their weight (log-linear) or as they are (linear).
   */
  readonly factors: readonly CompiledFactor[];
  /**
   * Log-linear pool: the same product as `factors`, multiplied into fewer tables by the registry (mergeFactors),
   * which then keeps only the head in `factors`.
   */
  readonly product: readonly CompiledFactor[];
  /** Linear pool: the weight of factors[i] (index 0 unused). */
  readonly mix: Float64Array;
  /** The raw tables, for the pipeline and the map checks (a serving registry keeps the target only). */
  readonly target: CompiledTable;
  readonly conditionals: readonly CompiledTable[];
}

/**
 * Compiles the target, conditionals and fitted combination of one dimension map. Value v is a structural zero in
 * country c when the target gives it 0 there. A conditional without a row for some parent values stands in with
 * the country's target row (it carries no information beyond the target).
 *
 * @example
 *   const model = compileModel(map, spaces[smoking], spaces, indexOf, 'maps/dimensions/smoking.json');
 */
export function compileModel(
  map: DimensionMap,
  self: ValueSpace,
  spaces: readonly ValueSpace[],
  indexOf: ReadonlyMap<string, number>,
  file: string,
): CompiledModel {
  const k = self.values.length;
  const country = spaces[indexOf.get('countryOfResidence')!];
  const targetBy = map.target.by.length === 0 ? [] : [country];
  const target = compileTable(map.target.rows, self, targetBy, `${file}: target`);
  const conditionals = map.conditionals.map((c, ci) => {
    const given = c.given.map((g, gi) => {
      const j = indexOf.get(g);
      if (j === undefined || g === 'countryOfResidence') throw new PersonagenError('MAP_INVALID', `${file}: conditionals[${ci}].given[${gi}]: "${g}" is not a parent dimension`);
      return spaces[j];
    });
    return compileTable(c.rows, self, [country, ...given], `${file}: conditionals[${ci}]`);
  });
  const { pool, targetWeight, weights, bias } = map.combination;

  for (const key of Object.keys(bias)) {
    if (!country.valueIndex.has(key)) throw new PersonagenError('MAP_INVALID', `${file}: combination.bias.${key}: not a country`);
    for (const v of Object.keys(bias[key])) if (!self.valueIndex.has(v)) throw new PersonagenError('MAP_INVALID', `${file}: combination.bias.${key}.${v}: not a value of ${self.id}`);
  }

  const head = new Float64Array(target.rows.length);
  const countryRows = targetBy.length === 0 ? 1 : country.values.length;
  for (let c = 0; c < countryRows; c++) {
    const b = targetBy.length === 0 ? undefined : bias[country.values[c]];
    for (let v = 0; v < k; v++) {
      const t = target.rows[c * k + v];
      if (t === 0) continue;
      const e = b?.[self.values[v]] ?? 0;
      head[c * k + v] = Math.exp(e) * (pool === 'logLinear' ? Math.pow(t, targetWeight) : 1);
    }
  }

  const factors: CompiledFactor[] = [{ by: target.by, strides: target.strides, rows: head }];
  const mix = new Float64Array(conditionals.length + 1);
  conditionals.forEach((table, ci) => {
    const w = weights[ci];
    if (w === 0) return; // contributes nothing in either pool
    const rows = new Float64Array(table.rows.length);
    const rowCount = table.present.length;
    // Many rows repeat one key's distribution (wildcard keys) or the country target: raise each distinct one once.
    const done = new Map<string, number>();
    for (let r = 0; r < rowCount; r++) {
      // The country is the first key of every conditional: its index is the row divided by its stride.
      const country = Math.floor(r / table.strides[0]);
      const key = table.present[r] ? table.rowKeys[r]! : `\u0000target:${country}`;
      const seen = done.get(key);
      if (seen !== undefined) {
        rows.copyWithin(r * k, seen * k, seen * k + k);
        continue;
      }
      done.set(key, r);
      const source = table.present[r] ? table.rows : target.rows;
      const at = table.present[r] ? r * k : country * k;
      for (let v = 0; v < k; v++) {
        const p = source[at + v];
        rows[r * k + v] = pool === 'logLinear' ? (p === 0 ? 0 : Math.pow(p, w)) : p;
      }
    }
    mix[factors.length] = w;
    factors.push({ by: table.by, strides: table.strides, rows });
  });
  return { pool, factors, product: factors, mix, target, conditionals };
}
