import { ancestorClosure } from './dag.js';
import type { Engine } from './Engine.js';
import type { Evidence } from './evidence.js';
import type { CompiledRule } from './registry.js';

/**
 * Whether any persona can satisfy the evidence, judged by the maps' structural zeros: a value is impossible when the
 * country targets give it zero in every country still possible, when a declared rule forbids it for every parent
 * value still possible, or when the conditions exclude it. Possible values are propagated in topological order over
 * the ancestor closure. The check over-approximates (it ignores correlations between parents), so `false` is a proof
 * that the conditions have probability zero; `true` may still hide a zero that sampling will then find.
 *
 * @example
 *   conditionsPossible(engine, compileEvidence(engine, { values: new Map([['educationLevel', ['isced8']]]), ranges: new Map([['age', { gte: 19, lte: 19 }]]), strings: new Map() })) // false
 */
export function conditionsPossible(engine: Engine, evidence: ReadonlyMap<number, Evidence>): boolean {
  const reg = engine.registry;
  const dims = reg.dimensions;
  const countryDim = engine.dim('countryOfResidence').index;
  const closure = new Set(ancestorClosure(dims.map((d) => d.parents), evidence.keys()));
  const possible: Uint8Array[] = [];
  for (const d of reg.order) {
    if (!closure.has(d)) continue;
    const dim = dims[d];
    const k = dim.values.length;
    const dom = new Uint8Array(k);
    if (dim.itemDims) {
      // A set as a parent is its item count binned 0 / 1 / 2+: from the items that must and may be held.
      let must = 0;
      let may = 0;
      for (const item of dim.itemDims) {
        if (possible[item][1]) may++;
        if (!possible[item][0]) must++;
      }
      for (let b = 0; b < k; b++) dom[b] = (b === k - 1 ? may >= b : must <= b && may >= b) ? 1 : 0;
    } else {
      const head = dim.model.factors[0];
      const countries = d === countryDim ? [0] : indices(possible[countryDim]);
      for (let v = 0; v < k; v++) {
        dom[v] = countries.some((c) => head.rows[(head.by.length === 0 ? 0 : c) * k + v] > 0) ? 1 : 0;
      }
      for (const rule of dim.rules) {
        if (!ruleAlwaysApplies(rule, possible)) continue;
        for (let v = 0; v < k; v++) if (rule.keep[v] === 0) dom[v] = 0;
      }
    }
    const e = evidence.get(d);
    if (e) {
      const rows = e.byCountry ? indices(possible[countryDim]) : [0];
      for (let v = 0; v < k; v++) if (!rows.some((c) => e.lik[c * k + v] > 0)) dom[v] = 0;
    }
    if (!dom.some((x) => x === 1)) return false;
    possible[d] = dom;
  }
  return true;
}

function indices(mask: Uint8Array): number[] {
  const out: number[] = [];
  mask.forEach((x, i) => { if (x) out.push(i); });
  return out;
}

/** True when a rule's conditions hold for every combination of parent values still possible. */
function ruleAlwaysApplies(rule: CompiledRule, possible: Uint8Array[]): boolean {
  return rule.conditions.every((cond) => {
    const a = indices(possible[cond.dim]);
    if ('allowed' in cond) return a.every((x) => cond.allowed[x] === 1);
    const b = indices(possible[cond.other]);
    return a.every((x) => b.every((y) => (cond.equal[x * cond.otherCount + y] === 1) === cond.same));
  });
}
