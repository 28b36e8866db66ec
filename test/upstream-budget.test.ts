/**
 * The upstream-call budget (src/graphql/upstream-budget.ts), over real HTTP against the demo
 * upstream: the bound is never below the calls the upstream really receives; an operation whose
 * bound is above MAX_UPSTREAM_CALLS is refused before any call while another caller is served; bad
 * variables still get the executor's own error; and the bound multiplies through nested pages.
 */
import { GraphQLID, GraphQLInt, GraphQLList, GraphQLObjectType, GraphQLSchema, parse, type GraphQLFieldConfig } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodeNodeId } from '../src/graphql/node-id.js';
import { schema } from '../src/dialects/basedash/graphql/schema.js';
import { upstreamCallBound } from '../src/graphql/upstream-budget.js';
import { DEMO_TOKENS, postGraphQL, startStack, type Stack } from './helpers/stack.js';

const orgId = (n: number) => encodeNodeId('Organization', `org_${String(n).padStart(4, '0')}`);
const orgIds = (count: number) => Array.from({ length: count }, (_, index) => orgId(index + 1));

const NODES = 'query Nodes($ids: [ID!]!) { nodes(ids: $ids) { id } }';

function refusal(bound: number, maximum: number) {
  return {
    message: `This operation could make up to ${bound} upstream calls; the maximum is ${maximum}. Ask for fewer ids, smaller pages (\`first\`) or fewer aliases, or split it into several requests.`,
    extensions: { code: 'BAD_USER_INPUT', limit: 'upstreamCalls', bound, maximum },
  };
}

interface Case {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** The bound the model gives. */
  bound: number;
  /** The calls the demo upstream receives (the loader's de-duplication is why it can be lower). */
  made: number;
}

const CASES: Case[] = [
  { name: 'a page with the default size', query: '{ organizations { edges { node { id name } } } }', bound: 1, made: 1 },
  {
    name: 'a page whose first comes from a variable default',
    query: 'query ($first: Int = 20) { organizations(first: $first) { edges { cursor node { slug } } pageInfo { endCursor } } }',
    variables: {},
    bound: 1,
    made: 1,
  },
  {
    name: 'three aliased pages, two of them the same page',
    query:
      '{ a: organizations(first: 5) { edges { node { id } } } b: organizations(first: 5) { edges { node { name } } } c: organizations(first: 10) { edges { node { id } } } }',
    bound: 3,
    made: 2,
  },
  { name: 'one organization by a literal id', query: `{ organization(id: "${orgId(7)}") { name } }`, bound: 1, made: 1 },
  {
    name: 'a page and a node already on it',
    query: 'query ($id: ID!) { organizations(first: 5) { edges { node { id } } } node(id: $id) { ... on Organization { name } } }',
    variables: { id: orgId(120) },
    bound: 2,
    made: 1,
  },
  {
    name: 'nodes with three distinct ids and one repeated',
    query: NODES,
    variables: { ids: [orgId(1), orgId(2), orgId(3), orgId(1)] },
    bound: 4,
    made: 3,
  },
  {
    name: 'nodes given a single id where a list is expected (input coercion makes it a list of one)',
    query: NODES,
    variables: { ids: orgId(9) },
    bound: 1,
    made: 1,
  },
  {
    name: 'three aliases of nodes sharing five ids',
    query:
      'query ($ids: [ID!]!) { a: nodes(ids: $ids) { id } b: nodes(ids: $ids) { id } c: nodes(ids: $ids) { ... on Organization { slug } } }',
    variables: { ids: orgIds(5) },
    bound: 15,
    made: 5,
  },
  {
    name: 'nodes asking for an id the upstream does not know',
    query: NODES,
    variables: { ids: [encodeNodeId('Organization', 'org_missing')] },
    bound: 1,
    made: 1,
  },
  {
    name: 'named and inline fragments, one spread twice',
    query: `query { ...Orgs ...Orgs ... on Query { node(id: "${orgId(3)}") { id } } } fragment Orgs on Query { x: organization(id: "${orgId(4)}") { name } organizations(first: 2) { edges { node { id } } } }`,
    bound: 3,
    made: 3,
  },
  {
    name: 'a field skipped by @skip still counts',
    query: `query ($skip: Boolean = true) { organization(id: "${orgId(5)}") @skip(if: $skip) { name } }`,
    variables: {},
    bound: 1,
    made: 0,
  },
  { name: 'only __typename', query: '{ __typename }', bound: 0, made: 0 },
  {
    name: 'a create that selects only fields the write answer has',
    query: 'mutation { createOrganization(input: { name: "Budget Co" }) { organization { name slug } userErrors { code } } }',
    bound: 2,
    made: 1,
  },
  {
    name: 'a create that selects a field the write answer lacks (read again)',
    query: 'mutation { createOrganization(input: { name: "Budget Co" }) { organization { insightsFrequency } userErrors { code } } }',
    bound: 2,
    made: 2,
  },
  {
    name: 'an update and a create in one mutation, both reading again',
    query:
      'mutation ($input: UpdateOrganizationInput!) { u: updateOrganization(input: $input) { organization { defaultChatAccessLevel } } c: createOrganization(input: { name: "Budget Co" }) { organization { defaultChatAccessLevel } } }',
    variables: { input: { id: orgId(1), name: 'Renamed' } },
    bound: 4,
    made: 4,
  },
  {
    name: 'a create rejected as userErrors before any call',
    query: 'mutation { createOrganization(input: { name: "" }) { organization { name } userErrors { code } } }',
    bound: 2,
    made: 0,
  },
];

