import type { DimensionHarness, HarnessResult, MethodEvaluation, TableSummary, Verification } from '../../../pipeline/report/reportData.js';

/** One synthetic dimension: what the fixture should make weak or strong about it. */
interface FixtureDimension {
  id: string;
  tier: number;
  values: string[];
  /** Parents with a conditional table and a sampled pairwise conditional (the country is implied). */
  parents: string[];
  chosen: string;
  /** Error scale, roughly the conditional TV of the chosen method. */
  error: number;
  disagreement: number;
  violations?: number;
  allEstimated?: boolean;
}

const METHODS = ['naiveProduct', 'linearPool', 'linearPoolRaked', 'logLinearTempered', 'logLinearRaked'];
const REGIONS: Record<string, number> = { US: 51, GB: 12, IE: 8, IN: 25 };
const bins = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
const PARENT_VALUES: Record<string, (country: string) => string[]> = {
  age: () => ['18-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75+'],
  sex: () => ['female', 'male'],
  educationLevel: () => bins('isced', 9),
  maritalStatus: () => ['single', 'married', 'cohabiting', 'separated', 'divorced', 'widowed'],
  region: (country) => bins(`${country.toLowerCase()}Region`, REGIONS[country] ?? 10),
};

const SMALL: FixtureDimension[] = [
  { id: 'sex', tier: 1, values: ['female', 'male'], parents: [], chosen: 'naiveProduct', error: 0.002, disagreement: 0.004 },
  {
    id: 'educationLevel', tier: 2, values: bins('isced', 9), parents: ['age', 'sex'], chosen: 'logLinearRaked',
    error: 0.03, disagreement: 0.03, violations: 3,
  },
  {
    id: 'smoking', tier: 3, values: ['never', 'former', 'occasional', 'daily', 'vapeOnly'], parents: ['age', 'sex', 'educationLevel'],
    chosen: 'linearPoolRaked', error: 0.14, disagreement: 0.08,
  },
  {
    id: 'religion', tier: 2, values: ['christian', 'muslim', 'hindu', 'jewish', 'buddhist', 'sikh', 'other', 'none'], parents: ['region'],
    chosen: 'logLinearTempered', error: 0.06, disagreement: 0.02, allEstimated: true,
  },
];

/**
 * A complete synthetic harness result and verification for report tests. `small` (default): 4 dimensions, 2
 * countries (US, GB); `educationLevel` has a rule violation (so it ranks first), `smoking` the largest errors,
 * `religion` only estimated rows and a 51-value parent (US regions), `sex` no conditionals. `realistic`: 35
 * dimensions, 4 countries, 3 pairwise conditionals per dimension and country, 5 methods, including a 44-value
 * dimension; for timing the renderer. Deterministic (seeded), so rendered reports can be compared byte for byte.
 *
 * @example
 *   const { harness, verification } = reportFixture();
 *   await renderReport({ harness, verification, outDir });
 */
export function reportFixture(options: { size?: 'small' | 'realistic' } = {}): { harness: HarnessResult; verification: Verification } {
  const realistic = options.size === 'realistic';
  const countries = realistic ? ['US', 'GB', 'IE', 'IN'] : ['US', 'GB'];
  const dims = realistic ? realisticDimensions() : SMALL;
  const rand = mulberry32(realistic ? 1337 : 42);
  const tolerance = 0.01;

  const harness: HarnessResult = {
    samplesPerCountry: 50_000,
    countries,
    calibrationTolerance: tolerance,
    dimensions: dims.map((d) => harnessDimension(d, countries, tolerance, rand)),
  };
  const verification: Verification = {
    mapVersion: realistic ? 'fixture-realistic-0001' : 'fixture-small-0001',
    samplesPerCountry: 200_000,
    countries,
    dimensions: dims.map((d) => ({
      id: d.id,
      values: d.values,
      marginals: countries.map((country) => {
        const target = distribution(d.values.length, rand);
        const generated = perturb(target, d.error / 10, rand);
        return { country, target, generated, tv: tv(target, generated) };
      }),
      pairwise: countries.flatMap((country) => d.parents.map((parent) => pairwise(d, parent, country, rand))),
      rules: d.parents.includes('age')
        ? [
            {
              id: `${d.id}-not-before-25`,
              reason: `the top bin normally takes 3+ years after a master's & "${d.values.at(-1)}" < 25 is odd`,
              applied: Math.round(2000 + rand() * 8000),
              violations: d.violations ?? 0,
            },
          ]
        : [],
    })),
  };
  return { harness, verification };
}

