/**
 * The gateway as a newcomer runs it: the real entry point in its own process, started the way
 * `npm start` starts it, with nothing but environment variables.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/gql.js';
import type { ProcessPageQuery } from './gql/graphql.js';
import { postGraphQL, type GraphQLResponse } from './helpers/stack.js';
import { REFERENCE_TOKEN, startReferenceUpstream, type ReferenceUpstream } from './helpers/reference-upstream.js';
import { print } from 'graphql';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface Started {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  endpoint: string;
}

function run(env: Record<string, string>, args: string[] = []) {
  // Exactly what `npm start` runs after its build (dist/ is built once by test/global-setup.ts).
  const child = spawn(process.execPath, ['dist/main.js', ...args], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return { child, stdout: () => stdout, stderr: () => stderr };
}

async function start(env: Record<string, string>): Promise<Started> {
  const { child, stdout, stderr } = run({ PORT: '0', ...env });
  const deadline = Date.now() + 15_000;
  while (!/listening on (\S+)/.test(stdout())) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`gateway did not start:\n${stdout()}\n${stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { child, output: stdout, endpoint: /listening on (\S+)/.exec(stdout())![1]! };
}

async function stop(started: Started): Promise<number | null> {
  if (started.child.exitCode !== null) return started.child.exitCode;
  started.child.kill('SIGTERM');
  const [code] = (await once(started.child, 'exit')) as [number | null];
  return code;
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

  it('serves the demo upstream and prints a demo token that works', async () => {
    const token = /Demo token: (\S+)/.exec(started.output())?.[1];
    expect(token).toBeDefined();
    const response = await postGraphQL<{ organizations: { edges: unknown[] } }>(started.endpoint, print(Page), { first: 3 }, { token: token! });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.organizations.edges).toHaveLength(3);
  });

  it('exits 0 on SIGTERM', async () => {
    expect(await stop(started)).toBe(0);
  });
});

describe('npm start whose standard output nobody reads any more', () => {
  it('still exits 0 on SIGTERM, with log lines waiting that cannot be written', async () => {
    const started = await start({});
    try {
      const token = /Demo token: (\S+)/.exec(started.output())![1]!;
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
    const lists = reference.received.filter((request) => request.method === 'GET' && request.url.startsWith('/api/public/organizations?'));
    expect(lists.map((request) => request.url)).toEqual([
      '/api/public/organizations?limit=3',
      '/api/public/organizations?limit=3&cursor=ref-005',
      '/api/public/organizations?limit=3&cursor=ref-002',
    ]);
    expect(new Set(reference.received.map((request) => request.authorization))).toEqual(new Set([`Bearer ${REFERENCE_TOKEN}`]));
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
    const printed = () => started.output().includes("name: 'GET /api/public/organizations'") && started.output().includes('"requestId":"process-trace-1"');
    while (!printed() && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(started.output()).toContain("name: 'query ProcessPage'");
    expect(started.output()).toContain("name: 'GET /api/public/organizations'");
    const logLine = started
      .output()
      .split('\n')
      .find((line) => line.includes('"requestId":"process-trace-1"'));
    expect(JSON.parse(logLine!)).toMatchObject({ operation: 'ProcessPage', outcome: 'ok' });
    expect(started.output()).not.toContain('demo-admin-token"');
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
  ])('stops with exit code 1 and names the bad setting for %j', async (env, message) => {
    const { child, stderr } = run(env);
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(1);
    expect(stderr()).toContain(message);
  });

  it('lists every setting with its default on --help', async () => {
    const { child, stdout } = run({}, ['--help']);
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
    for (const name of ['PORT', 'HOST', 'UPSTREAM_URL', 'OPERATION_TIMEOUT_MS', 'LOG_LEVEL', 'METRICS', 'TRUSTED_DOCUMENTS', 'OTEL_TRACES_EXPORTER']) {
      expect(stdout()).toContain(name);
    }
  });
});
