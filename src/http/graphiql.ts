/**
 * GraphiQL served by the gateway itself, so it works on a network without internet: a small page
 * at the GraphQL endpoint for a browser (GET, Accept: text/html) and the editor's script, styles and
 * Monaco workers under `/graphql/graphiql/<version>/`, taken from @graphql-yoga/render-graphiql's
 * bundle. yoga's own page loads them from unpkg.
 *
 * Not render-graphiql's `renderGraphiQL` behind yoga's option of that name: it inlines the whole
 * 9 MB bundle into every page view, where nothing can be cached, and runs it as inline script with
 * blob: workers, which a Content-Security-Policy would have to allow; nor can yoga's renderer set
 * response headers. Here the page carries only its options, the assets are cached for good under a
 * content hash, and the page's CSP allows scripts, workers and requests from this origin only.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { GraphiQLOptions, Plugin } from 'graphql-yoga';

export interface SelfHostedGraphiQLOptions {
  /** Path of the GraphQL endpoint: the page is served there, and sends its operations there. */
  endpoint: string;
  /** The page's title, also shown next to the logo. */
  title: string;
  /** What the query editor opens with (a `?query=` link aside); tabs the browser kept stay beside it. */
  defaultQuery: string;
  /** Headers the Headers tab starts with, e.g. the demo token. @default none */
  headers?: Record<string, string>;
}

/**
 * The page's policy. Styles may be inline: Monaco adds <style> elements and React sets style
 * attributes. Fonts and images also come as data: URLs from the stylesheet. No framing, since the
 * page may hold a token.
 */
export const GRAPHIQL_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * What the page hands to YogaGraphiQL. Options it does not know go on to GraphiQL's props, as
 * `initialQuery` and `initialHeaders` here.
 */
type PageOptions = GraphiQLOptions & { initialQuery: string; initialHeaders?: string };

/** Serves GraphiQL's page and assets; install it only when GraphiQL is on (yoga's own `graphiql: false`). */
export function useSelfHostedGraphiQL(options: SelfHostedGraphiQLOptions): Plugin {
  const { endpoint, title, defaultQuery } = options;
  const assetsPath = `${endpoint}/graphiql/`;
  const headers = options.headers ? JSON.stringify(options.headers, null, 2) : undefined;
  // GraphiQL restores the tabs stored for this origin and activates the one whose query and headers
  // equal initialQuery and initialHeaders, or adds it. With only defaultQuery, a browser that has
  // been here before opens an empty new tab, so the example goes in as initialQuery too. A ?query=
  // link (YogaGraphiQL keeps the query being edited in the URL) opens that query instead.
  const pageOptions = (query: string | null): PageOptions => ({
    title,
    endpoint,
    defaultQuery,
    initialQuery: query || defaultQuery,
    ...(headers ? { headers, initialHeaders: headers } : {}),
  });
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      // GraphQL POSTs, nearly all traffic, pass straight on.
      if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
      // As yoga decides when to show its GraphiQL (shouldRenderGraphiQL in its use-graphiql.ts).
      if (
        request.method === 'GET' &&
        (url.pathname === endpoint || url.pathname === `${endpoint}/`) &&
        request.headers.get('accept')?.includes('text/html')
      ) {
        return loadAssets().then((assets) => {
          endResponse(
            new fetchAPI.Response(renderPage(`${assetsPath}${assets.version}/`, pageOptions(url.searchParams.get('query'))), {
              headers: {
                'content-type': 'text/html; charset=utf-8',
                'content-security-policy': GRAPHIQL_CSP,
                // The options may hold a token (the demo's); the page is small, so it is never stored.
                'cache-control': 'no-store',
                'referrer-policy': 'no-referrer',
                'x-content-type-options': 'nosniff',
              },
            }),
          );
        });
      }
      if (!url.pathname.startsWith(assetsPath)) return undefined;
      return loadAssets().then(async (assets) => {
        const [version, name, ...rest] = url.pathname.slice(assetsPath.length).split('/');
        const asset = version === assets.version && rest.length === 0 && name !== undefined ? assets.files.get(name) : undefined;
        if (!asset) {
          endResponse(new fetchAPI.Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } }));
          return;
        }
        const compressed = acceptsGzip(request.headers.get('accept-encoding'));
        const body = compressed ? await gzipped(asset) : asset.body;
        endResponse(
          new fetchAPI.Response(request.method === 'HEAD' ? null : body, {
            headers: {
              'content-type': asset.contentType,
              'content-length': String(body.byteLength),
              // The version in the path is a hash of every file, so a URL never changes content.
              'cache-control': 'public, max-age=31536000, immutable',
              'x-content-type-options': 'nosniff',
              vary: 'accept-encoding',
              ...(compressed ? { 'content-encoding': 'gzip' } : {}),
            },
          }),
        );
      });
    },
  };
}

