import type { z } from 'zod';
import { ancestorClosure, topologicalOrder } from './dag.js';
import type { ValueSpace } from './compileTable.js';
import { compileModel, type CompiledModel } from './compileModel.js';
import {
  catalogueSchema, dimensionMapSchema, firstNamesSchema, lastNamesSchema, realiseSchema, regionsSchema,
  type Catalogue, type FirstNamesMap, type LastNamesMap, type Provenance, type RealiseSpec, type Rule,
} from './mapSchema.js';
import { compileDrawModel, type DrawModel } from './drawModel.js';
import { groupItems, type ItemGroup } from './itemGroups.js';
import { dropCountryWhereRegion, mergeFactors } from './mergeFactors.js';
import { PersonagenError } from './PersonagenError.js';
import { citiesSchema, type CitiesMap } from './pickCity.js';
import { phonePlanSchema, type PhonePlan } from './phoneNumber.js';
import { hashString } from './rng.js';

/** A compiled rule: when every condition holds, values with mask 0 are impossible. */
export interface CompiledRule {
  readonly id: string;
  readonly conditions: readonly ({ dim: number; allowed: Uint8Array } | { dim: number; other: number; otherCount: number; equal: Uint8Array; same: boolean })[];
  readonly keep: Uint8Array;
  readonly reason: string;
}

export type DimensionKind = 'enum' | 'binned' | 'set' | 'string';

/** One dimension as the engine sees it. */
export interface Dimension extends ValueSpace {
  readonly tier: number;
  readonly kind: DimensionKind;
  readonly parents: readonly number[];
  readonly parentIds: readonly string[];
  /** Stream key: hash of the id, so adding dimensions never changes another's stream. */
  readonly streamKey: number;
  /** True when maps/ has a model (or generator) for it; unavailable dimensions are listed but not served. */
  readonly available: boolean;
  /** The compiled probability model (empty model for dimensions without a map). */
  readonly model: CompiledModel;
  /** The model in the flat form the sampler reads (conditionalWeights). */
  readonly draw: DrawModel;
  readonly rules: readonly CompiledRule[];
  /** The rules sampling must still apply: those conditioned on the country alone are folded into the model's head rows. */
  readonly runtimeRules: readonly CompiledRule[];
  /**
   * For large dimensions that depend on the country alone once their rules are folded (region: 427 values, about
   * 18 possible per country): the possible values per country with cumulative weights, so a draw is a binary search.
   */
  readonly byCountry?: readonly { readonly values: Int32Array; readonly cumulative: Float64Array }[];
  /** Provenance of the target (table 0) and of each conditional (1..). */
  readonly provenance: readonly TableProvenance[];
  /** The combination method the map pipeline chose, and its fitted figures, as written in the map. */
  readonly combination?: { method: string; pool: string };
  readonly sharedType?: string;
  /** Set dimensions: the catalogue items, and the hidden yes/no item dimensions that sample them. */
  readonly items?: readonly string[];
  readonly itemDims?: readonly number[];
  /** Item dimensions: the set they belong to (hidden from the API; `<set>.<item>` ids). */
  readonly itemOf?: number;
  /** Sets: items of one model shape sampled together from interleaved tables (itemGroups.ts). */
  readonly itemGroups?: readonly ItemGroup[];
  readonly description: string;
  readonly why: string;
  readonly source: string;
}

/** Where one table of a dimension map comes from. */
export interface TableProvenance {
  readonly table: number;
  readonly role: 'target' | 'conditional';
  readonly given: readonly string[];
  readonly provenance: Provenance;
  readonly rowProvenance?: Record<string, Provenance>;
}

const EMPTY_MODEL: CompiledModel = { pool: 'logLinear', factors: [], product: [], mix: new Float64Array(0), target: { by: [], strides: [], rows: new Float64Array(0), present: new Uint8Array(0), rowKeys: [] }, conditionals: [] };

