import type { Persona } from '../engine/Persona.js';
import type { Where } from '../engine/PersonaService.js';
import type { Builder } from './builder.js';
import type { DimensionEnums } from './enums.js';
import type { addWhereInput } from './where.js';

/** What a Persona field resolves against: the lazy engine handle and its address. */
export interface PersonaRoot {
  readonly persona: Persona;
  readonly seed: number | string;
}

const SCORE_FIELDS = ['neuroticism', 'extraversion', 'openness', 'agreeableness', 'conscientiousness'];
const INTEGER_FIELDS = ['childrenCount'];

/**
 * Adds `Node`, `Persona` (one field per available dimension; each resolver samples only that field and its
 * ancestors) and the `persona`, `personas` and `node` queries.
 *
 * @example
 *   addPersona(builder, enums, PersonaWhere)
 */
export function addPersona(builder: Builder, enums: DimensionEnums, PersonaWhere: ReturnType<typeof addWhereInput>) {
  const Node = builder.interfaceRef<PersonaRoot>('Node').implement({
    description: 'An object with a stable, globally unique id.',
    resolveType: () => 'Persona',
    fields: (t) => ({
      id: t.id({ description: 'Stable id encoding the address; `node(id)` returns the same object.', resolve: (r, _a, ctx) => ctx.service.encodeId(r.persona, r.seed) }),
    }),
  });
  const Money = builder.objectRef<{ amount: number; currency: string }>('Money').implement({
    description: 'An amount of money in a currency (ISO 4217).',
    fields: (t) => ({ amount: t.exposeFloat('amount'), currency: t.exposeString('currency') }),
  });

  const Persona = builder.objectRef<PersonaRoot>('Persona').implement({
    description: 'A synthetic person. Every field is sampled lazily and deterministically from (map version, seed, index, where): asking for fewer fields does less work, never changes the values.',
    interfaces: [Node],
    isTypeOf: (v) => typeof v === 'object' && v !== null && 'persona' in v,
    fields: (t) => {
      const fields: Record<string, unknown> = {
        seed: t.field({ type: 'Seed', resolve: (r) => r.seed }),
        index: t.int({ resolve: (r) => r.persona.index }),
        mapVersion: t.string({ description: 'Content hash of the maps this persona was drawn from.', resolve: (r) => r.persona.engine.registry.version }),
      };
      for (const [id, ref] of enums) {
        if (SCORE_FIELDS.includes(id)) {
          fields[id] = t.float({ description: `\`${id}\` score, BFI-2 domain mean 1-5.`, resolve: (r) => r.persona.score(id) });
          fields[`${id}Level`] = t.field({ type: ref, description: `\`${id}\` as a pooled-quintile level.`, resolve: (r) => r.persona.valueId(id) });
        } else {
          fields[id] = t.field({ type: ref, resolve: (r) => r.persona.valueId(id) });
        }
      }
      return fields as never;
    },
  });

  builder.objectFields(Persona, (t) => ({
    age: t.int({ description: 'Exact age in years on the reference date (realised from the age band).', resolve: (r) => r.persona.age() }),
    birthDate: t.field({ type: 'Date', description: 'Birth date consistent with `age` on the reference date.', resolve: (r) => r.persona.birthDate() }),
    birthYear: t.int({ resolve: (r) => r.persona.birthYear() }),
    firstName: t.string({ description: 'Given name fitting gender, birth decade, cultural origin, faith raised in and country.', resolve: (r) => r.persona.firstName() }),
    lastName: t.string({ description: 'Family name fitting cultural origin, faith raised in, country and region.', resolve: (r) => r.persona.lastName() }),
    fullName: t.string({ description: 'Name in the usual display order of the country of residence.', resolve: (r) => `${r.persona.firstName()} ${r.persona.lastName()}` }),
    incomeAmount: t.field({
      type: Money,
      nullable: true,
      description: 'Annual gross personal income in local currency, realised inside the income decile (null when `income` is NONE).',
      resolve: (r) => r.persona.income(),
    }),
    ...Object.fromEntries(INTEGER_FIELDS.map((id) => [id, t.int({ description: `Realised \`${id}\`.`, resolve: (r) => r.persona.integer(id) })])),
  }));

  builder.queryFields((t) => ({
    persona: t.field({
      type: Persona,
      description: 'The persona at `index` of `seed` (under optional conditions).',
      args: { seed: t.arg({ type: 'Seed', required: true }), index: t.arg.int({ required: true, defaultValue: 0 }), where: t.arg({ type: PersonaWhere }) },
      resolve: (_r, args, ctx) => track(ctx, { persona: ctx.service.persona(args.seed, args.index, args.where as Where), seed: args.seed }),
    }),
    personas: t.field({
      type: [Persona],
      description: 'Personas `offset` .. `offset + count - 1` of `seed`; pages are consistent (offset 500 count 10 = items 500-509 of count 1000). At most 10,000 per request.',
      args: {
        seed: t.arg({ type: 'Seed', required: true }),
        count: t.arg.int({ required: true, defaultValue: 10 }),
        offset: t.arg.int({ required: true, defaultValue: 0 }),
        where: t.arg({ type: PersonaWhere }),
      },
      resolve: (_r, args, ctx) => ctx.service.personas(args.seed, args.count, args.offset, args.where as Where)
        .map((persona) => track(ctx, { persona, seed: args.seed })),
    }),
    node: t.field({
      type: Node,
      nullable: true,
      description: 'Looks up an object by id (personas: regenerated from the address in the id).',
      args: { id: t.arg.id({ required: true }) },
      resolve: (_r, args, ctx) => {
        const { seed, index, where } = ctx.service.decodeId(String(args.id));
        return track(ctx, { persona: ctx.service.persona(seed, index, where), seed });
      },
    }),
  }));
}

function track(ctx: { personas: Persona[]; debug: boolean }, root: PersonaRoot): PersonaRoot {
  if (ctx.debug) ctx.personas.push(root.persona);
  return root;
}
