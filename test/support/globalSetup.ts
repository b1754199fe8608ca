import type { TestProject } from 'vitest/node';
import { startPostgres } from './postgresServer.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

/** Starts one real PostgreSQL server for the whole run and stops it afterwards. */
export default async function setup(project: TestProject) {
  const pg = await startPostgres();
  project.provide('postgresUrl', pg.url);
  return () => pg.stop();
}
