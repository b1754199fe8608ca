import { planConditions, type ConditionPlan } from './conditionPlan.js';
import type { Engine } from './Engine.js';
import type { Conditions } from './evidence.js';
import { Persona } from './Persona.js';
import { PersonagenError } from './PersonagenError.js';
import { canonicalCity } from './pickCity.js';
import { seedWords } from './rng.js';
import { whereFields, type WhereField } from './whereFields.js';

/** A filter on a categorical dimension (or the bins of a binned one), with catalogue value ids. */
export interface ValueFilter { readonly in?: readonly string[] | null; readonly notIn?: readonly string[] | null }
/** A range on a realised number (inclusive). */
export interface RangeFilter { readonly gte?: number | null; readonly lte?: number | null }
/** Items a set must include (all of them) and must not include. */
export interface SetFilter { readonly includes?: readonly string[] | null; readonly excludes?: readonly string[] | null }
/** An exact string (case-insensitive). */
export interface StringFilter { readonly eq?: string | null }
/** `where` as the API takes it: field name (see whereFields) -> filter. Conditions combine with AND. */
export type Where = Readonly<Record<string, ValueFilter | RangeFilter | SetFilter | StringFilter | null | undefined>>;

/** Documented limits of one request. */
export const LIMITS = { maxCount: 10_000, maxIndex: 2_147_483_647, maxSeedLength: 256 } as const;

const PLAN_CACHE_SIZE = 256;
/** Enumerated tree nodes the plan cache may hold in all (about 150 bytes each). */
const PLAN_CACHE_NODES = 2_000_000;
/** Rejection tries one request may need on average (about 10-20 s of sampling): bounds count x 1 / acceptance. */
const TRIES_PER_REQUEST = 2_000_000;

/**
 * The engine's front door for the API: validates addresses and conditions, caches exact condition plans (LRU),
 * makes lazy personas and encodes their stable ids.
 *
 * @example
 *   const service = new PersonaService(engine);
 *   const [p] = service.personas(42, 1, 0, { sex: { in: ['female'] } });
 *   service.decodeId(service.encodeId(p, 42)) // same address
 */
export class PersonaService {
  private readonly plans = new Map<string, ConditionPlan>();
  private readonly fields: ReadonlyMap<string, WhereField>;
  /** Normal form of each `where` object seen by encodeId, as JSON. */
  private readonly normalJson = new WeakMap<object, string>();

  constructor(readonly engine: Engine) {
    this.fields = new Map(whereFields(engine).map((f) => [f.name, f]));
  }

  /** Personas offset..offset+count-1 of a seed under conditions. */
  personas(seed: number | string, count: number, offset: number, where: Where | null | undefined): Persona[] {
    checkSeed(seed);
    if (!Number.isInteger(count) || count < 0) throw new PersonagenError('BAD_USER_INPUT', `count must be a non-negative integer, got ${count}`);
    if (count > LIMITS.maxCount) throw new PersonagenError('COUNT_TOO_LARGE', `count ${count} exceeds the maximum of ${LIMITS.maxCount} personas per request; page with offset`, { max: LIMITS.maxCount });
    if (!Number.isInteger(offset) || offset < 0) throw new PersonagenError('NEGATIVE_INDEX', `offset must be >= 0, got ${offset}`);
    if (offset + count - 1 > LIMITS.maxIndex) throw new PersonagenError('BAD_USER_INPUT', `index ${offset + count - 1} exceeds ${LIMITS.maxIndex}`);
    const plan = this.plan(where);
    const acceptance = plan?.tail?.acceptance ?? 1;
    if (count / acceptance > TRIES_PER_REQUEST) {
      const max = Math.max(1, Math.floor(TRIES_PER_REQUEST * acceptance));
      throw new PersonagenError('COUNT_TOO_LARGE', `these conditions meet about 1 try in ${Math.round(1 / acceptance)}; at most ${max} personas per request under them (page with offset)`, { max });
    }
    const words = seedWords(seed);
    return Array.from({ length: count }, (_, i) => new Persona(this.engine, words, offset + i, plan));
  }

