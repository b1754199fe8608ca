import type { TopLevelSpec } from 'vega-lite';
import type { WeaknessRow } from '../rankWeakness.js';
import { gradeOf, type Band } from '../thresholds.js';
import { chartConfig, gradeColours } from './chartConfig.js';

/**
 * The chosen method's conditional TV per dimension as horizontal bars, largest first, coloured by grade, with the
 * green and red thresholds as dashed lines. Horizontal so 35+ dimension ids stay readable.
 *
 * @example
 *   conditionalTvChart(rankWeakness(harness, verification, t), t.conditionalTV)
 */
export function conditionalTvChart(rows: WeaknessRow[], band: Band): TopLevelSpec {
  const bars = rows
    .filter((r) => r.conditionalTV != null)
    .map((r) => ({ id: r.id, pp: Math.round(r.conditionalTV! * 1e6) / 1e4, grade: gradeOf(r.conditionalTV!, band), method: r.chosen ?? '' }))
    .sort((a, b) => b.pp - a.pp || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    config: chartConfig,
    title: 'Conditional TV of the chosen method, per dimension',
    width: 420,
    height: { step: 14 },
    data: { values: bars },
    layer: [
      {
        mark: 'bar',
        encoding: {
          y: { field: 'id', type: 'nominal', sort: bars.map((b) => b.id), title: null },
          x: { field: 'pp', type: 'quantitative', title: 'conditional TV (pp)' },
          color: {
            field: 'grade',
            type: 'nominal',
            title: null,
            scale: { domain: ['green', 'amber', 'red'], range: [gradeColours.green, gradeColours.amber, gradeColours.red] },
            legend: null,
          },
        },
      },
      {
        data: { values: [{ pp: band.green * 100 }, { pp: band.amber * 100 }] },
        mark: { type: 'rule', strokeDash: [4, 3], color: '#555' },
        encoding: { x: { field: 'pp', type: 'quantitative' } },
      },
    ],
  };
}

