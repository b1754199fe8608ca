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
 * xoroshiro128+ on four 32-bit words, output for output the same generator as pure-rand's
 * `xoroshiro128plusFromState([s01, s00, s11, s10])` (test/engine/rng.test.ts checks this against pure-rand). Written
 * out here because the sampler builds one stream per field of every persona: a class with no checks and an inlined
 * first draw (`streamUniform`) cost a fraction of the library's object per stream.
 *
 * @example
 *   const g = streamFor(seedWords(42), 7, hashString('age')); g.next(); uniform01(g);
 */
export class Stream {
  constructor(private s01: number, private s00: number, private s11: number, private s10: number) {}

  /** The next 32-bit output (signed int). */
  next(): number {
    const out = (this.s00 + this.s10) | 0;
    const a0 = this.s10 ^ this.s00;
    const a1 = this.s11 ^ this.s01;
    const s00 = this.s00;
    const s01 = this.s01;
    this.s00 = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16);
    this.s01 = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
    this.s10 = (a1 << 5) ^ (a0 >>> 27);
    this.s11 = (a0 << 5) ^ (a1 >>> 27);
    return out;
  }
}

/**
 * The random stream of one dimension of one persona: a xoroshiro128+ generator whose 4-word state is a strong mix
 * of (seed, index, stream key), so streams of different fields, indices and seeds are independent and a field's
 * values never depend on which other fields were asked for (ARCHITECTURE.md section 2).
 *
 * @example
 *   const g = streamFor(seedWords(42), 7, hashString('age')); uniform01(g);
 */
export function streamFor(seed: SeedWords, index: number, key: number): Stream {
  seedState(seed, index, key);
  const g = new Stream(STATE[0], STATE[1], STATE[2], STATE[3]);
  // xoroshiro's first outputs are weakly mixed for related states; two warm-up draws cost ~10 ns.
  g.next();
  g.next();
  return g;
}

/** The 4-word state of stream (seed, index, key), written into STATE (no allocation on the hot path). */
const STATE = new Int32Array(4);
function seedState(seed: SeedWords, index: number, key: number): void {
  const idxHi = Math.floor(index / 0x100000000) | 0;
  const a = fmix32(seed.lo ^ fmix32(key ^ 0x9e3779b9));
  const b = fmix32(seed.hi ^ fmix32(index ^ 0x7f4a7c15));
  const c = fmix32(a ^ Math.imul(b, 0x27d4eb2f) ^ idxHi);
  STATE[0] = a;
  STATE[1] = b;
  STATE[2] = c | 1;
  STATE[3] = fmix32(b ^ Math.imul(c, 0x165667b1) ^ key);
}

/**
 * `uniform01(streamFor(seed, index, key))` without building the stream: the same state, the two warm-up outputs and
 * the two outputs of the draw, with Stream.next's step on local variables. Most fields draw exactly once, so this is
 * the sampler's hot path.
 *
 * @example
 *   streamUniform(seedWords(42), 7, hashString('age')) === uniform01(streamFor(seedWords(42), 7, hashString('age')))
 */
export function streamUniform(seed: SeedWords, index: number, key: number): number {
  seedState(seed, index, key);
  let s01 = STATE[0];
  let s00 = STATE[1];
  let s11 = STATE[2];
  let s10 = STATE[3];
  let hi = 0;
  // Outputs 0 and 1 are the warm-up, 2 and 3 the draw (as in uniform01).
  for (let i = 0; i < 3; i++) {
    if (i === 2) hi = (s00 + s10) & 0x3ffffff;
    const a0 = s10 ^ s00;
    const a1 = s11 ^ s01;
    const t00 = s00;
    const t01 = s01;
    s00 = (t00 << 24) ^ (t01 >>> 8) ^ a0 ^ (a0 << 16);
    s01 = (t01 << 24) ^ (t00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
    s10 = (a1 << 5) ^ (a0 >>> 27);
    s11 = (a0 << 5) ^ (a1 >>> 27);
  }
  return (hi * 134217728 + ((s00 + s10) & 0x7ffffff)) / 9007199254740992;
}

/**
 * A uniform double in [0, 1) with 53 random bits.
 *
 * @example
 *   uniform01(streamFor(seedWords(1), 0, 1)) // 0.63...
 */
export function uniform01(g: Stream): number {
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
