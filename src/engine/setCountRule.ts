/** A set's count rule (maps/realise/<set>.json `setCount`): how many items a person holds at least and at most. */
export interface CountRule { readonly min: number; readonly max: number }

/**
 * Applies a set's count rule to the items drawn one by one: drops random items above the maximum (never a required
 * one) and tops up below the minimum, drawing among the other items by their own probability for this person
 * (never an excluded one, whose probability the caller gives as 0). Returns item positions in catalogue order.
 * Draws come from `u`, in a fixed order, so the result is a function of the person and the stream.
 *
 * @example
 *   applyCountRule([0, 3, 5, 6, 8, 9, 12], [1, 2], { min: 2, max: 5 }, () => false, [0.1, 0.2], u) // 5 items
 */
export function applyCountRule(
  held: readonly number[], rest: readonly number[], rule: CountRule, required: (item: number) => boolean,
  restProbability: readonly number[], u: () => number,
): number[] {
  const kept = [...held];
  if (kept.length <= rule.max && kept.length >= rule.min) return kept;
  while (kept.length > rule.max) {
    const droppable = kept.filter((j) => !required(j));
    if (droppable.length === 0) break;
    kept.splice(kept.indexOf(droppable[Math.floor(u() * droppable.length)]), 1);
  }
  const p = [...restProbability];
  while (kept.length < rule.min) {
    const total = p.reduce((a, b) => a + b, 0);
    if (!(total > 0)) break;
    let target = u() * total;
    let k = 0;
    while (k < p.length - 1 && (target -= p[k]) >= 0) k++;
    kept.push(rest[k]);
    p[k] = 0;
  }
  return kept.sort((a, b) => a - b);
}
