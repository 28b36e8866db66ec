/**
 * The gateway as a newcomer runs it: the real entry point in its own process, started the way
 * `npm start` starts it, with nothing but environment variables.
 */
import { once } from 'node:events';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/gql.js';
import type { ProcessPageQuery } from './gql/graphql.js';
import {
  childPids,
  isRunning,
  ROOT,
  killGatewayProcess,
  spawnGateway,
  startGatewayProcess,
  stopGatewayProcess,
  waitFor,
  type Started,
} from './helpers/gateway-process.js';
import { postGraphQL, type GraphQLResponse } from './helpers/stack.js';
import { REFERENCE_TOKEN, startReferenceUpstream, type ReferenceUpstream } from './helpers/reference-upstream.js';
import { print } from 'graphql';
import { unusedPort } from './helpers/ports.js';

const start = (env: Record<string, string>) => startGatewayProcess(env);
const stop = (started: Started) => stopGatewayProcess(started);
const run = (env: Record<string, string>, args: string[] = []) => spawnGateway(env, args);

/** The admin token from the log line that announces the demo upstream. */
function demoToken(started: Started): string {
  const line = started.logLines().find((entry) => entry['demoTokens'] !== undefined);
  return (line?.['demoTokens'] as { admin: string } | undefined)?.admin ?? '';
}

const Page = graphql(`
  query ProcessPage($first: Int!, $after: String) {
    organizations(first: $first, after: $after) {
      edges {
        node {
          id
          upstreamId
          name
          trialEndsAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const One = graphql(`
  query ProcessOne($id: ID!) {
    organization(id: $id) {
      name
    }
  }
`);

const Create = graphql(`
  mutation ProcessCreate($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      organization {
        upstreamId
        name
        insightsFrequency
      }
      userErrors {
        code
      }
    }
  }