  /** One persona at (seed, index). */
  persona(seed: number | string, index: number, where: Where | null | undefined): Persona {
    if (!Number.isInteger(index) || index < 0) throw new PersonagenError('NEGATIVE_INDEX', `index must be >= 0, got ${index}`);
    return this.personas(seed, 1, index, where)[0];
  }

  /** The exact plan for `where` (null when unconditioned), cached by its conditions (`notIn: [FEMALE]` = `in: [MALE]`). */
  plan(where: Where | null | undefined): ConditionPlan | null {
    const normal = this.normalWhere(where);
    if (Object.keys(normal).length === 0) return null;
    const conditions = this.conditions(normal);
    const key = JSON.stringify([[...conditions.values], [...conditions.ranges], [...conditions.strings]]);
    let plan = this.plans.get(key);
    if (plan) {
      this.plans.delete(key);
    } else {
      plan = planConditions(this.engine, conditions);
    }
    this.plans.set(key, plan);
    let nodes = 0;
    for (const p of this.plans.values()) nodes += p.head?.nodes ?? 0;
    while (this.plans.size > 1 && (this.plans.size > PLAN_CACHE_SIZE || nodes > PLAN_CACHE_NODES)) {
      const oldest = this.plans.keys().next().value!;
      nodes -= this.plans.get(oldest)!.head?.nodes ?? 0;
      this.plans.delete(oldest);
    }
    return plan;
  }

  /**
   * Validates `where` into its normal form: known fields only, values checked against the maps, empty filters
   * dropped, lists deduplicated and sorted, keys sorted. Equal conditions give equal plans and persona ids.
   */
  normalWhere(where: Where | null | undefined): Record<string, ValueFilter | RangeFilter | SetFilter | StringFilter> {
    const out: Record<string, ValueFilter | RangeFilter | SetFilter | StringFilter> = {};
    for (const name of Object.keys(where ?? {}).sort()) {
      const filter = where![name];
      if (filter == null) continue;
      const field = this.fields.get(name);
      if (!field) throw new PersonagenError('BAD_USER_INPUT', `where: unknown field "${name}"`, { field: name });
      const dim = this.engine.dim(field.dimension);
      const check = (list: readonly string[] | null | undefined, known: readonly string[]) => {
        for (const v of list ?? []) {
          if (!known.includes(v)) throw new PersonagenError('BAD_USER_INPUT', `where.${name}: unknown value "${v}" (expected one of ${known.join(', ')})`, { field: name, value: v });
        }
        return list == null ? undefined : [...new Set(list)].sort();
      };
      if (field.kind === 'values') {
        const f = filter as ValueFilter;
        const allowed = check(f.in, dim.values);
        const excluded = check(f.notIn, dim.values);
        if (allowed || excluded) out[name] = { ...(allowed ? { in: allowed } : {}), ...(excluded ? { notIn: excluded } : {}) };
      } else if (field.kind === 'set') {
        const f = filter as SetFilter;
        const includes = check(f.includes, dim.items!);
        const excludes = check(f.excludes, dim.items!);
        if (includes || excludes) out[name] = { ...(includes ? { includes } : {}), ...(excludes ? { excludes } : {}) };
      } else if (field.kind === 'string') {
        const eq = (filter as StringFilter).eq?.normalize('NFC').trim();
        if (eq === '') throw new PersonagenError('BAD_USER_INPUT', `where.${name}.eq must not be empty`, { field: name });
        if (eq !== undefined) out[name] = { eq };
      } else {
        const f = filter as RangeFilter;
        for (const x of [f.gte, f.lte]) {
          if (x != null && !Number.isFinite(x)) throw new PersonagenError('BAD_USER_INPUT', `where.${name}: bounds must be finite numbers`, { field: name });
        }
        if (f.gte != null && f.lte != null && f.gte > f.lte) throw new PersonagenError('BAD_USER_INPUT', `where.${name}: gte ${f.gte} is greater than lte ${f.lte}`, { field: name });
        if (f.gte != null || f.lte != null) out[name] = { ...(f.gte != null ? { gte: f.gte } : {}), ...(f.lte != null ? { lte: f.lte } : {}) };
      }
    }
    return out;
  }

