/**
 * GraphiQL in a real headless Chromium (Debian's `chromium` package, driven by playwright-core,
 * which downloads no browser), with every request that is not to loopback refused: the page
 * renders, opens with the example query and the demo token, runs it and shows the demo upstream's
 * organizations. The screenshot lands in test/artifacts/. Skipped where no Chromium is installed
 * (`apt-get install chromium`; .ci/run does that).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPHIQL_EXAMPLE } from '../src/dialects/basedash/graphql/schema.js';
import { DEMO_TOKENS, postGraphQL, startStack, type Stack } from './helpers/stack.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
const SKIPPED = 'skipped: no Chromium at /usr/bin/chromium (install Debian’s package: apt-get install chromium)';
if (!CHROMIUM) console.warn(`test/graphiql-browser.test.ts ${SKIPPED}`);

const ARTIFACTS = new URL('./artifacts/', import.meta.url);
// Generous: the first page load has the gateway read and compress GraphiQL's 9 MB bundle, on a
// machine that may be busy with other test files.
const UI_TIMEOUT = 15_000;

/** What a Monaco editor shows: its rendered lines, with the non-breaking spaces it draws as spaces. */
async function editorText(editor: Locator): Promise<string> {
  return (await editor.locator('.view-lines').innerText()).replace(/\u00a0/g, ' ').trim();
}

describe.skipIf(!CHROMIUM)(`GraphiQL in a real browser${CHROMIUM ? '' : ` (${SKIPPED})`}`, () => {
  let stack: Stack;
  let browser: Browser;
  beforeAll(async () => {
    [stack, browser] = await Promise.all([
      startStack({ gateway: { graphiqlHeaders: { Authorization: `Bearer ${DEMO_TOKENS.admin}` } } }),
      chromium.launch({ executablePath: CHROMIUM! }),
    ]);
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('opens with the example query and the demo token, runs it, and shows the organizations, with no network but loopback', async () => {
    // Tall enough for Monaco to render every line of the example (it draws only the visible ones).
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const refused: string[] = [];
    await context.route('**/*', (route) => {
      const { hostname } = new URL(route.request().url());
      if (hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]') return route.continue();
      refused.push(route.request().url());
      return route.abort('internetdisconnected');
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });

    try {
      await page.goto(stack.gateway.url);
      // GraphiQL's editors in page order: query, variables (hidden), headers (shown, since it has content).
      const editors = page.locator('.graphiql-editor');
      const [queryEditor, headersEditor] = [editors.nth(0), editors.nth(2)];
      await queryEditor.locator('.view-lines').waitFor({ timeout: UI_TIMEOUT });
      await expect.poll(() => editorText(queryEditor), { timeout: UI_TIMEOUT }).toBe(GRAPHIQL_EXAMPLE.trim());
      await expect
        .poll(async () => JSON.parse(await editorText(headersEditor)) as unknown, { timeout: UI_TIMEOUT })
        .toEqual({
          Authorization: `Bearer ${DEMO_TOKENS.admin}`,
        });

      stack.upstream.reset();
      await page.locator('.graphiql-execute-button').click();
      const result = page.locator('.graphiql-response');
      // The top of the result: Monaco renders only the lines in view, so pageInfo (at the end) is not in the DOM.
      await expect.poll(() => editorText(result), { timeout: UI_TIMEOUT }).toMatch(/^\{\s*"data": \{\s*"organizations": \{\s*"edges": \[/);
      const shown = await editorText(result);
      // The run reached the demo upstream with the demo token, and the page shows what it answered.
      const calls = stack.apiCalls();
      expect(calls).toHaveLength(1);
      expect(calls[0]!.headers.authorization).toBe(`Bearer ${DEMO_TOKENS.admin}`);
      const same = await postGraphQL<{ organizations: { edges: Array<{ node: { id: string; name: string } }> } }>(
        stack.gateway.url,
        GRAPHIQL_EXAMPLE,
      );
      const first = same.body.data!.organizations.edges[0]!.node;
      expect(shown).toContain(`"id": "${first.id}"`);
      expect(shown).toContain(`"name": ${JSON.stringify(first.name)}`);
      expect(refused).toEqual([]);
      // A CSP violation shows here as a console error.
      expect(problems).toEqual([]);
    } finally {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: new URL('graphiql.png', ARTIFACTS).pathname });
      await context.close();
    }
  }, 40_000);
});
