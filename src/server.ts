import { createServer } from 'node:http';
import { startApp } from './app.js';

/**
 * The only file that binds a port. PORT (default 4000), HOST (default 127.0.0.1), DATABASE_URL, PGLITE_DIR, and
 * CACHE_DIR for the compiled maps (default .data/cache; empty to compile on every start).
 */
const port = Number(process.env.PORT ?? 4000);
const host = process.env.HOST ?? '127.0.0.1';
const started = Date.now();
const app = await startApp({
  mapsDir: process.env.MAPS_DIR ?? 'maps',
  databaseUrl: process.env.DATABASE_URL,
  dataDir: process.env.PGLITE_DIR ?? '.data/pglite',
  cacheDir: process.env.CACHE_DIR ?? '.data/cache',
}).catch((e: Error) => {
  // A malformed map or an unreachable database stops start-up with one clear line (file and key for maps).
  console.error(`personagen cannot start: ${e.message}`);
  process.exit(1);
});
const server = createServer(app.yoga);
server.listen(port, host, () => {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  // PORT=0 lets the system choose; print the port really bound (the benchmarks read it).
  const bound = (server.address() as { port: number }).port;
  const reg = app.service.engine.registry;
  console.log(`personagen ready in ${Date.now() - started} ms: maps ${reg.version.slice(0, 12)}, ${reg.dimensions.filter((d) => d.available).length} dimensions, countries ${reg.coveredCountries.join(', ')}, database ${app.database.driver}`);
  console.log(`GraphiQL: http://${shown}:${bound}/graphql`);
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: closing`);
  server.close();
  server.closeIdleConnections();
  await app.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