`);

describe('npm start with no settings', () => {
  let started: Started;
  beforeAll(async () => {
    started = await start({});
  });
  afterAll(() => stop(started));

  it('serves the demo upstream and logs a demo token that works', async () => {
    const token = demoToken(started);
    expect(token).not.toBe('');
    const response = await postGraphQL<{ organizations: { edges: unknown[] } }>(started.endpoint, print(Page), { first: 3 }, { token });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.organizations.edges).toHaveLength(3);
  });

  it('writes only JSON log lines to stdout: where it listens, the demo, and the shutdown', async () => {
    expect(started.banner).toMatchObject({
      level: 'info',
      endpoint: started.endpoint,
      metrics: started.endpoint.replace('/graphql', '/metrics'),
      workers: 1,
    });
    expect(started.banner.msg).toBe(`org-gateway listening on ${started.endpoint} (open it in a browser for GraphiQL)`);
    expect(await stop(started)).toBe(0);
    const lines = started
      .stdout()
      .split('\n')
      .filter((line) => line !== '');
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
    expect(started.logLines().map((line) => line.msg)).toContain('SIGTERM: finishing in-flight requests, then exiting');
  });
});

describe('npm start whose standard output nobody reads any more', () => {
  it('still exits 0 on SIGTERM, with log lines waiting that cannot be written', async () => {
    const started = await start({});
    try {
      const token = demoToken(started);
      // What reads the log (a pipe into a filter or pager) has gone: writes to stdout now fail with EPIPE.
      started.child.stdout.destroy();
      // One operation: its log line waits in the batch (./src/observability/logger.ts) until exit.
      expect((await postGraphQL(started.endpoint, print(Page), { first: 1 }, { token })).body.errors).toBeUndefined();
      const exited = once(started.child, 'exit').then(([code]) => code as number | null);
      started.child.kill('SIGTERM');
      const outcome = await Promise.race([exited, new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 5_000))]);
      expect(outcome).toBe(0);
    } finally {
      // A hung or failed gateway must not outlive the test.
      if (started.child.exitCode === null && started.child.signalCode === null) started.child.kill('SIGKILL');
    }
  });
});

describe('npm start with UPSTREAM_URL pointing at another implementation of the contract', () => {
  let reference: ReferenceUpstream;
  let started: Started;
  beforeAll(async () => {
    reference = await startReferenceUpstream();
    started = await start({ UPSTREAM_URL: reference.url });
  });
  afterAll(async () => {
    await stop(started);
    await reference.close();
  });

  it('pages through all of its organizations with first/after', async () => {
    const names: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i += 1) {
      const response: GraphQLResponse<ProcessPageQuery> = await postGraphQL<ProcessPageQuery>(
        started.endpoint,
        print(Page),
        { first: 3, after },
        { token: REFERENCE_TOKEN },
      );
      expect(response.body.errors).toBeUndefined();
      names.push(...response.body.data!.organizations.edges.map((edge) => edge.node.name));
      if (!response.body.data!.organizations.pageInfo.hasNextPage) break;
      after = response.body.data!.organizations.pageInfo.endCursor ?? null;
    }
    expect(names).toEqual([7, 6, 5, 4, 3, 2, 1].map((n) => `Reference Org ${n}`));
    // Without credentials: the readiness probe made at start-up, nothing else.
    const anonymous = reference.received.filter((request) => request.authorization === undefined);
    expect(anonymous.map((request) => `${request.method} ${request.url}`)).toEqual(['GET /api/public/organizations?limit=1']);
    const callers = reference.received.filter((request) => request.authorization !== undefined);
    const lists = callers.filter((request) => request.method === 'GET' && request.url.startsWith('/api/public/organizations?'));
    expect(lists.map((request) => request.url)).toEqual([
      '/api/public/organizations?limit=3',
      '/api/public/organizations?limit=3&cursor=ref-005',
      '/api/public/organizations?limit=3&cursor=ref-002',
    ]);
    expect(new Set(callers.map((request) => request.authorization))).toEqual(new Set([`Bearer ${REFERENCE_TOKEN}`]));
  });

  it('answers FORBIDDEN where this upstream says 403 for an organization the caller cannot see', async () => {
    const id = Buffer.from('Organization:someone-elses').toString('base64');
    const response = await postGraphQL(started.endpoint, print(One), { id }, { token: REFERENCE_TOKEN });
    expect(response.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('creates with one POST when the create answer already carries every selected field', async () => {
    const before = reference.received.length;
    const response = await postGraphQL<{ createOrganization: { organization: { name: string; insightsFrequency: string } } }>(
      started.endpoint,
      print(Create),
      { input: { name: 'Made via gateway' } },
      { token: REFERENCE_TOKEN },
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.createOrganization.organization).toMatchObject({ name: 'Made via gateway', insightsFrequency: 'DAILY' });
    const calls = reference.received.slice(before);
    expect(calls.map((call) => `${call.method} ${call.url}`)).toEqual(['POST /api/public/organizations']);
    expect(calls[0]!.body).toEqual({ name: 'Made via gateway' });
  });
});

describe('npm start with tracing, trusted documents and metrics switched on by settings', () => {
  let started: Started;
  beforeAll(async () => {
    started = await start({ OTEL_TRACES_EXPORTER: 'console', TRUSTED_DOCUMENTS: 'test/gql/persisted-documents.json', LOG_LEVEL: 'info' });
  });
  afterAll(() => stop(started));

  it('runs a trusted document by id, logs it as JSON, prints its spans and counts it in /metrics', async () => {
    const manifest = JSON.parse(readFileSync(new URL('./gql/persisted-documents.json', import.meta.url), 'utf8')) as Record<string, string>;
    const [documentId] = Object.entries(manifest).find(([, text]) => text.startsWith('query ProcessPage'))!;
    const response = await fetch(started.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer demo-admin-token', 'x-request-id': 'process-trace-1' },
      body: JSON.stringify({ documentId, variables: { first: 2 } }),
    });
    expect(((await response.json()) as { data: { organizations: { edges: unknown[] } } }).data.organizations.edges).toHaveLength(2);
    const refused = await postGraphQL(started.endpoint, '{ __typename }', undefined);
    expect(refused.body.errors?.[0]?.extensions?.['code']).toBe('PERSISTED_QUERY_ONLY');

    const metrics = await (await fetch(started.endpoint.replace('/graphql', '/metrics'))).text();
    expect(metrics).toMatch(/graphql_operations_total\{operation="ProcessPage",type="query",outcome="ok"\} 1/);
    // The console exporter batches, and so do log lines (written within LOG_FLUSH_INTERVAL_MS);
    // give them a moment to print.
    const deadline = Date.now() + 10_000;
    const printed = () =>
      started.stdout().includes("name: 'GET /api/public/organizations'") && started.stdout().includes('"requestId":"process-trace-1"');
    while (!printed() && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(started.stdout()).toContain("name: 'query ProcessPage'");
    expect(started.stdout()).toContain("name: 'GET /api/public/organizations'");
    const logLine = started
      .stdout()
      .split('\n')
      .find((line) => line.includes('"requestId":"process-trace-1"'));
    expect(JSON.parse(logLine!)).toMatchObject({ operation: 'ProcessPage', outcome: 'ok' });
    // The caller's token appears nowhere but in the start-up line that announces the demo's tokens.
    const mentions = started
      .stdout()
      .split('\n')
      .filter((line) => line.includes('demo-admin-token'));
    expect(mentions).toHaveLength(1);
    expect(JSON.parse(mentions[0]!)).toHaveProperty('demoTokens');
  });
});

describe('start-up settings', () => {
  it.each([
    [{ PORT: 'eighty' }, 'PORT must be a whole number from 0 to 65535 (got "eighty")'],
    [{ PORT: '70000' }, 'PORT must be at most 65535'],
    [{ UPSTREAM_URL: 'ftp://files.example' }, 'UPSTREAM_URL must use http or https'],
    [{ UPSTREAM_URL: 'not a url' }, 'UPSTREAM_URL must be an absolute http(s) URL'],
    [{ OPERATION_TIMEOUT_MS: '0' }, 'OPERATION_TIMEOUT_MS must be at least 1'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent'],
    [{ TRUSTED_DOCUMENTS: 'no/such/manifest.json' }, 'TRUSTED_DOCUMENTS: cannot read no/such/manifest.json as JSON'],
    [{ WORKERS: 'many' }, 'WORKERS must be auto or a whole number from 1 to 256 (got "many")'],
    [{ NODE_ENV: 'production' }, 'UPSTREAM_URL is required when NODE_ENV=production'],
  ])('stops with exit code 1 and names the bad setting for %j', async (env, message) => {
    const { child, stderr, stdout } = run(env);
    const [code] = (await once(child, 'close')) as [number | null];
    expect(code).toBe(1);
    expect(stderr()).toContain(message);
    expect(stdout()).toBe('');
  });

  it('lists every setting with its default on --help', async () => {
    const { child, stdout } = run({}, ['--help']);
    const [code] = (await once(child, 'close')) as [number | null];
    expect(code).toBe(0);
    for (const name of [
      'PORT',
      'HOST',
      'UPSTREAM_URL',
      'DEMO',
      'WORKERS',
      'OPERATION_TIMEOUT_MS',
      'LOG_LEVEL',
      'METRICS',
      'TRUSTED_DOCUMENTS',
      'OTEL_TRACES_EXPORTER',
    ]) {
      expect(stdout()).toContain(name);
    }
  });
});

describe('npm start with an upstream that is not listening', () => {
  it('logs a warning with the cause soon after start-up, without waiting for traffic', async () => {
    const started = await start({ UPSTREAM_URL: `http://127.0.0.1:${await unusedPort()}` });
    try {
      const warning = await waitFor(
        () => started.logLines().find((line) => line.level === 'warn'),
        10_000,
        () => `no warning was logged:\n${started.stdout()}`,
      );
      expect(warning).toMatchObject({ cause: 'ECONNREFUSED', upstream: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) });
      expect(warning.msg).toContain('cannot be reached (ECONNREFUSED)');
      // Once per change, not once per call: more failing calls log nothing more.
      await postGraphQL(started.endpoint, print(Page), { first: 1 }, { token: 'some-caller-token' });
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(started.logLines().filter((line) => line.level === 'warn')).toHaveLength(1);
      expect(started.stdout()).not.toContain('some-caller-token');
    } finally {
      await stop(started);
    }
  });
});

