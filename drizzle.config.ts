import { defineConfig } from 'drizzle-kit';

// Only used to generate migrations (`npx drizzle-kit generate`); the service migrates in-process at start-up.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './src/db/migrations',
});
