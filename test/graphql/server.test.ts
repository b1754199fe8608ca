import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { serverBundle, startServer } from '../support/startServer.js';

describe('npm start (the bundled server)', () => {
  it('builds, serves GraphQL over HTTP, restarts from its compiled-maps cache with the same personas, and exports them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'personagen-server-'));
    try {
      const bundle = await serverBundle();
      const query = JSON.stringify({ query: '{ personas(seed: 3, count: 5) { fullName age occupation city } mapVersion { id } }' });
      const answers: unknown[] = [];
      for (let run = 0; run < 2; run++) {
        const server = await startServer(dir);
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
      const server = await startServer(dir, { WORKERS: '2', DATABASE_URL: inject('postgresUrl') });
      const query = JSON.stringify({ query: '{ persona(seed: 9) { fullName occupation } mapVersion { id } }' });
      const answers = await Promise.all(Array.from({ length: 8 }, () => fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: query }).then((r) => r.json())));
      expect((answers[0] as { errors?: unknown }).errors).toBeUndefined();
      for (const a of answers) expect(a).toEqual(answers[0]);
      expect(await server.stop()).toBe(0);
      await expect(startServer(dir, { WORKERS: '2' })).rejects.toThrow(/WORKERS > 1 needs DATABASE_URL/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
