import cluster from 'node:cluster';
import { createServer } from 'node:http';
import { startApp } from './app.js';

/**
 * The only file that binds a port. PORT (default 4000), HOST (default 127.0.0.1), DATABASE_URL, PGLITE_DIR,
 * CACHE_DIR for the compiled maps (default .data/cache; empty to compile on every start), and WORKERS: processes
 * serving the port together (Node's cluster module; default 1). Generation is stateless, so workers need nothing
 * from each other; they share one PostgreSQL, since embedded PGlite belongs to a single process.
 */
const port = Number(process.env.PORT ?? 4000);
const host = process.env.HOST ?? '127.0.0.1';
const workers = Number(process.env.WORKERS ?? 1);

/** Loads the maps and the database, then serves; SIGTERM and SIGINT close it cleanly. */
async function serve(): Promise<void> {
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
    const worker = cluster.isWorker ? ` (worker ${cluster.worker!.id} of ${workers})` : '';
    console.log(`personagen ready in ${Date.now() - started} ms${worker}: maps ${reg.version.slice(0, 12)}, ${reg.dimensions.filter((d) => d.available).length} dimensions, countries ${reg.coveredCountries.join(', ')}, database ${app.database.driver}`);
    console.log(`GraphiQL: http://${shown}:${bound}/graphql`);
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: closing`);
    server.close();
    server.closeIdleConnections();
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

/** The cluster's primary: forks the workers, replaces one that dies, and stops them all on SIGTERM or SIGINT. */
function supervise(): void {
  if (!process.env.DATABASE_URL) {
    console.error('personagen cannot start: WORKERS > 1 needs DATABASE_URL (embedded PGlite serves a single process)');
    process.exit(1);
  }
  let stopping = false;
  const listening = new Set<number>();
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on('listening', (worker) => listening.add(worker.id));
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit();
      return;
    }
    // A worker that could not start (bad maps, database down) has said why; the others would fail the same way.
    if (!listening.has(worker.id)) {
      process.exitCode = 1;
      stop('a worker could not start');
      return;
    }
    console.error(`personagen worker ${worker.id} stopped (${signal ?? `exit code ${code}`}); starting another`);
    cluster.fork();
  });
  function stop(reason: string) {
    if (stopping) return;
    stopping = true;
    console.log(`${reason}: stopping ${workers} workers`);
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit();
  }
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

if (cluster.isPrimary && workers > 1) supervise();
else await serve();
