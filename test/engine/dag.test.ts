import { describe, expect, it } from 'vitest';
import { ancestorClosure, topologicalOrder } from '../../src/engine/dag.js';

describe('dag', () => {
  it('orders parents before children', () => {
    expect(topologicalOrder([[], [0], [0, 1], [2]])).toEqual([0, 1, 2, 3]);
    expect(topologicalOrder([[1], []])).toEqual([1, 0]);
  });
  it('rejects cycles, naming the nodes', () => {
    expect(() => topologicalOrder([[1], [0], []])).toThrow(/cycle among nodes 0, 1/);
  });
  it('computes ancestor closures including the node', () => {
    expect(ancestorClosure([[], [0], [1], [0]], [2])).toEqual([0, 1, 2]);
    expect(ancestorClosure([[], [0], [1], [0]], [2, 3])).toEqual([0, 1, 2, 3]);
  });
});
