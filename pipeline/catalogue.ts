/**
 * Imports the design catalogue (`../shared/design/dimensions.json`) into `maps/catalogue.json`: the public
 * contract of ids, tiers, kinds, values and parents in a machine-checkable form. The catalogue describes values
 * in prose ("enum(9): white, black, mixed (pardo/...) ..."), so this parser keeps the first identifier of each
 * top-level comma item and applies the few corrections listed in `FIXES` (each with its reason).
 *
 * @example
 *   npx tsx pipeline/catalogue.ts ../shared/design/dimensions.json
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

interface RawDimension { id: string; tier: number; type: string; parents: string[]; why: string; source: string }

const COUNTRIES = ['US', 'CA', 'MX', 'BR', 'AR', 'GB', 'IE', 'FR', 'DE', 'ES', 'IT', 'NL', 'PL', 'SE', 'TR', 'EG', 'NG', 'ZA', 'IN', 'PH', 'JP', 'KR', 'AU', 'NZ'];
const ISCO = ['01', '02', '03', '11', '12', '13', '14', '21', '22', '23', '24', '25', '26', '31', '32', '33', '34', '35', '41', '42', '43', '44', '51', '52', '53', '54', '61', '62', '63', '71', '72', '73', '74', '75', '81', '82', '83', '91', '92', '93', '94', '95', '96'];

/** Value lists the prose parser cannot read, with the reason. */
const FIXES: Record<string, { values: string[]; reason: string }> = {
  region: { values: [], reason: 'country-specific; the value list lives in maps/regions.json (Appendix A schemes)' },
  countryOfBirth: {
    values: [...COUNTRIES, 'otherEurope', 'otherLatinAmericaCaribbean', 'otherAsiaPacific', 'otherMiddleEastNorthAfrica', 'otherSubSaharanAfrica'],
    reason: 'prose says "the 24 covered countries + 5 buckets"',
  },
  occupation: { values: [...ISCO.map((c) => `isco${c}`), 'neverWorked'], reason: 'prose lists the codes inside a sentence' },
  industry: { values: [...'ABCDEFGHIJKLMNOPQRSTU'.split(''), 'notApplicable'], reason: 'ISIC sections A-U + notApplicable' },
  income: { values: ['none', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7', 'd8', 'd9', 'd10'], reason: 'prose continues after the list' },
  religion: {
    values: ['none', 'catholic', 'protestantMainline', 'evangelicalPentecostal', 'orthodoxChristian', 'otherChristian', 'sunniMuslim', 'shiaMuslim', 'hindu', 'buddhist', 'sikh', 'jewish', 'folkTraditional', 'other'],
    reason: 'same values as religionRaised (shared Religion type)',
  },
  otherLanguages: {
    values: ['english', 'spanish', 'portuguese', 'french', 'german', 'italian', 'dutch', 'polish', 'swedish', 'turkish', 'arabic', 'hindi', 'bengali', 'urdu', 'punjabi', 'marathi', 'telugu', 'tamil', 'gujarati', 'chinese', 'japanese', 'korean', 'filipino', 'vietnamese', 'yoruba', 'igbo', 'hausa', 'southernBantu', 'afrikaans', 'other'],
    reason: 'set over the shared Language type',
  },
};

/**
 * Every dimension is calibrated to a target marginal per country of residence (ARCHITECTURE.md section 4), so the
 * country must be one of its parents; the catalogue leaves it out for a few dimensions keyed by country of birth.
 */
const COUNTRY_PARENT_REASON = 'countryOfResidence added as a parent: every dimension is calibrated to a per-country target marginal, which needs the country as a parent';

/** Parents added to the catalogue's, with the reason (the catalogue may change only with a reason written down). */
const ADDED_PARENTS: Record<string, { parents: string[]; reason: string }> = {
  lastName: {
    parents: ['sex', 'age', 'countryOfBirth'],
    reason: 'surnames take feminine forms by sex (Polish -ska, Czech -ová, Greek; Sikh women Kaur, Hindi-belt Devi/Kumari), immigrants keep or drop two-surname use by country of birth, and Egyptian and northern Nigerian family names carry the father\'s given name, fashionable in the father\'s generation (birth year); all three are already ancestors of lastName (through culturalOrigin and religionRaised), so no persona samples more than before',
  },
};

/** Shared enum types named by the catalogue (GraphQL type names). */
const SHARED_TYPES: Record<string, string> = {
  countryOfResidence: 'Country', countryOfBirth: 'CountryOfBirth', nativeLanguage: 'Language', otherLanguages: 'Language',
  religionRaised: 'Religion', religion: 'Religion', occupation: 'Isco08', industry: 'IsicSection',
};

function splitTopLevel(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) { out.push(cur); cur = ''; } else cur += ch;
  }
  out.push(cur);
  return out;
}

function parse(raw: RawDimension) {
  const m = /^(\w+)\((\d+)\)([^:]*):?\s*(.*)$/.exec(raw.type);
  if (!m) throw new Error(`catalogue: cannot parse type of ${raw.id}: ${raw.type}`);
  const [, kind, count, , rest] = m;
  let values: string[] = [];
  if (FIXES[raw.id]) values = FIXES[raw.id].values;
  else if (kind !== 'string') {
    const head = rest.split(';')[0];
    values = splitTopLevel(head).map((v) => v.trim().split(/[ (]/)[0]).filter(Boolean);
  }
  if (kind !== 'string' && raw.id !== 'region' && values.length !== Number(count)) {
    throw new Error(`catalogue: ${raw.id} declares ${count} values but ${values.length} were parsed: ${values.join(', ')}`);
  }
  const withCountry = raw.id === 'countryOfResidence' || raw.parents.includes('countryOfResidence') ? raw.parents : [...raw.parents, 'countryOfResidence'];
  const parents = [...withCountry, ...(ADDED_PARENTS[raw.id]?.parents ?? []).filter((p) => !withCountry.includes(p))];
  return {
    id: raw.id, tier: raw.tier, kind, parents, values,
    ...(SHARED_TYPES[raw.id] ? { sharedType: SHARED_TYPES[raw.id] } : {}),
    description: raw.type, why: raw.why, source: raw.source,
  };
}

const input = resolve(process.argv[2] ?? '../shared/design/dimensions.json');
const raw = JSON.parse(readFileSync(input, 'utf8')) as { countries: string[]; dimensions: RawDimension[] };
const dimensions = raw.dimensions.map(parse);
const fixes: Record<string, string> = Object.fromEntries(Object.entries(FIXES).map(([k, v]) => [k, v.reason]));
for (const d of raw.dimensions) {
  if (d.id !== 'countryOfResidence' && !d.parents.includes('countryOfResidence')) fixes[d.id] = [fixes[d.id], COUNTRY_PARENT_REASON].filter(Boolean).join('; ');
}
for (const [id, a] of Object.entries(ADDED_PARENTS)) fixes[id] = [fixes[id], `parents ${a.parents.join(', ')} added: ${a.reason}`].filter(Boolean).join('; ');
const addedParents = Object.fromEntries(Object.entries(ADDED_PARENTS).map(([id, a]) => [id, a.parents]));
const out = { countries: raw.countries, dimensions, fixes, addedParents };
writeFileSync(resolve('maps/catalogue.json'), JSON.stringify(out, null, 2) + '\n');
console.log(`maps/catalogue.json: ${out.dimensions.length} dimensions`);