  /** Engine conditions from a normal-form `where` (conditions on one dimension from several fields intersect). */
  conditions(normal: Record<string, ValueFilter | RangeFilter | SetFilter | StringFilter>): Conditions {
    const values = new Map<string, string[]>();
    const ranges = new Map<string, { gte: number; lte: number }>();
    const strings = new Map<string, string>();
    const restrict = (id: string, name: string, allowed: readonly string[]) => {
      const have = values.get(id);
      const next = have ? have.filter((v) => allowed.includes(v)) : [...allowed];
      if (next.length === 0) throw new PersonagenError('UNSATISFIABLE_CONDITIONS', `where.${name}: no value of ${id} is left`, { dimensions: [id] });
      values.set(id, next);
    };
    for (const [name, filter] of Object.entries(normal)) {
      const field = this.fields.get(name)!;
      const dim = this.engine.dim(field.dimension);
      if (field.kind === 'values') {
        const f = filter as ValueFilter;
        const excluded = new Set(f.notIn ?? []);
        restrict(dim.id, name, (f.in ?? dim.values).filter((v) => !excluded.has(v)));
      } else if (field.kind === 'set') {
        const f = filter as SetFilter;
        for (const item of f.includes ?? []) restrict(`${dim.id}.${item}`, name, ['yes']);
        for (const item of f.excludes ?? []) restrict(`${dim.id}.${item}`, name, ['no']);
      } else if (field.kind === 'string') {
        const eq = (filter as StringFilter).eq!;
        strings.set(dim.id, dim.id === 'city' && this.engine.cities ? canonicalCity(this.engine.cities, eq) ?? eq : eq);
      } else {
        const f = filter as RangeFilter;
        ranges.set(dim.id, { gte: f.gte ?? Number.NEGATIVE_INFINITY, lte: f.lte ?? Number.POSITIVE_INFINITY });
      }
    }
    const sorted = <T>(m: Map<string, T>) => new Map([...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return { values: sorted(values), ranges: sorted(ranges), strings: sorted(strings) };
  }

  /** The stable id of a persona: its address (map version, seed, index, normal-form where), base64url-encoded. */
  encodeId(p: Persona, seed: number | string, where: Where | null | undefined): string {
    // A request passes one where object for all its personas: normalise it once (where objects are not mutated).
    let normal = where ? this.normalJson.get(where) : '{}';
    if (normal === undefined) {
      normal = JSON.stringify(this.normalWhere(where));
      this.normalJson.set(where!, normal);
    }
    const payload = `[${JSON.stringify(this.engine.registry.version.slice(0, 16))},${JSON.stringify(seed)},${p.index},${normal}]`;
    return `P2.${Buffer.from(payload).toString('base64url')}`;
  }

  /** Decodes a persona id back to its address; rejects foreign ids and other map versions. */
  decodeId(id: string): { seed: number | string; index: number; where: Where } {
    let payload: unknown;
    try {
      if (!id.startsWith('P2.')) throw new Error('prefix');
      payload = JSON.parse(Buffer.from(id.slice(3), 'base64url').toString('utf8'));
    } catch {
      throw new PersonagenError('INVALID_ID', `"${id.slice(0, 64)}" is not a persona id`);
    }
    if (!Array.isArray(payload) || payload.length !== 4 || typeof payload[3] !== 'object' || payload[3] === null) throw new PersonagenError('INVALID_ID', 'malformed persona id');
    const [version, seed, index, where] = payload as [string, number | string, number, Where];
    if (version !== this.engine.registry.version.slice(0, 16)) {
      throw new PersonagenError('MAP_VERSION_MISMATCH', `persona id was made with maps ${version}; this server serves ${this.engine.registry.version.slice(0, 16)}`);
    }
    return { seed, index, where };
  }
}

function checkSeed(seed: number | string): void {
  if (typeof seed === 'number' && !Number.isSafeInteger(seed)) throw new PersonagenError('BAD_USER_INPUT', 'an Int seed must be a safe integer');
  if (typeof seed === 'string' && (seed.length === 0 || seed.length > LIMITS.maxSeedLength)) {
    throw new PersonagenError('BAD_USER_INPUT', `a String seed must have 1-${LIMITS.maxSeedLength} characters`);
  }
}
