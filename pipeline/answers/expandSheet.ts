import type { Catalogue, Provenance } from '../../src/engine/mapSchema.js';
import type { Question } from './answerSchema.js';
import type { Sheet } from './sheetSchema.js';
import { COUNTRY_DIMENSION, dimensionValues, type RegionList } from '../elicit/questions.js';

/** One answer produced from a sheet: same shape as an offline-file answer. */
export interface SheetAnswer {
  readonly question: Question;
  readonly content: { distribution: Record<string, number> };
  readonly provenance: Provenance;
}

/** A parent's distribution in a country (its target), if any source gives one. */
export type MarginalLookup = (dimension: string, country: string) => Record<string, number> | undefined;

/** Values a set dimension takes when it is a parent: the number of items held, binned (dimensions.md). */
export const SET_COUNT_BINS = ['0', '1', '2+'];

/**
 * The values `parent` can take in `country`, as a conditioning parent.
 *
 * @example
 *   parentValues(catalogue, regions, 'chronicConditions', 'GB') // ['0', '1', '2+']
 */
export function parentValues(catalogue: Catalogue, regions: RegionList, parent: string, country: string): string[] {
  const dim = catalogue.dimensions.find((d) => d.id === parent);
  if (dim?.kind === 'set') return SET_COUNT_BINS;
  return dimensionValues(catalogue, regions, parent, country);
}

function describe(p: Provenance): string {
  if (p.kind === 'published') return [p.source, p.table, p.year].filter(Boolean).join(', ');
  return p.basis ? `estimate anchored on ${p.basis}` : `estimate (${p.method})`;
}

/**
 * Iterative proportional fitting of a parent-value × category matrix to the parent's marginal (rows) and the
 * country's target (columns): the conditional rows then average back to the target exactly, which a plain
 * "target × multiplier, renormalised" would not.
 */
function rake(seed: number[][], rows: number[], cols: number[]): number[][] {
  const q = seed.map((r) => [...r]);
  for (let it = 0; it < 200; it++) {
    let worst = 0;
    for (let i = 0; i < q.length; i++) {
      const s = q[i].reduce((a, b) => a + b, 0);
      if (s > 0) for (let j = 0; j < q[i].length; j++) q[i][j] *= rows[i] / s;
    }
    for (let j = 0; j < cols.length; j++) {
      let s = 0;
      for (let i = 0; i < q.length; i++) s += q[i][j];
      if (s > 0) {
        worst = Math.max(worst, Math.abs(s - cols[j]));
        for (let i = 0; i < q.length; i++) q[i][j] *= cols[j] / s;
      }
    }
    if (worst < 1e-9) break;
  }
  return q;
}

const r6 = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * Expands a sheet into answers: the target of each country, then for each parent of the dimension and each of its
 * values in that country a conditional answer, taken from `rows` if given there, else derived from the country's
 * target and the parent's effect (raked to the parent's marginal from `marginal`, uniform if unknown). Parents
 * without a row or an effect get no answers. Direct rows with several givens are passed through.
 *
 * @example
 *   expandSheet(sheet, catalogue, regions, lookup).length // 1 target + one answer per parent value, per country
 */
