import { readFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../../src/graphql/schema.js';
import { loadEngine } from '../support/engine.js';

describe('schema.graphql', () => {
  it('is committed and matches the schema built from the current maps (run `npm run schema:print`)', () => {
    const committed = readFileSync('schema.graphql', 'utf8');
    expect(printSchema(buildSchema(loadEngine())) + '\n').toBe(committed);
  });

  it('uses the catalogue values in SCREAMING_SNAKE_CASE and prefixed regions', () => {
    const sdl = readFileSync('schema.graphql', 'utf8');
    expect(sdl).toMatch(/enum Region \{[^}]*GB_LONDON[^}]*IN_UTTAR_PRADESH[^}]*US_MASSACHUSETTS/s);
    expect(sdl).toMatch(/enum SexualOrientation \{[^}]*GAY_LESBIAN/s);
    expect(sdl).toMatch(/age: Int!/);
    expect(sdl).toMatch(/scalar Seed/);
  });
});
