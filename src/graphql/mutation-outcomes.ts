/**
 * What each mutation field of an operation did upstream, told to the client when the answer has
 * errors: a failed non-null mutation field nulls all of `data`, and without this a client could
 * not tell which writes before it were applied (and a retry would repeat them).
 *
 * Mutation fields run one after another and stop at the first one that nulls `data` (graphql-js's
 * serial execution, see ./jit.ts); fields after it are listed as NOT_RUN.
 */
import { collectFields } from '@graphql-tools/utils';
import { getOperationAST, GraphQLError, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context.js';
import { UpstreamCircuitOpenError, UpstreamError, UpstreamHttpError } from '../upstream/errors.js';

/**
 * APPLIED: the upstream made the change. NOT_APPLIED: nothing was written (the input was refused,
 * by the gateway or the upstream). UNKNOWN: the request may have reached the upstream but no
 * answer says whether it was applied (timeout, dropped connection, 5xx): read before retrying.
 * NOT_RUN: never sent, because an earlier mutation field failed.
 */
export type MutationStatus = 'APPLIED' | 'NOT_APPLIED' | 'UNKNOWN' | 'NOT_RUN';

export interface MutationOutcome {
  /** The field's response name (its alias, if it has one), as in `data`. */
  path: [string];
  /** The mutation field, e.g. `createOrganization`. */
  field: string;
  status: MutationStatus;
  /** The Relay id of the organization written (or written in), when known. */
  organizationId?: string;
  /** The Relay id of the member or group written, when known. */
  id?: string;
}

/** Records, per request, what each mutation field did; read by useMutationOutcomes. */
export function recordMutation(
  ctx: GatewayContext,
  info: GraphQLResolveInfo,
  status: MutationStatus,
  organizationId?: string,
  id?: string,
): void {
  ctx.mutations.set(String(info.path.key), {
    path: [String(info.path.key)],
    field: info.fieldName,
    status,
    ...(organizationId ? { organizationId } : {}),
    ...(id ? { id } : {}),
  });
}

/** The status of a write that failed with `error`. */
export function failedWriteStatus(error: unknown): MutationStatus {
  // Refused before anything was sent (no credentials, breaker open, caller throttled).
  if (error instanceof GraphQLError || error instanceof UpstreamCircuitOpenError) return 'NOT_APPLIED';
  if (!(error instanceof UpstreamError) || error.code === 'THROTTLED') return error instanceof UpstreamError ? 'NOT_APPLIED' : 'UNKNOWN';
  if (error.status !== undefined && error.status >= 200 && error.status < 300) return 'APPLIED'; // an unreadable success answer
  // An answer below 500 is the upstream refusing the request.
  if (error instanceof UpstreamHttpError && error.status !== undefined && error.status < 500) return 'NOT_APPLIED';
  return 'UNKNOWN';
}

/** Adds `extensions.mutations` to the answer of a mutation operation that has errors. */
export function useMutationOutcomes(): Plugin<GatewayContext> {
  return {
    onExecute({ args }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation !== 'mutation') return undefined;
      return {
        onExecuteDone({ result, setResult }) {
          if (!('errors' in result) || !result.errors?.length) return;
          const outcomes = outcomesOf(operation, args.schema, args.document, args.variableValues ?? {}, args.contextValue.mutations);
          setResult({ ...result, extensions: { ...result.extensions, mutations: outcomes } });
        },
      };
    },
  };
}

function outcomesOf(
  operation: OperationDefinitionNode,
  schema: Parameters<typeof collectFields>[0],
  document: { definitions: readonly { kind: string }[] },
  variables: Record<string, unknown>,
  recorded: ReadonlyMap<string, MutationOutcome>,
): MutationOutcome[] {
  const fragments = Object.fromEntries(
    document.definitions
      .filter((definition) => definition.kind === 'FragmentDefinition')
      .map((definition) => {
        const fragment = definition as Parameters<typeof collectFields>[1][string];
        return [fragment.name.value, fragment];
      }),
  );
  const { fields } = collectFields(schema, fragments, variables, schema.getMutationType()!, operation.selectionSet);
  return [...fields]
    .filter(([, nodes]) => !nodes[0]!.name.value.startsWith('__'))
    .map(([responseName, nodes]) => recorded.get(responseName) ?? { path: [responseName], field: nodes[0]!.name.value, status: 'NOT_RUN' });
}
