import type { TopLevelSpec } from 'vega-lite';
import type { MethodComparisonRow } from '../compareMethods.js';
import { chartConfig } from './chartConfig.js';

/**
 * The method comparison as grouped bars: for marginal and conditional TV (side by side), each method's mean and
 * worst value over all dimensions, in percentage points.
 *
 * @example
 *   const svg = await renderChartSvg(methodChart(compareMethods(harness)), 'summary-methods');
 */
export function methodChart(rows: MethodComparisonRow[]): TopLevelSpec {
  const metrics = ['marginal TV (worst country)', 'conditional TV'];
  const values = rows.flatMap((r) => [
    { method: r.method, metric: metrics[0], stat: 'mean', pp: pp(r.meanMarginalTV) },
    { method: r.method, metric: metrics[0], stat: 'max', pp: pp(r.maxMarginalTV) },
    { method: r.method, metric: metrics[1], stat: 'mean', pp: pp(r.meanConditionalTV) },
    { method: r.method, metric: metrics[1], stat: 'max', pp: pp(r.maxConditionalTV) },
  ]);
  return {
    config: chartConfig,
    title: 'Combination methods over all dimensions',
    data: { values },
    facet: { column: { field: 'metric', type: 'nominal', sort: metrics, title: null } },
    spec: {
      width: { step: 44 },
      height: 180,
      mark: 'bar',
      encoding: {
        x: { field: 'method', type: 'nominal', sort: rows.map((r) => r.method), title: null, axis: { labelAngle: -30 } },
        xOffset: { field: 'stat', type: 'nominal', sort: ['mean', 'max'] },
        y: { field: 'pp', type: 'quantitative', title: 'TV (pp)' },
        color: {
          field: 'stat',
          type: 'nominal',
          title: 'over dimensions',
          scale: { domain: ['mean', 'max'], range: ['#3f6fb0', '#a9c4e8'] },
          legend: { orient: 'top' },
        },
      },
    },
    resolve: { scale: { y: 'independent' } },
  };
}

function pp(tv: number): number {
  return Math.round(tv * 1e6) / 1e4;
}
