/**
 * What `npm run maps:build` (the combination harness) and `pipeline/verify.ts` (sampling the built maps) hand to the
 * report. Plain JSON so the report can be rebuilt without re-running either.
 */

/** How one combination method did on one dimension. TV = total-variation distance, in [0, 1]. */
export interface MethodEvaluation {
  /** 'naiveProduct' | 'linearPool' | 'linearPoolRaked' | 'logLinearTempered' | 'logLinearRaked' | ... */
  method: string;
  /** Fitted parameters (weights, tempering exponent, raking iterations...). */
  params: Record<string, number | number[] | string>;
  /** Per country: TV between the model's marginal and the target marginal. */
  marginalTV: Record<string, number>;
  maxMarginalTV: number;
  /** Mean over conditional tables and their rows (weighted by how often the row occurs) of TV(model P(d | x), table row). */
  conditionalTV: number;
  /** The same per conditional table, keyed by its parents joined with '+', e.g. 'sex+age'. */
  conditionalTVByTable: Record<string, number>;
  /** Share of probability the combination put on rule-forbidden values before the rule masks removed it. */
  forbiddenMass: number;
  /** True when every country's marginal is within the calibration tolerance (1 percentage point TV). */
  feasible: boolean;
}

/** Where one table's numbers come from, summarised. */
export interface TableSummary {
  role: 'target' | 'conditional';
  /** Parents the table is conditioned on (besides the country); empty for the target. */
  given: string[];
  rows: number;
  /** Rows taken from a cited public table vs rows that are estimates. */
  published: number;
  estimated: number;
  /** Answer sources (model ids or offline:...) that contributed. */
  sources: string[];
  answers: number;
  rejected: number;
  rejectReasons: Record<string, number>;
  /** Mean TV between accepted answers and their aggregate (0 with a single source). */
  disagreement: number;
}

export interface DimensionHarness {
  id: string;
  tier: number;
  values: string[];
  parents: string[];
  /** The method compiled into the map. */
  chosen: string;
  methods: MethodEvaluation[];
  tables: TableSummary[];
}

export interface HarnessResult {
  /** Parent tuples sampled per country to evaluate the methods. */
  samplesPerCountry: number;
  countries: string[];
  calibrationTolerance: number;
  dimensions: DimensionHarness[];
}

/** Sampling the built maps: generated vs target, per dimension and country. */
export interface Verification {
  mapVersion: string;
  samplesPerCountry: number;
  countries: string[];
  dimensions: Array<{
    id: string;
    values: string[];
    marginals: Array<{ country: string; target: number[]; generated: number[]; tv: number }>;
    /** The main pairwise conditionals P(d | parent) in one country: rows are parent values, columns d's values. */
    pairwise: Array<{
      parent: string;
      country: string;
      parentValues: string[];
      /** Share of the country's personas with each parent value. */
      parentShare: number[];
      /** Row-normalised generated P(d | parent = row). */
      generated: number[][];
      /** The elicited table's row for that parent value, or null when the maps have no such table/row. */
      table: (number[] | null)[];
      /** Mean TV between generated and table rows, weighted by parentShare over rows that have a table. */
      tv: number;
    }>;
    rules: Array<{ id: string; reason: string; applied: number; violations: number }>;
  }>;
}
