/**
 * `npm run bench:load`: the bounded load test. Starts the server on loopback, warms it up for 3 s, holds 200
 * concurrent clients asking for one full persona each for 60 s, then stops. Fails (exit 1) on any error; prints requests/s, latencies and the
 * server's memory; writes bench/results/load.json.
 *
 * @example
 *   npm run bench:load
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { httpLoad } from './httpLoad.js';
import { startServer } from '../test/support/startServer.js';

const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 200);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const QUERY = '{ persona(seed: 1, index: 0) { id fullName age sex countryOfResidence region city occupation educationLevel income incomeAmount { amount currency } religion politicalLeaning hobbies email phoneNumber } }';

const dir = mkdtempSync(join(tmpdir(), 'personagen-load-'));
const server = await startServer(dir);
try {
  // Warm-up (JIT, lazily loaded code), not counted: a deployed server has served requests before a peak.
  await httpLoad(server.url, QUERY, 10, 3);
  const result = await httpLoad(server.url, QUERY, CONNECTIONS, SECONDS);
  const memory = server.memory();
  console.table({ [`${CONNECTIONS} clients for ${SECONDS} s`]: { ...result, serverRssMB: memory.rssMB.toFixed(0), serverPeakMB: memory.peakMB.toFixed(0) } });
  writeFileSync('bench/results/load.json', JSON.stringify({ ...result, server: memory, date: new Date().toISOString() }, null, 2) + '\n');
  if (result.errors > 0) process.exitCode = 1;
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
