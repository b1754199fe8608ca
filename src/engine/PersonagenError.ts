/** Stable error codes surfaced as `extensions.code` at the GraphQL boundary. */
export type ErrorCode =
  | 'MAP_INVALID'
  | 'BAD_USER_INPUT'
  | 'UNKNOWN_DIMENSION'
  | 'UNSATISFIABLE_CONDITIONS'
  | 'CONDITIONS_TOO_RARE'
  | 'COUNT_TOO_LARGE'
  | 'NEGATIVE_INDEX'
  | 'INVALID_ID'
  | 'MAP_VERSION_MISMATCH'
  | 'DATABASE_UNAVAILABLE'
  | 'INTERNAL';

/**
 * The one internal error class. The engine throws it; `src/graphql/` turns it into a coded GraphQL error.
 *
 * @example
 *   throw new PersonagenError('UNKNOWN_DIMENSION', 'no dimension "shoeSize"', { dimension: 'shoeSize' });
 */
export class PersonagenError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'PersonagenError';
  }

  /** Read by graphql-js when it wraps this error, so the coded error crosses the boundary as it is. */
  get extensions(): Record<string, unknown> {
    return { code: this.code, ...this.details };
  }
}