describe('the bound against the calls really made', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ gateway: { maxUpstreamCalls: 1_000_000 } });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.upstream.reset());

  it.each(CASES)('$name: bound $bound, made $made', async ({ query, variables, bound, made }) => {
    expect(upstreamCallBound(schema, parse(query), undefined, variables)).toBe(bound);
    const response = await postGraphQL(stack.gateway.url, query, variables);
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(stack.apiCalls()).toHaveLength(made);
    expect(made).toBeLessThanOrEqual(bound);
  });
});

describe('the alias × nodes flood', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.upstream.reset());

  // 15 aliases is MAX_ALIASES' default; 100 ids is the most one `nodes` takes. In variables the
  // document stays far below MAX_TOKENS, so only the budget stands in its way.
  const FLOOD = `query Flood($ids: [ID!]!) { ${Array.from({ length: 15 }, (_, index) => `a${index}: nodes(ids: $ids) { id }`).join(' ')} }`;
  const LIST = '{ organizations(first: 5) { edges { node { name } } } }';

  it('refuses 15 aliases × 100 ids before any upstream call, while another caller is served at the same moment', async () => {
    const floods = Array.from({ length: 5 }, () => postGraphQL(stack.gateway.url, FLOOD, { ids: orgIds(100) }));
    const other = postGraphQL<{ organizations: { edges: unknown[] } }>(stack.gateway.url, LIST, undefined, { token: DEMO_TOKENS.member });
    const [answers, served] = await Promise.all([Promise.all(floods), other]);

    for (const answer of answers) {
      expect(answer.status).toBe(400);
      expect(answer.body).not.toHaveProperty('data');
      expect(answer.body.errors).toEqual([refusal(1500, 200)]);
    }
    expect(served.status).toBe(200);
    expect(served.body.errors).toBeUndefined();
    expect(served.body.data!.organizations.edges).toHaveLength(5);
    // The only upstream request is the other caller's page.
    expect(stack.apiCalls().map((call) => [call.path, call.headers.authorization])).toEqual([
      ['/api/public/organizations', `Bearer ${DEMO_TOKENS.member}`],
    ]);
  });

  it('answers an application/json-only client with 200 and the same error, as for the other limits', async () => {
    const answer = await postGraphQL(stack.gateway.url, FLOOD, { ids: orgIds(100) }, { headers: { accept: 'application/json' } });
    expect(answer.status).toBe(200);
    expect(answer.body).not.toHaveProperty('data');
    expect(answer.body.errors).toEqual([refusal(1500, 200)]);
    expect(stack.apiCalls()).toHaveLength(0);
  });
});

describe('with MAX_UPSTREAM_CALLS lowered to 10', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ gateway: { maxUpstreamCalls: 10 } });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.upstream.reset());

  it('serves an operation whose bound is exactly the maximum', async () => {
    const answer = await postGraphQL<{ nodes: unknown[] }>(stack.gateway.url, NODES, { ids: orgIds(10) });
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data!.nodes).toHaveLength(10);
    expect(stack.apiCalls()).toHaveLength(10);
  });

  it('refuses one more before any upstream call', async () => {
    const answer = await postGraphQL(stack.gateway.url, NODES, { ids: orgIds(11) });
    expect(answer.status).toBe(400);
    expect(answer.body).not.toHaveProperty('data');
    expect(answer.body.errors).toEqual([refusal(11, 10)]);
    expect(stack.apiCalls()).toHaveLength(0);
  });

  it('counts pages from aliases and fragments alike', async () => {
    const pages = (count: number) =>
      Array.from({ length: count }, (_, index) => `p${index}: organizations(first: ${index + 1}) { edges { node { id } } }`);
    const atLimit = await postGraphQL(
      stack.gateway.url,
      `{ ${pages(9).join(' ')} ...More } fragment More on Query { more: organizations(first: 50) { edges { node { id } } } }`,
    );
    expect(atLimit.body.errors).toBeUndefined();
    expect(stack.apiCalls()).toHaveLength(10);

    stack.upstream.reset();
    const over = await postGraphQL(
      stack.gateway.url,
      `{ ${pages(10).join(' ')} ...More } fragment More on Query { more: organizations(first: 50) { edges { node { id } } } }`,
    );
    expect(over.body.errors).toEqual([refusal(11, 10)]);
    expect(stack.apiCalls()).toHaveLength(0);
  });
});

