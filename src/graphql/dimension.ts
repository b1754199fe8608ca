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
  provenance: Record<string, unknown>;
}

export function addDimension(builder: Builder) {
  const Provenance = builder.objectRef<ProvenanceEntry>('TableProvenance').implement({
    description: 'Where the numbers of one table of a dimension map come from.',
    fields: (t) => ({
      position: t.int({ resolve: (p) => p.table, description: 'Position of the table in the map (0 = the target marginal, 1.. the conditionals).' }),
      role: t.string({ resolve: (p) => p.role, description: '`target` (P(d | country), what the model is calibrated to) or `conditional` (P(d | country, given parents)).' }),
      given: t.stringList({ resolve: (p) => [...p.given], description: 'Parent dimensions a conditional is keyed by, besides the country.' }),
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
      values: t.field({ type: [DimensionValue], resolve: (d) => d.values.map((id) => ({ id, dim: d })) }),
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
        resolve: (d) => d.provenance.flatMap((p): ProvenanceEntry[] => [
          { table: p.table, role: p.role, given: p.given, provenance: p.provenance },
          ...Object.entries(p.rowProvenance ?? {}).map(([pattern, prov]) => ({ table: p.table, role: p.role, given: p.given, pattern, provenance: prov })),
        ]),
      }),
    }),
  });
  builder.queryFields((t) => ({
    dimensions: t.field({
      type: [DimensionRef],
      description: 'All catalogue dimensions in topological order (parents before children).',
      resolve: (_r, _a, ctx) => ctx.service.engine.registry.order.map((i) => ctx.service.engine.registry.dimensions[i]),
    }),
    dimension: t.field({
      type: DimensionRef,
      args: { id: t.arg.string({ required: true }) },
      resolve: (_r, args, ctx) => ctx.service.engine.dim(args.id),
    }),
  }));
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}