describe('npm start under a process manager', () => {
  it('ends the gateway and all its workers when npm itself gets SIGTERM, and exits 0', async () => {
    // What a process manager does: start `npm start`, later signal the process it started.
    const npm = await startGatewayProcess({ WORKERS: '2' }, ['npm', 'start']);
    const gateway = npm.banner.pid;
    let workers: number[] = [];
    try {
      // npm's shell replaced itself with the gateway (`exec`), so npm's child is the gateway.
      expect(childPids(npm.child.pid!)).toEqual([gateway]);
      workers = await waitFor(
        () => childPids(gateway).length === 2 && childPids(gateway),
        10_000,
        () => 'the gateway did not keep two workers',
      );
      npm.child.kill('SIGTERM');
      const outcome = await Promise.race([npm.closed, new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 10_000))]);
      expect(outcome).toEqual([0, null]);
      for (const pid of [gateway, ...workers]) expect(isRunning(pid), `process ${pid}`).toBe(false);
      expect(npm.logLines().filter((line) => line.msg === 'SIGTERM: finishing in-flight requests, then exiting')).toHaveLength(2);
      // Besides the gateway's JSON lines, stdout holds only npm's own banner (`npm start -s` drops it).
      const other = npm
        .stdout()
        .split('\n')
        .filter((line) => line !== '' && !line.startsWith('{'));
      expect(other).toEqual(['> org-gateway@0.1.0 start', '> node scripts/build-if-stale.mjs && exec node dist/main.js']);
    } finally {
      killGatewayProcess(npm);
      // A gateway that outlived npm must not outlive the test.
      for (const pid of [gateway, ...workers, ...childPids(gateway)]) if (isRunning(pid)) process.kill(pid, 'SIGKILL');
    }
  });
});

