import {
  coerceInputValue, execute, getNamedType, isObjectType, parse, type GraphQLInputObjectType, type GraphQLObjectType, type GraphQLSchema,
} from 'graphql';
import { PersonagenError } from '../engine/PersonagenError.js';
import type { GraphQLContext } from '../graphql/context.js';

/** What one export streams. `where` is in the GraphQL variable form (`{ "sex": { "in": ["FEMALE"] } }`). */
export interface ExportRequest {
  readonly seed: number | string;
  readonly count: number;
  readonly offset: number;
  readonly fields: readonly string[];
  readonly where: Record<string, unknown> | null;
  /** The same conditions with catalogue value ids, as the service takes them. */
  readonly serviceWhere: Record<string, unknown> | null;
  readonly format: 'ndjson' | 'csv';
}

/** Most personas one export may stream (page by page, in constant memory). */
export const MAX_EXPORT = 100_000_000;
const PAGE = 1000;
/** Average rejection tries one page may need (the API's per-request bound is 2,000,000). */
const TRIES_PER_PAGE = 1_000_000;

/**
 * Validates an export request given as query parameters: `seed`, `count`, `offset`, `fields` (comma-separated
 * Persona fields; object fields expand to their subfields), `where` (JSON, GraphQL variable form), `format`.
 *
 * @example
 *   parseExportRequest(new URLSearchParams('seed=1&count=1000&fields=fullName,age,occupation&format=csv'), schema)
 */
export function parseExportRequest(params: URLSearchParams, schema: GraphQLSchema): ExportRequest {
  const int = (name: string, fallback: number) => {
    const raw = params.get(name);
    const n = raw === null ? fallback : Number(raw);
    if (!Number.isSafeInteger(n) || n < 0) throw new PersonagenError('BAD_USER_INPUT', `${name} must be a non-negative integer, got "${raw}"`);
    return n;
  };
  const count = int('count', 1000);
  if (count > MAX_EXPORT) throw new PersonagenError('COUNT_TOO_LARGE', `count ${count} exceeds the export maximum of ${MAX_EXPORT}`, { max: MAX_EXPORT });
  const rawSeed = params.get('seed') ?? '42';
  const seed = /^-?\d+$/.test(rawSeed) && Number.isSafeInteger(Number(rawSeed)) ? Number(rawSeed) : rawSeed;
  const format = params.get('format') ?? 'ndjson';
  if (format !== 'ndjson' && format !== 'csv') throw new PersonagenError('BAD_USER_INPUT', `format must be ndjson or csv, got "${format}"`);
  let where: Record<string, unknown> | null = null;
  const rawWhere = params.get('where');
  if (rawWhere) {
    try {
      where = JSON.parse(rawWhere) as Record<string, unknown>;
    } catch {
      throw new PersonagenError('BAD_USER_INPUT', 'where must be JSON in the GraphQL variable form, e.g. {"countryOfResidence":{"in":["GB"]}}');
    }
  }
  const fields = (params.get('fields') ?? 'id,fullName,age,sex,countryOfResidence').split(',').map((f) => f.trim()).filter(Boolean);
  selection(schema, fields); // validates the names
  // Coercing validates the conditions' shape and values.
  return { seed, count, offset: int('offset', 0), fields, where, serviceWhere: where ? internalWhere(schema, where) : null, format };
}

/** `where` from its GraphQL variable form to the service's (catalogue value ids), or a BAD_USER_INPUT error. */
function internalWhere(schema: GraphQLSchema, where: Record<string, unknown>): Record<string, unknown> {
  return coerceInputValue(where, schema.getType('PersonaWhere') as GraphQLInputObjectType, (path, _value, error) => {
    throw new PersonagenError('BAD_USER_INPUT', `where${path.map((p) => `.${p}`).join('')}: ${error.message}`);
  }) as Record<string, unknown>;
}

