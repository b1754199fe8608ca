/**
 * One GeoNames populated place as the cities pipeline uses it, after region assignment.
 *
 * @example
 *   const p: Place = { id: 2643123, name: 'Manchester', country: 'GB', regionId: 'gbNorthWest', population: 395515,
 *     loc: [-2.23743, 53.48095], featureCode: 'PPLA2' };
 */
export interface Place {
  /** GeoNames id; the last tie-breaker everywhere, so every output order is total. */
  readonly id: number;
  /** Display name (GeoNames name, or the English form from `displayNames.ts`). */
  readonly name: string;
  /** Our country (FR for the overseas departments that GeoNames files under GP, MQ, GF, RE, YT). */
  readonly country: string;
  readonly regionId: string;
  readonly population: number;
  /** [lon, lat] in degrees. */
  readonly loc: readonly [number, number];
  readonly featureCode: string;
}

/**
 * Descending population, then ascending GeoNames id: the one order used for every ranked list.
 *
 * @example
 *   places.sort(byPopulationDesc)
 */
export function byPopulationDesc(a: Place, b: Place): number {
  return b.population - a.population || a.id - b.id;
}
