import { marginalChart } from '../charts/marginalChart.js';
import type { DimensionHarness, Verification } from '../reportData.js';
import type { WeaknessRow } from '../rankWeakness.js';
import type { ReportThresholds } from '../thresholds.js';
import type { PlaceChart } from './createChartPlacer.js';
import { escapeHtml } from './escapeHtml.js';
import { formatParams } from './format.js';
import { methodsTable } from './methodsTable.js';
import { metricCell } from './metricCell.js';
import { pairwiseSection } from './pairwiseSection.js';
import { provenanceTable } from './provenanceTable.js';
import { rulesTable } from './rulesTable.js';

type VerifiedDimension = Verification['dimensions'][number];

/**
 * One dimension's section (its `id` is the dimension id, so summary links and tests can find it): facts and the
 * chosen method, all methods' errors, generated vs target marginals, pairwise heatmaps, provenance and rules.
 * Either input may be missing (a dimension only evaluated or only sampled); the section says so.
 *
 * @example
 *   html += await dimensionSection({ id: 'smoking', harness: h, verified: v, weakness: row, countries, sectionIds, thresholds, place });
 */
export async function dimensionSection(input: {
  id: string;
  harness?: DimensionHarness;
  verified?: VerifiedDimension;
  weakness: WeaknessRow;
  countries: string[];
  /** Ids that have a section, so parents link only where there is something to link to. */
  sectionIds: Set<string>;
  thresholds: ReportThresholds;
  place: PlaceChart;
}): Promise<string> {
  const { id, harness: h, verified: v, weakness, countries, sectionIds, thresholds: t, place } = input;
  const parentLink = (p: string) => (sectionIds.has(p) ? `<a href="#${escapeHtml(p)}">${escapeHtml(p)}</a>` : escapeHtml(p));
  const chosen = h?.methods.find((m) => m.method === h.chosen);
  const values = h?.values ?? v?.values ?? [];
  const facts = [
    h ? `tier ${escapeHtml(h.tier)}` : '',
    h ? `parents: ${h.parents.length ? h.parents.map(parentLink).join(', ') : 'none'}` : '',
    `${values.length} values`,
    h ? `chosen method: <code>${escapeHtml(h.chosen)}</code>${chosen ? ` (${escapeHtml(formatParams(chosen.params))})` : ''}` : '',
    `<a href="#report-summary">back to summary</a>`,
  ].filter(Boolean);

  const marginals = v?.marginals.length
    ? `<table class="marginal-tv"><thead><tr>${v.marginals.map((m) => `<th class="num">${escapeHtml(m.country)}</th>`).join('')}</tr></thead>
<tbody><tr>${v.marginals.map((m) => metricCell(m.tv, t.marginalTV)).join('')}</tr></tbody></table>
${await place(`marginal-${id}`, marginalChart(v))}`
    : '<p class="note">Not sampled by the verification.</p>';

  return `<section id="${escapeHtml(id)}" class="dimension">
<h2>${escapeHtml(id)} <span class="badge ${weakness.grade}">score ${weakness.score.toFixed(2)}</span>${
    weakness.ruleViolations > 0 ? '<span class="badge violation">rule violations</span>' : ''
  }${weakness.allEstimated ? '<span class="badge estimated">all estimated</span>' : ''}</h2>
<p class="meta">${facts.join(' · ')}</p>
<h3>Combination methods</h3>
${h ? methodsTable(h, countries, t) : '<p class="note">Not evaluated by the harness.</p>'}
<h3>Generated vs target marginal (TV per country)</h3>
${marginals}
<h3>Pairwise conditionals P(${escapeHtml(id)} | parent)</h3>
${v ? await pairwiseSection(v, t, place) : '<p class="note">Not sampled by the verification.</p>'}
<h3>Where the numbers come from</h3>
${h ? provenanceTable(h.tables, t) : '<p class="note">Not evaluated by the harness.</p>'}
<h3>Rule check</h3>
${v ? rulesTable(v.rules) : '<p class="note">Not sampled by the verification.</p>'}
</section>`;
}
