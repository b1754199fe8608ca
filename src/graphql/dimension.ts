import { PersonagenError } from '../engine/PersonagenError.js';
import type { Dimension } from '../engine/registry.js';
import type { Builder } from './builder.js';
import { enumValueName } from './naming.js';

/**
 * Adds `Dimension` (tier, kind, parents, values, provenance of every table) and the `dimensions` and
 * `dimension(id)` queries, so users can see where each number comes from.
 *
 * @example
 *   { dimension(id: "smoking") { parents provenance { kind source table year method } } }
 */
interface ProvenanceEntry {
  table: number;
  role: string;
  given: readonly string[];
  pattern?: string;
  item?: string;
  provenance: Record<string, unknown>;
}

/** Provenance entries of a dimension's tables and row overrides; a set's come from its item dimensions. */
function provenanceEntries(d: Dimension, all: readonly Dimension[]): ProvenanceEntry[] {
  const own = (dim: Dimension, item?: string) => dim.provenance.flatMap((p): ProvenanceEntry[] => [
    { table: p.table, role: p.role, given: p.given, item, provenance: p.provenance },
    ...Object.entries(p.rowProvenance ?? {}).map(([pattern, prov]) => ({ table: p.table, role: p.role, given: p.given, item, pattern, provenance: prov })),
  ]);
  return d.itemDims ? d.itemDims.flatMap((k, j) => own(all[k], d.items![j])) : own(d);
}

export function addDimension(builder: Builder) {
  const Provenance = builder.objectRef<ProvenanceEntry>('TableProvenance').implement({
    description: 'Where the numbers of one table of a dimension map come from.',
    fields: (t) => ({
      position: t.int({ resolve: (p) => p.table, description: 'Position of the table in the map (0 = the target marginal, 1.. the conditionals).' }),
      role: t.string({ resolve: (p) => p.role, description: '`target` (P(d | country), what the model is calibrated to) or `conditional` (P(d | country, given parents)).' }),
      given: t.stringList({ resolve: (p) => [...p.given], description: 'Parent dimensions a conditional is keyed by, besides the country.' }),
      item: t.string({ nullable: true, resolve: (p) => p.item ?? null, description: 'For a set dimension: the item whose table this is.' }),
      rows: t.string({ nullable: true, resolve: (p) => p.pattern ?? null, description: 'Row pattern this entry covers (null: the whole table).' }),
      kind: t.string({ resolve: (p) => String(p.provenance.kind), description: '`published` (cited public source) or `estimate`.' }),
      source: t.string({ nullable: true, resolve: (p) => str(p.provenance.source) }),
      table: t.string({ nullable: true, resolve: (p) => str(p.provenance.table) }),
      year: t.int({ nullable: true, resolve: (p) => (typeof p.provenance.year === 'number' ? p.provenance.year : null) }),
      url: t.string({ nullable: true, resolve: (p) => str(p.provenance.url) }),
      method: t.string({ nullable: true, resolve: (p) => str(p.provenance.method) }),
      basis: t.string({ nullable: true, resolve: (p) => str(p.provenance.basis) }),
      note: t.string({ nullable: true, resolve: (p) => str(p.provenance.note) }),
    }),
  });
  const ProvenanceSummary = builder.objectRef<{ tables: number; published: number; estimated: number; sources: string[] }>('ProvenanceSummary').implement({
    fields: (t) => ({
      tables: t.exposeInt('tables', { description: 'Tables in the map (target + conditionals; for sets, over all items).' }),
      published: t.exposeInt('published', { description: 'Provenance entries (tables or row patterns) citing a published source.' }),
      estimated: t.exposeInt('estimated', { description: 'Provenance entries that are estimates (method and basis given).' }),
      sources: t.exposeStringList('sources', { description: 'The published sources cited.' }),
    }),
  });
  const DimensionValue = builder.objectRef<{ id: string; dim: Dimension }>('DimensionValue').implement({
    fields: (t) => ({
      id: t.string({ resolve: (v) => v.id, description: 'Catalogue value (camelCase) or bin label.' }),
      graphqlValue: t.string({ nullable: true, resolve: (v) => (v.dim.kind === 'enum' ? enumValueName(v.id) : null), description: 'The GraphQL enum value, for enum dimensions.' }),
    }),
  });
  const DimensionRef = builder.objectRef<Dimension>('Dimension').implement({
    description: 'One of the 77 catalogue dimensions.',
    fields: (t) => ({
      id: t.exposeString('id'),
      tier: t.exposeInt('tier', { description: '0 given at birth, 1 upbringing, 2 adult circumstances, 3 choices and behaviour.' }),
      kind: t.exposeString('kind', { description: 'enum, binned, set or string.' }),
      parents: t.stringList({ resolve: (d) => [...d.parentIds] }),
      values: t.field({ type: [DimensionValue], description: 'Values (enum), bins (binned) or items (set); empty for generated strings.', resolve: (d) => (d.kind === 'string' ? [] : (d.items ?? d.values).map((id) => ({ id, dim: d }))) }),
      available: t.exposeBoolean('available', { description: 'Whether maps/ has a model for it yet (unavailable dimensions are not Persona fields).' }),
      description: t.exposeString('description'),
      why: t.exposeString('why', { description: 'Why these parents.' }),
      source: t.exposeString('source', { description: 'Data sources named by the catalogue.' }),
      combinationMethod: t.string({
        nullable: true,
        resolve: (d) => d.combination?.method ?? null,
        description: 'How the map pipeline combines the target and the conditionals (chosen per dimension by the combination harness).',
      }),
      provenance: t.field({
        type: [Provenance],
        description: 'Every table and row pattern with its provenance (for a set: the tables of each item, `item` set).',
        resolve: (d, _a, ctx) => provenanceEntries(d, ctx.service.engine.registry.dimensions),
      }),
      provenanceSummary: t.field({
        type: ProvenanceSummary,
        description: 'How many tables (and row overrides) cite a published source and how many are estimates.',
        resolve: (d, _a, ctx) => {
          const entries = provenanceEntries(d, ctx.service.engine.registry.dimensions);
          const published = entries.filter((e) => e.provenance.kind === 'published');
          return {
            tables: new Set(entries.map((e) => `${e.item ?? ''}#${e.table}`)).size,
            published: published.length,
            estimated: entries.length - published.length,
            sources: [...new Set(published.map((e) => String(e.provenance.source)))].sort(),
          };
        },
      }),
    }),
  });
  builder.queryFields((t) => ({
    dimensions: t.field({
      type: [DimensionRef],
      description: 'All catalogue dimensions in topological order (parents before children).',
      resolve: (_r, _a, ctx) => ctx.service.engine.registry.order.map((i) => ctx.service.engine.registry.dimensions[i]).filter((d) => d.itemOf === undefined),
    }),
    dimension: t.field({
      type: DimensionRef,
      args: { id: t.arg.string({ required: true }) },
      resolve: (_r, args, ctx) => {
        const d = ctx.service.engine.dim(args.id);
        // Item dimensions of sets are an implementation detail: the set is the dimension users see.
        if (d.itemOf !== undefined) throw new PersonagenError('UNKNOWN_DIMENSION', `unknown dimension "${args.id}"`, { dimension: args.id });
        return d;
      },
    }),
  }));
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}
