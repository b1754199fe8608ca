/**
 * The figures of the urbanicity classification (docs/cities-and-phones.md explains each choice).
 *
 * @example
 *   CITY_RULES.metroMinPopulation // 1_000_000
 */
export const CITY_RULES = {
  /** A metro counts as large from this population (the `largeCity` definition of the urbanicity dimension). */
  metroMinPopulation: 1_000_000,
  /** A metro core must itself have at least this many people, so a cluster of villages never becomes a "city". */
  coreMinPopulation: 100_000,
  /**
   * A place of at least this population inside a metro's commuting belt is one of the metro's principal cities
   * (Bradford next to Leeds, Dortmund in the Ruhr, Newark across from New York) and counts as largeCity.
   */
  principalCityMinPopulation: 200_000,
  /** Radius that sums a candidate core's metro population. */
  massRadiusKm: 25,
  /** Core radius = clamp(coreRadiusPerSqrtMillion * sqrt(metro / 1M), min, max): the contiguous city proper. */
  coreRadiusPerSqrtMillionKm: 5,
  coreRadiusMinKm: 5,
  coreRadiusMaxKm: 15,
  /** Commuting-belt radius = clamp(beltRadiusBaseKm + beltRadiusPerDoublingKm * log2(metro / 1M), min, max). */
  beltRadiusBaseKm: 30,
  beltRadiusPerDoublingKm: 5,
  beltRadiusMaxKm: 50,
  /** Places of at least this population outside every metro are towns/small cities; smaller ones are rural. */
  townMinPopulation: 5_000,
  /**
   * Countries where the town threshold is higher: TurkStat's long-standing urban threshold is 20,000, and in EG,
   * NG, PH and IN villages of 5,000-20,000 people are common and GeoNames lists few places below that size (with
   * 5,000, Uttar Pradesh, home to about 155 million rural people, had a single rural place).
   */
  townMinPopulationByCountry: { TR: 20_000, EG: 20_000, NG: 20_000, PH: 20_000, IN: 20_000 } as Readonly<Record<string, number>>,
  /** Fallback suburbs: places within this distance of a region's largest place. */
  fallbackBeltRadiusKm: 30,
  /**
   * Fallback towns / rural places: this many of the region's largest / smallest remaining places. A rural list with
   * fewer places is topped up with the region's smallest other places to this size (and marked as a fallback).
   */
  fallbackListSize: 10,
  /** Places kept per (region, class), most populous first; weights are relative, so the cut only trims the tail. */
  maxPlacesPerList: 200,
} as const;
