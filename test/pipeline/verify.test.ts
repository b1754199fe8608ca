import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../pipeline/report/renderReport.js';
import type { HarnessResult, Verification } from '../../pipeline/report/reportData.js';
import { verifyMaps } from '../../pipeline/verify/verifyMaps.js';
import { loadEngine } from '../support/engine.js';

const out = mkdtempSync(join(tmpdir(), 'personagen-report-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the committed maps after calibration', () => {
  const engine = loadEngine();
  let verification: Verification;

  it('match every target marginal within 1 pp (TV) on 200,000 personas per country, with zero rule violations', () => {
    verification = verifyMaps(engine, 200_000);
    expect(verification.countries).toEqual(['US', 'GB', 'IE', 'IN']);
    const worst = verification.dimensions.flatMap((d) => d.marginals.map((m) => ({ id: `${d.id}/${m.country}`, tv: m.tv })));
    expect(worst.length).toBeGreaterThan(30 * 4);
    for (const w of worst) expect(w.tv, w.id).toBeLessThanOrEqual(0.01);
    const rules = verification.dimensions.flatMap((d) => d.rules);
    expect(rules.length).toBeGreaterThan(20);
    expect(rules.filter((r) => r.violations > 0)).toEqual([]);
    expect(rules.filter((r) => r.applied > 0).length).toBeGreaterThan(20);
  }, 240_000);

  it('render into a report with a section for every dimension of the harness', async () => {
    const harness = JSON.parse(readFileSync('reports/harness.json', 'utf8')) as HarnessResult;
    const small = verifyMaps(engine, 5_000);
    const { htmlPath } = await renderReport({ harness, verification: small, outDir: out, png: false });
    const html = readFileSync(htmlPath, 'utf8');
    expect(harness.dimensions.length).toBe(engine.registry.dimensions.filter((d) => d.available && d.model.factors.length > 0).length);
    for (const d of harness.dimensions) expect(html, d.id).toContain(`id="${d.id}"`);
    expect(html).toContain('<svg');
  }, 240_000);
});
