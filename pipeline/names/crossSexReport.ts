import type { NameTable } from './build.js';

/**
 * Warns about names carrying mass in both the F and the M table of one key (outside the unisex lists): these are
 * usually authoring slips (Andrea in an Italian girls' list) rather than real unisex use.
 *
 * @example
 *   crossSexReport(firstTables) // prints e.g. '  host/IT/F/1990: 0.80% on Andrea'
 */
export function crossSexReport(tables: Record<string, NameTable>): void {
  const unisex = new Set(Object.entries(tables).filter(([k]) => k.startsWith('unisex/')).flatMap(([, t]) => t.names));
  const lines: string[] = [];
  for (const [key, t] of Object.entries(tables)) {
    const p = key.split('/');
    const sexAt = p[0] === 'host' ? 2 : p[0] === 'heritage' ? 3 : -1;
    if (sexAt < 0 || p[sexAt] !== 'F') continue;
    const other = tables[[...p.slice(0, sexAt), 'M', ...p.slice(sexAt + 1)].join('/')];
    if (!other) continue;
    const otherNames = new Set(other.names);
    const total = t.weights.reduce((a, b) => a + b, 0);
    let mass = 0;
    const hits: string[] = [];
    t.names.forEach((n, i) => {
      if (otherNames.has(n) && !unisex.has(n)) {
        mass += t.weights[i] / total;
        hits.push(n);
      }
    });
    if (mass > 0.005) lines.push(`  ${key}: ${(mass * 100).toFixed(2)}% on ${hits.slice(0, 8).join(', ')}`);
  }
  if (lines.length) console.warn(`warning: F tables with > 0.5% mass on names of the M table (not unisex):\n${lines.join('\n')}`);
}
