/**
 * The GraphQL-over-HTTP spec, checked by graphql-http's own audit suite against the gateway served
 * over real HTTP in front of the demo upstream, with the gateway's production defaults for the
 * client-facing edge (body limit, operation limits, JSON-only POSTs, no CORS).
 *
 * Every MUST and every SHOULD audit has to pass; none is skipped. MAY audits run as well and are
 * reported by name, but a server may legitimately answer them either way.
 */
import { serverAudits, type AuditResult } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './helpers/stack.js';

let stack: Stack;
const audits = serverAudits({ url: () => stack.gateway.url });
const required = audits.filter((audit) => !audit.name.startsWith('MAY '));
const optional = audits.filter((audit) => audit.name.startsWith('MAY '));

function explain(result: AuditResult): string {
  return result.status === 'ok' ? 'ok' : `${result.status}: ${result.reason}`;
}

describe('GraphQL over HTTP (graphql-http server audits)', () => {
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('has MUST and SHOULD audits to run', () => {
    expect(required.filter((audit) => audit.name.startsWith('MUST ')).length).toBeGreaterThan(10);
    expect(required.filter((audit) => audit.name.startsWith('SHOULD ')).length).toBeGreaterThan(10);
  });

  it.each(required.map((audit) => [`${audit.id}: ${audit.name}`, audit] as const))('passes %s', async (_name, audit) => {
    expect(explain(await audit.fn())).toBe('ok');
  });

  it.each(optional.map((audit) => [`${audit.id}: ${audit.name}`, audit] as const))('runs %s without a fatal error', async (_name, audit) => {
    const result = await audit.fn();
    expect(['ok', 'notice']).toContain(result.status);
  });

  it('answers the audits without a single upstream call (they only ask for __typename)', () => {
    expect(stack.apiCalls()).toHaveLength(0);
  });
});
