import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { App } from '../../src/app.js';
import { ancestorClosure } from '../../src/engine/dag.js';
import { gql, testApp } from '../support/testApp.js';

const FULL = `id seed index age birthDate birthYear firstName lastName fullName countryOfResidence region sex genderIdentity sexualOrientation
  ethnicity culturalOrigin countryOfBirth religionRaised migrationGeneration parentalEducation childhoodSES
  neuroticism neuroticismLevel extraversion openness agreeableness conscientiousness educationLevel fieldOfStudy urbanicity disability
  maritalStatus childrenCount militaryService employmentStatus occupation industry income incomeAmount { amount currency } religion smoking techSavviness phoneOS`;

let app: App;
let pg: App;
beforeAll(async () => {
  [app, pg] = await Promise.all([testApp(), testApp(inject('postgresUrl'))]);
});
afterAll(async () => {
  await app?.close();
  await pg?.close();
});

describe('persona queries: pinned snapshots', () => {
  it.each([42, 1337, 1211])('seed %i gives the same personas forever', async (seed) => {
    const r = await gql(app, `query($seed: Seed!) { personas(seed: $seed, count: 3) { ${FULL} } }`, { seed });
    expect(r.errors).toBeUndefined();
    expect(r.data.personas.map(({ id, ...rest }: { id: string }) => rest)).toMatchSnapshot();
  });

  it('accepts String seeds and conditions in the documented shape', async () => {
    const r = await gql(app, `{ personas(seed: "checkout-tests", count: 5, where: { countryOfResidence: { in: [GB] }, region: { in: [GB_LONDON] }, sex: { in: [FEMALE] }, age: { gte: 25, lte: 34 } }) { region sex age countryOfResidence } }`);
    expect(r.errors).toBeUndefined();
    for (const p of r.data.personas) {
      expect(p).toMatchObject({ region: 'GB_LONDON', sex: 'FEMALE', countryOfResidence: 'GB' });
      expect(p.age).toBeGreaterThanOrEqual(25);
      expect(p.age).toBeLessThanOrEqual(34);
    }
  });
});

describe('persona queries: determinism', () => {
  it('pages: personas(offset: 500, count: 10) equals items 500-509 of personas(count: 1000)', async () => {
    const all = await gql(app, '{ personas(seed: 11, count: 1000) { id firstName occupation age income } }');
    const page = await gql(app, '{ personas(seed: 11, count: 10, offset: 500) { id firstName occupation age income } }');
    expect(page.data.personas).toEqual(all.data.personas.slice(500, 510));
  });

  it('node(id) returns the same persona, including under conditions', async () => {
    const r = await gql(app, '{ personas(seed: "n", count: 3, offset: 40, where: { countryOfResidence: { in: [IN] }, age: { gte: 60 } }) { id fullName age region occupation } }');
    for (const p of r.data.personas) {
      const again = await gql(app, `query($id: ID!) { node(id: $id) { id ... on Persona { fullName age region occupation } } }`, { id: p.id });
      expect(again.data.node).toEqual(p);
    }
  });

  it('gives the same results on PGlite and on a real PostgreSQL server', async () => {
    const q = `{ mapVersion { id dimensionCount countries } personas(seed: 1337, count: 50) { ${FULL} } }`;
    const [a, b] = await Promise.all([gql(app, q), gql(pg, q)]);
    expect(a.errors).toBeUndefined();
    expect(b).toEqual(a);
    expect(a.data.mapVersion.id).toBe(app.service.engine.registry.version);
  });
});

describe('persona queries: laziness (extensions.personagen behind x-personagen-debug)', () => {
  const cases: [string, string[]][] = [
    ['sex', ['sex']],
    ['age birthDate', ['age']],
    ['firstName', ['firstName']],
    ['occupation', ['occupation']],
    ['phoneOS religion lastName', ['phoneOS', 'religion', 'lastName']],
  ];
  it.each(cases)('{ %s } samples exactly the union of the ancestor closures', async (fields, dims) => {
    const r = await gql(app, `{ personas(seed: 3, count: 4) { ${fields} } }`, undefined, true);
    const reg = app.service.engine.registry;
    const closure = ancestorClosure(reg.dimensions.map((d) => d.parents), dims.map((d) => reg.byId.get(d)!.index));
    expect(r.extensions.personagen.perPersona).toEqual([closure.length, closure.length, closure.length, closure.length]);
    expect(r.extensions.personagen.firstPersonaDimensions).toEqual(closure.map((i) => reg.dimensions[i].id));
  });

  it('costs a 3-field persona a fraction of a full one', async () => {
    const small = await gql(app, '{ persona(seed: 3) { sex age region } }', undefined, true);
    const full = await gql(app, `{ persona(seed: 3) { ${FULL} } }`, undefined, true);
    expect(small.extensions.personagen.sampledDimensions).toBe(4);
    expect(full.extensions.personagen.sampledDimensions).toBeGreaterThan(30);
    expect(small.extensions).toBeDefined();
    const plain = await gql(app, '{ persona(seed: 3) { sex } }');
    expect(plain.extensions).toBeUndefined();
  });
});

