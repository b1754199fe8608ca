import { describe, expect, it } from 'vitest';
import { PersonaService } from '../../src/engine/PersonaService.js';
import { loadEngine } from '../support/engine.js';

/**
 * Name diversity of the whole generator (tables + the origin mix of the maps), on 100,000 US personas. Real data:
 * the most common US full names (James Smith, Michael Smith, ...) are each held by roughly 1 adult in 8,000-10,000
 * (about 0.01%), and the SSA files list tens of thousands of distinct given names.
 */
describe('name diversity', () => {
  it('100,000 US personas: the top full name stays near real-world frequency, distinct first names in the thousands', () => {
    const service = new PersonaService(loadEngine());
    const full = new Map<string, number>();
    const first = new Set<string>();
    const n = 100_000;
    for (let offset = 0; offset < n; offset += 10_000) {
      for (const p of service.personas('diversity', 10_000, offset, { countryOfResidence: { in: ['US'] } })) {
        const f = p.firstName();
        const name = `${f} ${p.lastName()}`;
        first.add(f);
        full.set(name, (full.get(name) ?? 0) + 1);
      }
    }
    const [topName, topCount] = [...full].sort((a, b) => b[1] - a[1])[0];
    console.log(`diversity (US, ${n}): top full name ${topName} x${topCount} (${((topCount / n) * 100).toFixed(3)}%), ${full.size} distinct full names, ${first.size} distinct first names`);
    expect(topCount / n).toBeLessThanOrEqual(0.0003);
    expect(first.size).toBeGreaterThanOrEqual(2000);
    expect(full.size).toBeGreaterThan(0.8 * n);
  }, 300_000);
});
