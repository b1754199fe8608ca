/** The parameters a combination method fits for one dimension (compiled into the map's `combination`). */
export interface CombinationParams {
  readonly pool: 'logLinear' | 'linear';
  /** Log-linear: exponent of the target marginal. */
  readonly targetWeight: number;
  /** One per conditional: exponent (log-linear) or mixture weight (linear). */
  readonly weights: readonly number[];
  /** Log-bias per country position (k values each); null = none. */
  readonly bias: Float64Array[] | null;
}
