/**
 * Indices of the `limit` parent values with the largest share, returned in their original order (ordered parents
 * such as age bins stay ordered). Heatmaps show only these rows so a 51-region parent stays readable; the rest
 * together carry little weight in the TV anyway.
 *
 * @example
 *   topParentRows([0.1, 0.5, 0.05, 0.35], 2) // [1, 3]
 */
export function topParentRows(parentShare: number[], limit: number): number[] {
  const byShare = parentShare.map((share, i) => ({ share, i })).sort((a, b) => b.share - a.share || a.i - b.i);
  return byShare
    .slice(0, limit)
    .map((r) => r.i)
    .sort((a, b) => a - b);
}
