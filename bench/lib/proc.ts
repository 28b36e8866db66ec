/**
 * Linux /proc readers: CPU time and memory of one process, busy time of the whole machine, and a
 * sampler for peak RSS. Reading /proc costs the measured process nothing, unlike an in-process probe.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Clock ticks per second of utime/stime in /proc/<pid>/stat (almost always 100). */
export const CLOCK_TICKS: number = (() => {
  try {
    const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return Number.isInteger(ticks) && ticks > 0 ? ticks : 100;
  } catch {
    return 100;
  }
})();

/** User + system CPU time the process has used so far, in milliseconds. */
export function cpuTimeMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) is in parentheses and may contain spaces: split after its last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state), so utime (field 14) and stime (field 15) are fields[11] and [12].
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / CLOCK_TICKS;
}

export interface MemoryStatus {
  /** Resident set size now, bytes. */
  rss: number;
  /** Peak resident set size over the process's life (VmHWM), bytes. */
  hwm: number;
}

export function memoryStatus(pid: number): MemoryStatus {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

/** The process's direct children (Linux ≥ 3.5 exposes them per thread). */
export function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

export function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}

export interface MachineCpu {
  /** Busy time of all cores together, ms. */
  busyMs: number;
  /** Busy + idle time of all cores together, ms. */
  totalMs: number;
}

/** The machine's CPU counters from the first line of /proc/stat. */
export function machineCpu(): MachineCpu {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal guest guest_nice; guest time is already in user.
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = values;
  const busy = user + nice + system + irq + softirq + steal;
  const toMs = (ticks: number) => (ticks * 1000) / CLOCK_TICKS;
  return { busyMs: toMs(busy), totalMs: toMs(busy + idle + iowait) };
}

/** Cores kept busy by everything on the machine over `ms` (call it while the bench's own servers are idle). */
export async function machineLoad(ms: number): Promise<number> {
  const before = machineCpu();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = machineCpu();
  return (after.busyMs - before.busyMs) / ms;
}

/** Samples VmRSS of some processes at a fixed interval and keeps the largest value seen per process. */
export class RssSampler {
  private readonly peaks = new Map<number, number>();
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly pids: readonly number[],
    private readonly intervalMs = 100,
  ) {}

  start(): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
    return this;
  }

  /** Stops sampling; returns peak RSS (bytes) per pid. */
  stop(): Map<number, number> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.sample();
    return new Map(this.peaks);
  }

  private sample(): void {
    for (const pid of this.pids) {
      try {
        const { rss } = memoryStatus(pid);
        if (!(rss <= (this.peaks.get(pid) ?? 0))) this.peaks.set(pid, rss);
      } catch {
        // The process may have exited; its last peak stays.
      }
    }
  }
}
