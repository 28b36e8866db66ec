/**
 * How failures reach GraphQL clients. Upstream failures (typed once, in src/upstream/errors.ts) map
 * to a documented `extensions.code` here; everything else is masked by yoga as INTERNAL_SERVER_ERROR.
 * Upstream bodies are never passed through: only a sanitized `detail` of a 4xx validation answer,
 * which is about the caller's own input, is shown.
 */
import { GraphQLError } from 'graphql';
import { maskError as yogaMaskError, type YogaServerOptions } from 'graphql-yoga';
import {
  UpstreamCircuitOpenError,
  UpstreamError,
  UpstreamHttpError,
  UpstreamRateLimitError,
  type UpstreamThrottledError,
} from '../upstream/errors.js';

/** Every `extensions.code` the gateway sets on purpose. Documented in the README. */
export type GatewayErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'RATE_LIMITED'
  | 'UPSTREAM_ERROR'
  | 'UPSTREAM_TIMEOUT'
  | 'UPSTREAM_UNAVAILABLE'
  | 'UPSTREAM_BAD_RESPONSE'
  /** The upstream does not offer the operation at all (e.g. a Hydra API without the organizations collection). */
  | 'UPSTREAM_UNSUPPORTED'
  | 'CLIENT_CLOSED_REQUEST';

export function gatewayError(code: GatewayErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

/** Cuts an upstream `detail` down to one short line of text before it is shown to a client. */
export function sanitizeDetail(detail: string | undefined): string | undefined {
  if (!detail) return undefined;
  const line = detail
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes.
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!line) return undefined;
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

function describe(error: UpstreamError): { code: GatewayErrorCode; message: string; extensions?: Record<string, unknown> } {
  switch (error.code) {
    case 'UNAUTHORIZED':
      return {
        code: 'UNAUTHENTICATED',
        message: 'The organizations API rejected your credentials: check that the bearer token is a valid API key.',
      };
    case 'FORBIDDEN':
      return {
        code: 'FORBIDDEN',
        message: 'You are not allowed to do this: the organizations API requires membership (or the admin role, for changes).',
      };
    case 'NOT_FOUND':
      return { code: 'NOT_FOUND', message: 'No such organization, or it is not visible to you.' };
    case 'VALIDATION':
    case 'CONFLICT': {
      const detail = error instanceof UpstreamHttpError ? sanitizeDetail(error.detail) : undefined;
      return { code: 'BAD_USER_INPUT', message: `The organizations API rejected the request${detail ? `: ${detail}` : '.'}` };
    }
    case 'RATE_LIMITED': {
      const retryAfterMs = error instanceof UpstreamRateLimitError ? error.retryAfterMs : undefined;
      return {
        code: 'RATE_LIMITED',
        message:
          retryAfterMs === undefined
            ? 'Too many requests to the organizations API; wait a moment and retry.'
            : `Too many requests to the organizations API; retry in ${retryAfterMs} ms.`,
        extensions: retryAfterMs === undefined ? {} : { retryAfterMs },
      };
    }
    case 'THROTTLED': {
      const { retryAfterMs, limit } = error as UpstreamThrottledError;
      return {
        code: 'RATE_LIMITED',
        message: `You already have ${limit} calls to the organizations API in flight, the most one caller may have at once; retry in ${retryAfterMs} ms, or send fewer requests at the same time.`,
        extensions: { retryAfterMs, limit: 'callerConcurrency' },
      };
    }
    case 'TIMEOUT':
      return { code: 'UPSTREAM_TIMEOUT', message: 'The organizations API did not answer in time; try again.' };
    case 'UNAVAILABLE':
      if (error instanceof UpstreamCircuitOpenError && error.scope === 'caller') {
        const seconds = Math.ceil(error.retryAfterMs / 1000);
        return {
          code: 'UPSTREAM_UNAVAILABLE',
          message: `Your recent calls to the organizations API failed one after another, so the gateway is not sending yours for the next ${seconds} s (other callers are not affected); try again then.`,
          extensions: { retryAfterMs: error.retryAfterMs },
        };
      }
      if (error instanceof UpstreamCircuitOpenError) {
        const seconds = Math.ceil(error.retryAfterMs / 1000);
        return {
          code: 'UPSTREAM_UNAVAILABLE',
          message: `The organizations API failed repeatedly, so the gateway is not calling it for the next ${seconds} s; try again then.`,
          extensions: { retryAfterMs: error.retryAfterMs },
        };
      }
      return { code: 'UPSTREAM_UNAVAILABLE', message: 'The organizations API cannot be reached right now; try again later.' };
    case 'BAD_RESPONSE':
      return { code: 'UPSTREAM_BAD_RESPONSE', message: 'The organizations API sent an answer the gateway cannot read.' };
    case 'ABORTED':
      return { code: 'CLIENT_CLOSED_REQUEST', message: 'The request was cancelled.' };
    case 'SERVER_ERROR':
    case 'UNEXPECTED_STATUS':
      return { code: 'UPSTREAM_ERROR', message: `The organizations API failed (HTTP ${error.status ?? 'error'}); try again later.` };
  }
}

/** The GraphQL error a client sees for an upstream failure. */
export function upstreamGraphQLError(error: UpstreamError, from?: GraphQLError): GraphQLError {
  const { code, message, extensions } = describe(error);
  return new GraphQLError(message, {
    ...(from ? { nodes: from.nodes, source: from.source, positions: from.positions, path: from.path } : {}),
    extensions: { code, ...extensions },
  });
}

/**
 * yoga's `maskError`: upstream errors become their documented codes; errors the gateway raised on
 * purpose (GraphQLErrors with a code) pass; anything else is masked, never with its original
 * message or stack, even in development, because those can carry upstream data.
 */
export const maskError: NonNullable<Exclude<YogaServerOptions<object, object>['maskedErrors'], boolean | undefined>>['maskError'] = (
  error,
  message,
) => {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (original instanceof UpstreamError) {
    return upstreamGraphQLError(original, error instanceof GraphQLError ? error : undefined);
  }
  return yogaMaskError(error, message, false);
};

/** The `extensions.code` a client sees for this error, whether or not it has been masked yet. */
export function errorCode(error: GraphQLError): string {
  const code = error.extensions?.['code'];
  if (typeof code === 'string') return code;
  if (error.originalError instanceof UpstreamError) return describe(error.originalError).code;
  return error.originalError ? 'INTERNAL_SERVER_ERROR' : 'GRAPHQL_VALIDATION_FAILED';
}