/** The loaded, validated and compiled maps. */
export interface Registry {
  readonly version: string;
  readonly dimensions: readonly Dimension[];
  readonly byId: ReadonlyMap<string, Dimension>;
  /** Topological order of all dimensions (parents first). */
  readonly order: readonly number[];
  readonly countries: readonly string[];
  readonly coveredCountries: readonly string[];
  readonly regions: readonly { id: string; country: string; name: string; code?: string }[];
  readonly regionCountry: readonly string[];
  readonly realise: ReadonlyMap<string, RealiseSpec>;
  readonly firstNames?: FirstNamesMap;
  readonly lastNames?: LastNamesMap;
  readonly cities?: CitiesMap;
  readonly phone?: PhonePlan;
  /** Ancestor closure (including the dimension itself) of each dimension, over available dimensions. */
  readonly closures: readonly (readonly number[])[];
  /** Dimensions switched off in partial mode (map authoring), with the reason. */
  readonly warnings: readonly string[];
}

/** Raw JSON by path relative to maps/ (e.g. "dimensions/age.json"). */
export type RawMaps = Readonly<Record<string, unknown>>;

function parse<T extends z.ZodTypeAny>(schema: T, raw: unknown, file: string): z.infer<T> {
  const r = schema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0];
    const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
    throw new PersonagenError('MAP_INVALID', `maps/${file}: ${path || '(root)'}: ${issue.message}`, { file, path });
  }
  return r.data;
}

/** Values of a set dimension as a conditioning parent: the number of items held, binned (dimensions.md). */
export const SET_COUNT_BINS = ['0', '1', '2+'];
/** Values of a set's hidden item dimension. */
export const ITEM_VALUES = ['no', 'yes'];

/** String dimensions are generated, not sampled from a model: each is available when the file it draws on is. */
const STRING_SOURCES: Record<string, string> = {
  firstName: 'names/firstNames.json', lastName: 'names/lastNames.json', username: 'names/firstNames.json',
  email: 'realise/email.json', city: 'cities.json', phoneNumber: 'phone.json',
};

/**
 * Validates and compiles all maps. Any error stops start-up with a message naming the file and the key.
 * `partial` lets the map pipeline compile maps whose parents are still missing; `serving` drops each model's raw
 * conditional tables once the sampler's factors are built from them (the service never reads them; the pipeline and
 * the map checks do): about 166 MB of the service's memory.
 *
 * @example
 *   const registry = buildRegistry(readMapFiles('maps'), 'abc123');
 *   registry.byId.get('age')!.values // ['18-24', ...]
 */
