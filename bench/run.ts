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
import { startServer } from './startServer.js';
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

/** µs per persona of `personas(count)` through yoga.fetch (JSON included), median of runs. */
async function timeGraphql(fields: string, count: number, runs: number, where?: Record<string, unknown>): Promise<number> {
  const per: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = process.hrtime.bigint();
    const res = await app.yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `query($where: PersonaWhere) { personas(seed: ${r}, count: ${count}, offset: ${r * count}, where: $where) { ${fields} } }`,
        variables: { where: where ?? null },
      }),
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
  rmSync(serverDir, { recursive: true, force: true });
}
const multicore = await multicoreSpeedup(40_000, 2);
const exported = await exportMemory(buildSchema(engine), app.service, 1_000_000);
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
  '10,000 full personas (one request, JSON included)': { ms: results.graphqlRequests.tenThousandFullPersonasMillis.toFixed(0) },
  '10,000 3-field personas (one request)': { ms: results.graphqlRequests.tenThousandThreeFieldPersonasMillis.toFixed(0) },
  'start-up (maps, embedded PostgreSQL, schema)': { ms: startupMillis.toFixed(0) },
  [`export ${exported.count.toLocaleString('en')} personas (3 fields, NDJSON)`]: { ms: (exported.seconds * 1000).toFixed(0) },
});
console.table(Object.fromEntries(http.map((h) => [`HTTP, ${h.connections} client${h.connections > 1 ? 's' : ''}, one full persona per request`, {
  'requests/s': h.requestsPerSecond.toFixed(0), 'p50 ms': h.p50Millis, 'p99 ms': h.p99Millis, errors: h.errors,
}])));
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
  'RSS after start-up (this process)': { MB: rssAfterStartMB.toFixed(0) },
  'RSS before / peak during the export': { MB: `${exported.rssBeforeMB.toFixed(0)} / ${exported.rssPeakMB.toFixed(0)}` },
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
writeFileSync('bench/results/latest.json', JSON.stringify({ ...results, http, server: { firstStartMillis, startupMillis: server.startupMillis, rssAfterStartMB: serverStartMemory.rssMB, ...serverMemory! }, export: exported, multicore, peakRssMB: process.resourceUsage().maxRSS / 1024, conditions, date: new Date().toISOString() }, null, 2) + '\n');
await app.close();
