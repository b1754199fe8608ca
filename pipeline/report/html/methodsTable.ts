import type { DimensionHarness } from '../reportData.js';
import type { ReportThresholds } from '../thresholds.js';
import { escapeHtml } from './escapeHtml.js';
import { formatParams, formatPercent } from './format.js';
import { metricCell } from './metricCell.js';

/**
 * Every evaluated method's errors for one dimension: marginal TV per country, conditional TV overall and per
 * table, forbidden mass, parameters. The chosen method's row is highlighted, infeasible methods are marked.
 *
 * @example
 *   html += methodsTable(harness.dimensions[0], harness.countries, thresholds);
 */
export function methodsTable(dim: DimensionHarness, countries: string[], t: ReportThresholds): string {
  const tables = [...new Set(dim.methods.flatMap((m) => Object.keys(m.conditionalTVByTable)))].sort();
  const head = [
    '<th>method</th><th>feasible</th><th class="num">max marginal TV</th>',
    ...countries.map((c) => `<th class="num">marginal ${escapeHtml(c)}</th>`),
    '<th class="num">conditional TV</th>',
    ...tables.map((k) => `<th class="num">| ${escapeHtml(k)}</th>`),
    '<th class="num">forbidden mass</th><th>params</th>',
  ].join('');
  const rows = dim.methods.map((m) => {
    const chosen = m.method === dim.chosen;
    const badges = (chosen ? ' <span class="badge chosen">chosen</span>' : '') + (m.feasible ? '' : ' <span class="badge infeasible">infeasible</span>');
    return `<tr${chosen ? ' class="chosen"' : ''}><td><code>${escapeHtml(m.method)}</code>${badges}</td><td>${m.feasible ? 'yes' : '<strong>no</strong>'}</td>
${metricCell(m.maxMarginalTV, t.marginalTV)}${countries.map((c) => metricCell(m.marginalTV[c], t.marginalTV)).join('')}
${metricCell(m.conditionalTV, t.conditionalTV)}${tables.map((k) => metricCell(m.conditionalTVByTable[k], t.conditionalTV)).join('')}
<td class="num">${formatPercent(m.forbiddenMass, 2)}</td><td><code>${escapeHtml(formatParams(m.params))}</code></td></tr>`;
  });
  return `<div class="scroll"><table class="method-errors"><thead><tr>${head}</tr></thead><tbody>
${rows.join('\n')}
</tbody></table></div>`;
}
