import type { Command } from 'commander';
import { writeManifest } from '../writeManifest.js';
import { buildMaps, DEFAULT_BUILD } from './buildMaps.js';

/**
 * `pipeline build`: rebuilds maps/dimensions/ from the answers and sources, writes the harness results and the
 * manifest. Same inputs, byte-identical output.
 *
 * @example
 *   npm run maps:build
 */
export function registerBuildCommand(program: Command): Command {
  return program
    .command('build')
    .description('Rebuild maps/dimensions/*.json from pipeline/answers (offline files) + pipeline/cache/llm (cached model answers): aggregate, fit and compare the combination methods, calibrate, write the manifest.')
    .option('--population <n>', 'personas per country the country bias is raked on', String(DEFAULT_BUILD.populationSize))
    .option('--fit <n>', 'personas per country the methods are fitted and compared on', String(DEFAULT_BUILD.fitSize))
    .option('--harness <file>', 'where to write the harness results', DEFAULT_BUILD.harnessFile)
    .action((opts: { population: string; fit: string; harness: string }) => {
      const started = Date.now();
      const result = buildMaps({
        ...DEFAULT_BUILD,
        populationSize: Number(opts.population),
        fitSize: Number(opts.fit),
        harnessFile: opts.harness,
        log: (line) => console.log(line),
      });
      const version = writeManifest(DEFAULT_BUILD.mapsDir);
      console.log(`built ${result.dimensions.length} dimension maps in ${((Date.now() - started) / 1000).toFixed(0)} s; map version ${version}; harness in ${opts.harness}`);
    });
}
