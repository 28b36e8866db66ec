/**
 * The README against the code: its size, its settings table (what `--help` prints), and its
 * examples (the curl query; the /readyz body and log line of docs/operations.md, which it links
 * to) run against a real gateway.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SETTINGS } from '../src/config.js';
import { createLogger } from '../src/observability/logger.js';
import { memoryLog } from './helpers/memory-log.js';
import { postGraphQL, startStack, type Stack } from './helpers/stack.js';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
/** The operator's guide the README links to; its examples are checked here too. */
const OPERATIONS = readFileSync(new URL('../docs/operations.md', import.meta.url), 'utf8');

describe('README.md', () => {
  let stack: Stack;
  const log = memoryLog();
  beforeAll(async () => {
    stack = await startStack({ gateway: { logger: createLogger('info', log.stream) } });
  });
  afterAll(() => stack.close());

  it('stays at most 20 KB', () => {
    expect(Buffer.byteLength(README)).toBeLessThanOrEqual(20_000);
  });

  it('lists every setting with its default, as --help does', () => {
    for (const setting of SETTINGS) {
      const row = README.split('\n').find((line) => line.startsWith(`| \`${setting.name}\` |`));
      expect(row, setting.name).toBeDefined();
      expect(row!.replaceAll('`', '')).toContain(`| ${setting.default} |`);
    }
  });

  it('shows a curl query that the gateway answers with data', async () => {
    const curl = /-d '(\{"query":.*\})'/.exec(README);
    expect(curl).not.toBeNull();
    const { query } = JSON.parse(curl![1]!) as { query: string };
    const token = /Authorization: Bearer ([\w-]+)/.exec(README)![1]!;
    const response = await postGraphQL<{ organizations: { edges: unknown[] } }>(stack.gateway.url, query, undefined, { token });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.organizations.edges).toHaveLength(3);
  });

  it('shows (in docs/operations.md) the /readyz body the gateway answers', async () => {
    const shown = /`(\{"status":"ready".*?\}\}\})`/.exec(OPERATIONS);
    expect(shown).not.toBeNull();
    const example = JSON.parse(shown![1]!.replace('"…"', '""')) as { upstream: { lastProbe: object } };
    const body = (await (await fetch(`${new URL(stack.gateway.url).origin}/readyz`)).json()) as { upstream: { lastProbe: object } };
    expect(Object.keys(body).sort()).toEqual(Object.keys(example).sort());
    expect(Object.keys(body.upstream).sort()).toEqual(Object.keys(example.upstream).sort());
    expect(Object.keys(body.upstream.lastProbe).sort()).toEqual(Object.keys(example.upstream.lastProbe).sort());
  });

  it('shows (in docs/operations.md) an operation log line with the fields the gateway logs', async () => {
    const shown = /```json\n(\{.*\})\n```/.exec(OPERATIONS);
    expect(shown).not.toBeNull();
    const example = JSON.parse(shown![1]!) as Record<string, unknown> & { upstream: Record<string, unknown>[] };
    await postGraphQL(stack.gateway.url, 'query FirstOrganizations { organizations(first: 1) { edges { node { id } } } }');
    // Wait for the line to reach the log stream, not for a fixed time.
    const line = await vi.waitFor(() => {
      const found = log.entries().find((entry) => entry['operation'] === 'FirstOrganizations') as typeof example | undefined;
      expect(found).toBeDefined();
      return found;
    });
    expect(Object.keys(line!).sort()).toEqual(Object.keys(example).sort());
    expect(Object.keys(line!.upstream[0]!).sort()).toEqual(Object.keys(example.upstream[0]!).sort());
  });
});
