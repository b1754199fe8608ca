import { planConditions, type ConditionPlan, type Conditions } from './conditionPlan.js';
import type { Engine } from './Engine.js';
import { Persona } from './Persona.js';
import { PersonagenError } from './PersonagenError.js';
import { seedWords } from './rng.js';

/** A filter on a categorical dimension, with catalogue value ids. */
export interface ValueFilter { readonly in?: readonly string[] | null; readonly notIn?: readonly string[] | null }
/** A range on a realised number (inclusive). */
export interface RangeFilter { readonly gte?: number | null; readonly lte?: number | null }
/** `where` as the API takes it: dimension id -> filter. */
export type Where = Readonly<Record<string, ValueFilter | RangeFilter | null | undefined>>;

/** Documented limits of one request. */
export const LIMITS = { maxCount: 10_000, maxIndex: 2_147_483_647, maxSeedLength: 256 } as const;

const PLAN_CACHE_SIZE = 256;

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

  constructor(readonly engine: Engine) {}

  /** Personas offset..offset+count-1 of a seed under conditions. */
  personas(seed: number | string, count: number, offset: number, where: Where | null | undefined): Persona[] {
    checkSeed(seed);
    if (!Number.isInteger(count) || count < 0) throw new PersonagenError('BAD_USER_INPUT', `count must be a non-negative integer, got ${count}`);
    if (count > LIMITS.maxCount) throw new PersonagenError('COUNT_TOO_LARGE', `count ${count} exceeds the maximum of ${LIMITS.maxCount} personas per request; page with offset`, { max: LIMITS.maxCount });
    if (!Number.isInteger(offset) || offset < 0) throw new PersonagenError('NEGATIVE_INDEX', `offset must be >= 0, got ${offset}`);
    if (offset + count - 1 > LIMITS.maxIndex) throw new PersonagenError('BAD_USER_INPUT', `index ${offset + count - 1} exceeds ${LIMITS.maxIndex}`);
    const plan = this.plan(where);
    const words = seedWords(seed);
    return Array.from({ length: count }, (_, i) => new Persona(this.engine, words, offset + i, plan));
  }

  /** One persona at (seed, index). */
  persona(seed: number | string, index: number, where: Where | null | undefined): Persona {
    if (!Number.isInteger(index) || index < 0) throw new PersonagenError('NEGATIVE_INDEX', `index must be >= 0, got ${index}`);
    return this.personas(seed, 1, index, where)[0];
  }

  /** The exact plan for `where` (null when unconditioned), cached by its normal form. */
  plan(where: Where | null | undefined): ConditionPlan | null {
    const conditions = this.conditions(where);
    if (conditions.values.size === 0 && conditions.ranges.size === 0) return null;
    const key = JSON.stringify([[...conditions.values], [...conditions.ranges]]);
    let plan = this.plans.get(key);
    if (plan) {
      this.plans.delete(key);
    } else {
      plan = planConditions(this.engine, conditions);
      if (this.plans.size >= PLAN_CACHE_SIZE) this.plans.delete(this.plans.keys().next().value!);
    }
    this.plans.set(key, plan);
    return plan;
  }

  /** Validates `where` into engine conditions (sorted, so equal filters give equal plans and ids). */
  conditions(where: Where | null | undefined): Conditions {
    const values = new Map<string, string[]>();
    const ranges = new Map<string, { gte: number; lte: number }>();
    for (const id of Object.keys(where ?? {}).sort()) {
      const filter = where![id];
      if (filter == null) continue;
      const dim = this.engine.dim(id);
      if (!dim.available) throw new PersonagenError('UNKNOWN_DIMENSION', `dimension "${id}" has no map yet`, { dimension: id });
      if ('gte' in filter || 'lte' in filter) {
        const r = filter as RangeFilter;
        const gte = r.gte ?? Number.NEGATIVE_INFINITY;
        const lte = r.lte ?? Number.POSITIVE_INFINITY;
        if (gte > lte) throw new PersonagenError('BAD_USER_INPUT', `${id}: gte ${gte} is greater than lte ${lte}`);
        if (gte !== Number.NEGATIVE_INFINITY || lte !== Number.POSITIVE_INFINITY) ranges.set(id, { gte, lte });
        continue;
      }
      const f = filter as ValueFilter;
      for (const v of [...(f.in ?? []), ...(f.notIn ?? [])]) {
        if (!dim.valueIndex.has(v)) throw new PersonagenError('BAD_USER_INPUT', `${id}: unknown value "${v}"`, { dimension: id, value: v });
      }
      if (f.in == null && f.notIn == null) continue;
      const excluded = new Set(f.notIn ?? []);
      const allowed = (f.in ?? dim.values).filter((v) => !excluded.has(v));
      if (allowed.length === 0) {
        throw new PersonagenError('UNSATISFIABLE_CONDITIONS', `${id}: in and notIn leave no value`, { dimensions: [id] });
      }
      values.set(id, [...new Set(allowed)].sort());
    }
    return { values, ranges };
  }

  /** The stable id of a persona: its address (map version, seed, index, conditions), base64url-encoded. */
  encodeId(p: Persona, seed: number | string): string {
    const c = p.plan?.conditions;
    const payload = [this.engine.registry.version.slice(0, 16), seed, p.index, [...(c?.values ?? [])], [...(c?.ranges ?? [])]];
    return `P1.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  }

  /** Decodes a persona id back to its address; rejects foreign ids and other map versions. */
  decodeId(id: string): { seed: number | string; index: number; where: Where } {
    let payload: unknown;
    try {
      if (!id.startsWith('P1.')) throw new Error('prefix');
      payload = JSON.parse(Buffer.from(id.slice(3), 'base64url').toString('utf8'));
    } catch {
      throw new PersonagenError('INVALID_ID', `"${id.slice(0, 64)}" is not a persona id`);
    }
    if (!Array.isArray(payload) || payload.length !== 5) throw new PersonagenError('INVALID_ID', 'malformed persona id');
    const [version, seed, index, values, ranges] = payload as [string, number | string, number, [string, string[]][], [string, { gte: number; lte: number }][]];
    if (version !== this.engine.registry.version.slice(0, 16)) {
      throw new PersonagenError('MAP_VERSION_MISMATCH', `persona id was made with maps ${version}; this server serves ${this.engine.registry.version.slice(0, 16)}`);
    }
    const where: Record<string, ValueFilter | RangeFilter> = {};
    for (const [k, v] of values) where[k] = { in: v };
    for (const [k, r] of ranges) where[k] = { gte: r.gte ?? null, lte: r.lte ?? null };
    return { seed, index, where };
  }
}

function checkSeed(seed: number | string): void {
  if (typeof seed === 'number' && !Number.isSafeInteger(seed)) throw new PersonagenError('BAD_USER_INPUT', 'an Int seed must be a safe integer');
  if (typeof seed === 'string' && (seed.length === 0 || seed.length > LIMITS.maxSeedLength)) {
    throw new PersonagenError('BAD_USER_INPUT', `a String seed must have 1-${LIMITS.maxSeedLength} characters`);
  }
}
