import type { EmailSpec } from './mapSchema.js';

/** A source of uniform numbers in [0, 1): one persona's stream for one field. */
export type Uniform = () => number;

/**
 * A name fragment usable in a handle: diacritics and apostrophes removed, lower case, ASCII letters and digits.
 *
 * @example
 *   handlePart("Zoë O'Connor-Núñez") // 'zoeoconnornunez'
 */
export function handlePart(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss').replace(/[æÆ]/g, 'ae').replace(/[øØ]/g, 'o').replace(/[łŁ]/g, 'l').replace(/[ıİ]/g, 'i').replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

// Word lists for abstract handles (the gamer-tag style of young and tech-savvy users).
const ADJECTIVES = ['quiet', 'rapid', 'lucky', 'silver', 'cosmic', 'happy', 'misty', 'brave', 'pixel', 'neon', 'lazy', 'wild', 'sunny', 'frosty', 'crimson', 'golden', 'hidden', 'electric', 'urban', 'velvet', 'atomic', 'northern', 'little', 'midnight'];
const NOUNS = ['falcon', 'otter', 'panda', 'comet', 'river', 'tiger', 'ninja', 'maple', 'wolf', 'pixel', 'rocket', 'fox', 'dragon', 'lemon', 'cactus', 'storm', 'koala', 'raven', 'mango', 'badger', 'orbit', 'echo', 'wave', 'nova'];

const pick = <T>(list: readonly T[], u: number): T => list[Math.min(list.length - 1, Math.floor(u * list.length))];

/**
 * A username built like real ones: older and less tech-savvy people use their name with birth-year digits,
 * younger and tech-savvy people more often an abstract handle. `savvy` is 0 (veryLow) .. 4 (expert).
 *
 * @example
 *   username('Anna', 'Schmidt', 1987, 2, rng) // 'anna.schmidt87'
 */
export function username(first: string, last: string, birthYear: number, age: number, savvy: number, u: Uniform): string {
  const f = handlePart(first);
  const l = handlePart(last.split(/[\s-]/)[0] ?? last);
  const yy = String(birthYear % 100).padStart(2, '0');
  const abstractShare = Math.min(0.75, Math.max(0.03, 0.08 + savvy * 0.1 + (age < 30 ? 0.2 : age < 45 ? 0.05 : -0.05)));
  if (!f || !l || u() < abstractShare) {
    const digits = u() < 0.6 ? String(Math.floor(u() * 1000)) : '';
    const base = u() < 0.5 || !f ? `${pick(ADJECTIVES, u())}${pick(NOUNS, u())}` : `${f}${pick(NOUNS, u())}`;
    return `${base}${digits}`;
  }
  const n = String(1 + Math.floor(u() * 99));
  const patterns = [
    `${f}.${l}`, `${f}${l}`, `${f}.${l}${yy}`, `${f}${l}${yy}`, `${f[0]}${l}`, `${f[0]}${l}${n}`, `${f}_${l}`, `${f}${yy}`, `${l}.${f}`, `${f}${l}${n}`,
  ];
  return pick(patterns, u());
}

/**
 * An e-mail address as local part and provider domain: the local part reuses the username or a name pattern; the
 * provider is drawn from the country's shares for the person's age group.
 *
 * @example
 *   emailParts(spec, 'DE', 41, 'anna.schmidt87', 'Anna', 'Schmidt', rng) // { local: 'anna.schmidt87', domain: 'web.de' }
 */
export function emailParts(spec: EmailSpec, country: string, age: number, handle: string, first: string, last: string, u: Uniform): { local: string; domain: string } {
  const f = handlePart(first);
  const l = handlePart(last.split(/[\s-]/)[0] ?? last);
  const local = u() < 0.55 || !f || !l ? handle : pick([`${f}.${l}`, `${f}${l}`, `${f[0]}.${l}`, `${f}.${l}${Math.floor(u() * 100)}`], u());
  const providers = spec.countries[country] ?? spec.countries['*'];
  const group = age < 35 ? 0 : age < 55 ? 1 : 2;
  let total = 0;
  for (const p of providers) total += p.shares[group];
  let target = u() * total;
  let domain = providers[providers.length - 1].domain;
  for (const p of providers) {
    target -= p.shares[group];
    if (target < 0) { domain = p.domain; break; }
  }
  return { local, domain };
}

/**
 * The RFC 2606 reserved domain (example.com / .net / .org) standing in for a provider, so that no generated address
 * can reach a real mailbox; each provider always maps to the same one.
 *
 * @example
 *   reservedDomain('gmail.com') // 'example.org'
 */
export function reservedDomain(domain: string): string {
  return RESERVED[hash(domain) % RESERVED.length];
}

const RESERVED = ['example.com', 'example.net', 'example.org'];

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) >>> 0;
  return h;
}
