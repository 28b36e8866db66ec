/**
 * Introspection is executed once per document (src/graphql/introspection-cache.ts). Whether it
 * executed is read from graphql's own resolvers of `__schema` and `__type`, which every execution of
 * an operation selecting them calls (graphql-jit and the standard executor alike).
 */
import { getIntrospectionQuery, SchemaMetaFieldDef, TypeMetaFieldDef } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_TOKENS, postGraphQL, startGateway, startStack, type GatewayHandle, type Stack } from './helpers/stack.js';

const schemaExecutions = vi.spyOn(SchemaMetaFieldDef, 'resolve');
const typeExecutions = vi.spyOn(TypeMetaFieldDef, 'resolve');

const NAMES = '{ organizations(first: 3) { edges { node { name } } } }';
const TYPE_BY_NAME = 'query TypeByName($name: String!) { __type(name: $name) { name kind } }';

describe('introspection cache', () => {
  let stack: Stack;
  let hidden: GatewayHandle;
  beforeAll(async () => {
    stack = await startStack();
    hidden = await startGateway(stack.upstream.url, { introspection: false });
  });
  afterAll(async () => {
    await hidden.close();
    await stack.close();
  });
  beforeEach(() => {
    stack.upstream.reset();
    schemaExecutions.mockClear();
    typeExecutions.mockClear();
  });

  /** Sends `request` while the demo member lists organizations, and checks the member was served. */
  async function besideAnotherCaller<T>(request: () => Promise<T>): Promise<T> {
    const [answer, other] = await Promise.all([
      request(),
      postGraphQL<{ organizations: { edges: unknown[] } }>(stack.gateway.url, NAMES, undefined, { token: DEMO_TOKENS.member }),
    ]);
    expect(other.status).toBe(200);
    expect(other.body.errors).toBeUndefined();
    expect(other.body.data!.organizations.edges.length).toBeGreaterThan(0);
    return answer;
  }

  it('executes the introspection query once and answers a flood of the same query, without a token, from the cache', async () => {
    const first = await postGraphQL(stack.gateway.url, getIntrospectionQuery(), undefined, { token: null });
    expect(first.status).toBe(200);
    expect(first.body.errors).toBeUndefined();
    expect(schemaExecutions).toHaveBeenCalledTimes(1);

    const flood = await besideAnotherCaller(() =>
      Promise.all(Array.from({ length: 20 }, () => postGraphQL(stack.gateway.url, getIntrospectionQuery(), undefined, { token: null }))),
    );
    for (const answer of flood) expect(answer).toEqual(first);
    expect(schemaExecutions).toHaveBeenCalledTimes(1);
    // Only the other caller's list reached the upstream.
    expect(stack.apiCalls()).toHaveLength(1);
  });

  it('serves every caller the same cached answer', async () => {
    const anonymous = await postGraphQL(stack.gateway.url, '{ __schema { queryType { name } } }', undefined, { token: null });
    const member = await besideAnotherCaller(() =>
      postGraphQL(stack.gateway.url, '{ __schema { queryType { name } } }', undefined, { token: DEMO_TOKENS.member }),
    );
    expect(member).toEqual(anonymous);
    expect(member.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    expect(schemaExecutions).toHaveBeenCalledTimes(1);
  });

  it('keeps answers apart by variables and operation name', async () => {
    const ask = (name: string) => postGraphQL<{ __type: { name: string } }>(stack.gateway.url, TYPE_BY_NAME, { name }, { token: null });
    const organization = await ask('Organization');
    const pageInfo = await besideAnotherCaller(() => ask('PageInfo'));
    expect(organization.body.data!.__type.name).toBe('Organization');
    expect(pageInfo.body.data!.__type.name).toBe('PageInfo');
    expect(typeExecutions).toHaveBeenCalledTimes(2);
    expect((await ask('Organization')).body).toEqual(organization.body);
    expect(typeExecutions).toHaveBeenCalledTimes(2);

    const twoOperations = `${TYPE_BY_NAME} query Other($name: String!) { __type(name: $name) { name } }`;
    const run = async (operationName: string) => {
      const response = await fetch(stack.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: twoOperations, operationName, variables: { name: 'Organization' } }),
      });
      return response.json();
    };
    expect(await run('TypeByName')).toEqual({ data: { __type: { name: 'Organization', kind: 'OBJECT' } } });
    expect(await run('Other')).toEqual({ data: { __type: { name: 'Organization' } } });
    expect(typeExecutions).toHaveBeenCalledTimes(4);
  });

  it('keeps at most 32 answers: the oldest of 33 is executed again', async () => {
    const ask = (name: string) =>
      postGraphQL(stack.gateway.url, 'query Bounded($name: String!) { __type(name: $name) { name } }', { name }, { token: null });
    const names = Array.from({ length: 33 }, (_, index) => `Missing${index}`);
    for (const name of names) await ask(name);
    expect(typeExecutions).toHaveBeenCalledTimes(33);
    await besideAnotherCaller(() => ask(names[32]!));
    expect(typeExecutions).toHaveBeenCalledTimes(33);
    await ask(names[0]!);
    expect(typeExecutions).toHaveBeenCalledTimes(34);
  });

  it('executes every time an operation that selects more than introspection', async () => {
    const mixed = '{ __typename organizations(first: 1) { edges { node { name } } } }';
    for (let round = 0; round < 2; round++) {
      const answer = await besideAnotherCaller(() => postGraphQL(stack.gateway.url, mixed));
      expect(answer.body.errors).toBeUndefined();
    }
    // Each request made its own call: one for the admin's mixed query, one for the member's list.
    expect(stack.apiCalls()).toHaveLength(4);
  });

  it('still refuses introspection when it is off, every time, without executing it', async () => {
    for (let round = 0; round < 2; round++) {
      const answer = await besideAnotherCaller(() => postGraphQL(hidden.url, getIntrospectionQuery(), undefined, { token: null }));
      expect(answer.status).toBe(400);
      expect(answer.body.errors![0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    }
    expect(schemaExecutions).not.toHaveBeenCalled();
  });
});
