import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { buildServer } from '../../scripts/buildServer.js';

/** Starts the `npm start` bundle on a port the system chooses; resolves with its URL and a stop function. */
function start(bundle: string, dir: string, env: Record<string, string> = {}): Promise<{ url: string; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, ['--enable-source-maps', bundle], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', PGLITE_DIR: join(dir, 'pglite'), CACHE_DIR: join(dir, 'cache'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error(`no ready line after 40 s: ${out}`)), 40_000).unref();
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const early = (code: number | null) => reject(new Error(`server exited with ${code}: ${out}`));
    child.once('exit', early);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /GraphiQL: (http:\/\/[^/]+)\/graphql/.exec(out)?.[1];
      if (!url) return;
      child.off('exit', early);
      resolve({ url, stop: () => new Promise((done) => { child.once('exit', done); child.kill('SIGTERM'); }) });
    });
  });
}

describe('npm start (the bundled server)', () => {
  it('builds, serves GraphQL over HTTP, restarts from its compiled-maps cache with the same personas, and exports them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'personagen-server-'));
    try {
      const bundle = await buildServer();
      const query = JSON.stringify({ query: '{ personas(seed: 3, count: 5) { fullName age occupation city } mapVersion { id } }' });
      const answers: unknown[] = [];
      for (let run = 0; run < 2; run++) {
        const server = await start(bundle, dir);
        const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: query });
        answers.push(await res.json());
        // A request large enough to run compiled (graphql-jit) works from the bundle too.
        const large = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ personas(seed: 3, count: 600) { age } }' }) });
        expect(((await large.json()) as { data: { personas: unknown[] } }).data.personas).toHaveLength(600);
        expect(await server.stop()).toBe(0);
      }
      expect((answers[0] as { errors?: unknown }).errors).toBeUndefined();
      expect((answers[0] as { data: { personas: unknown[] } }).data.personas).toHaveLength(5);
      expect(answers[1]).toEqual(answers[0]);
      // The export CLI bundle (npm run export) streams the same personas.
      const cli = execFileSync(process.execPath, [join(bundle, '../cli.js'), '--seed', '3', '--count', '5', '--fields', 'fullName,age,occupation,city'], { env: { ...process.env, CACHE_DIR: join(dir, 'cache') } });
      const rows = cli.toString().trim().split('\n').map((line) => JSON.parse(line));
      expect(rows).toEqual((answers[0] as { data: { personas: unknown[] } }).data.personas);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('serves from several processes with WORKERS (on PostgreSQL), and refuses WORKERS with embedded PGlite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'personagen-cluster-'));
    try {
      const bundle = await buildServer();
      const server = await start(bundle, dir, { WORKERS: '2', DATABASE_URL: inject('postgresUrl') });
      const query = JSON.stringify({ query: '{ persona(seed: 9) { fullName occupation } mapVersion { id } }' });
      const answers = await Promise.all(Array.from({ length: 8 }, () => fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: query }).then((r) => r.json())));
      expect((answers[0] as { errors?: unknown }).errors).toBeUndefined();
      for (const a of answers) expect(a).toEqual(answers[0]);
      expect(await server.stop()).toBe(0);
      await expect(start(bundle, dir, { WORKERS: '2' })).rejects.toThrow(/WORKERS > 1 needs DATABASE_URL/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
