import { conditionalWeights } from '../../src/engine/conditionalWeights.js';
import { drawIndex } from '../../src/engine/drawIndex.js';
import type { Dimension, Registry } from '../../src/engine/registry.js';
import { seedWords, streamFor, uniform01 } from '../../src/engine/rng.js';

/** Sampled personas per country, one column of value indices per dimension (filled as dimensions are built). */
export interface Population {
  readonly countries: readonly string[];
  readonly size: number;
  /** columns[c][d]: value index of dimension d for each persona of country c (undefined until sampled). */
  readonly columns: (Int32Array | undefined)[][];
}

/**
 * An empty population of `size` personas per country, with the country column set.
 *
 * @example
 *   const pop = createPopulation(registry, ['US', 'GB'], 20_000);
 */
export function createPopulation(registry: Registry, countries: readonly string[], size: number): Population {
  const country = registry.byId.get('countryOfResidence')!;
  const columns = countries.map((c) => {
    const cols: (Int32Array | undefined)[] = new Array(registry.dimensions.length).fill(undefined);
    cols[country.index] = new Int32Array(size).fill(country.valueIndex.get(c)!);
    return cols;
  });
  return { countries, size, columns };
}

/**
 * Samples `dim` for every persona from its compiled model given the persona's sampled parents, each draw from the
 * persona's own stream (seed, country, index, dimension), so the population is reproducible.
 *
 * @example
 *   samplePopulationColumn(pop, registry.byId.get('sex')!, 'maps:build');
 */
export function samplePopulationColumn(pop: Population, dim: Dimension, seed: string): void {
  const words = seedWords(seed);
  const values = new Int32Array(pop.columns[0].length);
  const weights = new Float64Array(dim.values.length);
  const inputs = dim.parents; // tables and rules only read parents (the country is one)
  pop.countries.forEach((_, c) => {
    const cols = pop.columns[c];
    const parentCols = inputs.map((p) => {
      const col = cols[p];
      if (!col) throw new Error(`population: ${dim.id} needs a parent that is not sampled yet (dimension #${p})`);
      return col;
    });
    const out = new Int32Array(pop.size);
    for (let i = 0; i < pop.size; i++) {
      for (let j = 0; j < inputs.length; j++) values[inputs[j]] = parentCols[j][i];
      const mass = conditionalWeights(dim, values, weights);
      if (!(mass > 0)) throw new Error(`population: ${dim.id} has zero probability for a sampled persona of ${pop.countries[c]}`);
      out[i] = drawIndex(weights, mass, uniform01(streamFor(words, c * pop.size + i, dim.streamKey)));
    }
    cols[dim.index] = out;
  });
}

/**
 * Fills a set dimension's column with the number of items held (binned as SET_COUNT_BINS), from its item columns.
 *
 * @example
 *   samplePopulationSetCount(pop, registry.byId.get('chronicConditions')!);
 */
export function samplePopulationSetCount(pop: Population, set: Dimension): void {
  const last = set.values.length - 1;
  pop.countries.forEach((_, c) => {
    const cols = pop.columns[c];
    const out = new Int32Array(pop.size);
    for (const k of set.itemDims!) {
      const col = cols[k]!;
      for (let i = 0; i < pop.size; i++) out[i] += col[i];
    }
    for (let i = 0; i < pop.size; i++) if (out[i] > last) out[i] = last;
    cols[set.index] = out;
  });
}
