import type { Engine } from '../engine/Engine.js';
import type { Persona } from '../engine/Persona.js';
import type { Where } from '../engine/PersonaService.js';
import type { Builder } from './builder.js';
import type { DimensionEnums } from './enums.js';
import type { addWhereInput } from './where.js';

/** What a Persona field resolves against: the lazy engine handle and its address. */
export interface PersonaRoot {
  readonly persona: Persona;
  readonly seed: number | string;
  readonly where: Where | null | undefined;
}

const SCORE_FIELDS = ['neuroticism', 'extraversion', 'openness', 'agreeableness', 'conscientiousness'];
/** Binned dimensions realised to a number: the field is the number, `<id>Band` the bin children condition on. */
const NUMBER_FIELDS: Record<string, { type: 'int' | 'float'; description: string }> = {
  childrenCount: { type: 'int', description: 'Number of children ever had.' },
  siblingCount: { type: 'int', description: 'Number of siblings (full or half) the person grew up with or has.' },
  height: { type: 'int', description: 'Adult height in centimetres.' },
  bmi: { type: 'float', description: 'Body-mass index, kg/m².' },
  internetHoursPerDay: { type: 'float', description: 'Hours a day online, any device.' },
  lifeSatisfaction: { type: 'int', description: 'Life evaluation on the Cantril ladder, 0 (worst possible life) to 10 (best).' },
};

/**
 * Adds `Node`, `Persona` (one field per available dimension; each resolver samples only that field and its
 * ancestors) and the `persona`, `personas` and `node` queries.
 *
 * @example
 *   addPersona(builder, engine, enums, PersonaWhere)
 */
