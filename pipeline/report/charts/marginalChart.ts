import type { TopLevelSpec } from 'vega-lite';
import { formatPp } from '../html/format.js';
import type { Verification } from '../reportData.js';
import { chartConfig, labelAngle } from './chartConfig.js';

type VerifiedDimension = Verification['dimensions'][number];

/**
 * Generated vs target marginal of one dimension: two bars per value, one row per country (with its TV in the row
 * title). One faceted chart per dimension rather than one per country keeps the chart count, and so the render
 * time, down.
 *
 * @example
 *   const svg = await renderChartSvg(marginalChart(verification.dimensions[0]), 'marginal-sex');
 */
export function marginalChart(dim: VerifiedDimension): TopLevelSpec {
  const rows = dim.marginals.map((m) => `${m.country} · TV ${formatPp(m.tv)}`);
  const values = dim.marginals.flatMap((m, c) =>
    dim.values.flatMap((value, i) => [
      { country: rows[c], value, series: 'generated', p: round(m.generated[i]) },
      { country: rows[c], value, series: 'target', p: round(m.target[i]) },
    ]),
  );
  return {
    config: chartConfig,
    title: `${dim.id}: generated vs target marginal`,
    data: { values },
    facet: {
      row: {
        field: 'country',
        type: 'nominal',
        sort: rows,
        title: null,
        header: { labelAngle: 0, labelAlign: 'left', labelOrient: 'top', labelAnchor: 'start', labelFontWeight: 'bold' },
      },
    },
    spec: {
      width: { step: dim.values.length > 20 ? 14 : 26 },
      height: 90,
      mark: 'bar',
      encoding: {
        x: { field: 'value', type: 'nominal', sort: dim.values, title: null, axis: { labelAngle: labelAngle(dim.values) } },
        xOffset: { field: 'series', type: 'nominal', sort: ['generated', 'target'] },
        y: { field: 'p', type: 'quantitative', title: 'share', axis: { format: '.0%', tickCount: 4 } },
        color: {
          field: 'series',
          type: 'nominal',
          title: null,
          scale: { domain: ['generated', 'target'], range: ['#3f6fb0', '#b8b8b8'] },
          legend: { orient: 'top' },
        },
      },
    },
    // Shares differ a lot between countries (e.g. region); a shared axis would flatten the small ones.
    resolve: { scale: { y: 'independent' } },
  };
}

function round(p: number): number {
  return Math.round(p * 1e5) / 1e5;
}
