import { conditionalWeights } from './conditionalWeights.js';
import { censusEthnicity, type CensusEthnicity } from './censusEthnicity.js';
import { householdSize } from './householdSize.js';
import { emailParts, reservedDomain, username } from './identifiers.js';
import { displayName, firstNameFor, lastNameFor, type NameGender, type NameTables } from './nameTables.js';
import { birthCountryCode, nationalities } from './originCountry.js';
import { PersonaSampler } from './PersonaSampler.js';
import { PersonagenError } from './PersonagenError.js';
import { phoneNumber, type PhoneNumber } from './phoneNumber.js';
import { pickCity, type UrbanicityClass } from './pickCity.js';
import { birthDate, realiseIncome, realiseInteger, realiseScore } from './realise.js';
import { hashString, uniform01 } from './rng.js';
import { applyCountRule } from './setCountRule.js';

const streamKeys = new Map<string, number>();
/** Stream key of a realisation ("age#exact"): hashed once per process, not once per persona. */
function keyOf(name: string): number {
  let k = streamKeys.get(name);
  if (k === undefined) streamKeys.set(name, (k = hashString(name)));
  return k;
}

/**
 * A lazy persona: a handle on an address (seed, index) and optional conditions. Its categorical values come from
 * PersonaSampler (each dimension after its parents, on its own stream); this class realises the fields from them
 * (sets, numbers, names, places, identifiers), so asking for k fields samples exactly the union of their ancestor
 * closures, and each value is the same whichever other fields were asked for.
 *
 * @example
 *   const p = new Persona(engine, seedWords(42), 0, null);
 *   p.valueId('occupation'); p.age(); p.firstName();
 *   p.sampledCount // dimensions sampled so far
 */
export class Persona extends PersonaSampler {
  /**
   * The items of a set dimension, in catalogue order. Each item is its own yes/no dimension; a count rule in
   * `maps/realise/<id>.json` (e.g. hobbies 2-5) then drops random items above the maximum and tops up below the
   * minimum with items drawn by their own probability for this person, from the set's realisation stream. Items a
   * condition includes are never dropped, items it excludes never added.
   */
  setItems(id: string): string[] {
    return this.memo(`${id}#items`, () => {
      const dim = this.engine.dim(id);
      if (!dim.itemDims || !dim.items) throw new PersonagenError('INTERNAL', `${id} is not a set`);
      this.get(dim.index); // samples the items (and records the set as sampled)
      const held: number[] = [];
      const rest: number[] = [];
      dim.itemDims.forEach((k, j) => (this.get(k) === 1 ? held : rest).push(j));
      const spec = this.engine.spec(id, 'setCount');
      if (!spec || (held.length <= spec.max && held.length >= spec.min)) return held.map((j) => dim.items![j]);
      // Conditions: an included item (likelihood 0 for "no") is never dropped, an excluded one never added.
      const evidence = this.plan?.evidence;
      const itemDims = dim.itemDims;
      const w = this.engine.scratch;
      const restProbability = rest.map((j) => {
        if (evidence?.get(itemDims[j])?.lik[1] === 0) return 0;
        const mass = conditionalWeights(this.engine.registry.dimensions[itemDims[j]], this.values, w);
        return mass > 0 ? w[1] / mass : 0;
      });
      const g = this.stream(keyOf(`${id}#count`));
      const kept = applyCountRule(held, rest, spec, (j) => evidence?.get(itemDims[j])?.lik[0] === 0, restProbability, () => uniform01(g));
      return kept.map((j) => dim.items![j]);
    });
  }
  age(): number {
    return this.integer('age');
  }

  /** Birth date (ISO) consistent with `age()` on the reference date. */
  birthDate(): string {
    return this.memo('birthDate', () => birthDate(this.engine.referenceDate, this.age(), uniform01(this.stream(keyOf('age#birthDate')))));
  }

  /** Birth year, used by the name tables (birth decade). */
  birthYear(): number {
    return Number(this.birthDate().slice(0, 4));
  }

  /** Realised integer of a binned dimension (age, childrenCount), truncated to any range condition on it. */
  integer(id: string): number {
    return this.memo(id, () => {
      const spec = this.engine.spec(id, 'integer');
      if (!spec) throw new PersonagenError('INTERNAL', `maps/realise/${id}.json is missing`);
      const dim = this.engine.dim(id);
      return realiseInteger(spec, dim.values[this.get(dim.index)], uniform01(this.stream(keyOf(`${id}#exact`))), this.plan?.ranges.get(dim.index));
    });
  }

