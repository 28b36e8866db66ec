/**
 * A debug hook for the soak run, loaded into the gateway process with `--import` (never by
 * src/ itself, and only when BENCH_HEAP_PROBE=1): over the IPC channel the soak opened, it answers
 * `{ type: 'memory', gc?: boolean, id }` with the process's memory figures, after a full garbage
 * collection when asked and when node runs with --expose-gc. No HTTP endpoint, nothing in src/.
 */
import { getHeapStatistics } from 'node:v8';

export interface MemoryReport {
  id?: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  /** Bytes V8 may still grow the heap to. */
  heapSizeLimit: number;
  gcForced: boolean;
}

if (process.env['BENCH_HEAP_PROBE'] === '1' && process.send) {
  process.on('message', (message: { type?: string; gc?: boolean; id?: number }) => {
    if (message.type !== 'memory') return;
    const gc = (globalThis as { gc?: () => void }).gc;
    const gcForced = message.gc === true && typeof gc === 'function';
    if (gcForced) {
      // Twice: the first pass can leave garbage that only finalizers freed.
      gc();
      gc();
    }
    const usage = process.memoryUsage();
    const report: MemoryReport = {
      ...(message.id === undefined ? {} : { id: message.id }),
      rss: usage.rss,
      heapUsed: usage.heapUsed,
      heapTotal: usage.heapTotal,
      external: usage.external,
      arrayBuffers: usage.arrayBuffers,
      heapSizeLimit: getHeapStatistics().heap_size_limit,
      gcForced,
    };
    process.send?.(report);
  });
  // The probe must never keep the gateway alive, nor change how it shuts down.
  process.channel?.unref();
}
