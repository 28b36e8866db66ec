/**
 * GraphiQL as a newcomer meets it: the page loads nothing from another host, and in a real headless
 * Chromium (Debian's `chromium`; nothing downloads a browser) with every request off loopback
 * blocked, it opens with the project's example query and runs it with the demo token.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPHIQL_EXAMPLE } from '../src/server.js';
import { DEMO_TOKENS, startStack, type Stack } from './helpers/stack.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ gateway: { graphiqlHeaders: { Authorization: `Bearer ${DEMO_TOKENS.admin}` } } });
});
afterAll(() => stack.close());

async function graphiqlPage(): Promise<Response> {
  return fetch(stack.gateway.url, { headers: { accept: 'text/html' } });
}

describe('the GraphiQL page', () => {
  it('references no host other than the gateway: scripts, styles and workers are inline', async () => {
    const response = await graphiqlPage();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    // Every URL the page itself would load: attributes of elements that fetch, CSS url() and @import.
    const references = [
      ...[...html.matchAll(/<(?:script|link|img|iframe|source|embed|object)\b[^>]*?\b(?:src|href|data)\s*=\s*["']([^"']*)["']/gi)].map(
        (match) => match[1]!,
      ),
      ...[...html.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/gi)].map((match) => match[1]!),
      ...[...html.matchAll(/@import\s+["']([^"']+)["']/gi)].map((match) => match[1]!),
    ];
    const origin = new URL(stack.gateway.url).origin;
    const foreign = references.filter((reference) => {
      if (reference.startsWith('data:') || reference.startsWith('blob:') || reference.startsWith('#')) return false;
      return new URL(reference, stack.gateway.url).origin !== origin;
    });
    expect(foreign).toEqual([]);
    expect(html).not.toContain('unpkg.com');
  });

  it('is built once, not per request', async () => {
    const [first, second] = await Promise.all([graphiqlPage(), graphiqlPage()]);
    expect(await first.text()).toBe(await second.text());
  });
});

describe.skipIf(!existsSync(CHROMIUM))(
  `GraphiQL in a real browser (${CHROMIUM}; skipped when it is not installed: apt-get install chromium)`,
  () => {
    it('opens with the example query and runs it with the demo token, with no network but loopback', { timeout: 60_000 }, async () => {
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
      try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        const origin = new URL(stack.gateway.url).origin;
        const blocked: string[] = [];
        await page.route('**/*', (route) => {
          const url = route.request().url();
          if (url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
          blocked.push(url);
          return route.abort();
        });
        await page.goto(stack.gateway.url, { waitUntil: 'load' });
        expect(await page.title()).toBe('org-gateway');

        // The editor opens with the example (Monaco renders only the visible lines, so look for its first ones).
        const editor = page.locator('.graphiql-query-editor .view-lines').first();
        // Monaco writes spaces as no-break spaces.
        await expect
          .poll(async () => (await editor.innerText()).replaceAll('\u00a0', ' '), { timeout: 20_000 })
          .toContain('query FirstOrganizations');
        expect(GRAPHIQL_EXAMPLE).toContain('query FirstOrganizations');
        await page.getByText('Headers', { exact: true }).click();
        await expect
          .poll(async () => (await page.locator('.graphiql-editor-tool').innerText()).replaceAll('\u00a0', ' '), { timeout: 5_000 })
          .toContain(`Bearer ${DEMO_TOKENS.admin}`);

        const before = stack.apiCalls().length;
        await page.locator('.graphiql-execute-button').click();
        const result = page.locator('.graphiql-response');
        await expect.poll(() => result.innerText(), { timeout: 20_000 }).toContain('"organizations"');
        const shown = await result.innerText();
        expect(shown).toContain('"edges"');
        expect(shown).not.toContain('"errors"');
        // The run reached the upstream with the demo token GraphiQL sent.
        const calls = stack.apiCalls().slice(before);
        expect(calls.map((call) => call.headers.authorization)).toContain(`Bearer ${DEMO_TOKENS.admin}`);

        mkdirSync(ARTIFACTS, { recursive: true });
        await page.screenshot({ path: `${ARTIFACTS}graphiql.png` });
        expect(blocked).toEqual([]);
      } finally {
        await browser.close();
      }
    });
  },
);
