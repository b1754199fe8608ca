import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { topologicalOrder } from '../../src/engine/dag.js';
import { buildRegistry } from '../../src/engine/registry.js';
import { readMapFiles } from '../../src/maps/readMapFiles.js';
import { loadEngine } from '../support/engine.js';
import { dimensionsMarkdown } from '../../pipeline/docs/dimensionsMarkdown.js';

describe('maps: the data itself', () => {
  const engine = loadEngine();
  const reg = engine.registry;

  it('keeps the catalogue contract: 77 dimensions, ids, tiers and parents as in the design', () => {
    const catalogue = reg.dimensions.filter((x) => x.itemOf === undefined);
    expect(catalogue).toHaveLength(77);
    const design = '../shared/design/dimensions.json';
    if (existsSync(design)) {
      const d = JSON.parse(readFileSync(design, 'utf8')) as { dimensions: { id: string; tier: number; parents: string[] }[] };
      // The documented changes: countryOfResidence is a parent of every other dimension (per-country calibration),
      // and a few parents are added with a reason (catalogue.json `addedParents`, `fixes`).
      const added = (JSON.parse(readFileSync('maps/catalogue.json', 'utf8')) as { addedParents: Record<string, string[]> }).addedParents;
      const withCountry = (id: string, parents: string[]) => [
        ...(id === 'countryOfResidence' || parents.includes('countryOfResidence') ? parents : [...parents, 'countryOfResidence']),
        ...(added[id] ?? []),
      ];
      expect(catalogue.map((x) => [x.id, x.tier, x.parentIds])).toEqual(d.dimensions.map((x) => [x.id, x.tier, withCountry(x.id, x.parents)]));
    }
  });

  it('has a DAG: parents exist, no cycle, parents in the same or an earlier tier', () => {
    expect(topologicalOrder(reg.dimensions.map((d) => d.parents))).toHaveLength(reg.dimensions.length);
    for (const d of reg.dimensions) for (const p of d.parents) expect(reg.dimensions[p].tier).toBeLessThanOrEqual(d.tier);
  });

  it('serves all 77 dimensions for all 24 countries and their 427 regions', () => {
    const catalogue = reg.dimensions.filter((d) => d.itemOf === undefined);
    expect(catalogue.filter((d) => !d.available).map((d) => d.id)).toEqual([]);
    expect(reg.coveredCountries).toEqual(reg.countries);
    expect(reg.countries).toHaveLength(24);
    expect(reg.regions).toHaveLength(427);
    const perCountry = Object.fromEntries(reg.countries.map((c) => [c, reg.regions.filter((r) => r.country === c).length]));
    expect(perCountry).toEqual({
      US: 51, CA: 11, MX: 32, BR: 27, AR: 24, GB: 12, IE: 8, FR: 14, DE: 16, ES: 18, IT: 20, NL: 12,
      PL: 16, SE: 21, TR: 12, EG: 27, NG: 6, ZA: 9, IN: 25, PH: 17, JP: 8, KR: 17, AU: 8, NZ: 16,
    });
  });

  it('has regional targets where the sources are regional: ethnicity, income, religion raised, urbanicity, language', () => {
    for (const id of ['ethnicity', 'income', 'religionRaised', 'urbanicity', 'nativeLanguage']) {
      const d = engine.dim(id);
      const regional = d.provenance.find((p) => p.given.length === 1 && p.given[0] === 'region');
      expect(regional, id).toBeDefined();
      const table = d.model.conditionals[regional!.table - 1];
      let rows = 0;
      for (let r = 0; r < table.present.length; r++) rows += table.present[r];
      expect(rows, id).toBeGreaterThanOrEqual(reg.regions.length * 0.9);
    }
  });

  it('has target and conditional rows that sum to 1, and finite positive combined factors', () => {
    for (const d of reg.dimensions.filter((x) => x.available && x.model.factors.length > 0)) {
      const k = d.values.length;
      const bad: string[] = [];
      for (const table of [d.model.target, ...d.model.conditionals]) {
        for (let r = 0; r < table.present.length; r++) {
          if (!table.present[r]) continue;
          let sum = 0;
          for (let v = 0; v < k; v++) {
            const x = table.rows[r * k + v];
            if (!(x >= 0 && Number.isFinite(x))) bad.push(`${d.id} row ${table.rowKeys[r]}: ${x}`);
            sum += x;
          }
          if (!(Math.abs(sum - 1) < 1e-9)) bad.push(`${d.id} row ${table.rowKeys[r]} sums to ${sum}`);
        }
      }
      for (const f of d.model.factors) for (const x of f.rows) if (!(x >= 0 && Number.isFinite(x))) bad.push(`${d.id} factor ${x}`);
      expect(bad).toEqual([]);
      expect(d.combination?.method, d.id).toBeTruthy();
    }
  });

  it('gives every table a provenance: a cited source or an estimate with its method', () => {
    let published = 0;
    let estimated = 0;
    for (const d of reg.dimensions.filter((x) => x.available && x.kind !== 'string' && x.kind !== 'set')) {
      expect(d.provenance.length, d.id).toBe(d.model.conditionals.length + 1);
      for (const p of d.provenance) {
        for (const prov of [p.provenance, ...Object.values(p.rowProvenance ?? {})]) {
          if (prov.kind === 'published') { published++; expect(prov.source.length).toBeGreaterThan(3); }
          else { estimated++; expect(prov.method).toMatch(/estimat|elicitation|derived/i); }
        }
      }
    }
    expect(published + estimated).toBeGreaterThan(40);
    for (const names of [reg.firstNames!, reg.lastNames!]) {
      for (const t of Object.values(names.tables)) expect(names.provenance[t.prov]).toBeDefined();
    }
  });

  it('has name tables for every cultural origin and every covered country', () => {
    const origins = engine.dim('culturalOrigin').values;
    for (const o of origins) {
      expect(reg.firstNames!.tables[`heritage/${o}/*/F/*`], o).toBeDefined();
      expect(reg.firstNames!.tables[`heritage/${o}/*/M/*`], o).toBeDefined();
      expect(reg.lastNames!.tables[`${o}/*/*/*`], o).toBeDefined();
    }
    for (const c of reg.coveredCountries) {
      for (const sex of ['F', 'M']) expect(Object.keys(reg.firstNames!.tables).some((k) => k.startsWith(`host/${c}/${sex}/`)), `${c} ${sex}`).toBe(true);
    }
  });

  it('stops start-up on a malformed map with an error naming the file and the key', () => {
    const files = readMapFiles('maps');
    const broken = (path: string, mutate: (m: any) => void) => {
      const raw = structuredClone(files.raw);
      mutate(raw[path]);
      return () => buildRegistry(raw, 'test');
    };
    const firstKey = (rows: Record<string, unknown>) => Object.keys(rows)[0];
    expect(broken('dimensions/smoking.json', (m) => { m.conditionals[0].rows[firstKey(m.conditionals[0].rows)].never = 5; }))
      .toThrow(/maps\/dimensions\/smoking\.json: conditionals\[0\]\.rows\[".*"\]: sums to/);
    expect(broken('dimensions/smoking.json', (m) => { m.target.rows.US.chainSmoker = 0.1; }))
      .toThrow(/smoking\.json: target\.rows\["US"\]\.chainSmoker: not a value of smoking/);
    expect(broken('dimensions/sex.json', (m) => { m.conditionals[0].given = ['educationLevel']; }))
      .toThrow(/sex\.json: conditionals\[0\]\.given\[0\]: "educationLevel" is not a parent of sex/);
    expect(broken('dimensions/age.json', (m) => { m.target.provenance = { kind: 'estimate' }; }))
      .toThrow(/maps\/dimensions\/age\.json: \.target\.provenance\.method/);
    expect(broken('dimensions/region.json', (m) => { m.target.rows = { US: m.target.rows.US }; }))
      .toThrow(/region\.json: target has no row for "CA"/);
    expect(broken('dimensions/smoking.json', (m) => { m.combination.weights.pop(); }))
      .toThrow(/smoking\.json: \.combination\.weights: combination\.weights needs one weight per conditional/);
    expect(broken('dimensions/smoking.json', (m) => { m.combination.bias.US.chainSmoker = 0.1; }))
      .toThrow(/smoking\.json: combination\.bias\.US\.chainSmoker: not a value of smoking/);
  });
});

describe('docs/dimensions.md', () => {
  it('is generated from the current maps (run `npm run docs:dimensions`)', () => {
    expect(readFileSync('docs/dimensions.md', 'utf8')).toBe(dimensionsMarkdown(loadEngine().registry));
  });
});

describe('maps/manifest.json', () => {
  it('matches the files (run `npm run maps:manifest` after changing maps/)', () => {
    const files = readMapFiles('maps');
    const manifest = JSON.parse(readFileSync('maps/manifest.json', 'utf8'));
    expect(manifest).toEqual({ version: files.version, files: files.sha256 });
  });
});
