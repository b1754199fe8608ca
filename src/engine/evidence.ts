import type { Engine } from './Engine.js';
import { PersonagenError } from './PersonagenError.js';
import { regionsWithCity } from './pickCity.js';
import { incomeDecileShare, integerBinShare, scoreBinShare, type NumericRange } from './realise.js';

/** Conditions on dimensions, validated and in normal form (sorted), as the engine takes them. */
export interface Conditions {
  /** Allowed values per dimension id: categorical values, the bins of binned dimensions, `yes`/`no` of set items (`hobbies.cooking`). */
  readonly values: ReadonlyMap<string, readonly string[]>;
  /** Inclusive ranges on realised numbers, by the binned dimension (`income` for the amount). */
  readonly ranges: ReadonlyMap<string, NumericRange>;
  /** Exact strings: firstName, lastName, city. */
  readonly strings: ReadonlyMap<string, string>;
}

/**
 * What the conditions say about one dimension: the likelihood of each of its values, in [0, 1] (1 or 0 for an
 * `in` list, the share of the bin inside a range for realised numbers). Ranges on the income amount depend on the
 * country's deciles, so their likelihood is a row per country.
 */
export interface Evidence {
  readonly dim: number;
  readonly lik: Float64Array;
  readonly byCountry: boolean;
}

/**
 * The likelihood of value v of an evidence dimension for a persona whose values are `values`.
 *
 * @example
 *   likelihood(e, values, v, countryIndex, k)
 */
export function likelihood(e: Evidence, values: Int32Array, v: number, country: number, k: number): number {
  return e.byCountry ? e.lik[values[country] * k + v] : e.lik[v];
}

/**
 * Compiles conditions into evidence per dimension (several conditions on one dimension multiply). A city implies
 * the regions that have a place of that name, added as evidence on `region` (it changes no posterior, since the
 * city is impossible elsewhere, but lets region and country be enumerated exactly).
 *
 * @example
 *   compileEvidence(engine, { values: new Map([['sex', ['female']]]), ranges: new Map(), strings: new Map() })
 */
export function compileEvidence(engine: Engine, conditions: Conditions): Map<number, Evidence> {
  const reg = engine.registry;
  const country = engine.dim('countryOfResidence');
  const out = new Map<number, Evidence>();
  const add = (dim: number, lik: Float64Array, byCountry: boolean) => {
    const have = out.get(dim);
    if (!have) { out.set(dim, { dim, lik, byCountry }); return; }
    const k = reg.dimensions[dim].values.length;
    const rows = byCountry || have.byCountry ? country.values.length : 1;
    const merged = new Float64Array(rows * k);
    for (let r = 0; r < rows; r++) {
      for (let v = 0; v < k; v++) merged[r * k + v] = (have.byCountry ? have.lik[r * k + v] : have.lik[v]) * (byCountry ? lik[r * k + v] : lik[v]);
    }
    out.set(dim, { dim, lik: merged, byCountry: rows > 1 });
  };

  for (const [id, list] of conditions.values) {
    const d = engine.dim(id);
    const lik = new Float64Array(d.values.length);
    for (const v of list) lik[d.valueIndex.get(v)!] = 1;
    add(d.index, lik, false);
  }
  for (const [id, range] of conditions.ranges) {
    const d = engine.dim(id);
    const integer = engine.spec(id, 'integer');
    const score = engine.spec(id, 'score');
    const income = id === 'income' ? engine.spec('income', 'incomeDeciles') : undefined;
    if (integer) add(d.index, Float64Array.from(d.values, (bin) => integerBinShare(integer, bin, range)), false);
    else if (score) add(d.index, Float64Array.from(d.values, (bin) => scoreBinShare(score, bin, range)), false);
    else if (income) {
      add(d.index, Float64Array.from({ length: country.values.length * d.values.length }, (_, i) =>
        incomeDecileShare(income, country.values[Math.floor(i / d.values.length)], d.values[i % d.values.length], range)), true);
    } else throw new PersonagenError('BAD_USER_INPUT', `dimension "${id}" has no realised number to filter on`, { dimension: id });
  }
  const city = conditions.strings.get('city');
  if (city !== undefined && engine.cities) {
    const region = engine.dim('region');
    const lik = new Float64Array(region.values.length);
    for (const r of regionsWithCity(engine.cities, city)) {
      const v = region.valueIndex.get(r);
      if (v !== undefined) lik[v] = 1;
    }
    add(region.index, lik, false);
  }
  return out;
}
