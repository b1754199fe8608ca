import postgres from 'postgres';
import { describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';

describe('migrations on a shared PostgreSQL', () => {
  it('let several instances start at once against a new database (one migrates at a time)', async () => {
    const admin = postgres(inject('postgresUrl'), { max: 1, onnotice: () => {} });
    const name = `personagen_start_${process.pid}`;
    await admin.unsafe(`create database ${name}`);
    try {
      const url = inject('postgresUrl').replace(/\/[^/]*$/, `/${name}`);
      const databases = await Promise.all(Array.from({ length: 4 }, () => openDatabase({ url })));
      expect(await Promise.all(databases.map((d) => d.ping()))).toEqual([true, true, true, true]);
      await Promise.all(databases.map((d) => d.close()));
    } finally {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
