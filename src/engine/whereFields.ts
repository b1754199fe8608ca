import type { Engine } from './Engine.js';

/** How a `where` field conditions its dimension. */
export type WhereFieldKind =
  /** `{ in, notIn }` on the values of a categorical dimension (or the bins of a binned one). */
  | 'values'
  /** `{ gte, lte }` on a realised number: exact age, height in cm, a Big Five score, the income amount, ... */
  | 'intRange'
  | 'floatRange'
  /** `{ includes, excludes }` on the items of a set. */
  | 'set'
  /** `{ eq }` on a generated string (first name, last name, city). */
  | 'string';

/** One field of `where`: its name in the API, the dimension it conditions and how. */
export interface WhereField {
  readonly name: string;
  readonly dimension: string;
  readonly kind: WhereFieldKind;
  /** For ranges: how the number is realised from the bins (maps/realise). */
  readonly realise?: 'integer' | 'score' | 'income';
}

/** Realised numbers the API shows as Int although their map realises a score with 0 decimals (height). */
const INT_SCORES = new Set(['height']);
/** Strings `where` can match exactly. */
const STRING_FIELDS = ['firstName', 'lastName', 'city'];

/**
 * The fields `where` accepts, generated from the registry so that every available dimension can be conditioned on.
 * Categorical dimensions take `{ in, notIn }` under their id. Binned dimensions take a range on the realised number
 * under the Persona field name (`age`, `height`, `neuroticism`, `incomeAmount`) and `{ in, notIn }` on their bins
 * under `<id>Band` (`<id>Level` for the Big Five, whose levels are an enum). Sets take `{ includes, excludes }`.
 *
 * @example
 *   whereFields(engine).find((f) => f.name === 'incomeAmount') // { dimension: 'income', kind: 'floatRange', realise: 'income' }
 */
export function whereFields(engine: Engine): WhereField[] {
  const fields: WhereField[] = [];
  for (const dim of engine.registry.dimensions) {
    if (!dim.available || dim.itemOf !== undefined) continue;
    const id = dim.id;
    if (dim.kind === 'enum') {
      fields.push({ name: id, dimension: id, kind: 'values' });
      if (id === 'income' && engine.spec('income', 'incomeDeciles')) fields.push({ name: 'incomeAmount', dimension: id, kind: 'floatRange', realise: 'income' });
    } else if (dim.kind === 'set') {
      fields.push({ name: id, dimension: id, kind: 'set' });
    } else if (dim.kind === 'string') {
      if (STRING_FIELDS.includes(id)) fields.push({ name: id, dimension: id, kind: 'string' });
    } else {
      const score = engine.spec(id, 'score');
      const integer = engine.spec(id, 'integer');
      fields.push({ name: isLevelled(id) ? `${id}Level` : `${id}Band`, dimension: id, kind: 'values' });
      if (integer) fields.push({ name: id, dimension: id, kind: 'intRange', realise: 'integer' });
      else if (score) fields.push({ name: id, dimension: id, kind: score.decimals === 0 || INT_SCORES.has(id) ? 'intRange' : 'floatRange', realise: 'score' });
    }
  }
  return fields;
}

/** Big Five domains: their bins are named levels (an enum), not numeric bands. */
export function isLevelled(id: string): boolean {
  return ['neuroticism', 'extraversion', 'openness', 'agreeableness', 'conscientiousness'].includes(id);
}
