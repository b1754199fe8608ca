/**
 * Picks a value index from unnormalised weights: `u` is uniform in [0, 1), `mass` the sum of the weights. Never
 * returns a zero-weight value, even when rounding at the top end lands past the last positive weight.
 *
 * @example
 *   drawIndex(Float64Array.of(1, 0, 3), 4, 0.5) // 2
 */
export function drawIndex(weights: Float64Array, mass: number, u: number): number {
  let target = u * mass;
  const last = weights.length - 1;
  let v = 0;
  for (; v < last; v++) {
    target -= weights[v];
    if (target < 0 && weights[v] > 0) break;
  }
  while (weights[v] === 0) v--;
  return v;
}
