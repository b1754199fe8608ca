import { faker } from '@faker-js/faker';

/**
 * The fake-data baseline: `@faker-js/faker` making an uncorrelated person with 10 fields, in the same process as
 * the engine timings (µs per person, median of runs). Seeded per person, as personagen addresses personas.
 *
 * @example
 *   fakerPersonMicros(20000, 9) // about 10-20 µs on this machine
 */
export function fakerPersonMicros(n: number, runs: number): number {
  const per: number[] = [];
  let sink = 0;
  for (let r = 0; r < runs; r++) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < n; i++) {
      faker.seed(r * n + i);
      const sex = faker.person.sexType();
      const person = {
        firstName: faker.person.firstName(sex),
        lastName: faker.person.lastName(sex),
        sex,
        birthdate: faker.date.birthdate({ mode: 'age', min: 18, max: 90 }),
        email: faker.internet.email(),
        phone: faker.phone.number(),
        jobTitle: faker.person.jobTitle(),
        city: faker.location.city(),
        country: faker.location.country(),
        street: faker.location.streetAddress(),
      };
      sink += person.firstName.length;
    }
    per.push(Number(process.hrtime.bigint() - t) / 1000 / n);
  }
  if (sink < 0) throw new Error('unreachable');
  return [...per].sort((a, b) => a - b)[Math.floor(per.length / 2)];
}
