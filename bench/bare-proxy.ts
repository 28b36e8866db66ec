/**
 * The ceiling for any gateway that makes one upstream call per request: a node:http server that
 * forwards each REST request unchanged to the upstream through an undici Pool (the same transport
 * and pool size the gateway uses) and copies the answer back. No parsing, validation, logging or
 * GraphQL; only the headers a REST client needs cross it.
 *
 * Environment: UPSTREAM_URL (required), PORT (default 0), UPSTREAM_CONNECTIONS (default 64, as the
 * gateway). Prints `bare proxy listening on <url>` when ready.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';

const upstream = process.env['UPSTREAM_URL'];
if (!upstream) throw new Error('UPSTREAM_URL is required');
const origin = new URL(upstream).origin;
const pool = new Pool(origin, { connections: Number(process.env['UPSTREAM_CONNECTIONS'] ?? 64), keepAliveTimeout: 10_000 });

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  if (req.method === 'GET' || req.method === 'HEAD') return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const server = createServer((req, res) => {
  void (async () => {
    try {
      const body = await readBody(req);
      // The client's Accept and Content-Type cross unchanged: each dialect has its own media types.
      const headers: Record<string, string> = { accept: req.headers.accept ?? 'application/json' };
      if (req.headers.authorization) headers['authorization'] = req.headers.authorization;
      if (req.headers['content-type']) headers['content-type'] = req.headers['content-type'];
      const answer = await pool.request({
        path: req.url ?? '/',
        method: req.method === 'POST' ? 'POST' : (req.method as 'GET'),
        headers,
        body,
      });
      const payload = Buffer.from(await answer.body.arrayBuffer());
      const contentType = answer.headers['content-type'];
      res.writeHead(answer.statusCode, {
        'content-type': typeof contentType === 'string' ? contentType : 'application/json',
        'content-length': payload.length,
      });
      res.end(payload);
    } catch {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
      res.end('{"error":{"title":"BadGateway","detail":"upstream failed"}}');
    }
  })();
});

server.listen(Number(process.env['PORT'] ?? 0), '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`bare proxy listening on http://127.0.0.1:${port}\n`);
});

const stop = () => {
  server.close(() => void pool.close().then(() => process.exit(0)));
  server.closeAllConnections();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
