import type { DrawModel } from './drawModel.js';

/**
 * Items of one set whose models have the same shape (same keys in the same tables), with their tables interleaved:
 * row r of table f holds item 0's k values, then item 1's, ... (m × k values). Every item of a set has the set's
 * parents, so a persona reads one row per table for the whole group instead of one per item; hobbies' 12 items of
 * one shape touch 4 rows instead of 48, mostly on different cache lines. Hot-path layout for groupWeights.
 */
export interface ItemGroup {
  /** The item dimensions (registry indices), in catalogue order. */
  readonly items: Int32Array;
  /** m × k: the values of one row. */
  readonly width: number;
  readonly linear: boolean;
  /** As DrawModel.code, strides in units of the interleaved row. */
  readonly code: Int32Array;
  readonly tables: readonly Float64Array[];
  /** Linear pool: mix[j × tables.length + f] is item j's weight for table f. */
  readonly mix: Float64Array;
}

const shapeOf = (d: DrawModel) => `${d.linear}:${d.k}:${d.tables.length}:${d.code.join(',')}`;

/**
 * Groups a set's items by model shape and interleaves each group of two or more. Returns the groups, and each grouped
 * item's DrawModel rewritten to read its values from the shared tables (its old tables are no longer referenced, so
 * memory does not grow). Values are bit for bit unchanged: the numbers are the same, only their places move.
 *
 * @example
 *   const { groups, draws } = groupItems(set.itemDims.map((i) => dims[i].draw), set.itemDims);
 */
export function groupItems(draws: readonly DrawModel[], itemDims: readonly number[]): { groups: ItemGroup[]; draws: DrawModel[] } {
  const byShape = new Map<string, number[]>();
  draws.forEach((d, j) => {
    if (d.tables.length === 0) return;
    const key = shapeOf(d);
    byShape.set(key, [...(byShape.get(key) ?? []), j]);
  });
  const out = [...draws];
  const groups: ItemGroup[] = [];
  for (const members of byShape.values()) {
    if (members.length < 2) continue;
    const first = draws[members[0]];
    const { k, linear } = first;
    const m = members.length;
    const width = m * k;
    const tables = first.tables.map((t, f) => {
      const rows = t.length / k;
      const merged = new Float64Array(rows * width);
      members.forEach((j, slot) => {
        const own = draws[j].tables[f];
        for (let r = 0; r < rows; r++) for (let v = 0; v < k; v++) merged[r * width + slot * k + v] = own[r * k + v];
      });
      return merged;
    });
    // Strides were in rows of k values; the shared tables have rows of m × k.
    const code = Int32Array.from(first.code);
    for (let p = 0, f = 0; f < tables.length; f++) {
      const n = code[p++];
      for (let i = 0; i < n; i++, p += 2) code[p + 1] *= m;
    }
    const mix = new Float64Array(m * tables.length);
    members.forEach((j, slot) => mix.set(draws[j].mix, slot * tables.length));
    groups.push({ items: Int32Array.from(members.map((j) => itemDims[j])), width, linear, code, tables, mix });
    members.forEach((j, slot) => {
      out[j] = { k, linear, code, offset: slot * k, tables, mix: draws[j].mix };
    });
  }
  return { groups, draws: out };
}
