/**
 * JSON for data files that people read and diff: 1-space indentation, but every innermost object or array (a row
 * of probabilities, a rule's value list) on one line. Deterministic for the same value.
 *
 * @example
 *   formatJson({ rows: { US: { a: 0.5, b: 0.5 } } })
 */
export function formatJson(value: unknown): string {
  return JSON.stringify(value, null, 1)
    .replace(/([{[])\n\s*([^{}[\]\n]*(?:\n\s*[^{}[\]\n]*)*?)\n\s*([}\]])/g, (_m, open: string, body: string, close: string) =>
      `${open} ${body.split('\n').map((l) => l.trim()).join(' ')} ${close}`)
    + '\n';
}