describe('errors: stable extensions.code, nothing half-done', () => {
  const cases: [string, string, string][] = [
    ['count above the maximum', '{ personas(seed: 1, count: 10001) { age } }', 'COUNT_TOO_LARGE'],
    ['negative offset', '{ personas(seed: 1, count: 1, offset: -1) { age } }', 'NEGATIVE_INDEX'],
    ['negative index', '{ persona(seed: 1, index: -5) { age } }', 'NEGATIVE_INDEX'],
    ['unknown dimension', '{ dimension(id: "shoeSize") { id } }', 'UNKNOWN_DIMENSION'],
    ['region outside the country', '{ persona(seed: 1, where: { countryOfResidence: { in: [US] }, region: { in: [GB_LONDON] } }) { age } }', 'UNSATISFIABLE_CONDITIONS'],
    ['contradictory country conditions', '{ persona(seed: 1, where: { countryOfResidence: { in: [JP], notIn: [JP] } }) { age } }', 'UNSATISFIABLE_CONDITIONS'],
    ['age outside the population', '{ persona(seed: 1, where: { age: { lte: 16 } }) { age } }', 'UNSATISFIABLE_CONDITIONS'],
    ['inverted range', '{ persona(seed: 1, where: { age: { gte: 50, lte: 40 } }) { age } }', 'BAD_USER_INPUT'],
    ['malformed id', '{ node(id: "hello") { id } }', 'INVALID_ID'],
    ['unknown enum value', '{ persona(seed: 1, where: { sex: { in: [OTHER] } }) { age } }', 'GRAPHQL_VALIDATION_FAILED'],
    ['a seed that is neither Int nor String', '{ persona(seed: 1.5) { age } }', 'BAD_USER_INPUT'],
    ['an empty String seed', '{ persona(seed: "") { age } }', 'BAD_USER_INPUT'],
  ];
  it.each(cases)('%s', async (_name, query, code) => {
    const r = await gql(app, query);
    expect(r.errors?.[0]?.extensions?.code).toBe(code);
    if (r.data) expect(Object.values(r.data).every((v) => v === null)).toBe(true);
  });

  it('gives the same answers and codes once a document is compiled (graphql-jit runs it from its second run)', async () => {
    const q = `query($seed: Seed!, $where: PersonaWhere) { personas(seed: $seed, count: 20, where: $where) { ${FULL} } }`;
    const first = await gql(app, q, { seed: 5 });
    const second = await gql(app, q, { seed: 5 });
    expect(first.errors).toBeUndefined();
    expect(second).toEqual(first);
    const impossible = { countryOfResidence: { in: ['US'] }, region: { in: ['GB_LONDON'] } };
    for (let run = 0; run < 2; run++) {
      const r = await gql(app, q, { seed: 5, where: impossible });
      expect(r.errors?.[0]?.extensions?.code).toBe('UNSATISFIABLE_CONDITIONS');
      expect(r.data?.personas ?? null).toBeNull();
    }
  });

  it('names the conflicting dimensions', async () => {
    const r = await gql(app, '{ persona(seed: 1, where: { countryOfResidence: { in: [US] }, region: { in: [GB_LONDON] } }) { age } }');
    expect(r.errors![0].extensions!.dimensions).toEqual(['countryOfResidence', 'region']);
  });
});

describe('dimensions', () => {
  it('lists all 77 with tier, parents, values and provenance', async () => {
    const r = await gql(app, '{ dimensions { id tier kind parents available values { id graphqlValue } provenance { kind source method } } }');
    expect(r.data.dimensions).toHaveLength(77);
    const smoking = r.data.dimensions.find((d: { id: string }) => d.id === 'smoking');
    expect(smoking).toMatchObject({ tier: 3, kind: 'enum', available: true });
    expect(smoking.values.map((v: { graphqlValue: string }) => v.graphqlValue)).toContain('VAPE_ONLY');
    expect(smoking.provenance.length).toBeGreaterThan(0);
    expect(r.data.dimensions.filter((d: { available: boolean }) => !d.available)).toEqual([]);
  });
  it('summarises provenance per dimension, sets over their items', async () => {
    const r = await gql(app, '{ dimension(id: "hobbies") { kind values { id } provenanceSummary { tables published estimated } provenance { item } } }');
    expect(r.data.dimension.kind).toBe('set');
    expect(r.data.dimension.values).toHaveLength(22);
    const s = r.data.dimension.provenanceSummary;
    expect(s.tables).toBeGreaterThanOrEqual(22 * 2);
    expect(s.published + s.estimated).toBeGreaterThanOrEqual(s.tables);
    expect(new Set(r.data.dimension.provenance.map((p: { item: string }) => p.item)).size).toBe(22);
    const hidden = await gql(app, '{ dimension(id: "hobbies.reading") { id } }');
    expect(hidden.errors![0].extensions!.code).toBe('UNKNOWN_DIMENSION');
  });
  it('returns one dimension by id', async () => {
    const r = await gql(app, '{ dimension(id: "region") { parents values { id } } }');
    expect(r.data.dimension.parents).toEqual(['countryOfResidence']);
    expect(r.data.dimension.values.length).toBe(427);
  });
});

describe('storage and readiness', () => {
  it('records the loaded map version and reports readiness with the database', async () => {
    const r = await app.yoga.fetch('http://yoga/readyz');
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ ready: true, database: 'pglite' });
    const v = await gql(pg, '{ mapVersions { id fileCount } }');
    expect(v.data.mapVersions[0].id).toBe(pg.service.engine.registry.version);
  });
});

describe('a database that is down', () => {
  it('fails readiness and answers database fields with DATABASE_UNAVAILABLE, while personas keep working', async () => {
    const down = await testApp();
    await down.database.close();
    const r = await down.yoga.fetch('http://yoga/readyz');
    expect(r.status).toBe(503);
    const q = await gql(down, '{ mapVersion { id } persona(seed: 1) { age } }');
    expect(q.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');
    expect(q.data.persona.age).toBeGreaterThanOrEqual(18);
  });
});
