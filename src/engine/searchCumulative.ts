/**
 * The index a uniform u in [0, 1) falls on in a table of cumulative weights: the first entry whose cumulative
 * weight exceeds u times the total. Binary search (O(log n)); shared by names, places and phone formats.
 *
 * @example
 *   searchCumulative(Float64Array.of(1, 3, 6), 0.5) // 1 (3 > 0.5 * 6)
 */
export function searchCumulative(cumulative: Float64Array, u: number): number {
  const target = u * cumulative[cumulative.length - 1];
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid] > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