export function buildRegistry(raw: RawMaps, version: string, options: { partial?: boolean; serving?: boolean } = {}): Registry {
  if (!raw['catalogue.json']) throw new PersonagenError('MAP_INVALID', 'maps/catalogue.json is missing');
  const catalogue: Catalogue = parse(catalogueSchema, raw['catalogue.json'], 'catalogue.json');
  const regionsFile = parse(regionsSchema, raw['regions.json'] ?? { regions: [] }, 'regions.json');
  const regions = regionsFile.regions;
  // A set of k items is sampled as k hidden yes/no dimensions sharing the set's parents (dimensions.md, kinds);
  // they come after the catalogue so that catalogue indices never move. The set itself is then a deterministic
  // function of its items: as a parent it is the count of items held.
  const items = catalogue.dimensions.flatMap((d, set) => (d.kind === 'set' ? d.values.map((item) => ({ set, item, id: `${d.id}.${item}` })) : []));
  const all = [
    ...catalogue.dimensions,
    ...items.map(({ set, item, id }) => ({ ...catalogue.dimensions[set], id, kind: 'enum' as const, values: ITEM_VALUES, description: `whether ${catalogue.dimensions[set].id} includes ${item}`, sharedType: undefined })),
  ];
  const ids = all.map((d) => d.id);
  const indexOf = new Map(ids.map((id, i) => [id, i]));

  const spaces: ValueSpace[] = all.map((d, i) => {
    const values = d.id === 'region' ? regions.map((r) => r.id) : d.kind === 'set' ? SET_COUNT_BINS : d.values;
    if (new Set(values).size !== values.length) throw new PersonagenError('MAP_INVALID', `maps/catalogue.json: duplicate values in ${d.id}`);
    return { id: d.id, index: i, values, valueIndex: new Map(values.map((v, j) => [v, j])) };
  });
  const countryIndex = indexOf.get('countryOfResidence')!;
  const regionIndex = indexOf.get('region') ?? -1;
  const countryOfRegion = Int32Array.from(regions, (r) => {
    const c = spaces[countryIndex].valueIndex.get(r.country);
    if (c === undefined) throw new PersonagenError('MAP_INVALID', `maps/regions.json: region ${r.id} lies in unknown country ${r.country}`);
    return c;
  });
  const itemDims = (set: number) => items.flatMap((it, k) => (it.set === set ? [catalogue.dimensions.length + k] : []));
  const parents = all.map((d, i) => d.kind === 'set' ? itemDims(i) :
    d.parents.map((p) => {
      const j = indexOf.get(p);
      if (j === undefined) throw new PersonagenError('MAP_INVALID', `maps/catalogue.json: ${d.id} has unknown parent ${p}`);
      return j;
    }),
  );
  const order = topologicalOrder(parents);

  const dimensions: Dimension[] = all.map((d, i) => {
    const file = `dimensions/${d.id}.json`;
    const rawMap = raw[file];
    let model = EMPTY_MODEL;
    let rules: CompiledRule[] = [];
    let runtimeRules: CompiledRule[] = [];
    let byCountry: Dimension['byCountry'];
    let provenance: TableProvenance[] = [];
    let combination: Dimension['combination'];
    if (rawMap !== undefined) {
      const map = parse(dimensionMapSchema, rawMap, file);
      if (map.id !== d.id) throw new PersonagenError('MAP_INVALID', `maps/${file}: .id is "${map.id}", expected "${d.id}"`);
      if ((map.target.by.length === 0) !== (d.id === 'countryOfResidence')) {
        throw new PersonagenError('MAP_INVALID', `maps/${file}: target.by must be ${d.id === 'countryOfResidence' ? '[]' : '["countryOfResidence"]'}`);
      }
      map.conditionals.forEach((c, ci) => c.given.forEach((g, gi) => {
        if (!d.parents.includes(g)) throw new PersonagenError('MAP_INVALID', `maps/${file}: conditionals[${ci}].given[${gi}]: "${g}" is not a parent of ${d.id} (parents: ${d.parents.join(', ')})`);
      }));
      model = compileModel(map, spaces[i], spaces, indexOf, `maps/${file}`);
      rules = map.rules.map((r, ri) => compileRule(r, spaces, indexOf, d.parents, i, `maps/${file}: rules[${ri}]`));
      runtimeRules = foldCountryRules(model, rules, spaces[i].values.length);
      // Sampling reads a log-linear model through `product` (and the head row for the contradiction fallback), so
      // the unmerged conditional factors are dropped rather than kept twice.
      if (model.pool === 'logLinear') {
        const k = spaces[i].values.length;
        const card = (dim: number) => spaces[dim].values.length;
        const rekeyed = model.factors.map((f) => dropCountryWhereRegion(f, k, countryIndex, regionIndex, countryOfRegion, card));
        model = { ...model, factors: model.factors.slice(0, 1), product: mergeFactors(rekeyed, k, card) };
      }
      if (options.serving) model = { ...model, conditionals: [] };
      if (model.factors.length === 1 && runtimeRules.length === 0 && model.factors[0].by.length === 1 && spaces[i].values.length >= SPARSE_MIN_VALUES) {
        byCountry = sparseRows(model.factors[0].rows, spaces[i].values.length);
      }
      provenance = [
        { table: 0, role: 'target', given: [], provenance: map.target.provenance, rowProvenance: map.target.rowProvenance },
        ...map.conditionals.map((c, ci): TableProvenance => ({ table: ci + 1, role: 'conditional', given: c.given, provenance: c.provenance, rowProvenance: c.rowProvenance })),
      ];
      combination = { method: map.combination.method, pool: map.combination.pool };
    }
    const available = rawMap !== undefined || (d.kind === 'string' && raw[STRING_SOURCES[d.id]] !== undefined);
    // Every dimension object has the same keys (one hidden class), which keeps the sampling loops monomorphic.
    const setParts = {
      items: d.kind === 'set' ? d.values : undefined,
      itemDims: d.kind === 'set' ? parents[i] : undefined,
      itemOf: i >= catalogue.dimensions.length ? items[i - catalogue.dimensions.length].set : undefined,
      itemGroups: undefined,
    };
    return {
      ...spaces[i], tier: d.tier, kind: d.kind, parents: parents[i], parentIds: d.parents, streamKey: hashString(d.id),
      available, model, draw: compileDrawModel(model, spaces[i].values.length), rules, runtimeRules, byCountry, provenance, combination, sharedType: d.sharedType, description: d.description, why: d.why, source: d.source, ...setParts,
    };
  });

  // In topological order, so that a dimension whose parent was just switched off is switched off too.
  const warnings: string[] = [];
  for (const i of order) {
    const d = dimensions[i];
    if (d.itemDims) {
      dimensions[i] = { ...d, available: d.itemDims.every((k) => dimensions[k].available) };
      continue;
    }
    if (!d.available) continue;
    const missing = d.parentIds.filter((p) => !dimensions[indexOf.get(p)!].available);
    if (missing.length === 0) continue;
    const message = `maps/dimensions/${d.id}.json: parents without a map: ${missing.join(', ')}`;
    if (!options.partial) throw new PersonagenError('MAP_INVALID', message);
    warnings.push(message);
    dimensions[i] = { ...d, available: false };
  }

  for (const set of dimensions) {
    if (!set.itemDims || !set.available) continue;
    const { groups, draws } = groupItems(set.itemDims.map((j) => dimensions[j].draw), set.itemDims);
    set.itemDims.forEach((j, slot) => (dimensions[j] = { ...dimensions[j], draw: draws[slot] }));
    dimensions[set.index] = { ...set, itemGroups: groups };
  }

  const country = dimensions[indexOf.get('countryOfResidence')!];
  const coveredCountries = country.available
    ? country.values.filter((_, v) => country.model.target.rows[v] > 0)
    : [];
  const regionCountry = regions.map((r) => r.country);
  checkCoverage(dimensions, indexOf, new Set(coveredCountries));

  const realise = new Map<string, RealiseSpec>();
  for (const [file, content] of Object.entries(raw)) {
    if (!file.startsWith('realise/')) continue;
    const spec = parse(realiseSchema, content, file);
    realise.set(file.slice('realise/'.length, -'.json'.length), spec);
  }
  const firstNames = raw['names/firstNames.json'] ? parse(firstNamesSchema, raw['names/firstNames.json'], 'names/firstNames.json') : undefined;
  const lastNames = raw['names/lastNames.json'] ? parse(lastNamesSchema, raw['names/lastNames.json'], 'names/lastNames.json') : undefined;
  for (const names of [firstNames, lastNames]) {
    if (!names) continue;
    for (const [key, t] of Object.entries(names.tables)) {
      if (!names.provenance[t.prov]) throw new PersonagenError('MAP_INVALID', `maps/names: table "${key}" cites unknown provenance "${t.prov}"`);
    }
  }

  const cities = raw['cities.json'] ? parse(citiesSchema, raw['cities.json'], 'cities.json') : undefined;
  const phone = raw['phone.json'] ? parse(phonePlanSchema, raw['phone.json'], 'phone.json') : undefined;
  if (cities) {
    const missing = regions.filter((r) => !cities.regions[r.id]).map((r) => r.id);
    if (missing.length) throw new PersonagenError('MAP_INVALID', `maps/cities.json: no places for regions ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', ...' : ''}`);
  }
  if (phone) {
    const missing = coveredCountries.filter((c) => !phone.countries[c]);
    if (missing.length) throw new PersonagenError('MAP_INVALID', `maps/phone.json: no phone plan for ${missing.join(', ')}`);
  }

  const closures = dimensions.map((d) => ancestorClosure(parents, [d.index]));
  return {
    version, dimensions, byId: new Map(dimensions.map((d) => [d.id, d])), order, countries: catalogue.countries,
    coveredCountries, regions, regionCountry, realise, firstNames, lastNames, cities, phone, closures, warnings,
  };
}