function harnessDimension(d: FixtureDimension, countries: string[], tolerance: number, rand: () => number): DimensionHarness {
  const methods = d.parents.length ? METHODS : ['naiveProduct'];
  const tables: TableSummary[] = [
    tableSummary('target', [], countries.length, d, rand),
    ...d.parents.map((p) => tableSummary('conditional', [p], 7 * countries.length, d, rand)),
  ];
  return {
    id: d.id,
    tier: d.tier,
    values: d.values,
    parents: ['countryOfResidence', ...d.parents],
    chosen: d.chosen,
    methods: methods.map((method, i): MethodEvaluation => {
      const raked = method.endsWith('Raked');
      const chosen = method === d.chosen;
      // Unraked methods miss the marginals; the chosen one is feasible and the best on conditionals.
      const marginalScale = raked || chosen ? tolerance * 0.6 : tolerance * (1 + i);
      const marginalTV = Object.fromEntries(countries.map((c) => [c, round(marginalScale * (0.3 + 0.7 * rand()))]));
      const maxMarginalTV = Math.max(...Object.values(marginalTV));
      const conditionalTV = round(d.error * (chosen ? 1 : 1.2 + 0.4 * rand()));
      return {
        method,
        params: method.startsWith('logLinear') ? { temper: round(0.6 + 0.4 * rand()), iterations: 12 } : { weights: d.parents.map(() => round(rand())) },
        marginalTV,
        maxMarginalTV,
        conditionalTV,
        conditionalTVByTable: Object.fromEntries(d.parents.map((p) => [p, round(conditionalTV * (0.6 + 0.8 * rand()))])),
        forbiddenMass: d.violations ? round(0.01 * rand()) : 0,
        feasible: maxMarginalTV <= tolerance,
      };
    }),
    tables,
  };
}

function tableSummary(role: TableSummary['role'], given: string[], rows: number, d: FixtureDimension, rand: () => number): TableSummary {
  const published = d.allEstimated ? 0 : role === 'target' ? rows : Math.floor(rows * rand());
  const rejected = Math.floor(rand() * 4);
  return {
    role,
    given,
    rows,
    published,
    estimated: rows - published,
    sources: role === 'target' && !d.allEstimated ? ['offline:census-2021'] : ['gpt-x', 'claude-y', 'gemini-z'],
    answers: role === 'target' && !d.allEstimated ? 1 : 3 * rows,
    rejected,
    rejectReasons: Object.fromEntries(
      [['rows do not sum to 1', rejected - Math.floor(rejected / 2)], ['unknown value <other>', Math.floor(rejected / 2)]].filter(([, n]) => n),
    ),
    disagreement: role === 'target' && !d.allEstimated ? 0 : round(d.disagreement * (0.5 + 0.5 * rand())),
  };
}

function pairwise(d: FixtureDimension, parent: string, country: string, rand: () => number): Verification['dimensions'][number]['pairwise'][number] {
  const parentValues = PARENT_VALUES[parent](country);
  const parentShare = distribution(parentValues.length, rand);
  const table = parentValues.map((_, r) => (r % 9 === 8 ? null : distribution(d.values.length, rand)));
  const generated = table.map((row) => perturb(row ?? distribution(d.values.length, rand), d.error, rand));
  let weighted = 0;
  let weight = 0;
  table.forEach((row, r) => {
    if (!row) return;
    weighted += parentShare[r] * tv(row, generated[r]);
    weight += parentShare[r];
  });
  return { parent, country, parentValues, parentShare, generated, table, tv: weight ? weighted / weight : 0 };
}

function realisticDimensions(): FixtureDimension[] {
  const pool = ['age', 'sex', 'educationLevel', 'maritalStatus', 'region'];
  return Array.from({ length: 35 }, (_, i): FixtureDimension => {
    const occupation = i === 7;
    const k = occupation ? 44 : 2 + ((i * 5) % 11);
    return {
      id: occupation ? 'occupation' : `dimension${String(i + 1).padStart(2, '0')}`,
      tier: 1 + (i % 4),
      values: occupation ? bins('occupation', 44) : bins('value', k),
      parents: occupation ? ['region', 'educationLevel', 'age'] : [0, 1, 2].map((j) => pool[(i + j * 2) % pool.length]),
      chosen: METHODS[2 + (i % 3)],
      error: 0.01 + ((i * 7) % 13) / 100,
      disagreement: ((i * 3) % 11) / 100,
      violations: i === 20 ? 2 : 0,
      allEstimated: i % 9 === 4,
    };
  });
}

function distribution(k: number, rand: () => number): number[] {
  const raw = Array.from({ length: k }, () => 0.05 + rand() ** 2);
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((x) => x / total);
}

function perturb(p: number[], scale: number, rand: () => number): number[] {
  const raw = p.map((x) => Math.max(1e-4, x * (1 + scale * 4 * (rand() - 0.5))));
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((x) => x / total);
}

function tv(a: number[], b: number[]): number {
  return a.reduce((s, x, i) => s + Math.abs(x - b[i]), 0) / 2;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

// A tiny seeded generator, so the fixture does not depend on the engine's rng (and stays identical run to run).
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
