/**
 * Clearer errors for three mistakes in a request that yoga reports vaguely:
 * - an `operationName` the document does not define, or a document with several operations and
 *   no `operationName`: yoga answers "Could not determine what operation to execute.", which
 *   says neither what was wrong nor which names exist;
 * - variables that do not fit their declared types: graphql's message is clear, but it carries no
 *   `extensions.code`, unlike every other error a client can get from the gateway, and the
 *   executor answers it with 400 even to an `Accept: application/json` client, where the
 *   GraphQL-over-HTTP spec asks for 200 (graphql-http's audit 7B9B does not catch this: its
 *   request fails validation first). The code becomes BAD_USER_INPUT, as the executor's own
 *   subscribe path already does, and the 400 is kept for application/graphql-response+json only;
 * - a subscription: the schema has none, and graphql 16 lets the document through validation, so
 *   the executor answers "Schema is not configured to execute subscription operation." without a
 *   code, with 200 whatever the client accepts. It fails validation here, as in graphql 17
 *   (KnownOperationTypesRule), so it gets GRAPHQL_VALIDATION_FAILED and that status rule.
 */
import { getOperationAST, GraphQLError, Kind, type ASTVisitor, type DocumentNode, type ValidationContext } from 'graphql';
import { createGraphQLError, isAsyncIterable, type Plugin } from 'graphql-yoga';

function operationNames(document: DocumentNode): string[] {
  return document.definitions.flatMap((definition) =>
    definition.kind === Kind.OPERATION_DEFINITION ? [definition.name ? `"${definition.name.value}"` : 'an anonymous operation'] : [],
  );
}

function operationResolutionMessage(document: DocumentNode, operationName: string | undefined): string {
  const names = operationNames(document);
  if (names.length === 0) return 'The document defines no operation (only fragments): add a query or a mutation.';
  if (operationName)
    return `The document has no operation named "${operationName}"; it defines ${names.join(', ')}. Send one of those as operationName.`;
  return `The document defines several operations (${names.join(', ')}): send operationName to choose the one to run.`;
}

/** Operations whose root type the schema lacks, reported as graphql 17 does. */
function knownOperationTypes(context: ValidationContext): ASTVisitor {
  const schema = context.getSchema();
  return {
    OperationDefinition(node) {
      if (schema.getRootType(node.operation)) return;
      context.reportError(
        new GraphQLError(`The ${node.operation} operation is not supported by the schema: this API answers queries and mutations.`, {
          nodes: node,
        }),
      );
    },
  };
}

export function useClearRequestErrors(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(knownOperationTypes);
    },
    onParse({ context }) {
      // Only yoga's HTTP requests carry params; the check runs before yoga's own, which would
      // answer with its vaguer message.
      const operationName: unknown = (context as { params?: { operationName?: unknown } }).params?.operationName ?? undefined;
      if (operationName !== undefined && typeof operationName !== 'string') {
        // Not a well-formed GraphQL-over-HTTP request, so 400 whatever the client accepts.
        throw createGraphQLError(
          `operationName must be a string naming one of the document's operations, not ${Array.isArray(operationName) ? 'an array' : `a value of type ${typeof operationName}`}.`,
          {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          },
        );
      }
      return ({ result }) => {
        if (result instanceof Error || result === null || !('kind' in result)) return;
        if (getOperationAST(result, operationName)) return;
        throw createGraphQLError(operationResolutionMessage(result, operationName), {
          // Like a validation error: 400 for application/graphql-response+json, 200 for application/json.
          extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400, spec: true } },
        });
      };
    },
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          // A result without `data` is a request error: execution never started. Past operation
          // resolution (above) the only such errors are variables that failed coercion.
          if (isAsyncIterable(result) || 'data' in result || !result.errors?.length) return;
          setResult({
            ...result,
            errors: result.errors.map((error) =>
              error.extensions?.['code'] === undefined
                ? // yoga's convention: `spec: true` applies the status to application/graphql-response+json only.
                  withExtensions(error, {
                    code: 'BAD_USER_INPUT',
                    http: { ...(error.extensions?.['http'] as object | undefined), spec: true },
                  })
                : error,
            ),
          });
        },
      };
    },
  };
}

/** A copy of a GraphQL error with more extensions (GraphQLError's are read-only). */
export function withExtensions(error: GraphQLError, extensions: Record<string, unknown>, message = error.message): GraphQLError {
  return new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, ...extensions },
  });
}
