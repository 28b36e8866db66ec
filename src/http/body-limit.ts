/**
 * The request body limit. A Content-Length over it is refused by yoga's own check
 * (`maxRequestBodySize`) with 413 before anything is read. A JSON POST without Content-Length
 * (chunked) is counted while it is read, in ./listener.ts, which stops at the limit and hands yoga
 * the same error yoga's own counting would raise, so neither kind is buffered past the limit. The
 * error's message is only "Request body too large"; this plugin rewrites it to say what the limit
 * is and what to do, keeping yoga's code and status.
 */
import { GraphQLError } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';

/** 100 KiB: GraphiQL's full introspection query is about 2 KB, a page query with every field under 1 KB. */
export const DEFAULT_MAX_BODY_BYTES = 102_400;

/** `extensions.code` of yoga's 413 error. */
const TOO_LARGE = 'REQUEST_ENTITY_TOO_LARGE';

export function useBodyLimitMessage(maxBytes: number): Plugin {
  const message =
    `The request body is larger than this gateway's limit of ${maxBytes} bytes. ` +
    'Send a shorter document or smaller variables, or split the work into several requests.';
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || isAsyncIterable(result) || !result.errors?.some((error) => error.extensions?.['code'] === TOO_LARGE))
        return;
      setResult({
        ...result,
        errors: result.errors.map((error) =>
          error.extensions?.['code'] === TOO_LARGE ? new GraphQLError(message, { extensions: { ...error.extensions, maxBytes } }) : error,
        ),
      });
    },
  };
}