  /** Realised score of a binned score dimension (Big Five 1-5). */
  score(id: string): number {
    return this.memo(id, () => {
      const spec = this.engine.spec(id, 'score');
      if (!spec) throw new PersonagenError('INTERNAL', `maps/realise/${id}.json is missing`);
      const dim = this.engine.dim(id);
      return realiseScore(spec, dim.values[this.get(dim.index)], uniform01(this.stream(keyOf(`${id}#score`))), this.plan?.ranges.get(dim.index));
    });
  }

  /** Annual gross personal income in local currency, or null for no income. */
  income(): { amount: number; currency: string } | null {
    return this.memo('income', () => {
      const spec = this.engine.spec('income', 'incomeDeciles');
      if (!spec) throw new PersonagenError('INTERNAL', 'maps/realise/income.json is missing');
      const range = this.plan?.ranges.get(this.engine.dim('income').index);
      return realiseIncome(spec, this.valueId('countryOfResidence'), this.valueId('income'), uniform01(this.stream(keyOf('income#amount'))), range);
    });
  }

  /** Weight in kg: BMI x height², rounded to 0.1 kg (derived, not a dimension). */
  weightKg(): number {
    return this.memo('weightKg', () => Math.round(this.score('bmi') * (this.score('height') / 100) ** 2 * 10) / 10);
  }

  /** People in the household, realised from the household type (householdSize). */
  householdSize(): number {
    return this.memo('householdSize', () => {
      const g = this.stream(keyOf('householdType#size'));
      return householdSize(this.valueId('householdType'), this.age(), () => this.integer('childrenCount'), () => uniform01(g));
    });
  }

  /** Pronouns from gender identity; non-binary people mostly use they/them, some she/they or he/they. */
  pronouns(): string {
    return this.memo('pronouns', () => {
      const gender = this.valueId('genderIdentity');
      if (gender === 'woman') return 'she/her';
      if (gender === 'man') return 'he/him';
      const u = uniform01(this.stream(keyOf('genderIdentity#pronouns')));
      return u < 0.7 ? 'they/them' : u < 0.85 ? 'she/they' : 'he/they';
    });
  }

  /** ISCO-08 major group (first digit of the occupation's sub-major group; 0 = armed forces), null if never worked. */
  iscoMajorGroup(): number | null {
    const occupation = this.valueId('occupation');
    return occupation.startsWith('isco') ? Number(occupation[4]) : null;
  }

  /**
   * Year of arrival for the first generation (null otherwise): arrived as a child at 0-17, or as an adult at 18 or
   * later with most arrivals in the twenties (migration peaks at young working ages).
   */
  yearOfArrival(): number | null {
    return this.memo('yearOfArrival', () => {
      const generation = this.valueId('migrationGeneration');
      if (generation !== 'firstGenArrivedChild' && generation !== 'firstGenArrivedAdult') return null;
      const age = this.age();
      const u = uniform01(this.stream(keyOf('migrationGeneration#arrival')));
      const arrivalAge = generation === 'firstGenArrivedChild' ? Math.floor(u * Math.min(18, age + 1)) : 18 + Math.floor((age - 18 + 1) * u * u);
      return this.birthYear() + Math.min(arrivalAge, age);
    });
  }

  /**
   * Religious dietary laws implied by the current religion: halal for Muslims, kosher for observant Jews, Jain rules
   * for vegetarian North Indians of the `other` religion (Jains are counted there).
   */
  dietaryLaws(): string[] {
    const religion = this.valueId('religion');
    if (religion === 'sunniMuslim' || religion === 'shiaMuslim') return ['halal'];
    if (religion === 'jewish') return ['moderate', 'devout'].includes(this.valueId('religiosity')) ? ['kosher'] : [];
    if (religion === 'other' && this.valueId('culturalOrigin') === 'northIndian' && ['vegetarian', 'vegan'].includes(this.valueId('diet'))) return ['jain'];
    return [];
  }

  /** The label the national census (or official statistics) would give this person's ethnicity and origin. */
  censusEthnicity(): CensusEthnicity {
    return this.memo('censusEthnicity', () => {
      const spec = this.engine.spec('censusEthnicity', 'censusEthnicity');
      if (!spec) throw new PersonagenError('INTERNAL', 'maps/realise/censusEthnicity.json is missing');
      return censusEthnicity(spec, this.valueId('countryOfResidence'), this.valueId('ethnicity'), this.valueId('culturalOrigin'));
    });
  }

  /** ISO 3166-1 alpha-2 country of birth: the value itself, or a country of its bucket drawn by cultural origin. */
  countryOfBirthCode(): string {
    return this.memo('countryOfBirthCode', () => {
      const spec = this.engine.spec('countryOfBirth', 'originCountries');
      if (!spec) throw new PersonagenError('INTERNAL', 'maps/realise/originCountries.json is missing');
      const g = this.stream(keyOf('countryOfBirth#code'));
      return birthCountryCode(spec, this.valueId('countryOfBirth'), this.valueId('culturalOrigin'), () => uniform01(g), this.valueId('countryOfResidence'));
    });
  }

