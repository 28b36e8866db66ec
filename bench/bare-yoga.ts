/**
 * The reference for upstream-free operations (introspection): yoga with the gateway's schema
 * (src/dialects/basedash/graphql/schema.ts) and yoga's defaults, without the gateway's plugins, hardening, logging,
 * metrics or per-request context. Whatever the gateway spends beyond this is its own overhead.
 *
 * Environment: PORT (default 0). Prints `bare yoga listening on <url>` when ready.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createYoga } from 'graphql-yoga';
import { schema } from '../src/dialects/basedash/graphql/schema.js';

const yoga = createYoga({ schema, graphqlEndpoint: '/graphql', landingPage: false });
const server = createServer(yoga);

server.listen(Number(process.env['PORT'] ?? 0), '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`bare yoga listening on http://127.0.0.1:${port}/graphql\n`);
});

const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
