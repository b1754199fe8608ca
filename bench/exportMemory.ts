import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { serverBundle } from '../test/support/startServer.js';

/** Resident memory of a process in MB (Linux /proc), or NaN once it has exited. */
function rssOf(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;
  } catch {
    return Number.NaN;
  }
}

/**
 * Runs the export CLI as a user would (`npm run export -- --count N`: the bundle, 3 fields, NDJSON to stdout) in its own process
 * and samples its RSS every 100 ms. Constant memory shows as an RSS that stays at its level once the first 10,000
 * personas are out (maps loaded, code warm), whatever the count.
 *
 * @example
 *   await exportMemory(1_000_000) // { seconds, rssAfterFirstPageMB, rssPeakMB, rssLastMB }
 */
export async function exportMemory(count: number): Promise<{ count: number; seconds: number; megabytesOut: number; rssAfterFirstPageMB: number; rssPeakMB: number; rssLastMB: number }> {
  const cli = join(dirname(await serverBundle()), 'cli.js');
  const child = spawn(process.execPath, ['--enable-source-maps', cli, '--count', String(count), '--fields', 'fullName,age,occupation'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const t = performance.now();
  let bytes = 0;
  let lines = 0;
  let first = Number.NaN;
  let peak = 0;
  let last = 0;
  const sampler = setInterval(() => {
    const rss = rssOf(child.pid!);
    if (!(rss > 0) || lines < 10_000) return;
    if (Number.isNaN(first)) first = rss;
    peak = Math.max(peak, rss);
    last = rss;
  }, 100);
  child.stdout!.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
  });
  return await new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      clearInterval(sampler);
      if (code !== 0 || lines !== count) reject(new Error(`export exited with ${code} after ${lines} of ${count} personas`));
      else resolve({ count, seconds: (performance.now() - t) / 1000, megabytesOut: bytes / 1e6, rssAfterFirstPageMB: first, rssPeakMB: peak, rssLastMB: last });
    });
  });
}
