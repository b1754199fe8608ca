import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkReportData } from '../../pipeline/report/checkReportData.js';
import { rankWeakness } from '../../pipeline/report/rankWeakness.js';
import { renderReport, type RenderedReport } from '../../pipeline/report/renderReport.js';
import { reportThresholds } from '../../pipeline/report/thresholds.js';
import { reportFixture } from './support/reportFixture.js';

const { harness, verification } = reportFixture();
const ids = harness.dimensions.map((d) => d.id);

/** The HTML of one dimension's section. */
function sectionOf(html: string, id: string): string {
  const start = html.indexOf(`<section id="${id}"`);
  return html.slice(start, html.indexOf('</section>', start));
}

describe('renderReport', () => {
  let dir: string;
  let report: RenderedReport;
  let html: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'personagen-report-'));
    report = await renderReport({ harness, verification, outDir: join(dir, 'first') });
    html = readFileSync(report.htmlPath, 'utf8');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes one self-contained page: no scripts, no external references', () => {
    expect(basename(report.htmlPath)).toBe('index.html');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link|<img|<iframe|@import/i);
    expect(html).not.toMatch(/https?:\/\//);
    for (const [, target] of html.matchAll(/\s(?:src|href)="([^"]*)"/g)) expect(target.startsWith('#'), target).toBe(true);
  });

  it('has a section for every dimension, linked from the summary', () => {
    for (const id of ids) {
      expect(html).toContain(`<section id="${id}"`);
      expect(html).toContain(`<a href="#${id}">${id}</a>`);
    }
  });

  it('lists every dimension weakest first: the rule violation, then the largest errors', () => {
    const summary = html.slice(html.indexOf('<table class="weakest">'), html.indexOf('</table>', html.indexOf('<table class="weakest">')));
    const order = [...summary.matchAll(/<tr data-dimension="([^"]+)"/g)].map((m) => m[1]);
    expect(order).toEqual(['educationLevel', 'smoking', 'religion', 'sex']);
    expect(summary).toMatch(/all estimated/);
  });

  it('shows the chosen method per dimension, highlighted among all methods', () => {
    for (const d of harness.dimensions) {
      const section = sectionOf(html, d.id);
      expect(section).toContain(`chosen method: <code>${d.chosen}</code>`);
      const chosenRows = [...section.matchAll(/<tr class="chosen"><td><code>([^<]+)<\/code>/g)].map((m) => m[1]);
      expect(chosenRows).toEqual([d.chosen]);
      expect(section.match(/<tr[ >]/g)!.length).toBeGreaterThanOrEqual(d.methods.length);
    }
    expect(html).toContain('<span class="badge infeasible">infeasible</span>');
  });

  it('flags the rule violation in red, in the summary and in the section', () => {
    const row = html.slice(html.indexOf('<tr data-dimension="educationLevel"'), html.indexOf('</tr>', html.indexOf('<tr data-dimension="educationLevel"')));
    expect(row).toContain('badge violation');
    expect(row).toContain('<td class="num g-red">3</td>');
    expect(sectionOf(html, 'educationLevel')).toMatch(/<tr class="violated">[\s\S]*?<td class="num g-red">3<\/td><\/tr>/);
    expect(sectionOf(html, 'smoking')).toContain('<td class="num g-green">0</td>');
  });

  it('inlines every chart as SVG and writes it as .svg and .png', () => {
    const svgFiles = report.charts.filter((p) => p.endsWith('.svg'));
    const pngFiles = report.charts.filter((p) => p.endsWith('.png'));
    expect(svgFiles.length).toBe(pngFiles.length);
    expect(html.match(/<svg[ >]/g)!.length).toBe(svgFiles.length);
    expect(readdirSync(join(dir, 'first', 'charts')).sort()).toEqual(report.charts.map((p) => basename(p)).sort());
    // One marginal chart per sampled dimension, one heatmap per pairwise conditional, two summary charts.
    const pairwise = verification.dimensions.reduce((n, d) => n + d.pairwise.length, 0);
    expect(svgFiles.length).toBe(verification.dimensions.length + pairwise + 2);
    for (const p of svgFiles) expect(readFileSync(p, 'utf8')).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    for (const p of pngFiles) expect(readFileSync(p).subarray(1, 4).toString()).toBe('PNG');
    // Ids inside the inlined SVGs must not clash across charts.
    const svgIds = [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].flatMap((m) => [...m[0].matchAll(/ id="([^"]+)"/g)].map((x) => x[1]));
    expect(new Set(svgIds).size).toBe(svgIds.length);
  });

  it('keeps heatmaps of a 51-value parent readable: the 25 most common rows, and says so', () => {
    expect(sectionOf(html, 'religion')).toContain('Showing the 25 of 51 region values with the largest share');
    expect(sectionOf(html, 'religion')).not.toContain('Showing the 25 of 12');
  });

  it('escapes text from the data', () => {
    expect(html).toContain('master&#39;s &amp; &quot;isced9&quot; &lt; 25');
    expect(html).not.toContain('"isced9" < 25');
    expect(html).toContain('unknown value &lt;other&gt;');
  });

  it('writes the method comparison for the release note', () => {
    const md = readFileSync(report.methodComparisonPath, 'utf8');
    for (const m of ['naiveProduct', 'linearPool', 'linearPoolRaked', 'logLinearTempered', 'logLinearRaked']) expect(md).toContain(`| \`${m}\` |`);
  });

  it('renders byte-identical output for the same input', async () => {
    const again = await renderReport({ harness, verification, outDir: join(dir, 'second') });
    expect(readFileSync(again.htmlPath, 'utf8') === html).toBe(true);
    expect(again.charts.map((p) => basename(p))).toEqual(report.charts.map((p) => basename(p)));
    for (const p of again.charts.filter((x) => x.endsWith('.svg')))
      expect(readFileSync(p, 'utf8')).toBe(readFileSync(join(dir, 'first', 'charts', basename(p)), 'utf8'));
  });

  it.runIf(process.env.REPORT_FULL)('renders a realistic report (35 dimensions, 4 countries) in well under two minutes', async () => {
    const big = reportFixture({ size: 'realistic' });
    const started = performance.now();
    const out = await renderReport({ ...big, outDir: join(dir, 'realistic') });
    const seconds = (performance.now() - started) / 1000;
    console.log(`realistic report: ${out.charts.length} chart files in ${seconds.toFixed(1)} s`);
    expect(seconds).toBeLessThan(120);
  }, 180_000);
});

describe('rankWeakness', () => {
  it('puts rule violations first, then the highest score; every metric graded against its own band', () => {
    const rows = rankWeakness(harness, verification, reportThresholds(harness.calibrationTolerance));
    expect(rows.map((r) => r.id)).toEqual(['educationLevel', 'smoking', 'religion', 'sex']);
    expect(rows[0].ruleViolations).toBe(3);
    expect(rows[1].score).toBeGreaterThan(1);
    expect(rows[1].grade).toBe('red');
    expect(rows.find((r) => r.id === 'religion')!.allEstimated).toBe(true);
    expect(rows.find((r) => r.id === 'sex')!.pairwiseTV).toBeNull();
  });
});

describe('checkReportData', () => {
  it('names the path of a matrix with the wrong shape', () => {
    const broken = structuredClone(verification);
    broken.dimensions[1].pairwise[0].generated[2] = broken.dimensions[1].pairwise[0].generated[2].slice(1);
    expect(() => checkReportData(harness, broken)).toThrow(
      'report data: verification.dimensions[1] (educationLevel).pairwise[0] (age, US).generated[2]: 8 numbers for 9 values',
    );
  });
});
