import { describe, expect, it } from 'vitest';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { hashString, seedWords, Stream, streamFor, streamUniform, uniform01 } from '../../src/engine/rng.js';

describe('rng', () => {
  it('hashes strings to the same numbers forever (no-regression)', () => {
    expect([hashString('age'), hashString('firstName'), hashString('')]).toMatchInlineSnapshot(`
      [
        -284743841,
        -1789634927,
        -1421968373,
      ]
    `);
  });

  it('gives the same stream for the same (seed, index, key) and pins its first draws', () => {
    const a = streamFor(seedWords(42), 7, hashString('age'));
    const b = streamFor(seedWords(42), 7, hashString('age'));
    const draws = [uniform01(a), uniform01(a), uniform01(a)];
    expect([uniform01(b), uniform01(b), uniform01(b)]).toEqual(draws);
    expect(draws.map((x) => x.toFixed(12))).toMatchSnapshot();
  });

  it('is output for output pure-rand\'s xoroshiro128+, and streamUniform is the first draw of streamFor', () => {
    const words = seedWords(9);
    for (let i = 0; i < 2000; i++) {
      const state = [streamUniform(words, i, 1), streamUniform(words, i, 2), streamUniform(words, i, 3), streamUniform(words, i, 4)].map((u) => (u * 2 ** 32) | 0);
      const ours = new Stream(state[0], state[1], state[2], state[3]);
      const theirs = xoroshiro128plusFromState(state);
      for (let j = 0; j < 8; j++) expect(ours.next()).toBe(theirs.next());
      const key = hashString(`k${i}`);
      expect(streamUniform(words, i * 977 + 2 ** 33, key)).toBe(uniform01(streamFor(words, i * 977 + 2 ** 33, key)));
    }
  });

  it('separates Int and String seeds', () => {
    expect(seedWords(42)).not.toEqual(seedWords('42'));
  });

  it('makes neighbouring indices, keys and seeds look independent (first draw is uniform, no correlation)', () => {
    const n = 20000;
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < n; i++) {
      xs.push(uniform01(streamFor(seedWords(1), i, 5)));
      ys.push(uniform01(streamFor(seedWords(1), i, 6)));
    }
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    const mx = mean(xs);
    const my = mean(ys);
    let cov = 0;
    let vx = 0;
    let vy = 0;
    for (let i = 0; i < n; i++) {
      cov += (xs[i] - mx) * (ys[i] - my);
      vx += (xs[i] - mx) ** 2;
      vy += (ys[i] - my) ** 2;
    }
    expect(Math.abs(mx - 0.5)).toBeLessThan(0.01);
    expect(Math.abs(cov / Math.sqrt(vx * vy))).toBeLessThan(0.03);
    // lag-1 correlation over consecutive indices of the same key
    let lag = 0;
    for (let i = 1; i < n; i++) lag += (xs[i] - mx) * (xs[i - 1] - mx);
    expect(Math.abs(lag / vx)).toBeLessThan(0.03);
  });
});
