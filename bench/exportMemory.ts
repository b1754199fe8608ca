import type { GraphQLSchema } from 'graphql';
import type { PersonaService } from '../src/engine/PersonaService.js';
import { exportPersonas, parseExportRequest } from '../src/export/exportPersonas.js';

/**
 * Streams `count` personas (3 fields, NDJSON) through the export path, discarding the output, and samples the RSS
 * after every page: constant memory shows as a small growth whatever the count.
 *
 * @example
 *   await exportMemory(schema, service, 1_000_000) // { seconds, rssBeforeMB, rssPeakMB }
 */
export async function exportMemory(schema: GraphQLSchema, service: PersonaService, count: number) {
  const request = parseExportRequest(new URLSearchParams({ count: String(count), fields: 'fullName,age,occupation' }), schema);
  const before = process.memoryUsage().rss;
  let peak = before;
  let bytes = 0;
  const t = performance.now();
  for await (const chunk of exportPersonas(schema, { service }, request)) {
    bytes += chunk.length;
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  return { count, seconds: (performance.now() - t) / 1000, megabytesOut: bytes / 1e6, rssBeforeMB: before / 1e6, rssPeakMB: peak / 1e6 };
}
