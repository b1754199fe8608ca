import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../pipeline/report/renderReport.js';
import type { HarnessResult, Verification } from '../../pipeline/report/reportData.js';
import { samplingNoiseTV } from '../../pipeline/verify/samplingNoiseTV.js';
import { verifyMaps } from '../../pipeline/verify/verifyMaps.js';
import { loadEngine } from '../support/engine.js';

const out = mkdtempSync(join(tmpdir(), 'personagen-report-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the committed maps after calibration', () => {
  const engine = loadEngine();
  let verification: Verification;

  it('sample 1,000,000 personas across all countries with zero violations of the declared rules, and every marginal on target', () => {
    const countries = engine.registry.coveredCountries;
    const perCountry = Math.ceil(1_000_000 / countries.length);
    verification = verifyMaps(engine, perCountry);
    expect(verification.countries).toEqual([...countries]);
    const rules = verification.dimensions.flatMap((d) => d.rules.map((r) => ({ ...r, dimension: d.id })));
    expect(rules.length).toBeGreaterThan(100);
    expect(rules.filter((r) => r.violations > 0)).toEqual([]);
    expect(rules.filter((r) => r.applied > 0).length).toBeGreaterThan(rules.length * 0.8);
    // Calibration reaches 0.5 pp on the build population; the rest is the sampling noise of perCountry draws.
    const off = verification.dimensions.flatMap((d) => d.marginals
      .filter((m) => m.tv > 0.005 + 4 * samplingNoiseTV(m.target, perCountry))
      .map((m) => `${d.id}/${m.country}: ${(m.tv * 100).toFixed(2)} pp (noise ${(samplingNoiseTV(m.target, perCountry) * 100).toFixed(2)} pp)`));
    expect(off).toEqual([]);
    expect(verification.dimensions.reduce((n, d) => n + d.marginals.length, 0)).toBeGreaterThan(70 * countries.length);
  }, 900_000);

  it('render into a report with a section for every dimension of the harness', async () => {
    const harness = JSON.parse(readFileSync('reports/harness.json', 'utf8')) as HarnessResult;
    // Four countries keep the rendering quick; `npm run report` renders all of them.
    const small = verifyMaps(engine, 2_000, 'report test', ['US', 'GB', 'NG', 'JP']);
    const { htmlPath } = await renderReport({ harness, verification: small, outDir: out, png: false });
    const html = readFileSync(htmlPath, 'utf8');
    expect(harness.dimensions.length).toBe(engine.registry.dimensions.filter((d) => d.available && d.model.factors.length > 0).length);
    for (const d of harness.dimensions) expect(html, d.id).toContain(`id="${d.id}"`);
    expect(html).toContain('<svg');
  }, 240_000);
});