/**
 * What `npm ci --omit=dev` leaves, without the download: package.json, the built dist/, scripts/,
 * and node_modules holding only the packages package-lock.json does not mark as dev (linked to
 * the installed copies). A real `npm ci --omit=dev && npm start` is the manual check.
 */
function productionInstall(): string {
  const directory = mkdtempSync(join(tmpdir(), 'org-gateway-production-'));
  for (const entry of ['package.json', 'package-lock.json', 'dist', 'scripts'])
    cpSync(join(ROOT, entry), join(directory, entry), { recursive: true });
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean; devOptional?: boolean }>;
  };
  for (const [path, entry] of Object.entries(lock.packages)) {
    const name = path.slice('node_modules/'.length);
    if (!path.startsWith('node_modules/') || name.includes('node_modules/') || entry.dev || entry.devOptional) continue;
    if (!existsSync(join(ROOT, path))) continue;
    mkdirSync(dirname(join(directory, path)), { recursive: true });
    symlinkSync(join(ROOT, path), join(directory, path));
  }
  return directory;
}

describe('npm start from a production install (no dev dependencies)', () => {
  it('runs dist/ as built, without TypeScript, and serves GraphQL', async () => {
    const directory = productionInstall();
    const started = await startGatewayProcess({}, ['npm', 'start', '-s'], directory);
    try {
      expect(existsSync(join(directory, 'node_modules', 'typescript'))).toBe(false);
      expect(existsSync(join(directory, 'node_modules', 'tsx'))).toBe(false);
      const response = await postGraphQL<{ organizations: { edges: unknown[] } }>(
        started.endpoint,
        print(Page),
        { first: 2 },
        { token: demoToken(started) },
      );
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data!.organizations.edges).toHaveLength(2);
      expect(await stop(started)).toBe(0);
      expect(started.stderr()).toBe('');
    } finally {
      killGatewayProcess(started);
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
