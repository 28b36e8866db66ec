/**
 * CSRF prevention: a POST executes only when its body is JSON.
 *
 * A web page can make a browser send a cross-site POST without a CORS preflight only with a
 * "CORS-simple" content type: application/x-www-form-urlencoded, multipart/form-data or text/plain
 * (Fetch standard, "CORS-safelisted request-header"). yoga parses the first two (and
 * `application/graphql`) as GraphQL requests by default, so such a request would execute before
 * CORS could refuse to let the page read the answer. Here every POST that yoga's JSON parser would
 * not take is refused with 415 before anything is parsed; a JSON POST from another origin always
 * needs a preflight, which the CORS allow-list (./cors.ts) answers.
 *
 * Why not @graphql-yoga/plugin-csrf-prevention: it demands a custom header on every request that
 * is not a JSON POST, including every GET. That breaks plain GET queries from curl, caches and
 * the GraphQL-over-HTTP audit, and would still let form and multipart POSTs through whenever the
 * header is present. GETs need no such guard here: yoga never runs a mutation over GET (405), and
 * the gateway's credentials are bearer tokens, which a browser never attaches on its own.
 */
import { createGraphQLError, type Plugin } from 'graphql-yoga';

/** The content types yoga's JSON request parser accepts (its `isPOSTJsonRequest`), matched the same way. */
const JSON_CONTENT_TYPES = ['application/json', 'application/graphql+json'];

export function isJsonContentType(header: string | null): boolean {
  // As yoga does: a list of types is not valid HTTP, but some clients send one; the first counts.
  const contentType = header?.split(',')[0];
  if (!contentType) return false;
  return JSON_CONTENT_TYPES.some((type) => contentType === type || contentType.startsWith(`${type};`));
}

/** Refuses, with 415, every POST whose body is not JSON. */
export function useJsonPostsOnly(): Plugin {
  return {
    onRequestParse({ request }) {
      if (request.method !== 'POST') return;
      const contentType = request.headers.get('content-type');
      if (isJsonContentType(contentType)) return;
      const got = contentType === null ? 'no Content-Type' : `Content-Type ${JSON.stringify(contentType.slice(0, 100))}`;
      throw createGraphQLError(
        `POST requests must have a JSON body sent with "Content-Type: application/json" (got ${got}). ` +
          'Form, multipart and plain-text bodies are refused: browsers send those cross-site without a CORS check.',
        { extensions: { code: 'UNSUPPORTED_MEDIA_TYPE', http: { status: 415 } } },
      );
    },
  };
}
