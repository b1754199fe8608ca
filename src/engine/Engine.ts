import { compileNameTables, type NameTables } from './nameTables.js';
import { compileCities, type CompiledCities } from './pickCity.js';
import { compilePhonePlan, type CompiledPhonePlan } from './phoneNumber.js';
import type { RealiseSpec } from './mapSchema.js';
import type { Dimension, Registry } from './registry.js';
import { PersonagenError } from './PersonagenError.js';

/**
 * The registry plus what sampling needs at run time: compiled name tables, realisation specs by dimension and the
 * reference date. Immutable and shared by all personas.
 *
 * @example
 *   const engine = new Engine(buildRegistry(raw, version));
 *   engine.dim('age').values // ['18-24', ...]
 */
export class Engine {
  readonly names?: NameTables;
  readonly cities?: CompiledCities;
  readonly phone?: CompiledPhonePlan;
  readonly referenceDate: string;
  private readonly specs = new Map<string, RealiseSpec>();
  /** Weights buffer for one conditional draw; sampling is synchronous and never nests a draw inside a draw. */
  readonly scratch: Float64Array;
  /** Weights of a whole interleaved item group (groupWeights). */
  readonly groupScratch: Float64Array;

  constructor(readonly registry: Registry) {
    if (registry.firstNames && registry.lastNames) this.names = compileNameTables(registry.firstNames, registry.lastNames);
    if (registry.cities) this.cities = compileCities(registry.cities);
    if (registry.phone) this.phone = compilePhonePlan(registry.phone);
    for (const spec of registry.realise.values()) this.specs.set(spec.type === 'incomeDeciles' ? 'income' : spec.dimension, spec);
    const age = this.specs.get('age');
    this.referenceDate = (age?.type === 'integer' && age.referenceDate) || '2025-07-01';
    this.scratch = new Float64Array(Math.max(...registry.dimensions.map((d) => d.values.length), 1));
    this.groupScratch = new Float64Array(Math.max(...registry.dimensions.flatMap((d) => d.itemGroups?.map((g) => g.width) ?? []), 1));
  }

  /** The dimension with this id, or an UNKNOWN_DIMENSION error. */
  dim(id: string): Dimension {
    const d = this.registry.byId.get(id);
    if (!d) throw new PersonagenError('UNKNOWN_DIMENSION', `unknown dimension "${id}"`, { dimension: id });
    return d;
  }

  /** The realisation spec of a binned dimension (or income), if maps/realise has one. */
  spec<T extends RealiseSpec['type']>(dimension: string, type: T): Extract<RealiseSpec, { type: T }> | undefined {
    const s = this.specs.get(dimension);
    return s?.type === type ? (s as Extract<RealiseSpec, { type: T }>) : undefined;
  }
}
