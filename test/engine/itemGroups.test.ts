import { describe, expect, it } from 'vitest';
import { conditionalWeights, finishWeights, groupWeights } from '../../src/engine/conditionalWeights.js';
import { compileDrawModel } from '../../src/engine/drawModel.js';
import { Persona } from '../../src/engine/Persona.js';
import { seedWords } from '../../src/engine/rng.js';
import { loadEngine } from '../support/engine.js';

describe('interleaved item groups', () => {
  const engine = loadEngine();
  const dims = engine.registry.dimensions;
  const sets = dims.filter((d) => d.itemGroups);

  it('groups the items of every set that share a model shape', () => {
    const grouped = sets.flatMap((s) => s.itemGroups!.flatMap((g) => [...g.items]));
    expect(sets.map((s) => s.id).sort()).toEqual(['chronicConditions', 'hobbies', 'otherLanguages', 'socialMediaPlatforms']);
    expect(grouped.length).toBeGreaterThan(50);
  });

  it('gives every item bit for bit the weights of its own tables, one by one and as a group', () => {
    const own = new Float64Array(2);
    const shared = new Float64Array(2);
    const all = new Float64Array(64);
    for (let i = 0; i < 300; i++) {
      const p = new Persona(engine, seedWords(99), i, null);
      for (const d of dims) if (d.available && d.kind !== 'string') p.get(d.index);
      const values = (p as unknown as { values: Int32Array }).values;
      for (const set of sets) {
        for (const group of set.itemGroups!) {
          const head = groupWeights(group, values, all);
          group.items.forEach((item, j) => {
            const dim = dims[item];
            const massOwn = conditionalWeights({ ...dim, draw: compileDrawModel(dim.model, 2) }, values, own);
            const massShared = conditionalWeights(dim, values, shared);
            expect([massShared, ...shared]).toEqual([massOwn, ...own]);
            const slice = all.slice(j * 2, j * 2 + 2);
            expect(finishWeights(dim, values, slice, head + j * 2)).toBe(massOwn);
            expect([...slice]).toEqual([...own]);
          });
        }
      }
    }
  });

  it('samples a set the same whether its items are asked for one by one or through the set', () => {
    for (let i = 0; i < 200; i++) {
      const whole = new Persona(engine, seedWords(5), i, null);
      const single = new Persona(engine, seedWords(5), i, null);
      for (const set of [...sets].reverse()) {
        const itemValues = set.itemDims!.map((d) => single.get(d));
        expect(whole.get(set.index)).toBe(single.get(set.index));
        expect(set.itemDims!.map((d) => whole.get(d))).toEqual(itemValues);
      }
    }
  });
});
