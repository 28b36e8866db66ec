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

/** The content types yoga's JSON request parser accepts (its `isPOSTJsonRequest`). */
const JSON_CONTENT_TYPES = ['application/json', 'application/graphql+json'];

/**
 * The media type of a Content-Type header, lower-cased: media types are case-insensitive (RFC 9110,
 * 8.3.1), so `Application/JSON; Charset=UTF-8` is JSON. As yoga does, a list of types (not valid
 * HTTP, but some clients send one) counts by its first.
 */
function mediaTypeOf(header: string | null): string | undefined {
  const first = header?.split(',')[0];
  if (!first) return undefined;
  const end = first.indexOf(';');
  return (end === -1 ? first : first.slice(0, end)).trim().toLowerCase();
}

export function isJsonContentType(header: string | null): boolean {
  const mediaType = mediaTypeOf(header);
  return mediaType !== undefined && JSON_CONTENT_TYPES.includes(mediaType);
}

/**
 * The header with its media type written as yoga's request parsers compare it: lower case, `;`
 * right after it. They match `application/json` exactly or by prefix, so any other spelling of it
 * would find no parser and get 415. Parameters (a multipart boundary is case-sensitive) are kept.
 */
export function canonicalContentType(header: string): string {
  const end = header.indexOf(';');
  const type = end === -1 ? header : header.slice(0, end);
  const canonical = type.trim().toLowerCase();
  return canonical === type ? header : canonical + (end === -1 ? '' : header.slice(end));
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
