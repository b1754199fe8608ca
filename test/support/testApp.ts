import { startApp, type App } from '../../src/app.js';

/** A full app on in-memory PGlite (or on `databaseUrl`), shared by the tests of one file. */
export async function testApp(databaseUrl?: string): Promise<App> {
  return startApp({ mapsDir: 'maps', databaseUrl, dataDir: 'memory://' });
}

/** POSTs a query through `yoga.fetch` (no port) and returns the parsed body. */
export async function gql(app: App, query: string, variables?: Record<string, unknown>, debug = false) {
  const res = await app.yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(debug ? { 'x-personagen-debug': '1' } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[]; extensions?: any };
}
