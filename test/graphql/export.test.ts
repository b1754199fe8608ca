import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { gql, testApp } from '../support/testApp.js';

let app: App;
beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app?.close();
});

const get = (query: string) => app.yoga.fetch(`http://yoga/export?${query}`);
const whereParam = (where: unknown) => encodeURIComponent(JSON.stringify(where));

describe('GET /export', () => {
  it('streams NDJSON identical to the personas query, across pages', async () => {
    const where = { countryOfResidence: { in: ['GB'] }, occupation: { in: ['ISCO22'] } };
    const res = await get(`seed=9&offset=990&count=25&fields=id,fullName,age,occupation,incomeAmount,hobbies&where=${whereParam(where)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/x-ndjson');
    const rows = (await res.text()).trim().split('\n').map((line) => JSON.parse(line));
    const api = await gql(app, `query($w: PersonaWhere) { personas(seed: 9, offset: 990, count: 25, where: $w) { id fullName age occupation incomeAmount { amount currency } hobbies } }`, { w: where });
    expect(rows).toEqual(api.data.personas);
  });

  it('writes CSV with a header, flattened object fields, joined lists and quoting', async () => {
    const res = await get('seed=3&count=1200&fields=fullName,incomeAmount,hobbies,city&format=csv');
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = (await res.text()).trim().split('\n');
    expect(lines[0]).toBe('fullName,incomeAmount.amount,incomeAmount.currency,hobbies,city');
    expect(lines).toHaveLength(1201);
    const api = await gql(app, '{ personas(seed: 3, count: 1) { fullName incomeAmount { amount currency } hobbies city } }');
    const p = api.data.personas[0];
    const quote = (s: string) => (/[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    expect(lines[1]).toBe([quote(p.fullName), p.incomeAmount?.amount ?? '', p.incomeAmount?.currency ?? '', p.hobbies.join(';'), quote(p.city)].join(','));
  });

  it('answers bad requests with a coded JSON error before streaming anything', async () => {
    const cases: [string, number, string][] = [
      ['fields=fullName,shoeSize', 400, 'BAD_USER_INPUT'],
      ['format=xml', 400, 'BAD_USER_INPUT'],
      ['count=-3', 400, 'BAD_USER_INPUT'],
      ['count=1000000000', 400, 'COUNT_TOO_LARGE'],
      [`where=${whereParam({ sex: { in: ['OTHER'] } })}`, 400, 'BAD_USER_INPUT'],
      ['where=%7Bnot-json', 400, 'BAD_USER_INPUT'],
      [`where=${whereParam({ educationLevel: { in: ['ISCED8'] }, age: { lte: 19 } })}`, 422, 'UNSATISFIABLE_CONDITIONS'],
    ];
    for (const [query, status, code] of cases) {
      const res = await get(query);
      expect(res.status, query).toBe(status);
      expect((await res.json()).errors[0].extensions.code, query).toBe(code);
    }
  });

  it('shrinks pages under rare conditions instead of failing', async () => {
    const where = { religion: { in: ['JEWISH'] }, occupation: { in: ['ISCO22'] } };
    const res = await get(`count=300&fields=religion,occupation&where=${whereParam(where)}`);
    const rows = (await res.text()).trim().split('\n').map((line) => JSON.parse(line));
    expect(rows).toHaveLength(300);
    expect(new Set(rows.map((r) => `${r.religion}/${r.occupation}`))).toEqual(new Set(['JEWISH/ISCO22']));
  });
});

describe('npm run export (CLI)', () => {
  it('writes the same rows to a file and fails with a coded message on bad input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'personagen-export-'));
    const out = join(dir, 'p.csv');
    execFileSync('npx', ['tsx', 'src/export/cli.ts', '--seed', '3', '--count', '1200', '--fields', 'fullName,incomeAmount,hobbies,city', '--format', 'csv', '--out', out], { stdio: 'pipe' });
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1201);
    let failure: { status: number; stderr: Buffer } | undefined;
    try {
      execFileSync('npx', ['tsx', 'src/export/cli.ts', '--fields', 'shoeSize'], { stdio: 'pipe' });
    } catch (e) {
      failure = e as typeof failure;
    }
    expect(failure?.status).toBe(1);
    expect(failure!.stderr.toString()).toContain('BAD_USER_INPUT');
  });
});
