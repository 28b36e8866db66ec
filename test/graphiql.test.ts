/**
 * GraphiQL without a CDN, over real HTTP: the page a browser gets at GET /graphql references
 * nothing on another host, the gateway serves every file it references, and the page carries the
 * example query and the demo token. test/graphiql-browser.test.ts runs it in a real Chromium.
 */
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptsGzip, GRAPHIQL_CSP } from '../src/http/graphiql.js';
import { GRAPHIQL_EXAMPLE } from '../src/dialects/basedash/graphql/schema.js';
import { DEMO_TOKENS, startStack, type Stack } from './helpers/stack.js';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

async function openPage(url: string): Promise<{ response: Response; html: string }> {
  const response = await fetch(url, { headers: { accept: BROWSER_ACCEPT } });
  return { response, html: await response.text() };
}

/**
 * Every URL a page or stylesheet can make a browser load: src, href, srcset, action, poster and
 * data attributes, CSS url() and @import, and JavaScript import statements and calls.
 */
function referencedUrls(text: string): string[] {
  const patterns = [
    /\s(?:src|href|action|poster|data|formaction)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi,
    /\ssrcset\s*=\s*(?:"([^"]*)"|'([^']*)')/gi,
    /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)]*))\s*\)/gi,
    /@import\s+(?:"([^"]*)"|'([^']*)')/gi,
    /\bimport\s*(?:\(\s*)?(?:[\w{}*\s,]+from\s*)?(?:"([^"]*)"|'([^']*)')/g,
  ];
  const urls: string[] = [];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      const value = match
        .slice(1)
        .find((group) => group !== undefined)!
        .trim();
      if (pattern.source.includes('srcset')) urls.push(...value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]!));
      else urls.push(value);
    }
  }
  return urls;
}

/** The origin a reference resolves to from `base`, or 'data:' for inline data. */
function originOf(reference: string, base: string): string {
  const url = new URL(reference, base);
  return url.protocol === 'data:' ? 'data:' : url.origin;
}

/** The options the page hands to GraphiQL (its JSON data block). */
function pageOptions(html: string): Record<string, unknown> {
  const block = /<script type="application\/json" id="graphiql-options">([^<]*)<\/script>/.exec(html);
  expect(block, 'the page has its options block').not.toBeNull();
  return JSON.parse(block![1]!) as Record<string, unknown>;
}

