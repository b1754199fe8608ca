import { openDatabase, type Database } from './db/client.js';
import { recordMapVersion } from './db/recordMapVersion.js';
import { Engine } from './engine/Engine.js';
import { PersonaService } from './engine/PersonaService.js';
import { buildRegistry } from './engine/registry.js';
import { createApp } from './graphql/yoga.js';
import { readMapFiles } from './maps/readMapFiles.js';

/** Everything a running service holds. */
export interface App {
  readonly yoga: ReturnType<typeof createApp>;
  readonly service: PersonaService;
  readonly database: Database;
  close(): Promise<void>;
}

/**
 * Loads, validates and compiles maps/ into the persona service, without a database (the export CLI needs no more).
 *
 * @example
 *   const { service } = loadService('maps');
 */
export function loadService(mapsDir = 'maps'): { service: PersonaService; files: ReturnType<typeof readMapFiles> } {
  const files = readMapFiles(mapsDir);
  return { service: new PersonaService(new Engine(buildRegistry(files.raw, files.version))), files };
}

/**
 * Loads and validates maps/ (a malformed map stops start-up with an error naming file and key), opens the
 * database (migrating it) and records the map version, then builds the GraphQL app.
 *
 * @example
 *   const app = await startApp({ mapsDir: 'maps', databaseUrl: process.env.DATABASE_URL, dataDir: '.data/pglite' });
 */
export async function startApp(options: { mapsDir?: string; databaseUrl?: string; dataDir?: string } = {}): Promise<App> {
  const { service, files } = loadService(options.mapsDir);
  const engine = service.engine;
  const database = await openDatabase({ url: options.databaseUrl, dataDir: options.dataDir });
  await recordMapVersion(database.db, engine.registry, files.sha256);
  const yoga = createApp(service, database);
  return { yoga, service, database, close: () => database.close() };
}
