/**
 * A dialect's demo upstream as a process of its own, so its CPU does not mix with the load
 * generator's or the gateway's. Rate limit off, fault injection only through its HTTP control
 * (`POST /__demo/faults`), request recording bounded.
 *
 * Environment: DEMO_DIALECT (default basedash), DEMO_PORT (default 0), DEMO_ORGANIZATIONS (default
 * 120, Basedash only), DEMO_MAX_RECORDED (default 0: keep none). Prints `demo upstream listening on
 * <url>` when ready.
 *
 * Over IPC (when started with one) it answers `{ type: 'count', id }` with `{ id, count }`: how many
 * API requests it has received (control requests excluded), which the benchmark divides by the
 * operations it sent to get upstream calls per operation.
 */
import { startDemoUpstream } from '../src/dialects/basedash/demo/upstream.js';
import { loadDialect } from '../src/dialects/index.js';
import { DIALECT_NAMES } from '../src/dialects/names.js';

function whole(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number ≥ 0, got ${raw}`);
  return value;
}

const dialect = DIALECT_NAMES.find((name) => name === (process.env['DEMO_DIALECT'] ?? 'basedash'));
if (!dialect) throw new RangeError(`DEMO_DIALECT must be one of ${DIALECT_NAMES.join(', ')}`);
const options = { port: whole('DEMO_PORT', 0), maxRecordedRequests: whole('DEMO_MAX_RECORDED', 0) };
const demo =
  dialect === 'basedash'
    ? await startDemoUpstream({ ...options, organizations: whole('DEMO_ORGANIZATIONS', 120), rateLimit: false })
    : await (await loadDialect(dialect)).startDemo(options);

// The demo records each API request with requests.push() (and trims to the bound afterwards); the
// count of pushes is the count of requests received, whatever the bound. Counting here keeps the
// benchmark's instrumentation out of src/.
let received = 0;
const push = demo.requests.push.bind(demo.requests);
demo.requests.push = (...items) => {
  received += items.length;
  return push(...items);
};

process.on('message', (message: { type?: string; id?: number }) => {
  if (message.type === 'count') process.send?.({ id: message.id, count: received });
});
// The channel must not keep the process alive once the parent is gone.
process.channel?.unref();
process.on('disconnect', () => void demo.close().then(() => process.exit(0)));

const stop = () => void demo.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

process.stdout.write(`demo upstream listening on ${demo.url}\n`);
