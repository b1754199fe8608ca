import type { Verification } from '../reportData.js';
import { escapeHtml } from './escapeHtml.js';
import { formatCount } from './format.js';

type RuleCheck = Verification['dimensions'][number]['rules'][number];

/**
 * How often each hard rule applied in the sampled personas and how often it was broken (must be 0; red if not).
 *
 * @example
 *   html += rulesTable(verification.dimensions[0].rules);
 */
export function rulesTable(rules: RuleCheck[]): string {
  if (!rules.length) return '<p class="note">No hard rules on this dimension.</p>';
  const rows = rules.map(
    (r) => `<tr${r.violations > 0 ? ' class="violated"' : ''}><td><code>${escapeHtml(r.id)}</code></td><td>${escapeHtml(r.reason)}</td>
<td class="num">${formatCount(r.applied)}</td><td class="num ${r.violations > 0 ? 'g-red' : 'g-green'}">${formatCount(r.violations)}</td></tr>`,
  );
  return `<table class="rules"><thead><tr><th>rule</th><th>reason</th><th class="num">applied</th><th class="num">violations</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
}
