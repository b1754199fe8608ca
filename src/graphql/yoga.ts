import { createGraphQLError, createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { Database } from '../db/client.js';
import { PersonagenError } from '../engine/PersonagenError.js';
import type { PersonaService } from '../engine/PersonaService.js';
import type { GraphQLContext } from './context.js';
import { exportResponse } from '../export/exportResponse.js';
import { buildSchema } from './schema.js';
import { usePersonaJit } from './usePersonaJit.js';

const DEBUG_HEADER = 'x-personagen-debug';

/** The operations GraphiQL opens with (a test runs each of them). */
export const GRAPHIQL_DEFAULT_QUERY = `# Realistic synthetic people. Try changing the seed, the index or the conditions.
query Example {
  personas(seed: 42, count: 3, where: { countryOfResidence: { in: [GB] }, age: { gte: 25, lte: 34 } }) {
    id
    fullName
    age
    sex
    region
    ethnicity
    culturalOrigin
    educationLevel
    occupation
    income
    incomeAmount { amount currency }
  }
}

# Conditions on any dimension are exact: nurses skew female, a city moves region and age with it.
query Nurses {
  personas(seed: 1, count: 5, where: { occupation: { in: [ISCO22] }, city: { eq: "Manchester" }, age: { gte: 30, lte: 40 } }) {
    fullName
    sex
    age
    educationLevel
    fieldOfStudy
    hobbies
  }
}

# What share of UK graduates aged 25-34 rent?
query Renting {
  distribution(dimension: "housingTenure", where: { countryOfResidence: { in: [GB] }, educationLevel: { in: [ISCED6, ISCED7, ISCED8] }, age: { gte: 25, lte: 34 } }) {
    exact
    sampleSize
    values { value probability standardError }
  }
}
`;

/**
 * Adds `extensions.personagen` when the request carries `x-personagen-debug: 1`: how many dimensions were
 * sampled in total and per persona, and which ones for the first persona (laziness made visible).
 */
function samplingStatsPlugin(): Plugin<GraphQLContext> {
  return {
    onExecute: () => ({
      onExecuteDone: ({ args, result, setResult }) => {
        const ctx = args.contextValue;
        if (!ctx.debug || !result || Symbol.asyncIterator in result) return;
        const perPersona = ctx.personas.map((p) => p.sampledCount);
        setResult({
          ...result,
          extensions: {
            ...result.extensions,
            personagen: {
              personas: perPersona.length,
              sampledDimensions: perPersona.reduce((a, b) => a + b, 0),
              perPersona: perPersona.slice(0, 1000),
              firstPersonaDimensions: ctx.personas[0]?.sampledDimensions() ?? [],
            },
          },
        });
      },
    }),
  };
}

/** Coded errors for PersonagenError; everything else is masked (`Unexpected error.`). */
function maskError(error: unknown, message: string): Error {
  const original = (error as { originalError?: unknown }).originalError ?? error;
  // Coded errors already carry extensions.code (graphql-js copies PersonagenError.extensions); pass them through.
  if (original instanceof PersonagenError && original.code !== 'INTERNAL') return error as Error;
  // Errors graphql-js or yoga raised themselves (validation, parsing) have no foreign original error.
  if (original === error && (error as { extensions?: { code?: string } }).extensions?.code) return error as Error;
  return createGraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}

/**
 * The yoga app: GraphQL at /graphql (GraphiQL in the browser), readiness at /readyz checking the database, streamed
 * exports at /export (exportResponse).
 * Only server.ts listens; tests call `yoga.fetch`.
 *
 * @example
 *   const yoga = createApp(service, database);
 *   await yoga.fetch('http://yoga/graphql', { method: 'POST', body: JSON.stringify({ query: '{ persona(seed: 1) { age } }' }), headers: { 'content-type': 'application/json' } });
 */
export function createApp(service: PersonaService, database: Database): YogaServerInstance<Record<string, unknown>, GraphQLContext> {
  const schema = buildSchema(service.engine);
  return createYoga<Record<string, unknown>, GraphQLContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    maskedErrors: { maskError },
    context: ({ request }) => ({
      service,
      database,
      debug: request.headers.get(DEBUG_HEADER) === '1',
      personas: [],
    }),
    graphiql: {
      title: 'personagen',
      defaultQuery: GRAPHIQL_DEFAULT_QUERY,
    },
    plugins: [
      usePersonaJit(),
      samplingStatsPlugin(),
      {
        onRequest: async ({ request, url, endResponse, fetchAPI }) => {
          if (url.pathname === '/healthz') endResponse(new fetchAPI.Response('ok'));
          if (url.pathname === '/export') endResponse(await exportResponse(request, schema, { service }, fetchAPI));
          if (url.pathname === '/readyz') {
            const ok = await database.ping();
            endResponse(new fetchAPI.Response(JSON.stringify({ ready: ok, database: database.driver, mapVersion: service.engine.registry.version }), {
              status: ok ? 200 : 503,
              headers: { 'content-type': 'application/json' },
            }));
          }
        },
      },
    ],
  });
}
