import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { whereFields } from '../../src/engine/whereFields.js';
import { GRAPHIQL_DEFAULT_QUERY } from '../../src/graphql/yoga.js';
import { gql, testApp } from '../support/testApp.js';

let app: App;
beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app?.close();
});

describe('PersonaWhere: generated from the registry', () => {
  it('has a field for every available dimension, typed by kind', async () => {
    const r = await gql(app, '{ __type(name: "PersonaWhere") { inputFields { name type { name } } } }');
    const fields = new Map<string, string>(r.data.__type.inputFields.map((f: { name: string; type: { name: string } }) => [f.name, f.type.name]));
    const engine = app.service.engine;
    const covered = new Set(whereFields(engine).map((f) => f.dimension));
    const catalogue = engine.registry.dimensions.filter((d) => d.available && d.itemOf === undefined);
    // Every dimension but the generated identifiers (phone, username, e-mail) can be conditioned on.
    expect(catalogue.filter((d) => !covered.has(d.id)).map((d) => d.id).sort()).toEqual(['email', 'phoneNumber', 'username']);
    expect(Object.fromEntries(fields)).toMatchObject({
      occupation: 'Isco08Filter', religionRaised: 'ReligionFilter', age: 'IntRange', ageBand: 'BandFilter', height: 'IntRange',
      bmi: 'FloatRange', openness: 'FloatRange', opennessLevel: 'TraitLevelFilter', incomeAmount: 'FloatRange',
      hobbies: 'HobbySetFilter', firstName: 'StringMatch', city: 'StringMatch',
    });
  });

  it('answers "nurses in Manchester aged 30-40" with personas that meet every condition', async () => {
    const r = await gql(app, `{ personas(seed: "nurses", count: 20, where: { occupation: { in: [ISCO22] }, city: { eq: "Manchester" }, age: { gte: 30, lte: 40 } }) {
      id occupation city age sex countryOfResidence region } }`);
    expect(r.errors).toBeUndefined();
    for (const p of r.data.personas) {
      expect(p).toMatchObject({ occupation: 'ISCO22', city: 'Manchester' });
      expect(p.age).toBeGreaterThanOrEqual(30);
      expect(p.age).toBeLessThanOrEqual(40);
    }
    const again = await gql(app, 'query($id: ID!) { node(id: $id) { ... on Persona { occupation city age region } } }', { id: r.data.personas[3].id });
    expect(again.data.node).toEqual({ occupation: 'ISCO22', city: 'Manchester', age: r.data.personas[3].age, region: r.data.personas[3].region });
  });

  it('combines sets, bands, levels and money with AND', async () => {
    const r = await gql(app, `{ personas(seed: 5, count: 10, where: {
      countryOfResidence: { in: [DE] }, otherLanguages: { includes: [ENGLISH] }, hobbies: { excludes: [READING] },
      ageBand: { in: ["25-34"] }, opennessLevel: { in: [HIGH, VERY_HIGH] }, incomeAmount: { gte: 40000 } }) {
      otherLanguages hobbies ageBand opennessLevel incomeAmount { amount currency } } }`);
    expect(r.errors).toBeUndefined();
    for (const p of r.data.personas) {
      expect(p.otherLanguages).toContain('ENGLISH');
      expect(p.hobbies).not.toContain('READING');
      expect(p.ageBand).toBe('25-34');
      expect(['HIGH', 'VERY_HIGH']).toContain(p.opennessLevel);
      expect(p.incomeAmount.amount).toBeGreaterThanOrEqual(40000);
      expect(p.incomeAmount.currency).toBe('EUR');
    }
  });

  it('gives coded errors: the conflicting dimensions, or the estimated probability', async () => {
    const impossible = await gql(app, '{ personas(seed: 1, where: { educationLevel: { in: [ISCED8] }, age: { lte: 19 } }) { age } }');
    expect(impossible.errors![0].extensions).toMatchObject({ code: 'UNSATISFIABLE_CONDITIONS', dimensions: ['educationLevel', 'age'] });
    expect(impossible.data).toBeNull();
    const rare = await gql(app, '{ personas(seed: 1, where: { countryOfResidence: { in: [SE] }, religion: { in: [HINDU] }, occupation: { in: [ISCO01] } }) { age } }');
    expect(rare.errors![0].extensions!.code).toBe('CONDITIONS_TOO_RARE');
    expect(rare.errors![0].extensions!.estimatedProbability).toBeGreaterThan(0);
    const band = await gql(app, '{ personas(seed: 1, where: { ageBand: { in: ["30-39"] } }) { age } }');
    expect(band.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('25-34') });
  });
});

describe('pinned snapshots under conditions', () => {
  it.each([
    ['an enumerated head', '{ countryOfResidence: { in: [IN] }, age: { gte: 60 } }'],
    ['a sampled tail', '{ occupation: { in: [ISCO22] }, countryOfResidence: { in: [GB] }, hobbies: { includes: [COOKING] } }'],
    ['a city and a first name', '{ city: { eq: "Toronto" }, firstName: { eq: "Sarah" } }'],
  ])('%s gives the same personas forever', async (_name, where) => {
    const r = await gql(app, `{ personas(seed: 2024, count: 3, where: ${where}) { fullName age sex region city occupation educationLevel hobbies incomeAmount { amount currency } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.personas).toMatchSnapshot();
  });
});

describe('distribution', () => {
  it('is exact where the closure can be enumerated', async () => {
    const r = await gql(app, '{ distribution(dimension: "sex", where: { age: { gte: 85 } }) { exact sampleSize conditionsProbability conditionsProbabilityExact values { value probability standardError } } }');
    expect(r.errors).toBeUndefined();
    const d = r.data.distribution;
    expect(d).toMatchObject({ exact: true, sampleSize: null, conditionsProbabilityExact: true });
    expect(d.values.reduce((a: number, v: { probability: number }) => a + v.probability, 0)).toBeCloseTo(1, 12);
    // The oldest old are mostly women.
    expect(d.values.find((v: { value: string }) => v.value === 'FEMALE').probability).toBeGreaterThan(0.55);
  });

  it('estimates "what share of UK graduates aged 25-34 rent?" with its sample size', async () => {
    const r = await gql(app, `{ distribution(dimension: "housingTenure", samples: 4000, where: { countryOfResidence: { in: [GB] }, educationLevel: { in: [ISCED6, ISCED7, ISCED8] }, age: { gte: 25, lte: 34 } }) {
      exact sampleSize effectiveSampleSize conditionsProbability values { value probability standardError } } }`);
    expect(r.errors).toBeUndefined();
    const d = r.data.distribution;
    expect(d).toMatchObject({ exact: false, sampleSize: 4000 });
    expect(d.effectiveSampleSize).toBeGreaterThan(500);
    expect(d.values.reduce((a: number, v: { probability: number }) => a + v.probability, 0)).toBeCloseTo(1, 9);
    const renting = d.values.filter((v: { value: string }) => v.value.startsWith('RENT')).reduce((a: number, v: { probability: number }) => a + v.probability, 0);
    expect(renting).toBeGreaterThan(0.3);
    for (const v of d.values) expect(v.standardError).toBeLessThan(0.05);
  });
});

describe('GraphiQL', () => {
  it.each(['Example', 'Nurses', 'Renting'])('runs the default operation %s without errors', async (operationName) => {
    const res = await app.yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: GRAPHIQL_DEFAULT_QUERY, operationName }),
    });
    const body = (await res.json()) as { data?: unknown; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data).toBeTruthy();
  });
});
