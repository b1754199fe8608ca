import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { buildServer } from '../../scripts/buildServer.js';

/** A personagen server in a child process on 127.0.0.1 (a port the system chooses), as `npm start` runs it. */
export interface RunningServer {
  readonly url: string;
  /** From spawning the process to the "ready" line (loading the bundle, maps, embedded PostgreSQL, schema). */
  readonly startupMillis: number;
  /** Resident memory now and at its peak, in MB (Linux /proc). */
  memory(): { rssMB: number; peakMB: number };
  /** SIGTERM, resolving with the exit code. */
  stop(): Promise<number | null>;
}

let built: Promise<string> | undefined;
/**
 * The `npm start` bundle (dist/server.js, with dist/cli.js next to it), built once per process.
 *
 * @example
 *   const serverJs = await serverBundle();
 */
export function serverBundle(): Promise<string> {
  built ??= buildServer();
  return built;
}

/**
 * Starts the server bundle (serverBundle(), as `npm start` runs it) with PORT=0, its PGlite data and
 * compiled-maps cache in `dir` (as `npm start` keeps them in .data), and resolves when it prints its GraphiQL address.
 * The first start in a new `dir` creates the database and the cache; later ones are ordinary restarts. The server's
 * stderr passes through, and is part of the error when it exits before it is ready. Shared by the benchmarks and the
 * tests of `npm start`.
 *
 * @example
 *   const server = await startServer('/tmp/bench-data', { DATABASE_URL: 'postgres://...' }); await fetch(`${server.url}/healthz`); await server.stop();
 */
export async function startServer(dir: string, env: Record<string, string> = {}): Promise<RunningServer> {
  const bundle = await serverBundle();
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, ['--enable-source-maps', bundle], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', PGLITE_DIR: `${dir}/pglite`, CACHE_DIR: `${dir}/cache`, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr!.on('data', (data: Buffer) => {
    errors += data.toString();
    process.stderr.write(data);
  });
  return await new Promise((resolve, reject) => {
    let out = '';
    const early = (code: number | null) => reject(new Error(`server exited with ${code}: ${out}${errors}`));
    child.once('exit', early);
    const onData = (data: Buffer) => {
      out += data.toString();
      const match = /GraphiQL: (http:\/\/[^/]+)\/graphql/.exec(out);
      if (!match) return;
      child.stdout!.off('data', onData);
      child.stdout!.resume(); // keep draining what the server prints later
      child.off('exit', early);
      resolve({
        url: match[1],
        startupMillis: performance.now() - started,
        memory: () => {
          const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
          const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
          return { rssMB: kb('VmRSS') / 1024, peakMB: kb('VmHWM') / 1024 };
        },
        stop: () => new Promise((done) => {
          child.once('exit', (code) => done(code));
          child.kill('SIGTERM');
        }),
      });
    };
    child.stdout!.on('data', onData);
  });
}
