/**
 * Expands `a/{x,y}/b` into `a/x/b`, `a/y/b` (several groups allowed, no nesting).
 *
 * @example
 *   expandBraces('host/GB/{F,M}/1950') // ['host/GB/F/1950', 'host/GB/M/1950']
 */
export function expandBraces(key: string): string[] {
  const m = /\{([^{}]*)\}/.exec(key);
  if (!m) return [key];
  return m[1].split(',').flatMap((alt) => expandBraces(key.slice(0, m.index) + alt.trim() + key.slice(m.index + m[0].length)));
}
