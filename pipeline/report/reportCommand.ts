import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { Engine } from '../../src/engine/Engine.js';
import { buildRegistry } from '../../src/engine/registry.js';
import { readMapFiles } from '../../src/maps/readMapFiles.js';
import { verifyMaps } from '../verify/verifyMaps.js';
import { renderReport } from './renderReport.js';
import type { HarnessResult } from './reportData.js';

/**
 * `pipeline report`: samples the built maps (default 200,000 personas per country), compares them with their
 * targets, tables and rules, and renders the HTML report with the harness results of the last build.
 *
 * @example
 *   npm run report -- --per-country 50000
 */
export function registerReportCommand(program: Command): Command {
  return program
    .command('report')
    .description('Verify maps/ by sampling and write the validation report (reports/index.html, charts, verification.json).')
    .option('--per-country <n>', 'personas sampled per country', '200000')
    .option('--harness <file>', 'harness results written by the build', 'reports/harness.json')
    .option('--out <dir>', 'output directory', 'reports')
    .option('--no-png', 'write SVG charts only')
    .action(async (opts: { perCountry: string; harness: string; out: string; png: boolean }) => {
      const started = Date.now();
      const files = readMapFiles('maps');
      const engine = new Engine(buildRegistry(files.raw, files.version));
      const harness = JSON.parse(readFileSync(opts.harness, 'utf8')) as HarnessResult;
      const verification = verifyMaps(engine, Number(opts.perCountry));
      mkdirSync(opts.out, { recursive: true });
      writeFileSync(join(opts.out, 'verification.json'), JSON.stringify(verification) + '\n');
      const worst = verification.dimensions.flatMap((d) => d.marginals.map((m) => ({ id: d.id, country: m.country, tv: m.tv })))
        .sort((a, b) => b.tv - a.tv).slice(0, 5);
      const violations = verification.dimensions.reduce((n, d) => n + d.rules.reduce((m, r) => m + r.violations, 0), 0);
      console.log(`sampled ${opts.perCountry} personas per country in ${((Date.now() - started) / 1000).toFixed(0)} s; rule violations: ${violations}`);
      console.log(`worst marginals (TV vs target): ${worst.map((w) => `${w.id}/${w.country} ${(w.tv * 100).toFixed(2)} pp`).join(', ')}`);
      const { htmlPath, charts } = await renderReport({ harness, verification, outDir: opts.out, png: opts.png });
      console.log(`report: ${htmlPath} (${charts.length} chart files)`);
    });
}