describe('GraphiQL served by the gateway', () => {
  let stack: Stack;
  let origin: string;
  beforeAll(async () => {
    stack = await startStack({ gateway: { graphiqlHeaders: { Authorization: `Bearer ${DEMO_TOKENS.admin}` } } });
    origin = new URL(stack.gateway.url).origin;
  });
  afterAll(() => stack.close());

  it('serves a page whose every reference stays on the gateway’s own origin', async () => {
    const { response, html } = await openPage(stack.gateway.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const urls = referencedUrls(html);
    expect(urls.length).toBeGreaterThanOrEqual(3);
    for (const url of urls) expect(originOf(url, stack.gateway.url), url).toBe(origin);
    expect(html).not.toMatch(/unpkg|jsdelivr|cdn\./i);
  });

  it('runs no inline script: every <script> is a file from the gateway or a JSON data block', async () => {
    const { html } = await openPage(stack.gateway.url);
    const scripts = [...html.matchAll(/<script\b([^>]*)>([^<]*)<\/script>/g)];
    expect(scripts.length).toBeGreaterThanOrEqual(2);
    for (const [, attributes, content] of scripts) {
      const external = /\ssrc="/.test(attributes!);
      expect(external || attributes!.includes('type="application/json"'), attributes).toBe(true);
      if (external) expect(content).toBe('');
    }
  });

  it('serves every file the page references with its content type, cacheable for good', async () => {
    const { html } = await openPage(stack.gateway.url);
    const expectedTypes: Record<string, string> = { js: 'text/javascript', css: 'text/css', ico: 'image/' };
    const pageFiles = referencedUrls(html).map((reference) => new URL(reference, stack.gateway.url));
    expect(pageFiles.map((url) => url.pathname.split('/').pop()).sort()).toEqual(['favicon.ico', 'graphiql.css', 'graphiql.js']);
    // The script loads Monaco's workers from next to itself.
    const workers = ['editor.worker.js', 'json.worker.js', 'graphql.worker.js'].map(
      (name) => new URL(name, pageFiles.find((url) => url.pathname.endsWith('.js'))!),
    );
    for (const url of [...pageFiles, ...workers]) {
      const response = await fetch(url);
      expect(response.status, url.pathname).toBe(200);
      expect(response.headers.get('content-type'), url.pathname).toContain(expectedTypes[url.pathname.split('.').pop()!]);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect((await response.arrayBuffer()).byteLength, url.pathname).toBeGreaterThan(1000);
    }
  });

  it('references no other host from its stylesheet either (fonts and images are inline data)', async () => {
    const { html } = await openPage(stack.gateway.url);
    const stylesheet = referencedUrls(html).find((reference) => reference.endsWith('.css'))!;
    const css = await (await fetch(new URL(stylesheet, stack.gateway.url))).text();
    const urls = referencedUrls(css);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(['data:', origin], url.slice(0, 60)).toContain(originOf(url, stack.gateway.url));
  });

  it('sends files gzipped to clients that accept gzip, and as they are to others', async () => {
    const { html } = await openPage(stack.gateway.url);
    const script = new URL(referencedUrls(html).find((reference) => reference.endsWith('.js'))!, stack.gateway.url);
    const plain = await fetch(script, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    const plainBody = Buffer.from(await plain.arrayBuffer());
    expect(plainBody.toString()).toContain('YogaGraphiQL.renderYogaGraphiQL');
    // node:http, since fetch would unpack the body and leave no way to see what was sent.
    const { request } = await import('node:http');
    const gzipped = await new Promise<{ encoding: string | undefined; length: string | undefined; body: Buffer }>((resolve, reject) => {
      request(script, { headers: { 'accept-encoding': 'gzip, deflate, br' } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            encoding: response.headers['content-encoding'],
            length: response.headers['content-length'],
            body: Buffer.concat(chunks),
          }),
        );
      })
        .on('error', reject)
        .end();
    });
    expect(gzipped.encoding).toBe('gzip');
    expect(Number(gzipped.length)).toBe(gzipped.body.length);
    expect(gzipped.body.length).toBeLessThan(plainBody.length / 2);
    expect(gunzipSync(gzipped.body).equals(plainBody)).toBe(true);
  });

  it('opens the editor with the example query and the demo token in the Headers tab', async () => {
    const options = pageOptions((await openPage(stack.gateway.url)).html);
    expect(options).toMatchObject({
      title: 'org-gateway',
      endpoint: '/graphql',
      defaultQuery: GRAPHIQL_EXAMPLE,
      initialQuery: GRAPHIQL_EXAMPLE,
    });
    expect(JSON.parse(options['headers'] as string)).toEqual({ Authorization: `Bearer ${DEMO_TOKENS.admin}` });
    expect(options['initialHeaders']).toBe(options['headers']);
  });

  it('opens the query of a ?query= link instead, as text that cannot end the page’s script', async () => {
    const query = '{ __typename } # </script><script>alert(1)</script>';
    const { html } = await openPage(`${stack.gateway.url}?query=${encodeURIComponent(query)}`);
    expect(html).not.toContain('<script>alert(1)');
    expect(pageOptions(html)['initialQuery']).toBe(query);
  });

  it('restricts the page to its own origin with a Content-Security-Policy, and keeps it out of caches and frames', async () => {
    const { response } = await openPage(stack.gateway.url);
    expect(response.headers.get('content-security-policy')).toBe(GRAPHIQL_CSP);
    expect(GRAPHIQL_CSP).toContain("script-src 'self'");
    expect(GRAPHIQL_CSP).toContain("frame-ancestors 'none'");
    expect(GRAPHIQL_CSP).not.toMatch(/https?:|\*|unsafe-eval/);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 404 for a file of another version, an unknown file, or a POST', async () => {
    const { html } = await openPage(stack.gateway.url);
    const script = new URL(referencedUrls(html).find((reference) => reference.endsWith('.js'))!, stack.gateway.url);
    const otherVersion = new URL(script.pathname.replace(/\/[0-9a-f]{16}\//, '/0000000000000000/'), script);
    expect((await fetch(otherVersion)).status).toBe(404);
    expect((await fetch(new URL('nothing.js', script))).status).toBe(404);
    const post = await fetch(script, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(post.status).toBe(404);
    expect(stack.apiCalls()).toHaveLength(0);
  });
});

describe('GraphiQL outside the demo, and switched off (GRAPHIQL=false)', () => {
  let on: Stack;
  let off: Stack;
  beforeAll(async () => {
    [on, off] = await Promise.all([startStack(), startStack({ gateway: { graphiql: false } })]);
  });
  afterAll(() => Promise.all([on.close(), off.close()]));

  it('serves none of GraphiQL’s files', async () => {
    const { html } = await openPage(on.gateway.url);
    const files = referencedUrls(html).map((reference) => new URL(reference, on.gateway.url).pathname);
    for (const path of files) expect((await fetch(new URL(path, off.gateway.url))).status, path).toBe(404);
  });

  it('leaves the Headers tab empty when no headers are configured (no demo)', async () => {
    const options = pageOptions((await openPage(on.gateway.url)).html);
    expect(options).not.toHaveProperty('headers');
    expect(options).not.toHaveProperty('initialHeaders');
    expect(options['initialQuery']).toBe(GRAPHIQL_EXAMPLE);
  });
});

describe('acceptsGzip', () => {
  it.each([
    ['gzip, deflate, br', true],
    ['br;q=1.0, gzip;q=0.8', true],
    ['GZIP', true],
    ['gzip;q=0', false],
    ['gzip; q=0.000', false],
    ['identity', false],
    ['x-gzip', false],
    ['', false],
  ])('reads %j as %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});
