import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogueSchema, type Catalogue } from '../../src/engine/mapSchema.js';
import { validateAnswer } from '../aggregate/validateAnswer.js';
import { offlineAnswerFileSchema } from './answerSchema.js';
import { expandSheet, parentValues } from './expandSheet.js';
import type { Sheet } from './sheetSchema.js';
import { COUNTRY_DIMENSION, dimensionValues, type RegionList } from '../elicit/questions.js';
import { readSheets } from '../build/collectAnswers.js';

/** One problem found in a sheet: errors stop the build, warnings are gaps worth filling. */
export interface SheetIssue { readonly level: 'error' | 'warning'; readonly where: string; readonly message: string }

/**
 * Checks a sheet against the catalogue and regions before the build sees it: known countries, parents and values,
 * rows that sum to 1 (sets: shares in [0, 1]), no target that an offline answer file already gives, every parent
 * covered by an effect or rows in every country, and every expanded answer accepted by the answer validation.
 *
 * @example
 *   checkSheet(sheet, catalogue, regions, new Set(['US', 'GB'])) // [{ level: 'warning', where: 'FR', message: 'no effect or rows for parent sex' }]
 */
export function checkSheet(sheet: Sheet, catalogue: Catalogue, regions: RegionList, offlineCountries: ReadonlySet<string>): SheetIssue[] {
  const issues: SheetIssue[] = [];
  const err = (where: string, message: string) => issues.push({ level: 'error', where, message });
  const dim = catalogue.dimensions.find((d) => d.id === sheet.dimension);
  if (!dim) return [{ level: 'error', where: 'dimension', message: `"${sheet.dimension}" is not a catalogue dimension` }];
  const isSet = dim.kind === 'set';
  const countries = new Set(catalogue.countries);
  const checkDist = (where: string, country: string, dist: Record<string, number>) => {
    const values = isSet ? dim.values : dimensionValues(catalogue, regions, dim.id, country);
    for (const k of Object.keys(dist)) if (!values.includes(k)) err(where, `"${k}" is not a value of ${dim.id}${dim.id === 'region' ? ` in ${country}` : ''}`);
    const v = validateAnswer({ distribution: dist }, values, { independent: isSet, uniformAllowed: true });
    if (!v.ok) err(where, `${v.reason}: ${v.detail}`);
    if (isSet) for (const [k, p] of Object.entries(dist)) if (p > 1) err(where, `${k}: share ${p} > 1`);
  };
  const checkCountry = (where: string, c: string, allowStar: boolean) => {
    if (!(countries.has(c) || (allowStar && c === '*'))) err(where, `unknown country "${c}"`);
  };
  for (const [c, t] of Object.entries(sheet.targets)) {
    checkCountry(`targets.${c}`, c, dim.id === COUNTRY_DIMENSION);
    if (offlineCountries.has(c)) err(`targets.${c}`, `pipeline/answers/offline/${dim.id}.json already answers ${c}; give it in one place only`);
    checkDist(`targets.${c}`, c, t.distribution);
  }
  const parents = dim.parents.filter((p) => p !== COUNTRY_DIMENSION);
  sheet.effects.forEach((e, i) => {
    const where = `effects[${i}] (${e.parent})`;
    if (!parents.includes(e.parent)) return err(where, `"${e.parent}" is not a parent of ${dim.id} (parents: ${parents.join(', ')})`);
    e.countries.forEach((c) => checkCountry(where, c, true));
    const known = new Set((e.countries.includes('*') ? catalogue.countries : e.countries).flatMap((c) => parentValues(catalogue, regions, e.parent, c)));
    for (const [v, mult] of Object.entries(e.values)) {
      if (!known.has(v)) err(where, `"${v}" is not a value of ${e.parent}${e.parent === 'region' ? ` in ${e.countries.join(', ')}` : ''}`);
      for (const [k, m] of Object.entries(mult)) {
        if (!dim.values.includes(k) && dim.id !== 'region') err(where, `${v}: "${k}" is not a value of ${dim.id}`);
        if (!(m >= 0 && Number.isFinite(m))) err(where, `${v}.${k}: multiplier ${m} is not a finite number >= 0`);
      }
    }
  });
  sheet.rows.forEach((r, i) => {
    const where = `rows[${i}] (${r.country} ${JSON.stringify(r.given)})`;
    checkCountry(where, r.country, false);
    for (const [p, v] of Object.entries(r.given)) {
      if (!parents.includes(p)) err(where, `"${p}" is not a parent of ${dim.id}`);
      else if (!parentValues(catalogue, regions, p, r.country).includes(v)) err(where, `"${v}" is not a value of ${p} in ${r.country}`);
    }
    checkDist(where, r.country, r.distribution);
  });
  if (issues.some((x) => x.level === 'error')) return issues;

  for (const c of Object.keys(sheet.targets)) {
    for (const p of parents) {
      if (catalogue.dimensions.find((d) => d.id === p)?.kind === 'string') continue;
      const covered = sheet.effects.some((e) => e.parent === p && (e.countries.includes(c) || e.countries.includes('*')))
        || sheet.rows.some((r) => r.country === c && p in r.given);
      if (!covered) issues.push({ level: 'warning', where: c, message: `no effect or rows for parent ${p}` });
    }
  }
  const expanded = expandSheet(sheet, catalogue, regions, () => undefined);
  for (const a of expanded) {
    const values = isSet ? dim.values : dimensionValues(catalogue, regions, dim.id, a.question.country);
    const v = validateAnswer(a.content, values, { independent: isSet, uniformAllowed: true });
    if (!v.ok) err(`expanded ${a.question.country} ${JSON.stringify(a.question.given)}`, `${v.reason}: ${v.detail}`);
  }
  return issues;
}

/** CLI: `npx tsx pipeline/answers/checkSheets.ts [dimension...]` checks the sheets and prints a summary. */
function main() {
  const root = join(import.meta.dirname, '../..');
  const catalogue = catalogueSchema.parse(JSON.parse(readFileSync(join(root, 'maps/catalogue.json'), 'utf8')));
  const regions = JSON.parse(readFileSync(join(root, 'maps/regions.json'), 'utf8')) as RegionList;
  const only = process.argv.slice(2);
  let errors = 0;
  for (const { file, sheet } of readSheets(join(root, 'pipeline/answers/sheets'))) {
    if (only.length && !only.includes(sheet.dimension)) continue;
    const offline = join(root, 'pipeline/answers/offline', `${sheet.dimension}.json`);
    const offlineCountries = new Set(existsSync(offline)
      ? offlineAnswerFileSchema.parse(JSON.parse(readFileSync(offline, 'utf8'))).answers.filter((a) => Object.keys(a.given).length === 0).map((a) => a.country)
      : []);
    const issues = checkSheet(sheet, catalogue, regions, offlineCountries);
    const e = issues.filter((i) => i.level === 'error');
    errors += e.length;
    const countries = Object.keys(sheet.targets).length;
    console.log(`${file}: ${countries} countries, ${sheet.effects.length} effects, ${sheet.rows.length} rows; ${e.length} errors, ${issues.length - e.length} warnings`);
    for (const i of issues.slice(0, 40)) console.log(`  ${i.level} ${i.where}: ${i.message}`);
    if (issues.length > 40) console.log(`  ... ${issues.length - 40} more`);
  }
  process.exitCode = errors ? 1 : 0;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) main();
