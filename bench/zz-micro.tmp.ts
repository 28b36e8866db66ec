import { EventEmitter } from 'node:events';
import { createGateway } from '../src/server.js';
import { UpstreamClient } from '../src/upstream/client.js';
import { BufferedRequest } from '../src/http/node-request.js';
import { createLogger } from '../src/observability/logger.js';
import { GatewayMetrics } from '../src/observability/metrics.js';
const client = new UpstreamClient({ baseUrl: new URL('http://127.0.0.1:9') });
const full = process.argv[2] === 'full';
const gw = createGateway({ client, ...(full ? { logger: createLogger('info', { write() {} } as never), metrics: new GatewayMetrics({ circuitState: () => 'closed' }) } : {}) });
const body = JSON.stringify({ query: 'query Q { __typename }' });
const req: any = { headers: { 'content-type': 'application/json', host: 'x', authorization: 'Bearer x' }, url: '/graphql', method: 'POST' };
async function run(n: number) { for (let i = 0; i < n; i++) { const res: any = new EventEmitter(); const r = await gw.yoga.handleRequest(new BufferedRequest(req, res, body) as any, undefined as never); await r.text(); } }
await run(3000);
const t = process.cpuUsage(); const n = 20000; await run(n); const u = process.cpuUsage(t);
console.log(full ? 'full' : 'bare-opts', ((u.user + u.system) / n).toFixed(1), 'µs/op');
