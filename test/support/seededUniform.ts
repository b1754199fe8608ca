import { seedWords, streamFor, uniform01 } from '../../src/engine/rng.js';

/**
 * A seeded uniform source in [0, 1) for tests of pure functions that take one: the engine's own stream.
 *
 * @example
 *   const u = seededUniform(1); u(); u();
 */
export function seededUniform(seed: number): () => number {
  const g = streamFor(seedWords(seed), 0, 0);
  return () => uniform01(g);
}
