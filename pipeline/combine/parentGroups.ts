import { applyRules } from '../../src/engine/applyRules.js';
import { rowOf } from '../../src/engine/compileTable.js';
import type { Dimension } from '../../src/engine/registry.js';
import type { Population } from './population.js';

/**
 * The distinct situations a dimension is sampled in: personas of a population grouped by the rows they hit in the
 * dimension's target and conditional tables and by the rule mask that applies to them. Evaluating a combination
 * over groups (weighted by their counts) instead of personas is exact and much cheaper.
 */
export interface ParentGroups {
  readonly size: number;
  readonly k: number;
  /** Position of the group's country in population.countries. */
  readonly country: Int32Array;
  readonly count: Float64Array;
  /** rows[0]: target row; rows[t] (t >= 1): row of conditional t-1, or -1 when that table has no row for it. */
  readonly rows: Int32Array[];
  /** size x k: 1 where the rules allow the value. */
  readonly allowed: Uint8Array;
}

/**
 * Groups the first `limit` personas of each country of `pop` by the table rows and rule mask of `dim`.
 *
 * @example
 *   const groups = parentGroups(pop, registry.byId.get('smoking')!, 20_000);
 */
export function parentGroups(pop: Population, dim: Dimension, limit = pop.size): ParentGroups {
  const k = dim.values.length;
  const tables = [dim.model.target, ...dim.model.conditionals];
  const inputs = dim.parents; // tables and rules only read parents (the country is one)
  const values = new Int32Array(pop.columns[0].length);
  const mask = new Float64Array(k);
  const ids = new Map<string, number>();
  const country: number[] = [];
  const count: number[] = [];
  const rows: number[][] = tables.map(() => []);
  const allowed: number[] = [];
  const tuple = new Array<number | string>(tables.length + 2);
  pop.countries.forEach((_, c) => {
    const cols = inputs.map((p) => pop.columns[c][p]!);
    const n = Math.min(limit, pop.size);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < inputs.length; j++) values[inputs[j]] = cols[j][i];
      tuple[0] = c;
      for (let t = 0; t < tables.length; t++) {
        const r = rowOf(tables[t], values);
        tuple[t + 1] = t === 0 || tables[t].present[r] ? r : -1;
      }
      mask.fill(1);
      applyRules(dim, values, mask);
      let bits = '';
      for (let v = 0; v < k; v++) bits += mask[v] === 1 ? '1' : '0';
      tuple[tables.length + 1] = bits;
      const key = tuple.join(',');
      let g = ids.get(key);
      if (g === undefined) {
        g = country.length;
        ids.set(key, g);
        country.push(c);
        count.push(0);
        for (let t = 0; t < tables.length; t++) rows[t].push(tuple[t + 1] as number);
        for (let v = 0; v < k; v++) allowed.push(mask[v]);
      }
      count[g]++;
    }
  });
  return {
    size: country.length, k, country: Int32Array.from(country), count: Float64Array.from(count),
    rows: rows.map((r) => Int32Array.from(r)), allowed: Uint8Array.from(allowed),
  };
}
