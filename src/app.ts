import { openDatabase, type Database } from './db/client.js';
import { recordMapVersion } from './db/recordMapVersion.js';
import { Engine } from './engine/Engine.js';
import { PersonaService } from './engine/PersonaService.js';
import { createApp } from './graphql/yoga.js';
import { loadRegistry } from './maps/loadRegistry.js';

/** Everything a running service holds. */
export interface App {
  readonly yoga: ReturnType<typeof createApp>;
  readonly service: PersonaService;
  readonly database: Database;
  close(): Promise<void>;
}

/**
 * Loads, validates and compiles maps/ into the persona service, without a database (the export CLI needs no more).
 * With a `cacheDir`, the compiled maps are cached there for the next start (maps/loadRegistry.ts).
 *
 * @example
 *   const { service } = loadService('maps', '.data/cache');
 */
export function loadService(mapsDir = 'maps', cacheDir?: string): { service: PersonaService; sha256: Record<string, string> } {
  const { registry, sha256 } = loadRegistry(mapsDir, cacheDir);
  return { service: new PersonaService(new Engine(registry)), sha256 };
}

/**
 * Loads and validates maps/ (a malformed map stops start-up with an error naming file and key), opens the
 * database (migrating it) and records the map version, then builds the GraphQL app.
 *
 * @example
 *   const app = await startApp({ mapsDir: 'maps', databaseUrl: process.env.DATABASE_URL, dataDir: '.data/pglite', cacheDir: '.data/cache' });
 */
export async function startApp(options: { mapsDir?: string; databaseUrl?: string; dataDir?: string; cacheDir?: string } = {}): Promise<App> {
  const { service, sha256 } = loadService(options.mapsDir, options.cacheDir);
  const engine = service.engine;
  const database = await openDatabase({ url: options.databaseUrl, dataDir: options.dataDir });
  await recordMapVersion(database.db, engine.registry, sha256);
  const yoga = createApp(service, database);
  return { yoga, service, database, close: () => database.close() };
}
