import { ruleApplies } from '../../src/engine/applyRules.js';
import type { Engine } from '../../src/engine/Engine.js';
import { PersonaService } from '../../src/engine/PersonaService.js';
import type { Verification } from '../report/reportData.js';
import { totalVariation } from '../combine/totalVariation.js';

const PAGE = 10_000;
const MAX_PAIRWISE_PARENTS = 3;

/**
 * Samples `perCountry` personas per covered country through the real engine (the country clamped, every other
 * dimension drawn as the API would) and compares them with the maps: each dimension's generated marginal against
 * its target, the main pairwise conditionals P(d | parent) against the elicited single-parent tables, and every
 * hard rule (how often it applied, how often it was broken: must be never). `only` restricts it to some countries.
 *
 * @example
 *   const v = verifyMaps(engine, 200_000, 'verify');
 *   v.dimensions.find((d) => d.id === 'smoking')!.marginals[0].tv // < 0.01
 */
export function verifyMaps(engine: Engine, perCountry: number, seed: string | number = 'personagen verify v1', only?: readonly string[]): Verification {
  const registry = engine.registry;
  const service = new PersonaService(engine);
  const country = registry.byId.get('countryOfResidence')!;
  const dims = registry.order.map((i) => registry.dimensions[i]).filter((d) => d.available && (d.kind === 'enum' || d.kind === 'binned') && d.model.factors.length > 0);
  const pairParents = dims.map((d) => {
    const seen: number[] = [];
    for (const p of d.provenance) for (const g of p.given) {
      const j = registry.byId.get(g)!.index;
      if (!seen.includes(j) && seen.length < MAX_PAIRWISE_PARENTS) seen.push(j);
    }
    return seen;
  });
  const countries = only ?? registry.coveredCountries;
  const out: Verification = { mapVersion: registry.version, samplesPerCountry: perCountry, countries: [...countries], dimensions: [] };
  const marginal = dims.map(() => countries.map(() => [] as number[]));
  const pairs = dims.map((d, di) => pairParents[di].map((p) => countries.map(() => new Float64Array(registry.dimensions[p].values.length * d.values.length))));
  const rules = dims.map((d) => d.rules.map(() => ({ applied: 0, violations: 0 })));
  const values = new Int32Array(registry.dimensions.length);

  countries.forEach((c, ci) => {
    const counts = dims.map((d) => new Float64Array(d.values.length));
    for (let offset = 0; offset < perCountry; offset += PAGE) {
      const personas = service.personas(seed, Math.min(PAGE, perCountry - offset), offset, { countryOfResidence: { in: [c] } });
      for (const p of personas) {
        for (const d of dims) values[d.index] = p.get(d.index); // countryOfResidence is one of them
        dims.forEach((d, di) => {
          const v = values[d.index];
          counts[di][v]++;
          pairParents[di].forEach((parent, pi) => { pairs[di][pi][ci][values[parent] * d.values.length + v]++; });
          d.rules.forEach((rule, ri) => {
            if (!ruleApplies(rule, values)) return;
            rules[di][ri].applied++;
            if (rule.keep[v] === 0) rules[di][ri].violations++;
          });
        });
      }
    }
    dims.forEach((d, di) => { marginal[di][ci] = Array.from(counts[di], (n) => n / perCountry); });
  });

  dims.forEach((d, di) => {
    const k = d.values.length;
    const target = (ci: number) => {
      const row = d.model.target.by.length === 0 ? 0 : country.valueIndex.get(countries[ci])!;
      return Array.from(d.model.target.rows.subarray(row * k, row * k + k));
    };
    out.dimensions.push({
      id: d.id,
      values: [...d.values],
      marginals: d.id === 'countryOfResidence' ? [] : countries.map((c, ci) => {
        const t = target(ci);
        return { country: c, target: t, generated: marginal[di][ci], tv: totalVariation(marginal[di][ci], t) };
      }),
      pairwise: pairParents[di].flatMap((parent, pi) => countries.map((c, ci) => {
        const pd = registry.dimensions[parent];
        const m = pairs[di][pi][ci];
        const table = d.model.conditionals.find((_, t) => d.provenance[t + 1].given.length === 1 && d.provenance[t + 1].given[0] === pd.id);
        const shares: number[] = [];
        const generated: number[][] = [];
        const tableRows: (number[] | null)[] = [];
        let tv = 0;
        let covered = 0;
        pd.values.forEach((_, pv) => {
          const row = Array.from(m.subarray(pv * k, pv * k + k));
          const n = row.reduce((a, b) => a + b, 0);
          shares.push(n / perCountry);
          generated.push(row.map((x) => (n > 0 ? x / n : 0)));
          let t: number[] | null = null;
          if (table) {
            const r = country.valueIndex.get(c)! * table.strides[0] + pv * table.strides[1];
            if (table.present[r]) t = Array.from(table.rows.subarray(r * k, r * k + k));
          }
          tableRows.push(t);
          if (t && n > 0) {
            tv += (n / perCountry) * totalVariation(generated[pv], t);
            covered += n / perCountry;
          }
        });
        return { parent: pd.id, country: c, parentValues: [...pd.values], parentShare: shares, generated, table: tableRows, tv: covered > 0 ? tv / covered : 0 };
      })),
      rules: d.rules.map((r, ri) => ({ id: r.id, reason: r.reason, applied: rules[di][ri].applied, violations: rules[di][ri].violations })),
    });
  });
  return out;
}
