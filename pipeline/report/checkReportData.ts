import type { HarnessResult, Verification } from './reportData.js';

/**
 * Checks the shapes the report relies on (one number per value, one row per parent value, unique ids) and throws
 * naming the JSON path of the first problem, rather than drawing a chart that silently shifts values.
 *
 * @example
 *   checkReportData(harness, verification); // throws 'verification.dimensions[2] (smoking).marginals[0].generated: 4 numbers for 5 values'
 */
export function checkReportData(harness: HarnessResult, verification: Verification): void {
  const fail = (path: string, problem: string) => {
    throw new Error(`report data: ${path}: ${problem}`);
  };
  const unique = (ids: string[], path: string) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) fail(path, `dimension ${id} appears twice`);
      seen.add(id);
    }
  };
  unique(harness.dimensions.map((d) => d.id), 'harness.dimensions');
  unique(verification.dimensions.map((d) => d.id), 'verification.dimensions');

  harness.dimensions.forEach((d, i) => {
    d.methods.forEach((m, j) => {
      for (const [k, x] of Object.entries({ maxMarginalTV: m.maxMarginalTV, conditionalTV: m.conditionalTV, forbiddenMass: m.forbiddenMass }))
        if (!Number.isFinite(x)) fail(`harness.dimensions[${i}] (${d.id}).methods[${j}].${k}`, `not a number: ${x}`);
    });
  });

  verification.dimensions.forEach((d, i) => {
    const at = `verification.dimensions[${i}] (${d.id})`;
    const k = d.values.length;
    const numbers = (xs: readonly number[] | null | undefined, path: string) => {
      if (!Array.isArray(xs) || xs.length !== k) fail(path, `${Array.isArray(xs) ? xs.length : 'no'} numbers for ${k} values`);
    };
    d.marginals.forEach((m, j) => {
      numbers(m.target, `${at}.marginals[${j}].target`);
      numbers(m.generated, `${at}.marginals[${j}].generated`);
    });
    d.pairwise.forEach((p, j) => {
      const pat = `${at}.pairwise[${j}] (${p.parent}, ${p.country})`;
      const n = p.parentValues.length;
      for (const [name, rows] of Object.entries({ parentShare: p.parentShare, generated: p.generated, table: p.table }))
        if (rows.length !== n) fail(`${pat}.${name}`, `${rows.length} rows for ${n} parent values`);
      p.generated.forEach((row, r) => numbers(row, `${pat}.generated[${r}]`));
      p.table.forEach((row, r) => row != null && numbers(row, `${pat}.table[${r}]`));
    });
  });
}
