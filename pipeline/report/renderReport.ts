import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { checkReportData } from './checkReportData.js';
import { compareMethods } from './compareMethods.js';
import { createChartPlacer } from './html/createChartPlacer.js';
import { dimensionSection } from './html/dimensionSection.js';
import { headerSection } from './html/headerSection.js';
import { pageShell } from './html/pageShell.js';
import { summarySection } from './html/summarySection.js';
import { methodComparisonMarkdown } from './methodComparisonMarkdown.js';
import { rankWeakness } from './rankWeakness.js';
import type { HarnessResult, Verification } from './reportData.js';
import { reportThresholds } from './thresholds.js';

/** What `renderReport` wrote. Paths are `outDir` joined with the file name. */
export interface RenderedReport {
  /** `outDir/index.html`: the self-contained page. */
  htmlPath: string;
  /** Every chart file written, in page order: `outDir/charts/<name>.svg` and, with `png`, `<name>.png` after it. */
  charts: string[];
  /** `outDir/method-comparison.md`: the method comparison table for the release note. */
  methodComparisonPath: string;
}

/**
 * Renders the validation report of the map pipeline from the harness result and the verification of the built
 * maps: `outDir/index.html` (one self-contained page, charts inlined as SVG, no scripts), every chart again as
 * `outDir/charts/<name>.svg` (+ `.png` unless `png: false`) and `outDir/method-comparison.md`. The output depends on
 * the input only (no timestamps, stable order), so two reports can be diffed. Charts render one at a time.
 *
 * @example
 *   const harness = JSON.parse(readFileSync('build/harness.json', 'utf8'));
 *   const verification = JSON.parse(readFileSync('build/verification.json', 'utf8'));
 *   const { htmlPath } = await renderReport({ harness, verification, outDir: 'build/report' });
 */
export async function renderReport(options: {
  harness: HarnessResult;
  verification: Verification;
  outDir: string;
  png?: boolean;
}): Promise<RenderedReport> {
  const { harness, verification, outDir, png = true } = options;
  checkReportData(harness, verification);

  const chartsDir = join(outDir, 'charts');
  mkdirSync(chartsDir, { recursive: true });
  const written: string[] = [];
  const { place, done } = createChartPlacer({ chartsDir, png, written });

  const thresholds = reportThresholds(harness.calibrationTolerance);
  const weakness = rankWeakness(harness, verification, thresholds);
  const methods = compareMethods(harness);
  const countries = [...new Set([...harness.countries, ...verification.countries])];

  const evaluated = new Map(harness.dimensions.map((d) => [d.id, d]));
  const sampled = new Map(verification.dimensions.map((d) => [d.id, d]));
  // Sections follow the catalogue (harness) order, which readers know; the summary gives the weakness order.
  const ids = [...evaluated.keys(), ...[...sampled.keys()].filter((id) => !evaluated.has(id))];
  const sectionIds = new Set(ids);
  const weaknessById = new Map(weakness.map((w) => [w.id, w]));

  const parts = [headerSection(harness, verification), await summarySection(weakness, methods, thresholds, place)];
  parts.push('<div id="report-dimensions">');
  for (const id of ids) {
    parts.push(
      await dimensionSection({
        id,
        harness: evaluated.get(id),
        verified: sampled.get(id),
        weakness: weaknessById.get(id)!,
        countries,
        sectionIds,
        thresholds,
        place,
      }),
    );
  }
  parts.push('</div>');
  await done();

  const htmlPath = join(outDir, 'index.html');
  writeFileSync(htmlPath, pageShell(`Map validation ${verification.mapVersion}`, parts.join('\n')));
  const methodComparisonPath = join(outDir, 'method-comparison.md');
  writeFileSync(methodComparisonPath, methodComparisonMarkdown(methods));
  removeStaleCharts(chartsDir, written);
  return { htmlPath, charts: written, methodComparisonPath };
}

// A re-render into the same directory must not leave charts of dimensions that no longer exist.
function removeStaleCharts(chartsDir: string, written: string[]): void {
  const keep = new Set(written.map((p) => basename(p)));
  for (const file of readdirSync(chartsDir)) if (/\.(svg|png)$/.test(file) && !keep.has(file)) rmSync(join(chartsDir, file));
}
