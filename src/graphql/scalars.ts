import { GraphQLError, Kind } from 'graphql';
import type { Builder } from './builder.js';

/**
 * Adds `Seed` (an Int or a String: `seed: 42` or `seed: "checkout-tests"`) and `Date` (ISO 8601 calendar date).
 *
 * @example
 *   addScalars(builder)
 */
export function addScalars(builder: Builder) {
  const seed = (value: unknown): number | string => {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
    throw new GraphQLError('Seed must be an integer or a string', { extensions: { code: 'BAD_USER_INPUT' } });
  };
  builder.scalarType('Seed', {
    description: 'A random seed: an Int (up to 2^53) or a String. The same seed always gives the same personas for the same maps.',
    serialize: (v) => seed(v),
    parseValue: (v) => seed(v),
    parseLiteral: (ast) => {
      if (ast.kind === Kind.INT) return seed(Number(ast.value));
      if (ast.kind === Kind.STRING) return ast.value;
      throw new GraphQLError('Seed must be an integer or a string', { extensions: { code: 'BAD_USER_INPUT' } });
    },
  });
  builder.scalarType('Date', {
    description: 'A calendar date, ISO 8601 (YYYY-MM-DD).',
    serialize: (v) => String(v),
    parseValue: (v) => String(v),
  });
}
