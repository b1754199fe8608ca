import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/** murmur3's 32-bit finaliser: a bijective avalanche mix. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/**
 * A stable 32-bit hash of a string (FNV-1a, then fmix32). Stream keys depend on it, so it must never change.
 *
 * @example
 *   hashString('age') // always the same number, on every machine
 */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** A seed reduced to two 32-bit words: Ints keep their value, Strings are hashed (with a different tag). */
export interface SeedWords { readonly hi: number; readonly lo: number }

/**
 * Turns a user seed (Int or String) into two words. Int and String seeds never collide ("42" differs from 42).
 *
 * @example
 *   seedWords(42); seedWords('my-test-suite')
 */
export function seedWords(seed: number | string): SeedWords {
  if (typeof seed === 'number') {
    return { hi: fmix32(Math.floor(seed / 0x100000000) ^ 0x5eed0001), lo: seed | 0 };
  }
  return { hi: hashString(`s:${seed}`), lo: hashString(`t:${seed}:${seed.length}`) };
}

/**
 * The random stream of one dimension of one persona: a xoroshiro128+ generator whose 4-word state is a strong mix
 * of (seed, index, stream key), so streams of different fields, indices and seeds are independent and a field's
 * values never depend on which other fields were asked for (ARCHITECTURE.md section 2).
 *
 * @example
 *   const g = streamFor(seedWords(42), 7, hashString('age')); uniform01(g);
 */
export function streamFor(seed: SeedWords, index: number, key: number): RandomGenerator {
  const idxHi = Math.floor(index / 0x100000000) | 0;
  const a = fmix32(seed.lo ^ fmix32(key ^ 0x9e3779b9));
  const b = fmix32(seed.hi ^ fmix32(index ^ 0x7f4a7c15));
  const c = fmix32(a ^ Math.imul(b, 0x27d4eb2f) ^ idxHi);
  const d = fmix32(b ^ Math.imul(c, 0x165667b1) ^ key);
  const g = xoroshiro128plusFromState([a, b, c | 1, d]);
  // xoroshiro's first outputs are weakly mixed for related states; two warm-up draws cost ~10 ns.
  g.next();
  g.next();
  return g;
}

/**
 * A uniform double in [0, 1) with 53 random bits.
 *
 * @example
 *   uniform01(streamFor(seedWords(1), 0, 1)) // 0.63...
 */
export function uniform01(g: RandomGenerator): number {
  const hi = g.next() & 0x3ffffff;
  const lo = g.next() & 0x7ffffff;
  return (hi * 134217728 + lo) / 9007199254740992;
}

/**
 * A derived stream key: the key of the same field in another rejection try (or for another purpose), so that
 * tries draw independent values while staying a function of (seed, index, key, salt).
 *
 * @example
 *   streamFor(seedWords(42), 7, mixKey(hashString('age'), 3)) // the age stream of try 3
 */
export function mixKey(key: number, salt: number): number {
  return fmix32(key ^ fmix32(Math.imul(salt, 0x9e3779b1) ^ 0x2545f491));
}

/**
 * One uniform double in [0, 1) for (seed, index, key), straight from a hash: no generator state, for hot loops that
 * need a single draw per field (rejection tries). Independent of `streamFor` (a different construction), and just as
 * stable.
 *
 * @example
 *   uniformAt(seedWords(42), 7, hashString('age')) // always the same number
 */
export function uniformAt(seed: SeedWords, index: number, key: number): number {
  const idxHi = Math.floor(index / 0x100000000) | 0;
  const a = fmix32(seed.lo ^ fmix32(key ^ 0x3c6ef372));
  const b = fmix32(seed.hi ^ fmix32(index ^ 0xa54ff53a) ^ Math.imul(a, 0x27d4eb2f));
  const hi = fmix32(a ^ Math.imul(b, 0x165667b1) ^ idxHi) >>> 6;
  const lo = fmix32(b ^ Math.imul(hi, 0x85ebca6b) ^ key) >>> 5;
  return (hi * 134217728 + lo) / 9007199254740992;
}
