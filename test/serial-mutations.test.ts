/**
 * Mutation fields run one after another and stop at the first failure that nulls `data`, as the
 * GraphQL spec's serial execution says; `extensions.mutations` tells the client which writes were
 * applied. Each case asserts the writes the upstream actually received, and that another caller
 * is served at the same moment.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_TOKENS, errorCodes, postGraphQL, startStack, type GraphQLResponse, type Stack } from './helpers/stack.js';
import { graphql } from './gql/gql.js';

const MemberOrganizations = graphql(`
  query SerialMemberOrganizations {
    organizations(first: 1) {
      edges {
        node {
          id
        }
      }
    }
  }
`);

const Others = graphql(`
  query SerialOthers {
    organizations(first: 2) {
      edges {
        node {
          name
        }
      }
    }
  }
`);

/** `C` creates (allowed); `F` updates an organization where the member is not admin (the upstream answers 403). */
type Step = 'C' | 'F';

function mutationOf(steps: readonly Step[], forbiddenId: string): string {
  const fields = steps.map((step, index) =>
    step === 'C'
      ? `m${index}: createOrganization(input: { name: "Serial ${index}" }) { organization { id } userErrors { code } }`
      : `m${index}: updateOrganization(input: { id: "${forbiddenId}", name: "Not allowed" }) { organization { id } userErrors { code } }`,
  );
  return `mutation Serial {\n  ${fields.join('\n  ')}\n}`;
}

interface Outcome {
  path: string[];
  field: string;
  status: string;
  organizationId?: string;
}

const outcomes = (response: GraphQLResponse<unknown>) =>
  (response.body as { extensions?: { mutations?: Outcome[] } }).extensions?.mutations;

describe('serial mutations', () => {
  let stack: Stack;
  let forbiddenId: string;
  beforeAll(async () => {
    stack = await startStack();
    const page = await stack.query(MemberOrganizations, {}, { token: DEMO_TOKENS.member });
    forbiddenId = page.body.data!.organizations.edges[0]!.node.id;
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.upstream.reset());

  /** Runs the member's mutation while the admin lists organizations, and checks the admin was served. */
  async function run(query: string): Promise<GraphQLResponse<unknown>> {
    const [response, other] = await Promise.all([
      postGraphQL(stack.gateway.url, query, {}, { token: DEMO_TOKENS.member }),
      stack.query(Others, {}, { token: DEMO_TOKENS.admin }),
    ]);
    expect(other.body.errors).toBeUndefined();
    expect(other.body.data!.organizations.edges).toHaveLength(2);
    return response;
  }

  const writes = () =>
    stack.apiCalls().filter((call) => call.method !== 'GET' && call.headers.authorization === `Bearer ${DEMO_TOKENS.member}`);

  const cases: { steps: Step[]; sent: string[]; statuses: string[] }[] = [
    { steps: ['F', 'C'], sent: ['PATCH'], statuses: ['NOT_APPLIED', 'NOT_RUN'] },
    { steps: ['C', 'F'], sent: ['POST', 'PATCH'], statuses: ['APPLIED', 'NOT_APPLIED'] },
    { steps: ['F', 'C', 'C'], sent: ['PATCH'], statuses: ['NOT_APPLIED', 'NOT_RUN', 'NOT_RUN'] },
    { steps: ['C', 'F', 'C'], sent: ['POST', 'PATCH'], statuses: ['APPLIED', 'NOT_APPLIED', 'NOT_RUN'] },
    { steps: ['C', 'C', 'F'], sent: ['POST', 'POST', 'PATCH'], statuses: ['APPLIED', 'APPLIED', 'NOT_APPLIED'] },
  ];

  it.each(cases)('$steps: stops at the failure, sends nothing after it, and reports each field', async ({ steps, sent, statuses }) => {
    const response = await run(mutationOf(steps, forbiddenId));
    expect(response.body.data).toBeNull();
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(writes().map((call) => call.method)).toEqual(sent);
    const reported = outcomes(response)!;
    expect(reported.map((outcome) => outcome.status)).toEqual(statuses);
    expect(reported.map((outcome) => outcome.path)).toEqual(steps.map((_, index) => [`m${index}`]));
    expect(reported.map((outcome) => outcome.field)).toEqual(
      steps.map((step) => (step === 'C' ? 'createOrganization' : 'updateOrganization')),
    );
    // Each applied create names the organization that now exists upstream.
    const created = writes().filter((call) => call.method === 'POST').length;
    expect(reported.filter((outcome) => outcome.status === 'APPLIED' && outcome.organizationId)).toHaveLength(created);
  });

  it('reports UNKNOWN for a write whose answer was a 500, and runs nothing after it', async () => {
    stack.upstream.injectFault({ kind: 'status', status: 500, match: { method: 'POST', token: DEMO_TOKENS.member } });
    const response = await run(mutationOf(['C', 'C'], forbiddenId));
    expect(response.body.data).toBeNull();
    expect(errorCodes(response)).toEqual(['UPSTREAM_ERROR']);
    expect(writes().map((call) => call.method)).toEqual(['POST']);
    expect(outcomes(response)!.map((outcome) => outcome.status)).toEqual(['UNKNOWN', 'NOT_RUN']);
  });

  it('stops the same way when the mutation fields come from a fragment', async () => {
    const query = `mutation Serial { ...Writes }
fragment Writes on Mutation {
  a: updateOrganization(input: { id: "${forbiddenId}", name: "Not allowed" }) { userErrors { code } }
  b: createOrganization(input: { name: "After the failure" }) { userErrors { code } }
}`;
    const response = await run(query);
    expect(response.body.data).toBeNull();
    expect(writes().map((call) => call.method)).toEqual(['PATCH']);
    expect(outcomes(response)!.map((outcome) => [outcome.path[0], outcome.status])).toEqual([
      ['a', 'NOT_APPLIED'],
      ['b', 'NOT_RUN'],
    ]);
  });

  it('runs every field when none fails, with no extension on a clean answer', async () => {
    const response = await run(mutationOf(['C', 'C'], forbiddenId));
    expect(response.body.errors).toBeUndefined();
    expect(writes().map((call) => call.method)).toEqual(['POST', 'POST']);
    expect(outcomes(response)).toBeUndefined();
  });

  it('reports a refused input (userErrors) as NOT_APPLIED when a later field fails', async () => {
    const query = `mutation Serial {
  a: createOrganization(input: { name: "" }) { userErrors { code } }
  b: updateOrganization(input: { id: "${forbiddenId}", name: "Not allowed" }) { userErrors { code } }
}`;
    const response = await run(query);
    expect(writes().map((call) => call.method)).toEqual(['PATCH']);
    expect(outcomes(response)!.map((outcome) => outcome.status)).toEqual(['NOT_APPLIED', 'NOT_APPLIED']);
  });
});
