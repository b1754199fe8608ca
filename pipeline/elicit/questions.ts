/**
 * The elicitation questions of the map pipeline: for each dimension and country, the country's marginal and one
 * question per value of each parent (one parent at a time). The factors of a dimension map are log-linear, so
 * one-parent conditionals are what the map builder needs; asking for every parent combination would explode.
 */
import type { Question } from '../answers/answerSchema.js';
import type { Catalogue } from '../../src/engine/mapSchema.js';

/** The part of `maps/regions.json` the pipeline reads. */
export interface RegionList {
  readonly regions: readonly { readonly id: string; readonly country: string; readonly name: string }[];
}

export interface QuestionOptions {
  /** Dimension ids to ask about (default: every dimension that is not a free string). */
  readonly dimensions?: readonly string[];
  /** ISO 3166-1 alpha-2 codes of the countries to ask about. */
  readonly countries: readonly string[];
}

/** The dimension whose values are the countries; it is the question's `country` rather than a `given` parent. */
export const COUNTRY_DIMENSION = 'countryOfResidence';
/** The dimension whose values are country-specific and listed in `maps/regions.json`. */
export const REGION_DIMENSION = 'region';

type CatalogueDimension = Catalogue['dimensions'][number];

function dimensionOf(catalogue: Catalogue, id: string): CatalogueDimension {
  const dim = catalogue.dimensions.find((d) => d.id === id);
  if (!dim) throw new Error(`questions: dimension "${id}" is not in maps/catalogue.json`);
  return dim;
}

/**
 * Allowed category ids of `dimension` when asked about `country`: the region ids of that country for `region`,
 * the catalogue values otherwise.
 *
 * @example
 *   dimensionValues(catalogue, regions, 'region', 'IE') // ['ieDublin', ...]
 */
export function dimensionValues(catalogue: Catalogue, regions: RegionList, dimension: string, country: string): string[] {
  if (dimension === REGION_DIMENSION) return regions.regions.filter((r) => r.country === country).map((r) => r.id);
  return [...dimensionOf(catalogue, dimension).values];
}

/**
 * Allowed category ids of the answer to `question`.
 *
 * @example
 *   questionValues({ dimension: 'sex', country: 'GB', given: {} }, catalogue, regions) // ['female', 'male']
 */
export function questionValues(question: Question, catalogue: Catalogue, regions: RegionList): string[] {
  return dimensionValues(catalogue, regions, question.dimension, question.country);
}

/**
 * Every question to ask, in a deterministic order (catalogue order of dimensions, then `countries` order, then
 * the target question, then parents in catalogue order with their values in value order). String dimensions
 * (names, e-mail, ...) are generated, not sampled from a distribution, so they get no questions; parents that
 * are strings are skipped for the same reason. `countryOfResidence` itself has no parent, so it is asked once
 * for the whole frame (`country: '*'`). A country without regions in `maps/regions.json` gets no `region`
 * questions.
 *
 * @example
 *   questionsFor(catalogue, regions, { dimensions: ['sex'], countries: ['IE'] })
 *   // [{ dimension: 'sex', country: 'IE', given: {} }, { dimension: 'sex', country: 'IE', given: { region: 'ieDublin' } }, ...]
 */
export function questionsFor(catalogue: Catalogue, regions: RegionList, options: QuestionOptions): Question[] {
  const wanted = options.dimensions ?? catalogue.dimensions.map((d) => d.id);
  for (const id of wanted) dimensionOf(catalogue, id);
  const selected = catalogue.dimensions.filter((d) => wanted.includes(d.id) && d.kind !== 'string');
  const out: Question[] = [];
  for (const dim of selected) {
    if (dim.id === COUNTRY_DIMENSION) {
      out.push({ dimension: dim.id, country: '*', given: {} });
      continue;
    }
    for (const country of options.countries) {
      if (dimensionValues(catalogue, regions, dim.id, country).length === 0) continue;
      out.push({ dimension: dim.id, country, given: {} });
      for (const parentId of dim.parents) {
        if (parentId === COUNTRY_DIMENSION) continue;
        if (dimensionOf(catalogue, parentId).kind === 'string') continue;
        for (const value of dimensionValues(catalogue, regions, parentId, country)) {
          out.push({ dimension: dim.id, country, given: { [parentId]: value } });
        }
      }
    }
  }
  return out;
}
