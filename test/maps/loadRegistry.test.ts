import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/Engine.js';
import { Persona } from '../../src/engine/Persona.js';
import { seedWords } from '../../src/engine/rng.js';
import { loadRegistry } from '../../src/maps/loadRegistry.js';

const cacheDir = mkdtempSync(join(tmpdir(), 'personagen-cache-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

/** Every categorical value and the generated strings of 300 personas. */
function personas(engine: Engine): string[] {
  const dims = engine.registry.dimensions.filter((d) => d.available && d.kind !== 'string' && d.itemOf === undefined);
  const out: string[] = [];
  for (let i = 0; i < 300; i++) {
    const p = new Persona(engine, seedWords(7), i, null);
    out.push([...dims.map((d) => p.valueId(d.id)), p.firstName(), p.lastName(), p.city(), p.phone().e164, p.email(), p.income()?.amount].join('|'));
  }
  return out;
}

describe('compiled maps cache (loadRegistry)', () => {
  it('compiles on the first start, reads the cache on the next, and both serve the same personas', () => {
    const first = loadRegistry('maps', cacheDir);
    expect(first.cached).toBe(false);
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.v8'))).toHaveLength(1);
    const second = loadRegistry('maps', cacheDir);
    expect(second.cached).toBe(true);
    expect(second.registry.version).toBe(first.registry.version);
    expect(second.sha256).toEqual(first.sha256);
    expect(personas(new Engine(second.registry))).toEqual(personas(new Engine(first.registry)));
  });

  it('rebuilds an unreadable cache instead of failing', () => {
    const [file] = readdirSync(cacheDir).filter((f) => f.endsWith('.v8'));
    writeFileSync(join(cacheDir, file), 'not a registry');
    const again = loadRegistry('maps', cacheDir);
    expect(again.cached).toBe(false);
    expect(loadRegistry('maps', cacheDir).cached).toBe(true);
  });

  it('keeps the raw conditional tables out of the served registry (the pipeline compiles its own)', () => {
    const { registry } = loadRegistry('maps');
    expect(registry.dimensions.every((d) => d.model.conditionals.length === 0)).toBe(true);
    expect(registry.dimensions.find((d) => d.id === 'occupation')!.draw.tables.length).toBeGreaterThan(1);
  });
});
