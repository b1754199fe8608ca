import type { Config } from 'vega-lite';

/**
 * Settings every report chart shares. ARIA attributes are off because hundreds of charts are inlined into one page
 * and per-mark descriptions would multiply its size; the tables beside each chart carry the numbers.
 *
 * @example
 *   const spec = { config: chartConfig, mark: 'bar', ... };
 */
export const chartConfig: Config = {
  aria: false,
  background: 'white',
  font: 'DejaVu Sans, Helvetica, Arial, sans-serif',
  view: { stroke: null },
  axis: { labelFontSize: 10, titleFontSize: 11, labelLimit: 140 },
  legend: { labelFontSize: 10, titleFontSize: 11 },
  header: { labelFontSize: 11, titleFontSize: 11 },
  title: { fontSize: 12, anchor: 'start' },
};

/** Colours of the traffic-light grades, also used by the page CSS so a bar and its table cell match. */
export const gradeColours = { green: '#4c9a5b', amber: '#d8a331', red: '#c8453a' } as const;

/**
 * Angle for category axis labels: rotated when there are many or long ones, so 44 occupations or 51 regions stay
 * legible instead of overlapping.
 *
 * @example
 *   labelAngle(['female', 'male']) // 0
 */
export function labelAngle(labels: string[]): number {
  const longest = Math.max(0, ...labels.map((l) => l.length));
  return labels.length > 12 || longest * labels.length > 60 ? -60 : 0;
}
