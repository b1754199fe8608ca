/**
 * `npm run bench`: the cost of a full persona vs a 3-field persona, in the engine alone and through GraphQL
 * in-process (yoga.fetch, JSON included), and of full personas under conditions (bench/conditions.ts). Medians over
 * repeated runs; writes bench/results/latest.json.
 *
 * @example
 *   npm run bench
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getNamedType, isObjectType, type GraphQLObjectType } from 'graphql';
import { startApp } from '../src/app.js';
import { Persona } from '../src/engine/Persona.js';
import { seedWords } from '../src/engine/rng.js';
import { benchConditions } from './conditions.js';
import { exportMemory } from './exportMemory.js';
import { fakerPersonMicros } from './fakerBaseline.js';
import { httpLoad } from './httpLoad.js';
import { multicoreSpeedup } from './multicore.js';
import { startServer } from '../test/support/startServer.js';
import { startPostgres } from '../test/support/postgresServer.js';
import { buildSchema } from '../src/graphql/schema.js';

const startedAt = performance.now();
const app = await startApp({ mapsDir: 'maps', dataDir: 'memory://' });
const startupMillis = performance.now() - startedAt;
const rssAfterStartMB = process.memoryUsage().rss / 1e6;
const engine = app.service.engine;
const categorical = engine.registry.dimensions.filter((d) => d.available && (d.kind === 'enum' || d.kind === 'binned')).map((d) => d.id);
const THREE = ['sex', 'age', 'countryOfResidence'];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function fillFull(p: Persona) {
  for (const id of categorical) p.valueId(id);
  p.firstName(); p.lastName(); p.age(); p.birthDate(); p.income();
}
function engineFull(seed: number, i: number) {
  fillFull(new Persona(engine, seedWords(seed), i, null));
}
function engineThree(seed: number, i: number) {
  const p = new Persona(engine, seedWords(seed), i, null);
  p.valueId('sex'); p.age(); p.valueId('countryOfResidence');
}

function timeEngine(fn: (seed: number, i: number) => void, n: number, runs: number): number {
  const per: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn(r, i);
    per.push(Number(process.hrtime.bigint() - t) / 1000 / n);
  }
  return median(per);
}

// Every Persona field of the served schema (object fields with their leaves), so the list follows the maps.
const personaType = buildSchema(engine).getType('Persona') as GraphQLObjectType;
const FULL_FIELDS = Object.values(personaType.getFields())
  .map((f) => {
    const type = getNamedType(f.type);
    return isObjectType(type) ? `${f.name} { ${Object.keys(type.getFields()).join(' ')} }` : f.name;
  })
  .join(' ');

/**
 * µs per persona of `personas(count)` through yoga.fetch (JSON included), median of runs. The document takes its
 * arguments as variables, as typed codegen clients send them, so runs reuse one parsed (and compiled) document.
 */
async function timeGraphql(fields: string, count: number, runs: number, where?: Record<string, unknown>): Promise<number> {
  const per: number[] = [];
  const query = `query($seed: Seed!, $count: Int!, $offset: Int!, $where: PersonaWhere) { personas(seed: $seed, count: $count, offset: $offset, where: $where) { ${fields} } }`;
  for (let r = 0; r < runs; r++) {
    const t = process.hrtime.bigint();
    const res = await app.yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables: { seed: r, count, offset: r * count, where: where ?? null } }),
    });
    const body = await res.json() as { errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    per.push(Number(process.hrtime.bigint() - t) / 1000 / count);
  }
  return median(per);
}

// Warm up the JIT before measuring.
timeEngine(engineFull, 2000, 2);
timeEngine(engineThree, 2000, 2);
await timeGraphql(FULL_FIELDS, 200, 2);