export function addPersona(builder: Builder, engine: Engine, enums: DimensionEnums, PersonaWhere: ReturnType<typeof addWhereInput>) {
  const available = (id: string) => engine.registry.byId.get(id)?.available === true;
  const Node = builder.interfaceRef<PersonaRoot>('Node').implement({
    description: 'An object with a stable, globally unique id.',
    resolveType: () => 'Persona',
    fields: (t) => ({
      id: t.id({ description: 'Stable id encoding the address; `node(id)` returns the same object.', resolve: (r, _a, ctx) => ctx.service.encodeId(r.persona, r.seed, r.where) }),
    }),
  });
  const Money = builder.objectRef<{ amount: number; currency: string }>('Money').implement({
    description: 'An amount of money in a currency (ISO 4217).',
    fields: (t) => ({ amount: t.exposeFloat('amount'), currency: t.exposeString('currency') }),
  });

  const CensusLabel = builder.objectRef<{ label: string; scheme: string }>('CensusEthnicity').implement({
    description: 'An ethnicity label in a national classification.',
    fields: (t) => ({ label: t.exposeString('label'), scheme: t.exposeString('scheme', { description: 'The national classification the label comes from.' }) }),
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
        const dim = engine.registry.byId.get(id)!;
        if (dim.kind === 'set') {
          fields[id] = t.field({ type: [ref], description: `\`${id}\`: ${dim.description}`, resolve: (r) => r.persona.setItems(id) });
        } else if (SCORE_FIELDS.includes(id)) {
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
    fullName: t.string({ description: 'Name in the usual display order of the country of residence.', resolve: (r) => r.persona.fullName() }),
    incomeAmount: t.field({
      type: Money,
      nullable: true,
      description: 'Annual gross personal income in local currency, realised inside the income decile (null when `income` is NONE).',
      resolve: (r) => r.persona.income(),
    }),
    birthDecade: t.int({ description: 'Decade of birth (1980 for 1980-1989), the key of the name tables.', resolve: (r) => Math.floor(r.persona.birthYear() / 10) * 10 }),
    ageBand: t.string({ description: 'The age bin (`18-24` ... `85+`) that other dimensions condition on.', resolve: (r) => r.persona.valueId('age') }),
    ...Object.fromEntries(Object.entries(NUMBER_FIELDS).filter(([id]) => available(id)).flatMap(([id, f]) => [
      [id, f.type === 'int'
        ? t.int({ description: f.description, resolve: (r) => (r.persona.engine.spec(id, 'integer') ? r.persona.integer(id) : Math.round(r.persona.score(id))) })
        : t.float({ description: f.description, resolve: (r) => r.persona.score(id) })],
      [`${id}Band`, t.string({ description: `The \`${id}\` bin that other dimensions condition on.`, resolve: (r) => r.persona.valueId(id) })],
    ])),
    ...(available('bmi') && available('height') ? { weightKg: t.float({ description: 'Body weight in kg, derived as BMI × height².', resolve: (r) => r.persona.weightKg() }) } : {}),
    ...(available('householdType') ? { householdSize: t.int({ description: 'People in the household, realised from the household type (1-15).', resolve: (r) => r.persona.householdSize() }) } : {}),
    ...(available('genderIdentity') ? { pronouns: t.string({ description: 'Pronouns (she/her, he/him, they/them, ...), derived from gender identity.', resolve: (r) => r.persona.pronouns() }) } : {}),
    ...(available('occupation') ? { iscoMajorGroup: t.int({ nullable: true, description: 'ISCO-08 major group (first digit of the occupation; 0 = armed forces); null if never worked.', resolve: (r) => r.persona.iscoMajorGroup() }) } : {}),
    ...(available('migrationGeneration') ? { yearOfArrival: t.int({ nullable: true, description: 'Year the person arrived in the country of residence (first generation only).', resolve: (r) => r.persona.yearOfArrival() }) } : {}),
    ...(available('religiosity') && available('diet') ? { dietaryLaws: t.stringList({ description: 'Religious dietary laws implied by the current religion: `halal`, `kosher`, `jain`.', resolve: (r) => r.persona.dietaryLaws() }) } : {}),
    ...(available('ethnicity') && available('culturalOrigin') ? {
      censusEthnicity: t.field({
        type: CensusLabel,
        description: 'The label the national census (or, where there is none, official statistics) would use for this person, from ethnicity x cultural origin x country.',
        resolve: (r) => r.persona.censusEthnicity(),
      }),
      countryOfBirthCode: t.string({ description: 'ISO 3166-1 alpha-2 country of birth (a bucket such as OTHER_ASIA_PACIFIC realised by cultural origin).', resolve: (r) => r.persona.countryOfBirthCode() }),
    } : {}),
    ...(available('nationality') ? { citizenships: t.stringList({ description: 'Citizenships as ISO 3166-1 alpha-2 codes (residence first for citizens), resolved from `nationality`.', resolve: (r) => r.persona.citizenships() }) } : {}),
    ...(available('city') ? { city: t.string({ description: 'A place in the region matching the urbanicity class, population-weighted (GeoNames).', resolve: (r) => r.persona.city() }) } : {}),
    ...(available('phoneNumber') ? {
      phoneNumber: t.string({ description: 'Mobile number in E.164 (+4477009001234). From the regulator\'s range reserved for fiction where one exists (see `phoneNumberFictional`).', resolve: (r) => r.persona.phone().e164 }),
      phoneNumberNational: t.string({ description: 'The same number as written inside the country (07700 900123).', resolve: (r) => r.persona.phone().national }),
      phoneNumberFictional: t.boolean({ description: 'True when the number comes from a range the regulator reserves for drama, so it reaches nobody; false where no such range exists (the number is plausible but may be in service).', resolve: (r) => r.persona.phone().fictional }),
    } : {}),
    ...(available('username') ? { username: t.string({ description: 'Handle built from name fragments, birth year and tech-savviness.', resolve: (r) => r.persona.username() }) } : {}),
    ...(available('email') ? {
      email: t.string({
        description: 'E-mail address. Domains are RFC 2606 reserved (example.com/.net/.org) unless `realistic: true`, which gives the provider drawn for the country and age (e.g. web.de, naver.com).',
        args: { realistic: t.arg.boolean({ defaultValue: false, required: true }) },
        resolve: (r, args) => r.persona.email(args.realistic),
      }),
    } : {}),
  }));

  builder.queryFields((t) => ({
    persona: t.field({
      type: Persona,
      description: 'The persona at `index` of `seed` (under optional conditions).',
      args: { seed: t.arg({ type: 'Seed', required: true }), index: t.arg.int({ required: true, defaultValue: 0 }), where: t.arg({ type: PersonaWhere }) },
      resolve: (_r, args, ctx) => track(ctx, { persona: ctx.service.persona(args.seed, args.index, args.where as Where), seed: args.seed, where: args.where as Where }),
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
        .map((persona) => track(ctx, { persona, seed: args.seed, where: args.where as Where })),
    }),
    node: t.field({
      type: Node,
      nullable: true,
      description: 'Looks up an object by id (personas: regenerated from the address in the id).',
      args: { id: t.arg.id({ required: true }) },
      resolve: (_r, args, ctx) => {
        const { seed, index, where } = ctx.service.decodeId(String(args.id));
        return track(ctx, { persona: ctx.service.persona(seed, index, where), seed, where });
      },
    }),
  }));
}

function track(ctx: { personas: Persona[]; debug: boolean }, root: PersonaRoot): PersonaRoot {
  if (ctx.debug) ctx.personas.push(root.persona);
  return root;
}
