/**
 * Number formatting shared by the HTML and the Markdown so a value reads the same everywhere. Fixed decimals rather
 * than locale formatting: the report must be byte-identical across machines.
 */

/**
 * A TV distance in [0, 1] as percentage points.
 *
 * @example
 *   formatPp(0.01234) // '1.23 pp'
 */
export function formatPp(tv: number | null | undefined): string {
  return tv == null || !Number.isFinite(tv) ? '—' : `${(tv * 100).toFixed(2)} pp`;
}

/**
 * A share in [0, 1] as a percentage.
 *
 * @example
 *   formatPercent(0.4567) // '45.7%'
 */
export function formatPercent(share: number | null | undefined, digits = 1): string {
  return share == null || !Number.isFinite(share) ? '—' : `${(share * 100).toFixed(digits)}%`;
}

/**
 * Fitted method parameters, compactly: numbers to 4 significant digits, arrays in brackets.
 *
 * @example
 *   formatParams({ weights: [0.5, 0.25], temper: 0.8123456 }) // 'weights=[0.5, 0.25], temper=0.8123'
 */
export function formatParams(params: Record<string, number | number[] | string>): string {
  const one = (v: number | string) => (typeof v === 'number' ? String(Number(v.toPrecision(4))) : v);
  const parts = Object.entries(params).map(([k, v]) => `${k}=${Array.isArray(v) ? `[${v.map(one).join(', ')}]` : one(v)}`);
  return parts.length ? parts.join(', ') : '—';
}

/**
 * A count with thousands separators, independent of the machine's locale.
 *
 * @example
 *   formatCount(200000) // '200,000'
 */
export function formatCount(n: number): string {
  return Number.isInteger(n) ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : String(n);
}
