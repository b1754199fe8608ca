import { renderAsync } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * Compiles a Vega-Lite spec and renders it to an SVG string on the server (no canvas, no browser).
 *
 * Vega numbers its gradient and clip-path ids with process-wide counters, so the same chart rendered twice (or
 * two charts inlined into one page) would get different or clashing ids; they are renamed to `<name>-<n>` in order
 * of appearance, which makes the output deterministic and unique per chart name.
 *
 * @example
 *   const svg = await renderChartSvg({ mark: 'bar', data: { values: [{ a: 1 }] }, encoding: { x: { field: 'a' } } }, 'demo');
 */
export async function renderChartSvg(spec: TopLevelSpec, name: string): Promise<string> {
  let compiled;
  try {
    // Vega-Lite warns about harmless things (e.g. dropped nulls); 400 charts should not flood the log.
    compiled = compile(spec, { logger: vega.logger(vega.Error) });
  } catch (e) {
    throw new Error(`chart ${name}: Vega-Lite could not compile it: ${(e as Error).message}`);
  }
  const view = new vega.View(vega.parse(compiled.spec), { renderer: 'none', logLevel: vega.Error });
  try {
    return hexColours(uniqueIds(await view.toSVG(), name));
  } finally {
    view.finalize();
  }
}

/**
 * Rasterises an SVG from `renderChartSvg` to PNG at twice its size, for places that cannot show SVG (release notes,
 * chat). Runs on libuv's thread pool, so the next chart can be laid out meanwhile.
 *
 * @example
 *   writeFileSync('chart.png', await renderChartPng(svg));
 */
export async function renderChartPng(svg: string): Promise<Buffer> {
  const image = await renderAsync(svg, { fitTo: { mode: 'zoom', value: 2 }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } });
  return image.asPng();
}

/**
 * The SVG as it goes into the HTML page: the XML namespace declarations are implied there, and dropping them keeps
 * the page free of any `http://` reference.
 *
 * @example
 *   inlineSvg('<svg xmlns="http://www.w3.org/2000/svg" width="1"></svg>') // '<svg width="1"></svg>'
 */
export function inlineSvg(svg: string): string {
  return svg.replace(/ xmlns(:xlink)?="[^"]*"/g, '');
}

function uniqueIds(svg: string, name: string): string {
  const prefix = name.replace(/[^A-Za-z0-9_-]/g, '_');
  const renamed = new Map<string, string>();
  for (const [, id] of svg.matchAll(/ id="([^"]+)"/g)) if (!renamed.has(id)) renamed.set(id, `${prefix}-${renamed.size + 1}`);
  if (renamed.size === 0) return svg;
  return svg
    .replace(/ id="([^"]+)"/g, (_, id: string) => ` id="${renamed.get(id)}"`)
    .replace(/url\(#([^)]+)\)/g, (whole, id: string) => (renamed.has(id) ? `url(#${renamed.get(id)})` : whole))
    .replace(/href="#([^"]+)"/g, (whole, id: string) => (renamed.has(id) ? `href="#${renamed.get(id)}"` : whole));
}

// Heatmaps have thousands of cells and the page inlines them all: '#c8ddf0' is half as long as 'rgb(200, 221, 240)'.
function hexColours(svg: string): string {
  return svg.replace(/rgb\((\d+), ?(\d+), ?(\d+)\)/g, (_, r: string, g: string, b: string) =>
    '#' + [r, g, b].map((c) => Number(c).toString(16).padStart(2, '0')).join(''),
  );
}
