import { describe, expect, it } from 'vitest';
import { PersonaService } from '../../src/engine/PersonaService.js';
import { seedWords } from '../../src/engine/rng.js';
import { Persona } from '../../src/engine/Persona.js';
import { loadEngine } from '../support/engine.js';

/** Properties of every realised and generated field over personas of all countries (random seeds, fixed here). */
describe('realised and generated fields', () => {
  const engine = loadEngine();
  const service = new PersonaService(engine);
  const personas = service.personas('fields', 3000, 0, null);

  it('fit the person: city in the region and urbanicity class, phone in the national plan, reserved e-mail domains', () => {
    for (const p of personas) {
      const region = p.valueId('region');
      const city = p.city();
      const list = engine.registry.cities!.regions[region][p.valueId('urbanicity') as 'largeCity'];
      expect(list.names, `${city} in ${region}`).toContain(city);
      const phone = p.phone();
      expect(phone.e164).toMatch(/^\+\d{8,15}$/);
      const plan = engine.registry.phone!.countries[p.valueId('countryOfResidence')];
      expect(phone.e164.startsWith(`+${plan.callingCode}`)).toBe(true);
      expect(phone.fictional).toBe(plan.fictional);
      if (p.valueId('countryOfResidence') === 'GB') expect(phone.e164).toMatch(/^\+447700900\d{3}$/);
      if (p.valueId('countryOfResidence') === 'US') expect(phone.e164).toMatch(/^\+1\d{3}55501\d{2}$/);
      expect(p.username()).toMatch(/^[a-z0-9._]+$/);
      const email = p.email();
      expect(email).toMatch(/^[a-z0-9._]+@example\.(com|net|org)$/);
      expect(p.email(true).split('@')[0]).toBe(email.split('@')[0]);
      expect(p.email(true).split('@')[1]).not.toMatch(/^example\./);
    }
  });

  it('keep derived fields consistent with the dimensions they come from', () => {
    const refYear = Number(engine.referenceDate.slice(0, 4));
    for (const p of personas) {
      const h = p.score('height');
      expect(p.weightKg()).toBeCloseTo(p.score('bmi') * (h / 100) ** 2, 0);
      const type = p.valueId('householdType');
      const size = p.householdSize();
      if (type === 'livesAlone') expect(size).toBe(1);
      else if (type === 'couple') expect(size).toBe(2);
      else expect(size).toBeGreaterThanOrEqual(2);
      expect(size).toBeLessThanOrEqual(15);
      const gender = p.valueId('genderIdentity');
      expect(p.pronouns()).toBe(gender === 'woman' ? 'she/her' : gender === 'man' ? 'he/him' : p.pronouns());
      expect(p.iscoMajorGroup() === null).toBe(p.valueId('occupation') === 'neverWorked');
      const generation = p.valueId('migrationGeneration');
      const arrival = p.yearOfArrival();
      expect(arrival !== null).toBe(generation.startsWith('firstGen'));
      if (arrival !== null) expect(arrival >= p.birthYear() && arrival <= refYear).toBe(true);
      const hobbies = p.setItems('hobbies');
      expect(hobbies.length >= 2 && hobbies.length <= 5, hobbies.join()).toBe(true);
      const languages = p.setItems('otherLanguages');
      expect(languages.length).toBeLessThanOrEqual(4);
      const native = p.valueId('nativeLanguage');
      if (native !== 'other') expect(languages).not.toContain(native);
      if (p.valueId('internetHoursPerDay') === 'offline') expect(p.setItems('socialMediaPlatforms')).toEqual([]);
      const residence = p.valueId('countryOfResidence');
      const citizenships = p.citizenships();
      const nationality = p.valueId('nationality');
      if (nationality === 'residenceCountry') expect(citizenships).toEqual([residence]);
      if (nationality === 'dual') expect(citizenships[0]).toBe(residence);
      if (nationality !== 'residenceCountry' && nationality !== 'dual') expect(citizenships).not.toContain(residence);
      expect(p.countryOfBirthCode()).toMatch(/^[A-Z]{2}$/);
      if (p.valueId('countryOfBirth') === residence) expect(p.countryOfBirthCode()).toBe(residence);
      expect(p.censusEthnicity().label.length).toBeGreaterThan(1);
    }
  });

  it('are deterministic and lazy: the same address gives the same strings, asking for a city samples only its closure', () => {
    const [a] = service.personas('fields', 1, 17, null);
    const b = new Persona(engine, seedWords('fields'), 17, null);
    expect(b.city()).toBe(a.city());
    const closure = engine.registry.closures[engine.dim('city').index].map((i) => engine.registry.dimensions[i].id).filter((id) => id !== 'city');
    expect(b.sampledDimensions().filter((id) => id !== 'city').sort()).toEqual(closure.sort());
    const c = new Persona(engine, seedWords('fields'), 17, null);
    expect([c.email(), c.username(), c.phone().e164, c.fullName()]).toEqual([a.email(), a.username(), a.phone().e164, a.fullName()]);
  });
});
