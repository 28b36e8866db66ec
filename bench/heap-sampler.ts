/**
 * A debug hook for `npm run bench:promoted`, loaded into the gateway process with `--import`
 * (never by src/ itself, and only when BENCH_HEAP_SAMPLER=1). Over the IPC channel the bench
 * opened, `{ type: 'heap-sampling', action: 'start', id }` starts V8's sampling heap profiler and
 * `{ type: 'heap-sampling', action: 'stop', file, id }` writes its profile to `file`.
 *
 * Samples of objects freed by scavenges are dropped and those freed by full GCs kept: the profile
 * shows what was promoted to (or allocated in) the old space and died there, plus what is still
 * live. That is the memory that grows the old space between full GCs, and with it peak RSS.
 */
import { writeFileSync } from 'node:fs';
import type { HeapProfiler } from 'node:inspector';
import { Session } from 'node:inspector/promises';

interface SamplingMessage {
  type?: string;
  action?: 'start' | 'stop';
  file?: string;
  id?: number;
}

if (process.env['BENCH_HEAP_SAMPLER'] === '1' && process.send) {
  const session = new Session();
  session.connect();
  process.on('message', (message: SamplingMessage) => {
    if (message.type !== 'heap-sampling') return;
    const answer = (result: { ok: true } | { error: string }) => process.send?.({ id: message.id, ...result });
    const done =
      message.action === 'start'
        ? session.post('HeapProfiler.startSampling', {
            samplingInterval: 16_384,
            // Chrome DevTools protocol flags that @types/node does not list yet.
            includeObjectsCollectedByMajorGC: true,
            includeObjectsCollectedByMinorGC: false,
          } as HeapProfiler.StartSamplingParameterType)
        : session.post('HeapProfiler.stopSampling').then(({ profile }) => writeFileSync(message.file as string, JSON.stringify(profile)));
    done.then(
      () => answer({ ok: true }),
      (error: unknown) => answer({ error: error instanceof Error ? error.message : String(error) }),
    );
  });
  // The sampler must never keep the gateway alive, nor change how it shuts down.
  process.channel?.unref();
}
