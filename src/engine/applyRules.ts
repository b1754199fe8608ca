import type { CompiledRule, Dimension } from './registry.js';

/**
 * Whether every `when` condition of a compiled rule holds for the parent values in `values` (indexed by dimension).
 *
 * @example
 *   ruleApplies(dim.rules[0], values) // true when, e.g., age is 18-24
 */
export function ruleApplies(rule: CompiledRule, values: Int32Array): boolean {
  for (let c = 0; c < rule.conditions.length; c++) {
    const cond = rule.conditions[c];
    const holds = 'allowed' in cond
      ? cond.allowed[values[cond.dim]] === 1
      : (cond.equal[values[cond.dim] * cond.otherCount + values[cond.other]] === 1) === cond.same;
    if (!holds) return false;
  }
  return true;
}

/**
 * Sets to zero, in `out`, the values of `dim` that a hard rule forbids for the parent values in `values`
 * (indexed by dimension). Rules are masks on the combined distribution, never patches after sampling. Rules on the
 * country alone are already folded into the model (registry), so only `runtimeRules` are tested here.
 *
 * @example
 *   applyRules(registry.byId.get('educationLevel')!, values, weights) // isced8 -> 0 when age is 18-24
 */
export function applyRules(dim: Dimension, values: Int32Array, out: Float64Array): void {
  const rules = dim.runtimeRules;
  const k = dim.values.length;
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r];
    if (ruleApplies(rule, values)) for (let v = 0; v < k; v++) if (rule.keep[v] === 0) out[v] = 0;
  }
}
