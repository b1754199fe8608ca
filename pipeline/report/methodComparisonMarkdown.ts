import type { MethodComparisonRow } from './compareMethods.js';
import { formatPercent, formatPp } from './html/format.js';

/**
 * The method comparison as a Markdown table, ready to paste into the release note (the report also writes it to
 * `method-comparison.md`).
 *
 * @example
 *   methodComparisonMarkdown(compareMethods(harness))
 *   // | method | chosen | feasible | mean marginal TV | ...
 */
export function methodComparisonMarkdown(rows: MethodComparisonRow[]): string {
  const header = ['method', 'chosen', 'feasible', 'mean marginal TV', 'max marginal TV', 'mean conditional TV', 'max conditional TV', 'mean forbidden mass'];
  const lines = rows.map((r) => [
    `\`${r.method}\``,
    `${r.chosen} / ${r.dimensions}`,
    `${r.feasible} / ${r.dimensions}`,
    formatPp(r.meanMarginalTV),
    formatPp(r.maxMarginalTV),
    formatPp(r.meanConditionalTV),
    formatPp(r.maxConditionalTV),
    formatPercent(r.meanForbiddenMass, 2),
  ]);
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...lines.map((l) => `| ${l.join(' | ')} |`),
    '',
    'Marginal TV: per dimension the worst country, then mean / max over dimensions. Conditional TV: mean over the',
    "dimension's elicited tables and rows (weighted by how often the row occurs). TV = total-variation distance in",
    'percentage points. Feasible = every country within the calibration tolerance.',
    '',
  ].join('\n');
}