/** The GraphQL selection of the export's fields, and the flat columns they give. */
function selection(schema: GraphQLSchema, fields: readonly string[]): { query: string; columns: string[] } {
  const persona = schema.getType('Persona') as GraphQLObjectType;
  const known = persona.getFields();
  const parts: string[] = [];
  const columns: string[] = [];
  for (const name of fields) {
    const field = known[name];
    if (!field) throw new PersonagenError('BAD_USER_INPUT', `unknown Persona field "${name}"`, { field: name });
    const type = getNamedType(field.type);
    if (isObjectType(type)) {
      const sub = Object.keys(type.getFields());
      parts.push(`${name} { ${sub.join(' ')} }`);
      columns.push(...sub.map((s) => `${name}.${s}`));
    } else {
      parts.push(name);
      columns.push(name);
    }
  }
  if (parts.length === 0) throw new PersonagenError('BAD_USER_INPUT', 'fields must name at least one Persona field');
  return {
    query: `query Export($seed: Seed!, $count: Int!, $offset: Int!, $where: PersonaWhere) { personas(seed: $seed, count: $count, offset: $offset, where: $where) { ${parts.join(' ')} } }`,
    columns,
  };
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = Array.isArray(value) ? value.join(';') : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Streams personas as NDJSON lines or CSV rows, one chunk per page of 1,000, through the same GraphQL schema as the
 * API (identical values, enum spellings and errors). Pages are generated only when the consumer asks for them, so
 * memory stays constant whatever the count. Under rare conditions pages shrink to stay within the per-request work
 * bound. An error in the first page throws (nothing has been sent); a later one ends the stream with an error line
 * (NDJSON) or by aborting it (CSV).
 *
 * @example
 *   for await (const chunk of exportPersonas(schema, context, request)) out.write(chunk);
 */
export async function* exportPersonas(schema: GraphQLSchema, context: Pick<GraphQLContext, 'service'>, request: ExportRequest): AsyncGenerator<string> {
  const { query, columns } = selection(schema, request.fields);
  const document = parse(query);
  const plan = context.service.plan(request.serviceWhere as never);
  const acceptance = plan?.tail?.acceptance ?? 1;
  const page = Math.max(1, Math.min(PAGE, Math.floor(TRIES_PER_PAGE * acceptance)));
  // The CSV header goes out with the first page, so that an error in that page is thrown before anything is sent.
  let header = request.format === 'csv' ? `${columns.map(csvCell).join(',')}\n` : '';
  if (request.count === 0) yield header;
  for (let done = 0; done < request.count; done += page) {
    const count = Math.min(page, request.count - done);
    const result = await execute({
      // Persona fields read the service only; the database is for map-version queries.
      schema, document, contextValue: { service: context.service, debug: false, personas: [] },
      variableValues: { seed: request.seed, count, offset: request.offset + done, where: request.where },
    });
    if (result.errors?.length) {
      const error = result.errors[0];
      const code = (error.extensions?.code as string | undefined) ?? 'INTERNAL';
      if (done === 0) throw new PersonagenError(code === 'GRAPHQL_VALIDATION_FAILED' ? 'BAD_USER_INPUT' : (code as 'INTERNAL'), error.message, error.extensions ?? {});
      // Uncoded errors are masked, as at the GraphQL boundary.
      const shown = error.extensions?.code ? { message: error.message, extensions: error.extensions } : { message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
      if (request.format === 'ndjson') yield `${JSON.stringify({ error: shown })}\n`;
      throw new PersonagenError('INTERNAL', `export stopped after ${done} personas: ${error.message}`);
    }
    const rows = (result.data as { personas: Record<string, unknown>[] }).personas;
    yield header + (request.format === 'ndjson'
      ? rows.map((r) => `${JSON.stringify(r)}\n`).join('')
      : rows.map((r) => `${columns.map((c) => csvCell(c.includes('.') ? (r[c.slice(0, c.indexOf('.'))] as Record<string, unknown> | null)?.[c.slice(c.indexOf('.') + 1)] : r[c])).join(',')}\n`).join(''));
    header = '';
  }
}
