import type { Factor } from './mapSchema.js';
import { PersonagenError } from './PersonagenError.js';

/** The parts of a dimension the compiler needs (values and their positions). */
export interface ValueSpace {
  readonly id: string;
  readonly index: number;
  readonly values: readonly string[];
  readonly valueIndex: ReadonlyMap<string, number>;
}

/** A factor compiled into a dense row table over the product of its `by` dimensions. */
export interface CompiledFactor {
  readonly type: 'distribution' | 'multiplier';
  /** Dimension indices of `by`, and the row stride of each. */
  readonly by: readonly number[];
  readonly strides: readonly number[];
  /** rowCount x k numbers; multiplier rows are already raised to their weight. */
  readonly rows: Float64Array;
  /** For distributions: 1 where a row was found. */
  readonly present: Uint8Array;
  /** Multiplier rows that are all ones (skipped at run time). */
  readonly identity: Uint8Array;
  readonly rowKeys: readonly (string | undefined)[];
}

const MAX_ROWS = 2_000_000;

/**
 * The value indices of the `by` dimensions for a row number (rows are laid out with the given strides).
 *
 * @example
 *   decodeRow(5, [3, 1]) // [1, 2]
 */
export function decodeRow(row: number, strides: readonly number[]): number[] {
  let rem = row;
  return strides.map((stride) => {
    const t = Math.floor(rem / stride);
    rem -= t * stride;
    return t;
  });
}

/**
 * Compiles one factor of `file` into dense rows. Keys are validated (each part a value of its `by` dimension or
 * `*`); every tuple takes the most specific matching row. Errors name the file and the JSON path.
 *
 * @example
 *   compileFactor(factor, target, byDims, 'maps/dimensions/sex.json', 0)
 */
export function compileFactor(
  factor: Factor,
  target: ValueSpace,
  byDims: readonly ValueSpace[],
  file: string,
  factorIndex: number,
): CompiledFactor {
  const where = `${file}: factors[${factorIndex}]`;
  const k = target.values.length;
  const strides: number[] = [];
  let rowCount = 1;
  for (let i = byDims.length - 1; i >= 0; i--) {
    strides[i] = rowCount;
    rowCount *= byDims[i].values.length;
  }
  if (rowCount > MAX_ROWS) throw new PersonagenError('MAP_INVALID', `${where}: ${rowCount} rows is too many; key by fewer parents`);

  const exact = new Map<string, Float64Array>();
  const patterns: { parts: (number | -1)[]; wild: number; row: Float64Array; key: string }[] = [];
  for (const [key, row] of Object.entries(factor.rows)) {
    // A factor keyed by no parent has a single row, written "" or "*".
    const parts = byDims.length === 0 ? [] : key.split('|');
    if (parts.length !== byDims.length) {
      throw new PersonagenError('MAP_INVALID', `${where}.rows["${key}"]: key has ${parts.length} parts but by has ${byDims.length} (${byDims.map((d) => d.id).join('|')})`);
    }
    const idx = parts.map((p, i) => {
      if (p === '*') return -1;
      const v = byDims[i].valueIndex.get(p);
      if (v === undefined) throw new PersonagenError('MAP_INVALID', `${where}.rows["${key}"]: "${p}" is not a value of ${byDims[i].id}`);
      return v;
    });
    const dense = new Float64Array(k).fill(factor.type === 'multiplier' ? 1 : 0);
    let sum = 0;
    for (const [value, p] of Object.entries(row)) {
      const vi = target.valueIndex.get(value);
      if (vi === undefined) throw new PersonagenError('MAP_INVALID', `${where}.rows["${key}"].${value}: not a value of ${target.id}`);
      dense[vi] = factor.type === 'multiplier' ? Math.pow(p, factor.weight ?? 1) : p;
      sum += p;
    }
    if (factor.type === 'distribution') {
      if (Math.abs(sum - 1) > 0.01) throw new PersonagenError('MAP_INVALID', `${where}.rows["${key}"]: sums to ${sum.toFixed(4)}, not 1`);
      for (let v = 0; v < k; v++) dense[v] /= sum;
    }
    const wild = idx.filter((x) => x === -1).length;
    if (wild === 0) exact.set(idx.join('|'), dense);
    else patterns.push({ parts: idx, wild, row: dense, key });
  }
  patterns.sort((a, b) => a.wild - b.wild);

  const rows = new Float64Array(rowCount * k).fill(factor.type === 'multiplier' ? 1 : 0);
  const present = new Uint8Array(rowCount);
  const identity = new Uint8Array(rowCount).fill(1);
  const rowKeys: (string | undefined)[] = new Array(rowCount);
  for (let r = 0; r < rowCount; r++) {
    const tuple = decodeRow(r, strides);
    let row = exact.get(tuple.join('|'));
    let key = row ? tuple.map((t, i) => byDims[i].values[t]).join('|') : undefined;
    if (!row) {
      const hit = patterns.find((p) => p.parts.every((x, i) => x === -1 || x === tuple[i]));
      row = hit?.row;
      key = hit?.key;
    }
    if (!row) continue;
    present[r] = 1;
    rowKeys[r] = key;
    rows.set(row, r * k);
    if (factor.type === 'multiplier') for (let v = 0; v < k; v++) if (row[v] !== 1) identity[r] = 0;
  }
  return { type: factor.type, by: byDims.map((d) => d.index), strides, rows, present, identity, rowKeys };
}
