/**
 * Requests that are not well-formed GraphQL-over-HTTP requests get 400 and a `BAD_REQUEST` error
 * saying what is wrong, whatever the client accepts (the spec's 200-for-application/json rule is for
 * GraphQL errors of a well-formed request). Two cases yoga answers otherwise:
 * - a GET whose `variables` or `extensions` parameter is not JSON: yoga's JSON.parse throws, which
 *   it answers with 500 and an error-level log line with a stack, so any client could flood the
 *   error log without a token;
 * - no `query` (e.g. a body of `{}`): yoga answers 200 to an `application/json` client.
 */
import { createGraphQLError, type Plugin } from 'graphql-yoga';

/** The GET parameters yoga decodes as JSON. */
const JSON_PARAMETERS = ['variables', 'extensions'] as const;

function badRequest(message: string) {
  // No `spec: true`: the status applies to application/json clients too.
  return createGraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
}

/**
 * Must come after every plugin that fills in `query` from `params` (trusted documents), so it sees
 * the query an operation will run.
 */
export function useWellFormedRequests(): Plugin {
  return {
    onRequestParse({ request, url }) {
      if (request.method !== 'GET') return;
      for (const name of JSON_PARAMETERS) {
        // As yoga reads them: an empty parameter counts as absent.
        const value = url.searchParams.get(name);
        if (!value) continue;
        try {
          JSON.parse(value);
        } catch {
          // The parser's message is left out: it quotes the input back.
          throw badRequest(`The "${name}" URL parameter is not valid JSON: send a JSON object, URL-encoded.`);
        }
      }
    },
    onParams({ params }) {
      if (params.query == null) {
        throw badRequest('The request has no "query": send the GraphQL document to run as the "query" parameter.');
      }
    },
  };
}
