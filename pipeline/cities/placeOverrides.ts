/**
 * Corrections to GeoNames records that would otherwise distort the lists. Each one says why.
 *
 * GeoNames sometimes gives a town the population of its whole district, or keeps a neighbourhood that repeats its
 * city's population; such a record would become a "metro core" and take most of its region's weight. `population`
 * replaces the figure with the town's own census population (rounded, year in the reason); `drop` removes a record;
 * `regionId` fixes a record filed under the wrong admin1 code; `include` keeps a record that GeoNames files as a
 * section of a city (PPLX) but that is a place of its own. `admin1` narrows the match when a name repeats.
 *
 * @example
 *   PLACE_OVERRIDES.filter((o) => o.drop).length
 */
export interface PlaceOverride {
  readonly country: string;
  readonly name: string;
  readonly admin1?: string;
  readonly population?: number;
  readonly regionId?: string;
  readonly drop?: boolean;
  readonly include?: boolean;
  readonly reason: string;
}

export const PLACE_OVERRIDES: readonly PlaceOverride[] = [
  { country: 'US', name: 'Ironville', admin1: 'KY', drop: true, reason: 'carries a county-level figure (288,649) for a hamlet' },
  { country: 'US', name: 'Meads', admin1: 'KY', drop: true, reason: 'carries a county-level figure (288,649) for a hamlet' },
  { country: 'US', name: 'South Boston', admin1: 'MA', population: 36_000, reason: 'Boston neighbourhood listed with 571,281 people; about 36,000 live there' },
  { country: 'US', name: 'New South Memphis', drop: true, reason: 'duplicate of Memphis (641,608 people)' },
  { country: 'US', name: 'West Raleigh', drop: true, reason: 'duplicate of Raleigh (338,759 people)' },
  { country: 'US', name: 'West Gulfport', drop: true, reason: 'duplicate of Gulfport' },
  { country: 'US', name: 'Enchanted Hills', admin1: 'NM', drop: true, reason: 'duplicate of Rio Rancho (same population)' },
  { country: 'US', name: 'North Peoria', drop: true, reason: 'duplicate of Peoria' },
  { country: 'IN', name: 'Tirunelveli', population: 473_637, reason: 'district figure (1.4M); city 473,637 (Census 2011)' },
  { country: 'IN', name: 'Teni', population: 94_570, reason: 'district figure (1.0M); Theni Allinagaram 94,570 (Census 2011)' },
  { country: 'IN', name: 'Nowrangapur', population: 29_960, reason: 'district figure (1.2M); Nabarangpur town 29,960 (Census 2011)' },
  { country: 'IN', name: 'Gorakhpur', admin1: '10', drop: true, reason: 'Haryana village carrying a city-sized figure (1.3M)' },
  { country: 'IN', name: 'Greater Noida', population: 107_676, reason: 'repeats the Noida figure; 107,676 (Census 2011)' },
  { country: 'IN', name: 'Bilimora', population: 51_000, reason: 'taluka-level figure (511k); town about 51,000 (Census 2011)' },
  { country: 'PH', name: 'Budta', drop: true, reason: 'barangay carrying a province-sized figure (1.27M)' },
  { country: 'PH', name: 'Malingao', drop: true, reason: 'barangay carrying a province-sized figure (1.12M)' },
  { country: 'PH', name: 'Mansilingan', drop: true, reason: 'barangay of Bacolod repeating the city figure' },
  { country: 'PH', name: 'Santol', admin1: '03', drop: true, reason: 'repeats the Angeles City figure' },
  { country: 'PH', name: 'Iligan City', admin1: '12', drop: true, reason: 'duplicate of Iligan (Northern Mindanao) filed under Soccsksargen' },
  { country: 'PH', name: 'Mantampay', drop: true, reason: 'barangay of Iligan carrying a city-sized figure' },
  { country: 'PH', name: 'Libertad', admin1: '13', drop: true, reason: 'barangay of Butuan carrying a city-sized figure' },
  { country: 'PH', name: 'Panalanoy', drop: true, reason: 'barangay of Tacloban carrying a city-sized figure' },
  { country: 'PH', name: 'Muricay', drop: true, reason: 'barangay of Pagadian carrying a city-sized figure' },
  { country: 'JP', name: 'Yono', drop: true, reason: 'former city merged into Saitama in 2001, listed with 1.08M people' },
  { country: 'KR', name: 'Masan', admin1: '18', drop: true, reason: 'record at Gwangju\'s coordinates with 434,371 people; Masan is part of Changwon' },
  { country: 'NZ', name: 'North Shore', include: true, reason: 'former North Shore City (about 205,000 in 2006), filed as a section of Auckland; without it the Auckland metro falls under 1M' },
];
