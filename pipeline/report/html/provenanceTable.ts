import type { TableSummary } from '../reportData.js';
import type { ReportThresholds } from '../thresholds.js';
import { escapeHtml } from './escapeHtml.js';
import { formatCount } from './format.js';
import { metricCell } from './metricCell.js';

/**
 * Where a dimension's tables come from: published vs estimated rows, answer sources and counts, rejected answers
 * by reason, and how much the sources disagree.
 *
 * @example
 *   html += provenanceTable(harness.dimensions[0].tables, thresholds);
 */
export function provenanceTable(tables: TableSummary[], t: ReportThresholds): string {
  if (!tables.length) return '<p class="note">No table summaries in the harness result.</p>';
  const rows = tables.map((s) => {
    const reasons = Object.entries(s.rejectReasons)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([reason, n]) => `${escapeHtml(reason)}: ${formatCount(n)}`)
      .join('<br>');
    const noneMade = s.published === 0 && s.estimated > 0 ? ' <span class="badge estimated">all estimated</span>' : '';
    return `<tr><td>${escapeHtml(s.role)}</td><td>${s.given.length ? escapeHtml(s.given.join(' + ')) : '—'}</td>
<td class="num">${formatCount(s.rows)}</td><td class="num">${formatCount(s.published)}</td><td class="num">${formatCount(s.estimated)}${noneMade}</td>
<td>${s.sources.length ? s.sources.map((x) => `<code>${escapeHtml(x)}</code>`).join(' ') : '—'}</td>
<td class="num">${formatCount(s.answers)}</td><td class="num">${formatCount(s.rejected)}</td><td>${reasons || '—'}</td>
${metricCell(s.disagreement, t.disagreement)}</tr>`;
  });
  return `<div class="scroll"><table class="provenance"><thead><tr><th>table</th><th>given</th><th class="num">rows</th><th class="num">published</th><th class="num">estimated</th><th>sources</th><th class="num">answers</th><th class="num">rejected</th><th>rejected because</th><th class="num">disagreement</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table></div>`;
}
