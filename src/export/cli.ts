/**
 * `npm run export -- --count 1000000 --fields fullName,age,occupation --format csv --out personas.csv`: streams
 * personas to a file (or stdout) in constant memory, with a progress bar on stderr. Same values as the API and
 * GET /export for the same seed, offset and where.
 *
 * @example
 *   npm run export -- --seed 7 --count 100000 --where '{"countryOfResidence":{"in":["GB"]}}' --format ndjson --out gb.ndjson
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { SingleBar, Presets } from 'cli-progress';
import { Command } from 'commander';
import { loadService } from '../app.js';
import { buildSchema } from '../graphql/schema.js';
import { exportPersonas, parseExportRequest } from './exportPersonas.js';

const program = new Command()
  .name('personagen-export')
  .description('Stream synthetic personas as NDJSON or CSV.')
  .option('--seed <seed>', 'Int or String seed', '42')
  .option('--count <n>', 'how many personas', '1000')
  .option('--offset <n>', 'index of the first persona', '0')
  .option('--fields <list>', 'comma-separated Persona fields (object fields expand to their subfields)', 'id,fullName,age,sex,countryOfResidence')
  .option('--where <json>', 'conditions as JSON in the GraphQL variable form, e.g. {"occupation":{"in":["ISCO22"]}}')
  .option('--format <format>', 'ndjson or csv', 'ndjson')
  .option('--out <file>', 'output file (default: stdout)')
  .parse();
const options = program.opts<{ seed: string; count: string; offset: string; fields: string; where?: string; format: string; out?: string }>();

// No database: personas need only the maps (an embedded PostgreSQL would add about 600 MB of memory).
const { service } = loadService(process.env.MAPS_DIR ?? 'maps', process.env.CACHE_DIR ?? '.data/cache');
const schema = buildSchema(service.engine);
const params = new URLSearchParams({ seed: options.seed, count: options.count, offset: options.offset, fields: options.fields, format: options.format });
if (options.where) params.set('where', options.where);
const out = options.out ? createWriteStream(options.out) : process.stdout;
try {
  const request = parseExportRequest(params, schema);
  const bar = new SingleBar({ format: 'export [{bar}] {percentage}% | {value}/{total} personas | {eta_formatted} left', stream: process.stderr }, Presets.shades_classic);
  const showBar = Boolean(options.out) || process.stderr.isTTY;
  if (showBar) bar.start(request.count, 0);
  let written = 0;
  for await (const chunk of exportPersonas(schema, { service }, request)) {
    if (!out.write(chunk)) await once(out, 'drain');
    let lines = 0;
    for (let i = chunk.indexOf('\n'); i >= 0; i = chunk.indexOf('\n', i + 1)) lines++;
    written = Math.min(request.count, written + lines - (written === 0 && request.format === 'csv' ? 1 : 0));
    if (showBar) bar.update(written);
  }
  if (showBar) bar.stop();
  if (options.out) {
    out.end();
    await once(out, 'finish');
  }
} catch (error) {
  const e = error as { code?: string; message: string };
  console.error(`personagen export: ${e.code ?? 'ERROR'}: ${e.message}`);
  process.exitCode = 1;
}