/** Dimensions with at least this many values get per-country sparse rows when they depend on the country alone. */
const SPARSE_MIN_VALUES = 64;

/** Per country row of a k-column table: the positive columns and their running sums. */
function sparseRows(rows: Float64Array, k: number): { values: Int32Array; cumulative: Float64Array }[] {
  return Array.from({ length: rows.length / k }, (_, c) => {
    const values: number[] = [];
    const cumulative: number[] = [];
    let sum = 0;
    for (let v = 0; v < k; v++) {
      const w = rows[c * k + v];
      if (w > 0) { values.push(v); cumulative.push((sum += w)); }
    }
    return { values: Int32Array.from(values), cumulative: Float64Array.from(cumulative) };
  });
}

/**
 * Folds rules conditioned on the country alone (a region must lie in its country) into the model's head rows,
 * which are keyed by country, so sampling does not test them value by value; returns the rules left to apply.
 */
function foldCountryRules(model: CompiledModel, rules: CompiledRule[], k: number): CompiledRule[] {
  const head = model.factors[0];
  if (!head || head.by.length !== 1) return rules;
  const country = head.by[0];
  return rules.filter((rule) => {
    if (!rule.conditions.every((c) => c.dim === country && 'allowed' in c)) return true;
    const allowed = (rule.conditions[0] as { allowed: Uint8Array }).allowed;
    for (let c = 0; c < allowed.length; c++) {
      if (rule.conditions.every((cond) => (cond as { allowed: Uint8Array }).allowed[c] === 1)) {
        for (let v = 0; v < k; v++) if (rule.keep[v] === 0) head.rows[c * k + v] = 0;
      }
    }
    return false;
  });
}