function renderPage(base: string, options: PageOptions): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(options.title ?? 'GraphiQL')}</title>
    <link rel="icon" href="${base}favicon.ico" />
    <link rel="stylesheet" href="${base}graphiql.css" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>GraphiQL needs JavaScript.</noscript>
    <div id="root"></div>
    <script type="application/json" id="graphiql-options">${jsonInHtml(options)}</script>
    <script src="${base}graphiql.js"></script>
  </body>
</html>
`;
}

/** Around the bundle: before it, Monaco learns that its workers sit next to this script; after it, GraphiQL starts with the page's options. */
const BOOT_BEFORE = `(function () {
  var here = document.currentScript.src;
  var files = { editorWorkerService: 'editor.worker.js', json: 'json.worker.js', graphql: 'graphql.worker.js' };
  self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: function (moduleId, label) { return new URL(files[label], here).href; } };
})();
`;
const BOOT_AFTER = `
;YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), JSON.parse(document.getElementById('graphiql-options').textContent));
`;

interface Asset {
  contentType: string;
  body: Uint8Array<ArrayBuffer>;
  /** The body gzipped, made on the first request that accepts gzip. */
  gzipped?: Promise<Uint8Array<ArrayBuffer>>;
}

interface Assets {
  /** A hash of every file, the path segment before the file name. */
  version: string;
  files: Map<string, Asset>;
}

let assets: Promise<Assets> | undefined;

/**
 * Loaded on the first GraphiQL request, not at start-up: the bundle is 9 MB of source that a
 * gateway nobody opens in a browser (or with GRAPHIQL off) should not parse or hold.
 */
function loadAssets(): Promise<Assets> {
  assets ??= buildAssets().catch((error: unknown) => {
    assets = undefined;
    throw error;
  });
  return assets;
}

async function buildAssets(): Promise<Assets> {
  const bundle = await import('@graphql-yoga/render-graphiql/graphiql');
  const favicon = /^data:([^;,]+);base64,(.*)$/s.exec(bundle.favicon);
  const javascript = 'text/javascript; charset=utf-8';
  const sources: Array<[name: string, contentType: string, body: Buffer<ArrayBuffer>]> = [
    ['graphiql.js', javascript, Buffer.from(BOOT_BEFORE + bundle.js + BOOT_AFTER)],
    ['graphiql.css', 'text/css; charset=utf-8', Buffer.from(bundle.css)],
    ['editor.worker.js', javascript, Buffer.from(bundle.editorWorkerService)],
    ['json.worker.js', javascript, Buffer.from(bundle.jsonWorker)],
    ['graphql.worker.js', javascript, Buffer.from(bundle.graphqlWorker)],
  ];
  if (favicon) sources.push(['favicon.ico', favicon[1]!, Buffer.from(favicon[2]!, 'base64')]);
  const hash = createHash('sha256');
  for (const [name, , body] of sources) hash.update(name).update('\0').update(body);
  return {
    version: hash.digest('hex').slice(0, 16),
    files: new Map(sources.map(([name, contentType, body]) => [name, { contentType, body }])),
  };
}

const compress = promisify(gzip);

/** In zlib's pool threads, not on the event loop: compressing the bundle takes a few hundred milliseconds. */
function gzipped(asset: Asset): Promise<Uint8Array<ArrayBuffer>> {
  asset.gzipped ??= compress(asset.body) as Promise<Uint8Array<ArrayBuffer>>;
  return asset.gzipped;
}

/** Whether an Accept-Encoding header takes gzip (and does not refuse it with q=0). */
export function acceptsGzip(header: string | null): boolean {
  if (!header) return false;
  return header.split(',').some((entry) => {
    const [coding, ...parameters] = entry.split(';').map((part) => part.trim().toLowerCase());
    return coding === 'gzip' && !parameters.some((parameter) => /^q=0(\.0{0,3})?$/.test(parameter));
  });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** JSON for a <script type="application/json"> element: no `<`, so no `</script>` can end it early. */
function jsonInHtml(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
