import { describe, expect, it, vi } from 'vitest';
import { questionKey } from '../../pipeline/answers/answerSchema.js';
import { loadCatalogue } from '../../pipeline/elicit/elicitCommand.js';
import { PROMPT_VERSION, buildMessages, countryName, replyJsonSchema } from '../../pipeline/elicit/prompt.js';
import { questionsFor, questionValues } from '../../pipeline/elicit/questions.js';
import { pipelineProgram } from '../../pipeline/pipelineProgram.js';

const { catalogue, regions } = loadCatalogue('maps');
const COUNTRIES = ['US', 'GB', 'IE', 'IN'];
const regionCount = (country: string) => regions.regions.filter((r) => r.country === country).length;

describe('questionsFor', () => {
  it('asks sex (parents countryOfResidence, region) once per country plus once per region of that country', () => {
    const qs = questionsFor(catalogue, regions, { dimensions: ['sex'], countries: COUNTRIES });
    for (const c of COUNTRIES) {
      const mine = qs.filter((q) => q.country === c);
      expect(regionCount(c)).toBeGreaterThan(0);
      expect(mine).toHaveLength(1 + regionCount(c));
      expect(mine[0]).toEqual({ dimension: 'sex', country: c, given: {} });
      for (const q of mine.slice(1)) {
        expect(Object.keys(q.given)).toEqual(['region']);
        expect(regions.regions.find((r) => r.id === q.given.region)!.country).toBe(c);
      }
    }
    expect(qs).toHaveLength(COUNTRIES.length + COUNTRIES.reduce((n, c) => n + regionCount(c), 0));
  });

  it('asks one question per value of every other parent, and none for countryOfResidence as a parent', () => {
    const age = catalogue.dimensions.find((d) => d.id === 'age')!;
    expect(age.parents).toEqual(['countryOfResidence', 'region', 'sex']);
    const qs = questionsFor(catalogue, regions, { dimensions: ['age'], countries: ['IE'] });
    expect(qs).toHaveLength(1 + regionCount('IE') + 2);
    expect(qs.slice(-2).map((q) => q.given)).toEqual([{ sex: 'female' }, { sex: 'male' }]);
    expect(qs.every((q) => !('countryOfResidence' in q.given))).toBe(true);
  });

  it('skips string dimensions, asks region per country over its own regions, and the root once for all countries', () => {
    const qs = questionsFor(catalogue, regions, { countries: COUNTRIES });
    const kinds = new Map(catalogue.dimensions.map((d) => [d.id, d.kind]));
    expect(qs.some((q) => kinds.get(q.dimension) === 'string')).toBe(false);
    expect(qs.filter((q) => q.dimension === 'region').map((q) => q.country)).toEqual(COUNTRIES);
    expect(questionValues({ dimension: 'region', country: 'IE', given: {} }, catalogue, regions)).toHaveLength(regionCount('IE'));
    expect(qs.filter((q) => q.dimension === 'countryOfResidence')).toEqual([{ dimension: 'countryOfResidence', country: '*', given: {} }]);
    expect(new Set(qs.map(questionKey)).size).toBe(qs.length);
  });

  it('is deterministic and rejects an unknown dimension by name', () => {
    const a = questionsFor(catalogue, regions, { dimensions: ['smoking', 'sex'], countries: ['GB', 'IN'] });
    expect(questionsFor(catalogue, regions, { dimensions: ['smoking', 'sex'], countries: ['GB', 'IN'] })).toEqual(a);
    expect(a[0].dimension).toBe('sex');
    expect(() => questionsFor(catalogue, regions, { dimensions: ['shoeSize'], countries: ['GB'] })).toThrow(/shoeSize/);
  });
});

describe('buildMessages', () => {
  it('has a prompt version', () => {
    expect(PROMPT_VERSION).toMatch(/^v\d+/);
  });

  it('lists every category id of the question, names the country and asks for 18+ adults and JSON only', () => {
    const qs = questionsFor(catalogue, regions, { countries: ['GB'] }).filter((q) => Object.keys(q.given).length === 0);
    for (const q of qs) {
      const [system, user] = buildMessages(q, catalogue, regions);
      expect(system.role).toBe('system');
      expect(user.role).toBe('user');
      for (const v of questionValues(q, catalogue, regions)) expect(user.content).toContain(`- ${v}`);
      expect(user.content).toMatch(/18 and over/);
      expect(user.content).toContain('"distribution"');
      if (q.country !== '*') expect(user.content).toContain('the United Kingdom (GB)');
    }
  });

  it('describes parent values with region names and the parent description, and asks sets for independent shares', () => {
    const [, user] = buildMessages({ dimension: 'smoking', country: 'IN', given: { educationLevel: 'isced6' } }, catalogue, regions);
    expect(user).toMatchObject({ content: expect.stringContaining('educationLevel = isced6') });
    expect(user.content).toContain(catalogue.dimensions.find((d) => d.id === 'educationLevel')!.description);
    expect(user.content).toContain(`${countryName('IN')} (IN)`);
    const gbRegion = regions.regions.find((r) => r.country === 'GB')!;
    const [, regional] = buildMessages({ dimension: 'sex', country: 'GB', given: { region: gbRegion.id } }, catalogue, regions);
    expect(regional.content).toContain(`region = ${gbRegion.id} (${gbRegion.name})`);
    const [, set] = buildMessages({ dimension: 'hobbies', country: 'US', given: {} }, catalogue, regions);
    expect(set.content).toMatch(/need not sum to 1/);
  });

  it('builds a strict JSON schema whose distribution has exactly the category ids', () => {
    const q = { dimension: 'educationLevel', country: 'US', given: {} };
    const s = replyJsonSchema(q, catalogue, regions);
    const dist = (s.schema.properties as { distribution: { anyOf: { properties?: object; required?: string[] }[] } }).distribution.anyOf[0];
    expect(dist.required).toEqual(questionValues(q, catalogue, regions));
    expect(Object.keys(dist.properties!)).toEqual(dist.required);
    expect(s.name).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  });
});

describe('pipeline elicit --dry-run', () => {
  it('prints the number of questions and calls and one example prompt without calling anything', async () => {
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => { lines.push(args.join(' ')); });
    try {
      await pipelineProgram().parseAsync(['elicit', '--dry-run', '--dimensions', 'sex', '--countries', 'IE', '--models', 'a,b',
        '--runs', '3', '--cache-dir', '/nonexistent/personagen-cache', '--base-url', 'http://127.0.0.1:9/v1'], { from: 'user' });
    } finally {
      log.mockRestore();
    }
    const n = 1 + regionCount('IE');
    expect(lines[0]).toBe(`${n} questions x 2 models x 3 runs = ${n * 6} requests, 0 already cached, ${n * 6} calls to make`);
    expect(lines.join('\n')).toContain('example prompt (sex|IE|)');
  });
});
