/**
 * Total-variation distance between two distributions over the same values: half the sum of absolute differences.
 *
 * @example
 *   totalVariation([0.5, 0.5], [0.6, 0.4]) // 0.1
 */
export function totalVariation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i] - b[i]);
  return s / 2;
}
