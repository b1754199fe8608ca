import type { Provenance } from '../../src/engine/mapSchema.js';
import { questionKey } from '../answers/answerSchema.js';
import { aggregateAnswers } from '../aggregate/aggregateAnswers.js';
import type { TableSummary } from '../report/reportData.js';
import type { CollectedAnswer } from './collectAnswers.js';

/** One aggregated table of a dimension, ready to be written into its map. */
export interface AggregatedTable {
  /** Parents besides the country ([] = the target marginal), in catalogue parent order. */
  readonly given: string[];
  /** Row key (country|given values) -> distribution. */
  readonly rows: Record<string, Record<string, number>>;
  readonly provenance: Provenance;
  readonly rowProvenance?: Record<string, Provenance>;
  readonly summary: TableSummary;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * Aggregates the answers of one dimension, question by question, into its target and conditional tables. A
 * question with an accepted answer citing a published table uses that answer alone (a public statistic beats any
 * estimate); otherwise all accepted answers are pooled robustly (pipeline/aggregate). Each table's provenance says
 * who answered, how many answers were rejected and why, and how much the sources disagreed.
 *
 * @example
 *   const tables = aggregateTables('smoking', answers, values, parents);
 */
export function aggregateTables(
  dimension: string,
  answers: readonly CollectedAnswer[],
  values: readonly string[],
  parents: readonly string[],
  options: { uniformAllowed?: boolean } = {},
): AggregatedTable[] {
  const byQuestion = new Map<string, CollectedAnswer[]>();
  for (const a of answers) {
    const key = questionKey(a.question);
    const list = byQuestion.get(key) ?? [];
    list.push(a);
    byQuestion.set(key, list);
  }
  const groups = new Map<string, { given: string[]; rows: Map<string, { dist: Record<string, number>; prov: Provenance }>; summary: TableSummary }>();
  for (const key of [...byQuestion.keys()].sort()) {
    const list = byQuestion.get(key)!;
    const q = list[0].question;
    const given = Object.keys(q.given).sort((a, b) => parents.indexOf(a) - parents.indexOf(b));
    const unknown = given.find((g) => !parents.includes(g));
    if (unknown) throw new Error(`answers for ${dimension}: "${unknown}" is not a parent of ${dimension} (question ${key})`);
    const tableKey = given.join('+');
    let group = groups.get(tableKey);
    if (!group) {
      group = {
        given, rows: new Map(),
        summary: { role: given.length ? 'conditional' : 'target', given, rows: 0, published: 0, estimated: 0, sources: [], answers: 0, rejected: 0, rejectReasons: {}, disagreement: 0 },
      };
      groups.set(tableKey, group);
    }
    const published = list.filter((a) => a.provenance?.kind === 'published');
    const pool = published.length > 0 ? published : list;
    const agg = aggregateAnswers(pool.map((a) => ({ source: a.source, run: a.run, content: a.content })), values, options);
    const s = group.summary;
    s.answers += list.length;
    s.rejected += agg.rejected.length;
    for (const r of agg.rejected) s.rejectReasons[r.reason] = (s.rejectReasons[r.reason] ?? 0) + 1;
    if (!agg.distribution) continue; // every answer rejected: the row is left out (the target stands in)
    s.rows++;
    s.disagreement += agg.disagreement;
    for (const src of agg.sources) if (!s.sources.includes(src)) s.sources.push(src);
    const dist: Record<string, number> = {};
    for (const v of values) if ((agg.distribution[v] ?? 0) > 0) dist[v] = round6(agg.distribution[v]);
    const first = pool[0];
    let prov: Provenance;
    if (published.length > 0) {
      prov = published[0].provenance!;
      s.published++;
    } else {
      s.estimated++;
      prov = agg.sources.length === 1 && first.provenance
        ? first.provenance
        : { kind: 'estimate', method: `pooled (${agg.method}) from ${agg.sources.join(', ')}: ${[...new Set(pool.map((a) => a.method))].join(' / ')}` };
    }
    const rowKey = [q.country, ...given.map((g) => q.given[g])].join('|');
    group.rows.set(rowKey, { dist, prov });
  }
  return [...groups.values()]
    .sort((a, b) => a.given.length - b.given.length || a.given.join('+').localeCompare(b.given.join('+')))
    .filter((g) => g.rows.size > 0)
    .map((g) => {
      const counts = new Map<string, { n: number; prov: Provenance }>();
      for (const { prov } of g.rows.values()) {
        const j = JSON.stringify(prov);
        const c = counts.get(j) ?? { n: 0, prov };
        c.n++;
        counts.set(j, c);
      }
      const main = [...counts.entries()].sort((a, b) => b[1].n - a[1].n || a[0].localeCompare(b[0]))[0];
      const rows: Record<string, Record<string, number>> = {};
      for (const [k, { dist }] of g.rows) rows[k] = dist;
      const rowProvenance = compressRowProvenance(g.rows, main[0], g.given.length);
      const s = g.summary;
      s.sources.sort();
      s.disagreement = s.rows ? s.disagreement / s.rows : 0;
      const provenance: Provenance = {
        ...main[1].prov,
        ...(main[1].prov.kind === 'estimate' ? { answers: s.answers, rejected: s.rejected, ...(s.rejected ? { rejectReasons: s.rejectReasons } : {}), sources: s.sources, disagreement: round6(s.disagreement) } : {}),
      };
      return { given: g.given, rows, provenance, ...(Object.keys(rowProvenance).length ? { rowProvenance } : {}), summary: s };
    });
}

/**
 * Row provenance that differs from the table's main record, as patterns: one `country|*|...` entry when every row of
 * a country shares it (the usual case: a country's rows come from one source), row keys otherwise.
 */
function compressRowProvenance(rows: Map<string, { prov: Provenance }>, main: string, givens: number): Record<string, Provenance> {
  const byCountry = new Map<string, { keys: string[]; provs: Set<string>; prov: Provenance }>();
  for (const [k, { prov }] of rows) {
    const country = k.split('|')[0];
    const c = byCountry.get(country) ?? { keys: [], provs: new Set<string>(), prov };
    c.keys.push(k);
    c.provs.add(JSON.stringify(prov));
    byCountry.set(country, c);
  }
  const out: Record<string, Provenance> = {};
  for (const [country, c] of byCountry) {
    if (c.provs.size === 1) {
      if (!c.provs.has(main)) out[[country, ...Array(givens).fill('*')].join('|')] = c.prov;
      continue;
    }
    for (const k of c.keys) {
      const prov = rows.get(k)!.prov;
      if (JSON.stringify(prov) !== main) out[k] = prov;
    }
  }
  return out;
}