describe('variables that do not coerce', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ gateway: { maxUpstreamCalls: 10 } });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.upstream.reset());

  it.each([
    ['an object for a list of ids', NODES, { ids: { first: orgId(1) } }, 'Variable "$ids" got invalid value'],
    ['no value for a required list of ids', NODES, {}, 'Variable "$ids" of required type "[ID!]!" was not provided.'],
    [
      'a string for first',
      'query ($first: Int) { organizations(first: $first) { edges { node { id } } } }',
      { first: 'many' },
      'Variable "$first" got invalid value "many"',
    ],
  ])('gets the variable-coercion error, not a budget error, for %s', async (_name, query, variables, message) => {
    const answer = await postGraphQL(stack.gateway.url, query, variables);
    expect(answer.status).toBe(400);
    expect(answer.body).not.toHaveProperty('data');
    expect(answer.body.errors).toEqual([
      { message: expect.stringContaining(message), locations: expect.any(Array), extensions: { code: 'BAD_USER_INPUT' } },
    ]);
    expect(stack.apiCalls()).toHaveLength(0);
  });

  it('gets the variable-coercion error when a variable the bound does not read is wrong', async () => {
    const query = 'query ($ids: [ID!]!, $show: Boolean!) { nodes(ids: $ids) @include(if: $show) { id } }';
    const answer = await postGraphQL(stack.gateway.url, query, { ids: orgIds(11), show: 'yes' });
    expect(answer.body.errors).toEqual([
      {
        message: expect.stringContaining('Variable "$show" got invalid value "yes"'),
        locations: expect.any(Array),
        extensions: { code: 'BAD_USER_INPUT' },
      },
    ]);
    expect(stack.apiCalls()).toHaveLength(0);
  });

  it('lets an explicit null for an argument that is non-null fail that field as the executor does', async () => {
    // Allowed by validation because the variable has a default; the argument then fails at execution.
    const answer = await postGraphQL<{ nodes: unknown }>(stack.gateway.url, 'query ($ids: [ID!] = []) { nodes(ids: $ids) { id } }', {
      ids: null,
    });
    expect(answer.body.errors).toHaveLength(1);
    expect(answer.body.errors![0]!.message).toContain('"ids"');
    expect(answer.body.errors![0]!.extensions?.['limit']).toBeUndefined();
    expect(stack.apiCalls()).toHaveLength(0);
  });
});

describe('the model for nested pages (issue 19), on a schema of its own', () => {
  const one = { upstreamCalls: () => ({ calls: 1, multiplier: 1 }) };
  const page = (defaultFirst: number): GraphQLFieldConfig<unknown, unknown> => ({
    type: new GraphQLList(Member),
    args: { first: { type: GraphQLInt, defaultValue: defaultFirst } },
    extensions: { upstreamCalls: (args) => ({ calls: 1, multiplier: args['first'] as number }) },
  });
  const User: GraphQLObjectType = new GraphQLObjectType({ name: 'User', fields: { id: { type: GraphQLID } } });
  const Member: GraphQLObjectType = new GraphQLObjectType({
    name: 'Member',
    fields: { id: { type: GraphQLID }, user: { type: User, extensions: one } },
  });
  const Org: GraphQLObjectType = new GraphQLObjectType({
    name: 'Org',
    fields: () => ({ id: { type: GraphQLID }, members: page(5), groups: { ...page(3), type: new GraphQLList(Group) } }),
  });
  const Group: GraphQLObjectType = new GraphQLObjectType({ name: 'Group', fields: () => ({ members: page(5) }) });
  const nested = new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { orgs: { ...page(10), type: new GraphQLList(Org) } } }),
  });
  const bound = (query: string, variables?: Record<string, unknown>) => upstreamCallBound(nested, parse(query), undefined, variables);

  it('multiplies a nested page by the items of the page above it: 1 + 50 for 50 organizations with their members', () => {
    expect(bound('{ orgs(first: 50) { members(first: 5) { id } } }')).toBe(51);
  });

  it('multiplies through every level, with schema defaults where first is omitted', () => {
    // 1 + 10 × (1 + 5 × 1) + 10 × (1 + 3 × (1 + 5 × 1))
    expect(bound('{ orgs { members { user { id } } groups { members { user { id } } } } }')).toBe(1 + 10 * 6 + 10 * (1 + 3 * 6));
  });

  it('reads first from variables and their defaults', () => {
    const query = 'query ($n: Int = 4) { orgs(first: $n) { members(first: $n) { user { id } } } }';
    expect(bound(query, {})).toBe(1 + 4 * (1 + 4));
    expect(bound(query, { n: 2 })).toBe(1 + 2 * (1 + 2));
  });

  it('merges a field selected twice, as the executor does, and adds aliases', () => {
    const twice = '{ orgs(first: 2) { ...M ...M members(first: 3) { id } } } fragment M on Org { members(first: 3) { user { id } } }';
    expect(bound(twice)).toBe(1 + 2 * (1 + 3));
    expect(bound('{ orgs(first: 2) { a: members(first: 3) { id } b: members(first: 3) { id } } }')).toBe(1 + 2 * 2);
  });
});
