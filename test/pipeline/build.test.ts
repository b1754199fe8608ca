import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildMaps, DEFAULT_BUILD } from '../../pipeline/build/buildMaps.js';

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

function buildInto(only: string[]) {
  const root = mkdtempSync(join(tmpdir(), 'personagen-build-'));
  dirs.push(root);
  const mapsDir = join(root, 'maps');
  mkdirSync(mapsDir);
  for (const f of ['catalogue.json', 'regions.json']) copyFileSync(join('maps', f), join(mapsDir, f));
  const harness = buildMaps({ ...DEFAULT_BUILD, mapsDir, harnessFile: join(root, 'harness.json'), populationSize: 4000, fitSize: 2000, only });
  const files = Object.fromEntries(readdirSync(join(mapsDir, 'dimensions')).sort().map((f) => [f, readFileSync(join(mapsDir, 'dimensions', f), 'utf8')]));
  return { files, harness, harnessText: readFileSync(join(root, 'harness.json'), 'utf8') };
}

describe('maps:build', () => {
  it('is reproducible: the same inputs give byte-identical maps and harness results', () => {
    const a = buildInto(['sexualOrientation']);
    const b = buildInto(['sexualOrientation']);
    expect(Object.keys(a.files)).toEqual(['age.json', 'countryOfResidence.json', 'genderIdentity.json', 'region.json', 'sex.json', 'sexualOrientation.json']);
    expect(b.files).toEqual(a.files);
    expect(b.harnessText).toBe(a.harnessText);
  }, 60_000);

  it('evaluates every combination method per dimension and compiles a feasible one with its fitted bias', () => {
    const { harness, files } = buildInto(['genderIdentity']);
    const gi = harness.dimensions.find((d) => d.id === 'genderIdentity')!;
    expect(gi.methods.map((m) => m.method)).toEqual(['naiveProduct', 'linearPool', 'linearPoolRaked', 'logLinearTempered', 'logLinearRaked', 'logLinearRakedFitted']);
    const chosen = gi.methods.find((m) => m.method === gi.chosen)!;
    expect(chosen.feasible).toBe(true);
    for (const m of gi.methods.filter((x) => x.method.endsWith('Raked'))) expect(m.maxMarginalTV).toBeLessThan(0.001);
    const map = JSON.parse(files['genderIdentity.json']);
    expect(map.combination.method).toBe(gi.chosen);
    expect(map.combination.weights).toHaveLength(map.conditionals.length);
    expect(map.target.provenance.kind).toBe('estimate');
    expect(gi.tables.map((t) => t.role)).toEqual(['target', 'conditional']);
  }, 60_000);
});
