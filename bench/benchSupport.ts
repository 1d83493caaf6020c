// Small helpers of npm run bench: timing, memory sampling, the printed table.

import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
}

export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Runs f and returns its result and wall time in ms. */
export async function timed<T>(f: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t = performance.now();
  const value = await f();
  return { value, ms: performance.now() - t };
}

/** Resident set size in bytes of a process, from /proc (Linux); 0 when unreadable. */
function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+) kB/.exec(status);
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The postmaster's pid and its children's (the backends), from the data folder's postmaster.pid. */
function postgresPids(dataDir: string | null): number[] {
  if (!dataDir) return [];
  let master: number;
  try {
    master = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return [];
  }
  const pids = [master];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = /PPid:\s+(\d+)/.exec(readFileSync(`/proc/${entry}/status`, 'utf8'));
      if (ppid && Number(ppid[1]) === master) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

export interface MemoryPeak {
  /** This process (the in-process API server): peak RSS and peak V8 heap in use, bytes. */
  readonly serverRss: number;
  readonly serverHeap: number;
  /** V8 heap in use when sampling started, after a full collection: the peak's growth is serverHeap - this. */
  readonly serverHeapBefore: number;
  /** The Postgres processes of the bench's cluster: peak of the sum of their RSS (shared buffers they touched included). */
  readonly postgresRss: number;
}

/** Samples memory every `everyMs` until stopped; returns the peaks. */
export function sampleMemory(postgresDataDir: string | null, everyMs = 50): { stop(): MemoryPeak } {
  collectGarbage();
  const peak = { serverRss: 0, serverHeap: 0, serverHeapBefore: process.memoryUsage().heapUsed, postgresRss: 0 };
  let pids = postgresPids(postgresDataDir);
  let ticks = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peak.serverRss = Math.max(peak.serverRss, m.rss);
    peak.serverHeap = Math.max(peak.serverHeap, m.heapUsed);
    if (ticks++ % 20 === 0) pids = postgresPids(postgresDataDir);
    peak.postgresRss = Math.max(peak.postgresRss, pids.reduce((sum, pid) => sum + rssOf(pid), 0));
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { ...peak };
    },
  };
}

/**
 * A full V8 collection, so that heap figures count what is live: what the bench
 * process built before (a generated data set of a million leads) is garbage
 * until collected, and would read as the rescore's memory.
 */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

export interface TableRow {
  readonly metric: string;
  readonly value: string;
  readonly target: string;
  /** true: meets the target; false: misses it; null: no target. */
  readonly ok: boolean | null;
}

export function formatTable(rows: readonly TableRow[]): string {
  const header = ['measure', 'result', 'target (DESIGN.md)', 'met'];
  const cells = rows.map((r) => [r.metric, r.value, r.target, r.ok === null ? '' : r.ok ? 'yes' : 'NO']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}

export const mib = (bytes: number) => `${Math.round(bytes / 1048576)} MiB`;
