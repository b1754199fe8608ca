import { loadService } from '../src/app.js';

/** One worker process of bench/multicore.ts: loads the maps, then fills full personas for its range of indices. */
const [seed, from, to] = process.argv.slice(2).map(Number);
const send = (message: unknown) => process.send!(message);
const { service } = loadService('maps');
const engine = service.engine;
const categorical = engine.registry.dimensions.filter((d) => d.available && (d.kind === 'enum' || d.kind === 'binned')).map((d) => d.id);
send('ready');
process.once('message', () => {
  const t = performance.now();
  let sink = 0;
  for (let offset = from; offset < to; offset += 1000) {
    for (const p of service.personas(seed, Math.min(1000, to - offset), offset, null)) {
      for (const id of categorical) p.valueId(id);
      sink += p.firstName().length + p.lastName().length + p.age();
    }
  }
  send({ millis: performance.now() - t, sink });
});
