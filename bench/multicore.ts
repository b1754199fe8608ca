import { fork, type ChildProcess } from 'node:child_process';

/**
 * The multi-core speed-up of generation: personas are addressed by (map version, seed, index) and share no state,
 * so index ranges split across processes (or machines) without coordination. Times `total` full personas on 1
 * worker process and on `workers` processes (maps loaded before the clock starts).
 *
 * @example
 *   await multicoreSpeedup(40_000, 2) // { single: ..., parallel: ..., speedup: 1.9 }
 */
export async function multicoreSpeedup(total: number, workers: number) {
  const run = async (n: number) => {
    const share = Math.ceil(total / n);
    const children: ChildProcess[] = Array.from({ length: n }, (_, i) => fork(new URL('./multicoreWorker.ts', import.meta.url), [
      '7', String(i * share), String(Math.min(total, (i + 1) * share)),
    ], { execArgv: ['--import', 'tsx'] }));
    await Promise.all(children.map((c) => new Promise((resolve) => c.once('message', resolve))));
    const t = performance.now();
    await Promise.all(children.map((c) => new Promise((resolve) => { c.once('message', resolve); c.send('go'); })));
    const millis = performance.now() - t;
    for (const c of children) c.kill();
    return millis;
  };
  const single = await run(1);
  const parallel = await run(workers);
  return { total, workers, singleMillis: single, parallelMillis: parallel, speedup: single / parallel };
}
