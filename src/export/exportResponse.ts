import type { GraphQLSchema } from 'graphql';
import { PersonagenError } from '../engine/PersonagenError.js';
import type { GraphQLContext } from '../graphql/context.js';
import { exportPersonas, parseExportRequest } from './exportPersonas.js';

const STATUS: Record<string, number> = { UNSATISFIABLE_CONDITIONS: 422, CONDITIONS_TOO_RARE: 422 };

/**
 * `GET /export?seed=..&count=..&fields=..&where=..&format=ndjson|csv`: a streamed download of personas. The body is
 * a pull stream: each page of 1,000 personas is generated when the client reads, so a slow reader slows generation
 * instead of filling memory. Bad requests answer JSON `{ errors: [{ message, extensions: { code } }] }` before
 * anything is streamed.
 *
 * @example
 *   curl 'http://127.0.0.1:4000/export?count=1000000&fields=fullName,age,occupation&format=csv' > personas.csv
 */
export async function exportResponse(request: Request, schema: GraphQLSchema, context: Pick<GraphQLContext, 'service'>, fetchAPI: { Response: typeof Response; ReadableStream: typeof ReadableStream }): Promise<Response> {
  const encoder = new TextEncoder();
  let pages: AsyncGenerator<string>;
  let first: IteratorResult<string>;
  let format: 'ndjson' | 'csv';
  try {
    const parsed = parseExportRequest(new URL(request.url).searchParams, schema);
    format = parsed.format;
    pages = exportPersonas(schema, context, parsed);
    first = await pages.next();
  } catch (error) {
    const coded = error instanceof PersonagenError ? error : new PersonagenError('INTERNAL', 'Unexpected error.');
    const code = coded.code === 'INTERNAL' ? 'INTERNAL_SERVER_ERROR' : coded.code;
    return new fetchAPI.Response(JSON.stringify({ errors: [{ message: code === 'INTERNAL_SERVER_ERROR' ? 'Unexpected error.' : coded.message, extensions: { ...coded.details, code } }] }), {
      status: code === 'INTERNAL_SERVER_ERROR' ? 500 : STATUS[code] ?? 400,
      headers: { 'content-type': 'application/json' },
    });
  }
  const body = new fetchAPI.ReadableStream<Uint8Array>({
    start(controller) {
      if (first.done) controller.close();
      else controller.enqueue(encoder.encode(first.value));
    },
    async pull(controller) {
      try {
        const next = await pages.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await pages.return(undefined);
    },
  }, { highWaterMark: 1 });
  return new fetchAPI.Response(body, {
    headers: {
      'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
      'content-disposition': `attachment; filename="personas.${format === 'csv' ? 'csv' : 'ndjson'}"`,
    },
  });
}
