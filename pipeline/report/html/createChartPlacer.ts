import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { inlineSvg, renderChartPng, renderChartSvg } from '../charts/renderChart.js';
import { escapeHtml } from './escapeHtml.js';

/** Renders a chart, writes its files and returns the `<figure>` to put in the page. */
export type PlaceChart = (name: string, spec: TopLevelSpec, caption?: string) => Promise<string>;

/** PNGs rasterised at the same time; bounded so a big report does not hold hundreds of images in memory. */
const PNG_IN_FLIGHT = 4;

/**
 * Makes the `PlaceChart` the page sections use: each call lays out one chart (one at a time), writes
 * `charts/<name>.svg` and records the files in `written`; the `.png` is rasterised in the background and `done()`
 * waits for the last ones. Names are made file-safe and unique in call order, so the same input always gives the
 * same names and the same `written` order.
 *
 * @example
 *   const written: string[] = [];
 *   const charts = createChartPlacer({ chartsDir: 'report/charts', png: true, written });
 *   html += await charts.place('marginal-sex', marginalChart(dim));
 *   await charts.done();
 */
export function createChartPlacer(options: { chartsDir: string; png: boolean; written: string[] }): { place: PlaceChart; done: () => Promise<void> } {
  const used = new Set<string>();
  const inFlight: Promise<void>[] = [];
  // Kept, not thrown from the background promise: an unhandled rejection would kill the process mid-report.
  let pngFailure: Error | undefined;
  const check = () => {
    if (pngFailure) throw pngFailure;
  };

  const place: PlaceChart = async (name, spec, caption) => {
    check();
    const base = name.replace(/[^A-Za-z0-9_-]/g, '_');
    let unique = base;
    for (let n = 2; used.has(unique); n++) unique = `${base}-${n}`;
    used.add(unique);

    const svg = await renderChartSvg(spec, unique);
    const svgPath = join(options.chartsDir, `${unique}.svg`);
    writeFileSync(svgPath, svg);
    options.written.push(svgPath);
    if (options.png) {
      const pngPath = join(options.chartsDir, `${unique}.png`);
      options.written.push(pngPath);
      if (inFlight.length >= PNG_IN_FLIGHT) await inFlight.shift();
      inFlight.push(
        renderChartPng(svg)
          .then((png) => writeFileSync(pngPath, png))
          .catch((e: Error) => void (pngFailure ??= new Error(`chart ${unique}: PNG failed: ${e.message}`))),
      );
    }
    const figcaption = caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : '';
    return `<figure class="chart" data-chart="${escapeHtml(unique)}">${inlineSvg(svg)}${figcaption}</figure>`;
  };

  const done = async () => {
    await Promise.all(inFlight.splice(0));
    check();
  };
  return { place, done };
}
