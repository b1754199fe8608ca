import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogueSchema, dimensionMapSchema, ruleSchema, type DimensionMap } from '../../src/engine/mapSchema.js';
import type { RegionList } from '../elicit/questions.js';
import { compileModel } from '../../src/engine/compileModel.js';
import { ancestorClosure } from '../../src/engine/dag.js';
import { buildRegistry, type Dimension, type Registry } from '../../src/engine/registry.js';
import { z } from 'zod';
import { chooseMethod, fitCombinations, type FittedMethod } from '../combine/fitCombinations.js';
import { evaluateCombination } from '../combine/evaluateCombination.js';
import { groupBase } from '../combine/groupBase.js';
import { parentGroups } from '../combine/parentGroups.js';
import { createPopulation, samplePopulationColumn, samplePopulationSetCount, type Population } from '../combine/population.js';
import { itemRules, splitSetAnswers } from './splitSetAnswers.js';
import { rakeToMarginal } from '../combine/rakeToMarginal.js';
import type { DimensionHarness, HarnessResult, MethodEvaluation } from '../report/reportData.js';
import { aggregateTables } from './aggregateTables.js';
import { collectAnswers } from './collectAnswers.js';
import { formatJson } from './formatJson.js';

/** `pipeline/sources/dimensions/<id>.json`: what a dimension's map needs besides answers. */
const dimensionSourceSchema = z.object({
  id: z.string(),
  rules: z.array(ruleSchema).default([]),
  note: z.string().optional(),
  /** The target is even by construction (e.g. quintiles of a national score), so even answers are not hedging. */
  uniformByDesign: z.string().optional(),
}).strict();

export interface BuildOptions {
  readonly mapsDir: string;
  readonly offlineDir: string;
  readonly sheetsDir: string;
  readonly cacheDir: string;
  readonly sourcesDir: string;
  readonly harnessFile: string;
  /** Personas per country the bias is raked on. */
  readonly populationSize: number;
  /** Personas per country the methods are fitted and compared on (the first ones of the population). */
  readonly fitSize: number;
  /** Largest TV between a country's marginal and its target that calibration must reach. */
  readonly tolerance: number;
  readonly seed: string;
  /** Build only these dimensions and their ancestors (default: every dimension with answers). */
  readonly only?: readonly string[];
  readonly log?: (line: string) => void;
}

export const DEFAULT_BUILD: Omit<BuildOptions, 'log'> = {
  mapsDir: 'maps', offlineDir: 'pipeline/answers/offline', sheetsDir: 'pipeline/answers/sheets', cacheDir: 'pipeline/cache/llm', sourcesDir: 'pipeline/sources/dimensions',
  harnessFile: 'reports/harness.json', populationSize: 50_000, fitSize: 10_000, tolerance: 0.01, seed: 'personagen maps:build v1',
};

const r6 = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * Rebuilds maps/dimensions/ from the answers (offline files + cached model answers) and the dimension sources, in
 * topological order: aggregate each dimension's answers into its target and conditional tables, fit and score
 * every combination method on a population sampled from the maps built so far, compile the best feasible one
 * (rake its country bias on the full population), then sample the dimension into the population for the next
 * ones. Same inputs give byte-identical files. Returns the harness results (also written to `harnessFile`).
 *
 * @example
 *   buildMaps({ ...DEFAULT_BUILD, log: console.log });
 */