  /** Citizenships as ISO codes, resolved from `nationality`, residence, birth country and heritage. */
  citizenships(): string[] {
    return this.memo('citizenships', () => {
      const spec = this.engine.spec('countryOfBirth', 'originCountries');
      if (!spec) throw new PersonagenError('INTERNAL', 'maps/realise/originCountries.json is missing');
      const g = this.stream(keyOf('nationality#codes'));
      return nationalities(spec, {
        nationality: this.valueId('nationality'), residence: this.valueId('countryOfResidence'), birthCode: this.countryOfBirthCode(), origin: this.valueId('culturalOrigin'),
      }, () => uniform01(g));
    });
  }

  /** Username from name fragments, birth year and tech-savviness (older users name+digits, younger abstract handles). */
  username(): string {
    return this.generatedString('username', (g) => username(this.firstName(), this.lastName(), this.birthYear(), this.age(), this.dim('techSavviness'), () => uniform01(g)));
  }

  /** E-mail address: on an RFC 2606 reserved domain unless `realistic`, then at a provider drawn by country and age. */
  email(realistic = false): string {
    const address = this.generatedString('email', (g) => {
      const spec = this.engine.spec('email', 'emailProviders');
      if (!spec) throw new PersonagenError('INTERNAL', 'maps/realise/email.json is missing');
      const { local, domain } = emailParts(spec, this.valueId('countryOfResidence'), this.age(), this.username(), this.firstName(), this.lastName(), () => uniform01(g));
      return `${local}@${domain}`;
    });
    if (realistic) return address;
    const at = address.lastIndexOf('@');
    return `${address.slice(0, at)}@${reservedDomain(address.slice(at + 1))}`;
  }

  /** A place in the person's region, of their urbanicity class, population-weighted (maps/cities.json). */
  city(): string {
    return this.generatedString('city', (g) => {
      if (!this.engine.cities) throw new PersonagenError('INTERNAL', 'maps/cities.json is missing');
      return pickCity(this.engine.cities, this.valueId('region'), this.valueId('urbanicity') as UrbanicityClass, uniform01(g));
    });
  }

  /**
   * A mobile number following the country's numbering plan, from the regulator's range reserved for fiction where
   * there is one (maps/phone.json). Mobile numbers are not geographic, so the city is not used.
   */
  phone(): PhoneNumber {
    return this.memo('phoneNumber', () => {
      let result: PhoneNumber | undefined;
      this.generatedString('phoneNumber', (g) => {
        if (!this.engine.phone) throw new PersonagenError('INTERNAL', 'maps/phone.json is missing');
        result = phoneNumber(this.engine.phone, this.valueId('countryOfResidence'), () => uniform01(g));
        return result.e164;
      });
      return result!;
    });
  }
  private nameTables(): NameTables {
    if (!this.engine.names) throw new PersonagenError('INTERNAL', 'maps/names is missing');
    return this.engine.names;
  }
  /**
   * First name: a mixture of the heritage table (culturalOrigin x religion raised x gender x birth decade) and the
   * host-country table (country x gender x birth decade), weighted by lambda (dimensions.md Appendix C; docs/names.md).
   */
  firstName(): string {
    return this.generatedString('firstName', (g) => firstNameFor(this.nameTables(), {
      origin: this.valueId('culturalOrigin'),
      religion: this.valueId('religionRaised'),
      gender: this.valueId('genderIdentity') as NameGender,
      sexAtBirth: this.valueId('sex') === 'female' ? 'F' : 'M',
      birthYear: this.birthYear(),
      country: this.valueId('countryOfResidence'),
      bornHere: this.valueId('countryOfBirth') === this.valueId('countryOfResidence'),
    }, () => uniform01(g)));
  }

  /**
   * Last name from the surname tables of (culturalOrigin, religion raised, country, region), with the national
   * conventions: two surnames in ES/MX/AR (and often BR), feminine forms, patronymic family names (docs/names.md).
   */
  lastName(): string {
    return this.generatedString('lastName', (g) => lastNameFor(this.nameTables(), {
      origin: this.valueId('culturalOrigin'),
      religion: this.valueId('religionRaised'),
      country: this.valueId('countryOfResidence'),
      region: this.valueId('region'),
      sex: this.valueId('sex') === 'female' ? 'F' : 'M',
      bornHere: this.valueId('countryOfBirth') === this.valueId('countryOfResidence'),
      birthYear: this.birthYear(),
    }, () => uniform01(g)));
  }

  /** Full name in the country's display order: family name first for Japanese and Korean residents of those origins. */
  fullName(): string {
    return displayName(this.firstName(), this.lastName(), this.valueId('countryOfResidence'), this.valueId('culturalOrigin'));
  }
}
