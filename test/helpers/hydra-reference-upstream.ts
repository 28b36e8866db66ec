/**
 * A second, separately written Hydra upstream, so the gateway is not tested only against its own
 * demo's habits: it speaks the older API Platform spelling (`hydra:member`, `hydra:totalItems`,
 * `hydra:view` / `hydra:next`, `hydra:Collection`), uses IRIs whose segment needs encoding
 * (`/api/organizations/acme%20corp`), sends organizations without `id`, and can answer the
 * collection with 404 or 405 as an API without a list would.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HydraReferenceUpstream {
  url: string;
  received: Array<{ method: string; url: string; accept: string | undefined }>;
  /** Status the collection answers instead of a page (e.g. 404, 405); undefined: a page. */
  collectionStatus: number | undefined;
  close(): Promise<void>;
}

export const REFERENCE_TOKEN = 'hydra-reference-token';
const NAMES = ['acme corp', 'beta/gamma', 'delta', 'epsilon', 'zeta'];

const item = (name: string) => ({
  '@id': `/api/organizations/${encodeURIComponent(name)}`,
  '@type': 'Organization',
  name: name.toUpperCase(),
  created_at: '2025-05-01T10:00:00+02:00',
});

export async function startHydraReferenceUpstream(): Promise<HydraReferenceUpstream> {
  const upstream: HydraReferenceUpstream = { url: '', received: [], collectionStatus: undefined, close: async () => {} };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://reference');
    upstream.received.push({ method: req.method ?? '', url: req.url ?? '', accept: req.headers.accept });
    const reply = (status: number, body?: unknown) => {
      res.writeHead(status, { 'content-type': status < 400 ? 'application/ld+json' : 'application/problem+json' });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${REFERENCE_TOKEN}`) return reply(401, { title: 'Unauthorized', status: 401 });
    if (url.pathname === '/api/organizations') {
      if (upstream.collectionStatus !== undefined) {
        return reply(upstream.collectionStatus, { 'hydra:title': 'An error occurred', 'hydra:description': 'No route found' });
      }
      const page = Number(url.searchParams.get('page') ?? '1');
      const size = Number(url.searchParams.get('itemsPerPage') ?? '2');
      const slice = NAMES.slice((page - 1) * size, page * size);
      const hasNext = page * size < NAMES.length;
      return reply(200, {
        '@context': '/api/contexts/Organization',
        '@id': '/api/organizations',
        '@type': 'hydra:Collection',
        'hydra:member': slice.map(item),
        'hydra:totalItems': NAMES.length,
        'hydra:view': {
          '@id': `/api/organizations?page=${page}`,
          '@type': 'hydra:PartialCollectionView',
          ...(hasNext ? { 'hydra:next': `/api/organizations?page=${page + 1}` } : {}),
        },
      });
    }
    const prefix = '/api/organizations/';
    if (req.method === 'GET' && url.pathname.startsWith(prefix)) {
      const name = decodeURIComponent(url.pathname.slice(prefix.length));
      return NAMES.includes(name) ? reply(200, item(name)) : reply(404, { title: 'Not Found', status: 404 });
    }
    reply(404, { title: 'Not Found', status: 404 });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  upstream.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  upstream.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return upstream;
}