const results = {
  machine: `${process.platform} ${process.arch}, node ${process.version}`,
  dimensionsInFullPersona: categorical.length + 2,
  engine: { fullPersonaMicros: timeEngine(engineFull, 5000, 9), threeFieldPersonaMicros: timeEngine(engineThree, 20000, 9) },
  fakerPersonMicros: fakerPersonMicros(20000, 9),
  graphql: { fullPersonaMicros: await timeGraphql(FULL_FIELDS, 1000, 7), threeFieldPersonaMicros: await timeGraphql(THREE.join(' '), 1000, 7) },
  graphqlRequests: {
    oneFullPersonaMillis: (await timeGraphql(FULL_FIELDS, 1, 51)) / 1000,
    thousandFullPersonasMillis: await timeGraphql(FULL_FIELDS, 1000, 5),
    tenThousandFullPersonasMillis: (await timeGraphql(FULL_FIELDS, 10_000, 3)) * 10,
    tenThousandThreeFieldPersonasMillis: (await timeGraphql(THREE.join(' '), 10_000, 5)) * 10,
  },
  startup: { millis: startupMillis, rssAfterStartMB },
};
// Over HTTP: a server in its own process, as `npm start` runs it. Its first start in a new data directory creates the
// database and the compiled-maps cache; the second is an ordinary restart. One full persona per request from 1, 4
// and 10 concurrent clients (after 3 s of warm-up).
const serverDir = mkdtempSync(join(tmpdir(), 'personagen-bench-'));
const firstStart = await startServer(serverDir);
const firstStartMillis = firstStart.startupMillis;
await firstStart.stop();
const server = await startServer(serverDir);
const serverStartMemory = server.memory();
const HTTP_QUERY = `{ persona(seed: 1, index: 0) { ${FULL_FIELDS} } }`;
const http: Awaited<ReturnType<typeof httpLoad>>[] = [];
let serverMemory: ReturnType<typeof server.memory>;
try {
  await httpLoad(server.url, HTTP_QUERY, 4, 3);
  for (const connections of [1, 4, 10]) http.push(await httpLoad(server.url, HTTP_QUERY, connections, 8));
  serverMemory = server.memory();
} finally {
  await server.stop();
}
// The same server on PostgreSQL (DATABASE_URL, as instances behind a load balancer run) instead of embedded PGlite:
// its memory without PGlite's WebAssembly heap.
// Then two workers (WORKERS=2, Node's cluster module) on that PostgreSQL: the throughput of both cores.
const postgres = await startPostgres();
let postgresServerMemory: ReturnType<typeof server.memory>;
const clustered: Awaited<ReturnType<typeof httpLoad>>[] = [];
try {
  const pgServer = await startServer(serverDir, { DATABASE_URL: postgres.url });
  await httpLoad(pgServer.url, HTTP_QUERY, 4, 8).finally(() => (postgresServerMemory = pgServer.memory())).finally(() => pgServer.stop());
  const twoWorkers = await startServer(serverDir, { DATABASE_URL: postgres.url, WORKERS: '2' });
  try {
    await httpLoad(twoWorkers.url, HTTP_QUERY, 4, 3);
    for (const connections of [4, 10]) clustered.push(await httpLoad(twoWorkers.url, HTTP_QUERY, connections, 8));
  } finally {
    await twoWorkers.stop();
  }
} finally {
  postgres.stop();
  rmSync(serverDir, { recursive: true, force: true });
}
const multicore = await multicoreSpeedup(40_000, 2);
const exported = await exportMemory(1_000_000);
const conditions = await benchConditions(app.service, fillFull, (where, count) => timeGraphql(FULL_FIELDS, count, 5, where));
const ratio = (x: { fullPersonaMicros: number; threeFieldPersonaMicros: number }) => x.threeFieldPersonaMicros / x.fullPersonaMicros;
console.table({
  'engine only': { 'µs / full persona': results.engine.fullPersonaMicros.toFixed(2), 'µs / 3-field persona': results.engine.threeFieldPersonaMicros.toFixed(2), 'ratio 3-field / full': ratio(results.engine).toFixed(3) },
  'GraphQL in-process (1,000 per request)': { 'µs / full persona': results.graphql.fullPersonaMicros.toFixed(2), 'µs / 3-field persona': results.graphql.threeFieldPersonaMicros.toFixed(2), 'ratio 3-field / full': ratio(results.graphql).toFixed(3) },
});
console.table({
  'faker person (10 uncorrelated fields)': { µs: results.fakerPersonMicros.toFixed(2), 'engine full persona / faker': (results.engine.fullPersonaMicros / results.fakerPersonMicros).toFixed(2) },
});
console.table({
  '1 full persona (one request)': { ms: results.graphqlRequests.oneFullPersonaMillis.toFixed(2) },
  '1,000 full personas (one request, JSON included)': { ms: results.graphqlRequests.thousandFullPersonasMillis.toFixed(0) },
  '10,000 full personas (one request, JSON included)': { ms: results.graphqlRequests.tenThousandFullPersonasMillis.toFixed(0) },
  '10,000 3-field personas (one request)': { ms: results.graphqlRequests.tenThousandThreeFieldPersonasMillis.toFixed(0) },
  'in-process start-up, nothing cached (compiling maps, a new in-memory PostgreSQL, schema)': { ms: startupMillis.toFixed(0) },
  [`export CLI, ${exported.count.toLocaleString('en')} personas (3 fields, NDJSON, own process)`]: { ms: (exported.seconds * 1000).toFixed(0) },
});
console.table(Object.fromEntries([
  ...http.map((h) => [`HTTP, ${h.connections} client${h.connections > 1 ? 's' : ''}, one full persona per request`, h] as const),
  ...clustered.map((h) => [`HTTP, ${h.connections} clients, 2 workers (WORKERS=2, PostgreSQL)`, h] as const),
].map(([name, h]) => [name, { 'requests/s': h.requestsPerSecond.toFixed(0), 'p50 ms': h.p50Millis, 'p99 ms': h.p99Millis, errors: h.errors }])));
console.table({
  'server first start (creates the database and the maps cache)': { ms: firstStartMillis.toFixed(0) },
  'server restart (npm start: spawn to ready line)': { ms: server.startupMillis.toFixed(0) },
});
console.table({
  [`${multicore.total.toLocaleString('en')} full personas, 1 process vs ${multicore.workers}`]: {
    'ms on 1': multicore.singleMillis.toFixed(0), [`ms on ${multicore.workers}`]: multicore.parallelMillis.toFixed(0), speedup: multicore.speedup.toFixed(2),
  },
});
console.table({
  'server RSS after restart': { MB: serverStartMemory.rssMB.toFixed(0) },
  'server RSS after the HTTP runs / peak': { MB: `${serverMemory!.rssMB.toFixed(0)} / ${serverMemory!.peakMB.toFixed(0)}` },
  'server on PostgreSQL instead of PGlite: RSS after 8 s at 4 clients / peak': { MB: `${postgresServerMemory!.rssMB.toFixed(0)} / ${postgresServerMemory!.peakMB.toFixed(0)}` },
  'RSS after start-up (this process)': { MB: rssAfterStartMB.toFixed(0) },
  [`export CLI (own process): RSS after 10,000 / peak / at the end of ${exported.count.toLocaleString('en')}`]: { MB: `${exported.rssAfterFirstPageMB.toFixed(0)} / ${exported.rssPeakMB.toFixed(0)} / ${exported.rssLastMB.toFixed(0)}` },
  'peak RSS of the whole run': { MB: (process.resourceUsage().maxRSS / 1024).toFixed(0) },
});
console.table(Object.fromEntries(conditions.map((c) => [c.name, {
  'P(conditions)': c.probability.toExponential(2) + (c.exact ? ' exact' : ' est.'),
  'plan ms': c.planMillis.toFixed(0),
  'µs / full persona': c.micros.toFixed(0),
  'x unconditioned': c.ratio.toFixed(2),
  'GraphQL µs / full persona': c.graphqlMicros.toFixed(0),
  'GraphQL x unconditioned': c.graphqlRatio.toFixed(2),
  target: c.target,
  met: c.met ? 'yes' : 'NO',
}])));
// Issue 6's targets, each against this run's figure.
const moderate = http.find((h) => h.connections === 4)!;
const targets: [string, number, number][] = [
  ['engine: µs per full persona (<= 5)', results.engine.fullPersonaMicros, 5],
  ['engine: full persona / faker person (<= 0.4)', results.engine.fullPersonaMicros / results.fakerPersonMicros, 0.4],
  ['engine: 3-field / full persona (<= 0.1)', ratio(results.engine), 0.1],
  ['ms for 10,000 full personas in one request (<= 400)', results.graphqlRequests.tenThousandFullPersonasMillis, 400],
  ['HTTP p99 ms, 4 clients, one full persona per request (<= 3)', moderate.p99Millis, 3],
  ['server restart ms (<= 1500)', server.startupMillis, 1500],
  ['server RSS MB after the HTTP runs, embedded PGlite (<= 300)', serverMemory!.rssMB, 300],
  ['server RSS MB after 8 s at 4 clients, on PostgreSQL (<= 300)', postgresServerMemory!.rssMB, 300],
  ['export CLI: peak RSS MB over 1,000,000 personas (<= 300)', exported.rssPeakMB, 300],
];
console.table(Object.fromEntries(targets.map(([name, value, limit]) => [name, {
  figure: value < 10 ? value.toFixed(2) : value.toFixed(0), met: value <= limit ? 'yes' : `no, ${(value / limit).toFixed(1)}x the target`,
}])));
writeFileSync('bench/results/latest.json', JSON.stringify({ ...results, http, httpTwoWorkers: clustered, server: { firstStartMillis, startupMillis: server.startupMillis, rssAfterStartMB: serverStartMemory.rssMB, ...serverMemory!, onPostgres: postgresServerMemory! }, export: exported, multicore, peakRssMB: process.resourceUsage().maxRSS / 1024, conditions, targets: targets.map(([name, figure, target]) => ({ name, figure, target, met: figure <= target })), date: new Date().toISOString() }, null, 2) + '\n');
await app.close();
