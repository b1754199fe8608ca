import { conditionalTvChart } from '../charts/conditionalTvChart.js';
import { methodChart } from '../charts/methodChart.js';
import type { MethodComparisonRow } from '../compareMethods.js';
import type { WeaknessRow } from '../rankWeakness.js';
import type { ReportThresholds } from '../thresholds.js';
import type { PlaceChart } from './createChartPlacer.js';
import { escapeHtml } from './escapeHtml.js';
import { formatCount, formatPercent, formatPp } from './format.js';
import { metricCell } from './metricCell.js';

/**
 * "Weakest tables at a glance" (every dimension, worst first, linking to its section) with the legend, the
 * conditional-TV bar chart, and the method comparison table and chart that also go into the release note.
 *
 * @example
 *   body += await summarySection(rankWeakness(h, v, t), compareMethods(h), t, place);
 */
export async function summarySection(rows: WeaknessRow[], methods: MethodComparisonRow[], t: ReportThresholds, place: PlaceChart): Promise<string> {
  const band = (b: { green: number; amber: number }) =>
    `<span class="swatch green"></span>≤ ${formatPp(b.green)} <span class="swatch amber"></span>≤ ${formatPp(b.amber)} <span class="swatch red"></span>above`;
  const legend = `<ul class="note">
<li>Marginal TV (worst country; sampled from the built maps, or the harness figure when marked <em>h</em>): ${band(t.marginalTV)}</li>
<li>Conditional TV (chosen method, harness) and pairwise TV (worst sampled pairwise conditional): ${band(t.conditionalTV)}</li>
<li>Disagreement between answer sources (worst table): ${band(t.disagreement)}</li>
<li><strong>Score</strong> = the largest of these metrics divided by its red threshold (above 1.00 = something is red).
Order: dimensions with rule violations first, then by score (ties: those with no published rows first, then by id).</li>
<li>Flags: <span class="badge violation">rule violations</span> generated personas broke a hard rule (must be 0);
<span class="badge estimated">all estimated</span> no row of any table is published;
<span class="badge infeasible">infeasible</span> the chosen method missed the calibration tolerance.</li>
</ul>`;

  const body = rows
    .map((r, i) => {
      const flags = [
        r.ruleViolations > 0 ? '<span class="badge violation">rule violations</span>' : '',
        r.allEstimated ? '<span class="badge estimated">all estimated</span>' : '',
        r.chosenInfeasible ? '<span class="badge infeasible">infeasible</span>' : '',
      ].join('');
      const marginal = metricCell(r.marginalTV, t.marginalTV).replace('</td>', r.marginalFrom === 'harness' ? ' <em>h</em></td>' : '</td>');
      return `<tr data-dimension="${escapeHtml(r.id)}">
<td class="num">${i + 1}</td><td><a href="#${escapeHtml(r.id)}">${escapeHtml(r.id)}</a></td><td class="num">${escapeHtml(r.tier ?? '—')}</td>
<td>${r.chosen ? `<code>${escapeHtml(r.chosen)}</code>` : '—'}</td>
${marginal}${metricCell(r.conditionalTV, t.conditionalTV)}${metricCell(r.pairwiseTV, t.conditionalTV)}${metricCell(r.disagreement, t.disagreement)}
<td class="num">${formatCount(r.published)} / ${formatCount(r.estimated)}</td>
<td class="num${r.ruleViolations > 0 ? ' g-red' : ''}">${formatCount(r.ruleViolations)}</td>
<td>${flags}</td><td class="num g-${r.grade}">${r.score.toFixed(2)}</td></tr>`;
    })
    .join('\n');

  const methodRows = methods
    .map(
      (m) => `<tr><td><code>${escapeHtml(m.method)}</code></td><td class="num">${m.chosen} / ${m.dimensions}</td><td class="num">${m.feasible} / ${m.dimensions}</td>
${metricCell(m.meanMarginalTV, t.marginalTV)}${metricCell(m.maxMarginalTV, t.marginalTV)}${metricCell(m.meanConditionalTV, t.conditionalTV)}${metricCell(m.maxConditionalTV, t.conditionalTV)}
<td class="num">${formatPercent(m.meanForbiddenMass, 2)}</td></tr>`,
    )
    .join('\n');

  return `<section id="report-summary">
<h2>Weakest tables at a glance</h2>
${legend}
<div class="scroll"><table class="weakest">
<thead><tr><th class="num">#</th><th>dimension</th><th class="num">tier</th><th>chosen method</th><th class="num">marginal TV</th><th class="num">conditional TV</th><th class="num">pairwise TV</th><th class="num">disagreement</th><th class="num">published / estimated rows</th><th class="num">rule violations</th><th>flags</th><th class="num">score</th></tr></thead>
<tbody>
${body}
</tbody></table></div>
${await place('summary-conditional-tv', conditionalTvChart(rows, t.conditionalTV), 'Dashed lines: the green and red thresholds.')}
</section>
<section id="report-methods">
<h2>Method comparison</h2>
<p class="note">Every combination method the harness evaluated, over all dimensions it was evaluated on. Marginal TV is each
dimension's worst country, then the mean and maximum over dimensions; conditional TV is the mean over a dimension's
elicited tables and rows. This table is also written to <code>method-comparison.md</code> for the release note.</p>
<table class="methods">
<thead><tr><th>method</th><th class="num">chosen</th><th class="num">feasible</th><th class="num">mean marginal TV</th><th class="num">max marginal TV</th><th class="num">mean conditional TV</th><th class="num">max conditional TV</th><th class="num">mean forbidden mass</th></tr></thead>
<tbody>
${methodRows}
</tbody></table>
${methods.length ? await place('summary-methods', methodChart(methods)) : ''}
</section>`;
}
