import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgAsyncDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { relations } from './relations.js';

/** One handle type for both drivers (STACK.md pitfall 2): drizzle's common async base. */
export type Db = PgAsyncDatabase<PgQueryResultHKT, typeof relations>;

/** An open database with its driver, a readiness probe and a clean shutdown. */
export interface Database {
  readonly db: Db;
  readonly driver: 'pglite' | 'postgres';
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));
/** Advisory lock key for migrations (any constant unique to this service: "pers" in ASCII). */
const MIGRATIONS_LOCK = 0x70657273;

/**
 * Opens the database and runs migrations: PostgreSQL through postgres.js when `url` is set, otherwise embedded
 * PGlite in `dataDir` (or in memory when `dataDir` is `memory://`). The only place that picks the driver.
 *
 * @example
 *   const database = await openDatabase({ url: process.env.DATABASE_URL, dataDir: '.data/pglite' });
 *   await database.ping(); await database.close();
 */
export async function openDatabase(options: { url?: string; dataDir?: string }): Promise<Database> {
  if (options.url) {
    const client = postgres(options.url, { max: 10, onnotice: () => {}, connect_timeout: 5 });
    const db = drizzlePostgres({ client, relations });
    // Instances starting together against one database would race on the migrations' CREATE TABLE IF NOT EXISTS
    // (one fails on pg_type's unique index); a session advisory lock lets one migrate at a time.
    const lock = await client.reserve();
    try {
      await lock`select pg_advisory_lock(${MIGRATIONS_LOCK}::bigint)`;
      await migratePostgres(db, { migrationsFolder });
    } finally {
      await lock`select pg_advisory_unlock(${MIGRATIONS_LOCK}::bigint)`.catch(() => undefined);
      lock.release();
    }
    return handle(db as unknown as Db, 'postgres', () => client.end({ timeout: 5 }));
  }
  const dataDir = options.dataDir ?? 'memory://';
  if (!dataDir.includes('://')) mkdirSync(dataDir, { recursive: true });
  // The embedded database holds a few rows (map versions): 16 MB of buffers instead of PostgreSQL's 128 MB default
  // saves about 160 MB of resident memory.
  const client = new PGlite(dataDir, { postgresqlconf: 'shared_buffers = 16MB' });
  const db = drizzlePglite({ client, relations });
  await migratePglite(db, { migrationsFolder });
  return handle(db as unknown as Db, 'pglite', () => client.close());
}

function handle(db: Db, driver: Database['driver'], close: () => Promise<void>): Database {
  return {
    db,
    driver,
    close,
    ping: async () => {
      try {
        await db.execute(sql`select 1`);
        return true;
      } catch {
        return false;
      }
    },
  };
}
