import { PersonagenError } from './PersonagenError.js';

/** The parts of a dimension the compiler needs (values and their positions). */
export interface ValueSpace {
  readonly id: string;
  readonly index: number;
  readonly values: readonly string[];
  readonly valueIndex: ReadonlyMap<string, number>;
}

/** A table of distributions compiled into dense rows over the product of its `by` dimensions. */
export interface CompiledTable {
  /** Dimension indices of `by`, and the row stride of each. */
  readonly by: readonly number[];
  readonly strides: readonly number[];
  /** rowCount x k probabilities (rows renormalised to sum 1; all zero where no key matched). */
  readonly rows: Float64Array;
  /** 1 where a key matched the row. */
  readonly present: Uint8Array;
  /** The key that matched each row. */
  readonly rowKeys: readonly (string | undefined)[];
}

const MAX_ROWS = 2_000_000;

/** Row number of the `by` values in `values` (indexed by dimension). */
export function rowOf(table: Pick<CompiledTable, 'by' | 'strides'>, values: Int32Array): number {
  let row = 0;
  for (let i = 0; i < table.by.length; i++) row += values[table.by[i]] * table.strides[i];
  return row;
}

/**
 * Compiles distribution rows keyed by the values of `byDims` joined with '|' ('*' matches any value; the most
 * specific key wins) into dense rows. Each row must sum to 1 within 0.01 and is renormalised. Errors name `where`
 * and the key.
 *
 * @example
 *   compileTable({ 'US|female': { never: 0.6, daily: 0.4 } }, smoking, [country, sex], 'maps/dimensions/smoking.json: conditionals[0]')
 */
export function compileTable(
  keyedRows: Readonly<Record<string, Readonly<Record<string, number>>>>,
  target: ValueSpace,
  byDims: readonly ValueSpace[],
  where: string,
): CompiledTable {
  const k = target.values.length;
  const strides: number[] = [];
  let rowCount = 1;
  for (let i = byDims.length - 1; i >= 0; i--) {
    strides[i] = rowCount;
    rowCount *= byDims[i].values.length;
  }
  if (rowCount > MAX_ROWS) throw new PersonagenError('MAP_INVALID', `${where}: ${rowCount} rows is too many; condition on fewer parents`);

  const entries: { parts: number[]; wild: number; row: Float64Array; key: string; order: number }[] = [];
  for (const [key, row] of Object.entries(keyedRows)) {
    // A table keyed by no parent has a single row, written "" or "*".
    const parts = byDims.length === 0 ? [] : key.split('|');
    if (parts.length !== byDims.length) {
      throw new PersonagenError('MAP_INVALID', `${where}.rows["${key}"]: key has ${parts.length} parts but the table is keyed by ${byDims.length} (${byDims.map((d) => d.id).join('|')})`);
    }
    const idx = parts.map((p, i) => {
      if (p === '*') return -1;
      const v = byDims[i].valueIndex.get(p);
      if (v === undefined) throw new PersonagenError('MAP_INVALID', `${where}.rows["${key}"]: "${p}" is not a value of ${byDims[i].id}`);
      return v;
    });
    const dense = new Float64Array(k);
    let sum = 0;
    for (const [value, p] of Object.entries(row)) {
      const vi = target.valueIndex.get(value);
      if (vi === undefined) throw new PersonagenError('MAP_INVALID', `${where}.rows["${key}"].${value}: not a value of ${target.id}`);
      dense[vi] = p;
      sum += p;
    }
    if (Math.abs(sum - 1) > 0.01) throw new PersonagenError('MAP_INVALID', `${where}.rows["${key}"]: sums to ${sum.toFixed(4)}, not 1`);
    for (let v = 0; v < k; v++) dense[v] /= sum;
    const wild = idx.filter((x) => x === -1).length;
    // Exact keys are recorded in their canonical spelling (a parentless table may write its one key "" or "*").
    entries.push({ parts: idx, wild, row: dense, key: wild === 0 ? idx.map((x, i) => byDims[i].values[x]).join('|') : key, order: entries.length });
  }

  // The most specific key wins (an exact key over patterns, fewer wildcards over more, the earlier key among equals):
  // write the least specific first and let the more specific overwrite. Rows are filled by enumerating each key's
  // matches, not by testing every row against every key (start-up time; tables keyed by region have 10^5+ rows).
  entries.sort((a, b) => b.wild - a.wild || b.order - a.order);
  const rows = new Float64Array(rowCount * k);
  const present = new Uint8Array(rowCount);
  const rowKeys: (string | undefined)[] = new Array(rowCount);
  for (const entry of entries) {
    let matches = [0];
    entry.parts.forEach((x, i) => {
      const choices = x === -1 ? byDims[i].values.map((_, v) => v) : [x];
      matches = matches.flatMap((r) => choices.map((v) => r + v * strides[i]));
    });
    for (const r of matches) {
      present[r] = 1;
      rowKeys[r] = entry.key;
      rows.set(entry.row, r * k);
    }
  }
  return { by: byDims.map((d) => d.index), strides, rows, present, rowKeys };
}
