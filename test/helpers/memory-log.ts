/** A pino destination that keeps the lines it is given, for tests that read the gateway's logs. */
import { Writable } from 'node:stream';

/** Collects pino's JSON lines. */
export function memoryLog() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { stream, lines, entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}