function compileRule(rule: Rule, spaces: ValueSpace[], indexOf: Map<string, number>, parentIds: readonly string[], self: number, where: string): CompiledRule {
  const target = spaces[self];
  const conditions = Object.entries(rule.when).map(([p, cond]) => {
    if (!parentIds.includes(p)) throw new PersonagenError('MAP_INVALID', `${where}.when.${p}: not a parent of ${target.id}`);
    const dim = indexOf.get(p)!;
    if (Array.isArray(cond)) {
      const allowed = new Uint8Array(spaces[dim].values.length);
      for (const v of cond) {
        const vi = spaces[dim].valueIndex.get(v);
        if (vi === undefined) throw new PersonagenError('MAP_INVALID', `${where}.when.${p}: "${v}" is not a value of ${p}`);
        allowed[vi] = 1;
      }
      return { dim, allowed };
    }
    const otherId = 'sameAs' in cond ? cond.sameAs : cond.notSameAs;
    if (!parentIds.includes(otherId)) throw new PersonagenError('MAP_INVALID', `${where}.when.${p}: "${otherId}" is not a parent of ${target.id}`);
    const other = indexOf.get(otherId)!;
    const a = spaces[dim].values;
    const b = spaces[other].values;
    const equal = new Uint8Array(a.length * b.length);
    a.forEach((va, i) => b.forEach((vb, j) => { if (va === vb) equal[i * b.length + j] = 1; }));
    return { dim, other, otherCount: b.length, equal, same: 'sameAs' in cond };
  });
  const listed = rule.forbid ?? rule.allow!;
  const keep = new Uint8Array(target.values.length).fill(rule.forbid ? 1 : 0);
  for (const v of listed) {
    const vi = target.valueIndex.get(v);
    if (vi === undefined) throw new PersonagenError('MAP_INVALID', `${where}: "${v}" is not a value of ${target.id}`);
    keep[vi] = rule.forbid ? 0 : 1;
  }
  return { id: rule.id, conditions, keep, reason: rule.reason };
}

/** Every dimension's target must have a row for every covered country (conditionals may leave rows out). */
function checkCoverage(dimensions: Dimension[], indexOf: Map<string, number>, covered: Set<string>) {
  const countryDim = dimensions[indexOf.get('countryOfResidence')!];
  for (const d of dimensions) {
    if (!d.available || d.model.factors.length === 0 || d.model.target.by.length === 0) continue;
    const missing = [...covered].filter((c) => !d.model.target.present[countryDim.valueIndex.get(c)!]);
    if (missing.length > 0) throw new PersonagenError('MAP_INVALID', `maps/dimensions/${d.id}.json: target has no row for ${missing.map((m) => `"${m}"`).join(', ')}`);
  }
}