export function buildMaps(options: BuildOptions): HarnessResult {
  const log = options.log ?? (() => {});
  const raw: Record<string, unknown> = {
    'catalogue.json': JSON.parse(readFileSync(join(options.mapsDir, 'catalogue.json'), 'utf8')),
    'regions.json': JSON.parse(readFileSync(join(options.mapsDir, 'regions.json'), 'utf8')),
  };
  const answers = collectAnswers({
    offlineDir: options.offlineDir, sheetsDir: options.sheetsDir, cacheDir: options.cacheDir,
    catalogue: catalogueSchema.parse(raw['catalogue.json']), regions: raw['regions.json'] as RegionList,
  });
  let registry = buildRegistry(raw, 'build', { partial: true });
  const sources = new Map<string, z.infer<typeof dimensionSourceSchema>>();
  if (existsSync(options.sourcesDir)) {
    for (const name of readdirSync(options.sourcesDir).filter((n) => n.endsWith('.json')).sort()) {
      const file = join(options.sourcesDir, name);
      const parsed = dimensionSourceSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues[0].path.join('.') || '(root)'}: ${parsed.error.issues[0].message}`);
      sources.set(parsed.data.id, parsed.data);
    }
  }
  for (const id of answers.keys()) if (!registry.byId.has(id)) throw new Error(`answers for unknown dimension "${id}"`);
  for (const set of registry.dimensions.filter((d) => d.items)) {
    const list = answers.get(set.id);
    if (!list) continue;
    answers.delete(set.id);
    for (const [id, itemAnswers] of splitSetAnswers(set.id, set.items!, list)) answers.set(id, itemAnswers);
  }

  const written = new Map<string, DimensionMap>();
  const harness: DimensionHarness[] = [];
  let population: Population | undefined;
  const wanted = options.only
    ? new Set(ancestorClosure(registry.dimensions.map((d) => d.parents), options.only.map((id) => registry.byId.get(id)!.index)))
    : undefined;
  for (const index of registry.order) {
    const dim = registry.dimensions[index];
    if (dim.itemDims) {
      if (population && dim.itemDims.every((k) => population!.columns[0][k])) samplePopulationSetCount(population, dim);
      continue;
    }
    const list = answers.get(dim.id);
    if (!list || (wanted && !wanted.has(index))) continue;
    const setSource = dim.itemOf !== undefined ? sources.get(registry.dimensions[dim.itemOf].id) : undefined;
    const source = setSource ? { ...setSource, rules: itemRules(setSource.rules, dim.id.slice(dim.id.indexOf('.') + 1)) } : sources.get(dim.id);
    const tables = aggregateTables(dim.id, list, dim.values, dim.parentIds, { uniformAllowed: source?.uniformByDesign !== undefined });
    const target = tables.find((t) => t.given.length === 0);
    if (!target) throw new Error(`${dim.id}: no accepted answer for the target marginal`);
    const conditionals = tables.filter((t) => t.given.length > 0);
    const draft: DimensionMap = {
      id: dim.id,
      target: { by: dim.id === 'countryOfResidence' ? [] : ['countryOfResidence'], rows: target.rows, provenance: target.provenance, ...(target.rowProvenance ? { rowProvenance: target.rowProvenance } : {}) },
      conditionals: conditionals.map((t) => ({ given: t.given, rows: t.rows, provenance: t.provenance, ...(t.rowProvenance ? { rowProvenance: t.rowProvenance } : {}) })),
      combination: { method: 'draft', pool: 'logLinear', targetWeight: 1, weights: conditionals.map(() => 0), bias: {} },
      rules: source?.rules ?? [],
      ...(source?.note ? { note: source.note } : {}),
    };
    raw[`dimensions/${dim.id}.json`] = draft;
    registry = buildRegistry(raw, 'build', { partial: true });
    const compiled = registry.byId.get(dim.id)!;
    if (!compiled.available) throw new Error(`${dim.id}: ${registry.warnings.join('; ')}`);

    let final: DimensionMap;
    let entry: DimensionHarness;
    if (dim.id === 'countryOfResidence') {
      final = { ...draft, combination: { method: 'target', pool: 'logLinear', targetWeight: 1, weights: [], bias: {} } };
      entry = harnessEntry(compiled, tables, 'target', [{
        method: 'target', params: {}, marginalTV: {}, maxMarginalTV: 0, conditionalTV: 0, conditionalTVByTable: {}, forbiddenMass: 0, feasible: true,
      }]);
      population = createPopulation(registry, registry.coveredCountries, options.populationSize);
    } else {
      if (!population) throw new Error('countryOfResidence must be built first');
      const countries = population.countries;
      const targets = countries.map((c) => {
        const ci = registry.byId.get('countryOfResidence')!.valueIndex.get(c)!;
        return compiled.model.target.rows.slice(ci * compiled.values.length, (ci + 1) * compiled.values.length);
      });
      const fitGroups = parentGroups(population, compiled, options.fitSize);
      const fitted = fitCombinations(compiled, fitGroups, targets, options.tolerance);
      // Calibrate the chosen method's bias on the whole population, and score it there. A method without a bias
      // was only checked on the fit sample; if its marginals drift on the whole population, a raked method wins.
      const allGroups = parentGroups(population, compiled);
      let chosen = chooseMethod(fitted);
      if (!chosen.params.bias && evaluateCombination(compiled, allGroups, groupBase(compiled, allGroups, chosen.params), chosen.params, targets).maxMarginalTV > options.tolerance / 2) {
        chosen = chooseMethod(fitted.filter((f) => f.params.bias));
      }
      const base = groupBase(compiled, allGroups, chosen.params);
      const bias = chosen.params.bias ? rakeToMarginal(base, allGroups, targets, { start: chosen.params.bias, tolerance: 1e-6 }).bias : null;
      const biasJson: Record<string, Record<string, number>> = {};
      if (bias) {
        countries.forEach((c, ci) => {
          biasJson[c] = {};
          compiled.values.forEach((v, vi) => { if (targets[ci][vi] > 0) biasJson[c][v] = r6(bias[ci][vi]); });
        });
      }
      final = {
        ...draft,
        combination: {
          method: chosen.method, pool: chosen.params.pool, targetWeight: r6(chosen.params.targetWeight), weights: chosen.params.weights.map(r6), bias: biasJson,
        },
      };
      const roundedBias = bias && countries.map((c) => Float64Array.from(compiled.values, (v) => biasJson[c][v] ?? 0));
      const calibrated = evaluateCombination(compiled, allGroups, base, { ...chosen.params, bias: roundedBias }, targets);
      // A target the rules make unreachable (e.g. fieldOfStudy's notApplicable share is fixed by educationLevel, whose
      // own target wins) is replaced by the closest reachable marginal; the elicited one is kept beside it.
      const adjusted: Record<string, { elicited: Record<string, number>; tv: number }> = {};
      if (bias && calibrated.maxMarginalTV > options.tolerance / 4) {
        const rows = { ...final.target.rows };
        calibrated.marginals.forEach((m, ci) => {
          if (calibrated.marginalTV[ci] <= options.tolerance / 4) return;
          const c = countries[ci];
          adjusted[c] = { elicited: rows[c], tv: r6(calibrated.marginalTV[ci]) };
          rows[c] = {};
          compiled.values.forEach((v, vi) => {
            if (!(m[vi] > 0)) return;
            rows[c][v] = r6(m[vi]);
            // The log-linear pool raises the target to targetWeight: move the change into the bias so the
            // calibrated model stays exactly the same.
            if (chosen.params.pool === 'logLinear') biasJson[c][v] = r6(biasJson[c][v] + chosen.params.targetWeight * Math.log(targets[ci][vi] / rows[c][v]));
          });
        });
        final.target = { ...final.target, rows, adjusted, adjustment: 'the elicited target is not reachable under the rules and the calibrated parent dimensions; replaced by the closest reachable marginal (raking to convergence)' };
        log(`${dim.id}: target adjusted for ${Object.keys(adjusted).join(', ')} (unreachable by ${Object.values(adjusted).map((a) => (a.tv * 100).toFixed(2)).join(', ')} pp)`);
      }
      const maxMarginalTV = Object.keys(adjusted).length ? 0 : calibrated.maxMarginalTV;
      final.combination = {
        ...final.combination,
        fit: { personasPerCountry: options.populationSize, fittedOn: options.fitSize, maxMarginalTV: r6(maxMarginalTV), conditionalTV: r6(calibrated.conditionalTV) },
      };
      entry = harnessEntry(compiled, tables, chosen.method, fitted.map((f) => methodEvaluation(f, countries, compiled)));
      log(`${dim.id}: ${chosen.method} (conditional TV ${(calibrated.conditionalTV * 100).toFixed(2)} pp, max marginal TV ${(maxMarginalTV * 100).toFixed(3)} pp)`);
    }
    const model = compileModel(dimensionMapSchema.parse(final), compiled, registry.dimensions, indexOf(registry), `maps/dimensions/${dim.id}.json`);
    raw[`dimensions/${dim.id}.json`] = final;
    written.set(dim.id, final);
    if (dim.id !== 'countryOfResidence') samplePopulationColumn(population!, { ...compiled, model }, options.seed);
    harness.push(entry);
  }

  const dir = join(options.mapsDir, 'dimensions');
  if (existsSync(dir)) for (const f of readdirSync(dir)) if (f.endsWith('.json') && !written.has(f.slice(0, -5))) rmSync(join(dir, f));
  mkdirSync(dir, { recursive: true });
  for (const [id, map] of written) writeFileSync(join(dir, `${id}.json`), formatJson(map));
  const result: HarnessResult = {
    samplesPerCountry: options.fitSize, countries: [...(population?.countries ?? [])], calibrationTolerance: options.tolerance, dimensions: harness,
  };
  mkdirSync(join(options.harnessFile, '..'), { recursive: true });
  writeFileSync(options.harnessFile, formatJson(result));
  return result;
}

function indexOf(registry: Registry): Map<string, number> {
  return new Map(registry.dimensions.map((d) => [d.id, d.index]));
}

function harnessEntry(dim: Dimension, tables: ReturnType<typeof aggregateTables>, chosen: string, methods: MethodEvaluation[]): DimensionHarness {
  return { id: dim.id, tier: dim.tier, values: [...dim.values], parents: [...dim.parentIds], chosen, methods, tables: tables.map((t) => t.summary) };
}

function methodEvaluation(f: FittedMethod, countries: readonly string[], dim: Dimension): MethodEvaluation {
  const tableKeys = dim.model.conditionals.map((_, i) => i);
  return {
    method: f.method,
    params: Object.fromEntries(Object.entries({ pool: f.params.pool, targetWeight: r6(f.params.targetWeight), weights: f.params.weights.map(r6), ...f.detail })),
    marginalTV: Object.fromEntries(countries.map((c, i) => [c, r6(f.score.marginalTV[i])])),
    maxMarginalTV: r6(f.score.maxMarginalTV),
    conditionalTV: r6(f.score.conditionalTV),
    conditionalTVByTable: Object.fromEntries(tableKeys.map((i) => [conditionalKey(dim, i), r6(f.score.conditionalTVByTable[i])])),
    forbiddenMass: r6(f.score.forbiddenMass),
    feasible: f.feasible,
  };
}

function conditionalKey(dim: Dimension, i: number): string {
  return dim.provenance[i + 1]?.given.join('+') ?? String(i);
}