export function expandSheet(sheet: Sheet, catalogue: Catalogue, regions: RegionList, marginal: MarginalLookup): SheetAnswer[] {
  const dim = catalogue.dimensions.find((d) => d.id === sheet.dimension);
  if (!dim) throw new Error(`sheet ${sheet.dimension}: not a catalogue dimension`);
  const isSet = dim.kind === 'set';
  const prov = (ref: Sheet['targets'][string]['provenance'], where: string): Provenance => {
    if (typeof ref !== 'string') return ref;
    const p = sheet.provenances[ref];
    if (!p) throw new Error(`sheet ${sheet.dimension}: ${where}: unknown provenance key "${ref}"`);
    return p;
  };
  const out: SheetAnswer[] = [];
  const direct = new Map<string, Sheet['rows'][number]>();
  for (const r of sheet.rows) direct.set(JSON.stringify([r.country, Object.entries(r.given).sort()]), r);

  for (const country of Object.keys(sheet.targets).sort()) {
    const target = sheet.targets[country];
    out.push({ question: { dimension: dim.id, country, given: {} }, content: { distribution: target.distribution }, provenance: prov(target.provenance, `targets.${country}`) });
    const values = isSet ? [...dim.values] : dimensionValues(catalogue, regions, dim.id, country);
    for (const parent of dim.parents) {
      if (parent === COUNTRY_DIMENSION) continue;
      const effect = sheet.effects.find((e) => e.parent === parent && e.countries.includes(country))
        ?? sheet.effects.find((e) => e.parent === parent && e.countries.includes('*'));
      const pValues = parentValues(catalogue, regions, parent, country);
      const fromRows = pValues.filter((v) => direct.has(JSON.stringify([country, [[parent, v]]])));
      for (const v of fromRows) {
        const r = direct.get(JSON.stringify([country, [[parent, v]]]))!;
        out.push({ question: { dimension: dim.id, country, given: { [parent]: v } }, content: { distribution: r.distribution }, provenance: prov(r.provenance, `rows (${country}, ${parent}=${v})`) });
      }
      if (!effect) continue;
      const rest = pValues.filter((v) => !fromRows.includes(v));
      if (rest.length === 0) continue;
      const m = marginal(parent, country);
      const weightsRaw = rest.map((v) => (m ? m[v] ?? 0 : 1));
      const total = weightsRaw.reduce((a, b) => a + b, 0);
      const weights = total > 0 ? weightsRaw.map((w) => w / total) : rest.map(() => 1 / rest.length);
      const effectProv = prov(effect.provenance, `effects (${parent})`);
      // Country-independent wording, so that one record covers a whole table (the target's own provenance says
      // where each country's figures come from).
      const derived: Provenance = {
        kind: 'estimate',
        method: `derived: the country's target (see the target table) times the ${isSet ? 'odds ratios' : 'relative likelihoods'} of ${parent}, raked (IPF) so that the rows average back to the target over ${parent}'s distribution in the country`,
        basis: `effect: ${describe(effectProv)}`,
      };
      const mult = (v: string, c: string) => effect.values[v]?.[c] ?? 1;
      if (isSet) {
        const rows = rest.map((): Record<string, number> => ({}));
        for (const item of values) {
          const p = target.distribution[item] ?? 0;
          const q = rake(rest.map((v, i) => [weights[i] * p * mult(v, item), weights[i] * (1 - p)]), weights, [p, 1 - p]);
          rest.forEach((_, i) => { rows[i][item] = weights[i] > 0 ? r6(q[i][0] / weights[i]) : r6(p); });
        }
        rest.forEach((v, i) => out.push({ question: { dimension: dim.id, country, given: { [parent]: v } }, content: { distribution: rows[i] }, provenance: derived }));
      } else {
        const cols = values.map((c) => target.distribution[c] ?? 0);
        const q = rake(rest.map((v, i) => values.map((c, j) => weights[i] * cols[j] * mult(v, c))), weights, cols);
        rest.forEach((v, i) => {
          const s = q[i].reduce((a, b) => a + b, 0);
          const distribution: Record<string, number> = {};
          values.forEach((c, j) => {
            const x = s > 0 ? q[i][j] / s : cols[j] * mult(v, c);
            if (x > 0) distribution[c] = r6(x);
          });
          out.push({ question: { dimension: dim.id, country, given: { [parent]: v } }, content: { distribution }, provenance: derived });
        });
      }
    }
  }
  for (const r of sheet.rows) {
    if (Object.keys(r.given).length < 2 && sheet.targets[r.country]) continue; // emitted with its country above
    out.push({ question: { dimension: dim.id, country: r.country, given: r.given }, content: { distribution: r.distribution }, provenance: prov(r.provenance, `rows (${r.country})`) });
  }
  return out;
}
