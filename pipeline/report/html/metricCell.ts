import { gradeOf, type Band } from '../thresholds.js';
import { escapeHtml } from './escapeHtml.js';
import { formatPp } from './format.js';

/**
 * A table cell with a TV in percentage points, coloured by its grade (`g-green`, `g-amber`, `g-red`); an empty
 * cell when there is no value.
 *
 * @example
 *   metricCell(0.012, { green: 0.01, amber: 0.02 }) // '<td class="num g-amber">1.20 pp</td>'
 */
export function metricCell(value: number | null | undefined, band: Band): string {
  if (value == null || !Number.isFinite(value)) return '<td class="num none">—</td>';
  return `<td class="num g-${gradeOf(value, band)}">${escapeHtml(formatPp(value))}</td>`;
}
