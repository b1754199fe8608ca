/**
 * Validates maps/ and samples personas to check the maps in use: every dimension given, its marginal per covered
 * country, zero-mass parent tuples (rules that leave nothing) and rule violations. For map authors.
 *
 * @example
 *   npx tsx pipeline/checkMaps.ts                 # everything
 *   npx tsx pipeline/checkMaps.ts smoking income  # marginals of these dimensions, 20,000 personas per country
 */
import { Engine } from '../src/engine/Engine.js';
import { Persona } from '../src/engine/Persona.js';
import { planConditions } from '../src/engine/conditionPlan.js';
import { buildRegistry } from '../src/engine/registry.js';
import { seedWords } from '../src/engine/rng.js';
import { readMapFiles } from '../src/maps/readMapFiles.js';

const ids = process.argv.slice(2);
const files = readMapFiles('maps');
let registry;
try {
  registry = buildRegistry(files.raw, files.version, { partial: true });
} catch (e) {
  console.error(`MAP ERROR: ${(e as Error).message}`);
  process.exit(1);
}
const engine = new Engine(registry);
for (const w of registry.warnings) console.log(`not checked yet: ${w}`);
const available = registry.dimensions.filter((d) => d.available);
console.log(`maps ok: ${available.length} dimensions available, countries ${registry.coveredCountries.join(', ')}, version ${files.version.slice(0, 12)}`);
const targets = ids.length > 0 ? ids.map((id) => engine.dim(id)).filter((d) => d.available) : available.filter((d) => d.kind !== 'string');
const N = Number(process.env.CHECK_N ?? 20000);
let failures = 0;
for (const country of registry.coveredCountries) {
  const plan = planConditions(engine, { values: new Map([['countryOfResidence', [country]]]), ranges: new Map() });
  const counts = new Map(targets.map((d) => [d.id, new Map<string, number>()]));
  const errors = new Map<string, number>();
  for (let i = 0; i < N; i++) {
    const p = new Persona(engine, seedWords(`check-${country}`), i, plan);
    for (const d of targets) {
      try {
        const v = d.id === 'firstName' ? p.firstName() : d.id === 'lastName' ? p.lastName() : p.valueId(d.id);
        const m = counts.get(d.id)!;
        m.set(v, (m.get(v) ?? 0) + 1);
      } catch (e) {
        const msg = (e as Error).message;
        errors.set(msg, (errors.get(msg) ?? 0) + 1);
      }
    }
  }
  console.log(`\n== ${country} (${N} personas)`);
  for (const d of targets) {
    const m = counts.get(d.id)!;
    const top = [...m].sort((a, b) => b[1] - a[1]).slice(0, d.kind === 'string' ? 12 : 60);
    console.log(`  ${d.id}: ${top.map(([v, c]) => `${v} ${(100 * c / N).toFixed(1)}%`).join(', ')}`);
  }
  for (const [msg, c] of errors) { failures++; console.log(`  ERROR x${c}: ${msg}`); }
}
process.exit(failures > 0 ? 1 : 0);
