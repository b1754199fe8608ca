import type { Rule } from '../../src/engine/mapSchema.js';
import { ITEM_VALUES } from '../../src/engine/registry.js';
import { validateAnswer } from '../aggregate/validateAnswer.js';
import type { CollectedAnswer } from './collectAnswers.js';

/**
 * Splits the answers about a set dimension (each item's share of people holding it) into answers about its hidden
 * yes/no item dimensions (`<set>.<item>`), which the build then treats like any other dimension. An answer that
 * fails validation is passed to every item unchanged, so each item's table records the same rejection.
 *
 * @example
 *   splitSetAnswers('hobbies', ['reading', 'cooking'], answers).get('hobbies.reading')
 *   // [{ question: { dimension: 'hobbies.reading', ... }, content: { distribution: { no: 0.6, yes: 0.4 } }, ... }]
 */
export function splitSetAnswers(set: string, items: readonly string[], answers: readonly CollectedAnswer[]): Map<string, CollectedAnswer[]> {
  const out = new Map(items.map((item) => [`${set}.${item}`, [] as CollectedAnswer[]]));
  for (const a of answers) {
    const v = validateAnswer(a.content, items, { independent: true });
    for (const item of items) {
      const id = `${set}.${item}`;
      const p = v.ok ? Math.min(1, v.distribution[item] ?? 0) : 0;
      const content = v.ok ? { distribution: { [ITEM_VALUES[0]]: 1 - p, [ITEM_VALUES[1]]: p } } : a.content;
      out.get(id)!.push({ ...a, question: { ...a.question, dimension: id }, content });
    }
  }
  return out;
}

/**
 * The rules of one item of a set: a set rule forbids items (or allows only some) when its conditions hold, which for
 * the item's yes/no dimension means forbidding "yes".
 *
 * @example
 *   itemRules([{ id: 'no-own-language', when: { nativeLanguage: ['english'] }, forbid: ['english'], reason: '...' }], 'english')
 *   // [{ id: 'no-own-language', when: {...}, forbid: ['yes'], reason: '...' }]
 */
export function itemRules(rules: readonly Rule[], item: string): Rule[] {
  return rules.flatMap((r) => {
    const excluded = r.forbid ? r.forbid.includes(item) : !r.allow!.includes(item);
    return excluded ? [{ id: r.id, when: r.when, forbid: [ITEM_VALUES[1]], reason: r.reason }] : [];
  });
}
