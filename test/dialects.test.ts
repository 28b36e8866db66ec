/**
 * The dialect seam (src/dialects/): UPSTREAM_DIALECT chooses the organizations API, and every
 * dialect's gateway answers `Query.gateway` and serves its own committed SDL.
 */
import { readFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, SETTINGS } from '../src/config.js';
import type { RunningDemo } from '../src/dialects/dialect.js';
import { loadDialect } from '../src/dialects/index.js';
import { DIALECT_NAMES } from '../src/dialects/names.js';
import { schemaChanges } from '../scripts/schema-breaking.js';
import { configProblems } from './helpers/config-problems.js';
import { type GatewayHandle, startGateway } from './helpers/stack.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

describe('UPSTREAM_DIALECT', () => {
  it('is basedash by default, and any case of a known name', () => {
    expect(loadConfig({}).dialect).toBe('basedash');
    for (const name of DIALECT_NAMES) expect(loadConfig({ UPSTREAM_DIALECT: ` ${name.toUpperCase()} ` }).dialect).toBe(name);
  });

  it('stops start-up for an unknown one, naming the allowed ones', () => {
    expect(configProblems({ UPSTREAM_DIALECT: 'graphql' })).toEqual([
      `UPSTREAM_DIALECT must be one of ${DIALECT_NAMES.join(', ')} (got "graphql")`,
    ]);
  });

  it('is documented with its values for --help and the README', () => {
    const setting = SETTINGS.find((entry) => entry.name === 'UPSTREAM_DIALECT');
    expect(setting?.default).toBe('basedash');
    for (const name of DIALECT_NAMES) expect(setting?.description).toContain(name);
  });
});

describe.each(DIALECT_NAMES)('the %s dialect', (name) => {
  let demo: RunningDemo;
  let gateway: GatewayHandle;
  let requestsBefore: number;

  beforeAll(async () => {
    const dialect = await loadDialect(name);
    demo = await dialect.startDemo();
    gateway = await startGateway(demo.url, { dialect });
  });
  afterAll(async () => {
    await gateway?.close();
    await demo?.close();
  });

  it('answers Query.gateway with its dialect and the package version, with no token and no upstream call', async () => {
    requestsBefore = await upstreamRequestCount(demo.url);
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ gateway { dialect version } }' }),
    });
    expect(await response.json()).toEqual({ data: { gateway: { dialect: name.toUpperCase(), version: pkg.version } } });
    expect(await upstreamRequestCount(demo.url)).toBe(requestsBefore);
  });

  it('opens GraphiQL with its own example, which runs against its demo without errors', async () => {
    const dialect = await loadDialect(name);
    const html = await (await fetch(gateway.url, { headers: { accept: 'text/html' } })).text();
    const block = /<script type="application\/json" id="graphiql-options">([^<]*)<\/script>/.exec(html);
    expect((JSON.parse(block![1]!) as Record<string, unknown>)['defaultQuery']).toBe(dialect.graphiqlExample);
    const admin = (await dialect.demoTokens())['admin']!;
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ query: dialect.graphiqlExample }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data).toBeDefined();
  });

  it('serves its own schema at /graphql/schema.graphql, the one committed as schema/<dialect>.graphql', async () => {
    const { schema } = await loadDialect(name);
    const served = await (await fetch(`${gateway.url}/schema.graphql`)).text();
    expect(served).toBe(`${printSchema(schema)}\n`);
    const committed = readFileSync(new URL(`../schema/${name}.graphql`, import.meta.url), 'utf8');
    expect(await schemaChanges(committed, schema)).toEqual([]);
  });
});

/** Requests the demo recorded so far (its control endpoint, which every dialect's demo serves). */
async function upstreamRequestCount(url: string): Promise<number> {
  const response = await fetch(`${url}/__demo/requests`);
  return ((await response.json()) as unknown[]).length;
}
