/**
 * The gateway's node:http request listener.
 *
 * GraphQL POSTs with a JSON body (nearly all traffic) are read here, bounded by the size limit as
 * the bytes arrive, and handed to yoga's fetch handler (`handleRequest`: every plugin hook, request
 * parsing, the operation, result processing, exactly as for any request) as a BufferedRequest
 * (./node-request.ts) instead of the WHATWG Request yoga's node adapter would build. That skips
 * only the adapter's request conversion and the stream pipeline the body would be read through (an
 * AbortSignal per stream, a TransformStream and a second Request for the size limit): about a
 * sixth of the CPU time of a list operation in `npm run bench:profile`.
 *
 * Every other request (GET, other paths, other content types, a Content-Length over the limit) goes
 * to yoga's node adapter untouched but for the spelling of its media type (canonicalContentType).
 * test/lean-path.test.ts checks that both ways answer alike.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { createGraphQLError, type YogaServerInstance } from 'graphql-yoga';
import { canonicalContentType, isJsonContentType } from './csrf.js';
import { BufferedRequest } from './node-request.js';

type AnyYoga = YogaServerInstance<Record<string, unknown>, Record<string, unknown>>;

export interface RequestListenerOptions {
  /** The GraphQL endpoint's path. */
  endpoint: string;
  /** Largest request body accepted, in bytes (yoga's `maxRequestBodySize` must be the same). */
  maxBodyBytes: number;
  /** Whether JSON POSTs take the lean path. Off: every request goes through yoga's node adapter. */
  leanPath: boolean;
}

export function createRequestListener(yoga: AnyYoga, options: RequestListenerOptions): RequestListener {
  const { endpoint, maxBodyBytes, leanPath } = options;

  /** A JSON POST whose body is read (or refused): yoga's fetch handler, adapter hooks included. */
  const handleBuffered = async (request: BufferedRequest, res: ServerResponse) => {
    // No server context: given one, the adapter copies it property by property into a new object
    // per request (its isolateObject), which showed in the profile; no plugin of the gateway reads
    // req or res from it.
    const response = await yoga.handleRequest(request as unknown as Request, undefined as never);
    await send(response, res);
  };

  return (req, res) => {
    // yoga's request parsers match the media type as written (./csrf.ts), on both paths.
    const contentType = req.headers['content-type'];
    if (contentType !== undefined) req.headers['content-type'] = canonicalContentType(contentType);
    if (!leanPath || req.method !== 'POST' || req.url !== endpoint || !isJsonContentType(req.headers['content-type'] ?? null)) {
      void yoga(req, res);
      return;
    }
    // A declared length over the limit (or not a number) is refused by yoga before it reads a byte.
    const declared = req.headers['content-length'];
    if (declared !== undefined && !(/^\d+$/.test(declared) && Number(declared) <= maxBodyBytes)) {
      void yoga(req, res);
      return;
    }
    readBody(req, maxBodyBytes)
      .then(
        (content) => {
          // Past the limit while reading a body without Content-Length: yoga's JSON parser gets the
          // error yoga's own limit raises, and answers 413 as it would. The rest of the body is not
          // read, so the connection cannot carry another request.
          if (typeof content !== 'string') res.setHeader('connection', 'close');
          return handleBuffered(new BufferedRequest(req, res, content), res);
        },
        // The client went away while sending the body: there is no one to answer.
        () => res.destroy(),
      )
      .catch((error: unknown) => {
        // yoga turns every error of an operation into an answer; this is a bug, answered as yoga's adapter would.
        process.emitWarning(
          `org-gateway: unexpected error while answering a request: ${error instanceof Error ? error.message : String(error)}`,
        );
        if (!res.headersSent) res.writeHead(500).end();
        else res.destroy();
      });
  };
}

/**
 * The body as text, read until the end or until it passes `limit` bytes, when yoga's own error for
 * an oversized body is returned instead (and reading stops).
 */
function readBody(req: IncomingMessage, limit: number): Promise<string | Error> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        req.pause();
        resolve(bodyTooLargeError());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks, size).toString('utf8'));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onClose = () => {
      if (!req.complete) onError(new Error('the client closed the connection while sending the body'));
    };
    const cleanup = () => {
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
    };
    req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}

/** The error yoga's maxRequestBodySize raises (use-limit-request-body-size.ts), so the answer is yoga's. */
function bodyTooLargeError(): Error {
  return createGraphQLError('Request body too large', { extensions: { http: { status: 413 }, code: 'REQUEST_ENTITY_TOO_LARGE' } });
}

/** Writes a Fetch Response to node:http, as yoga's adapter does for the bodies yoga makes (text or none). */
async function send(response: Response | undefined, res: ServerResponse): Promise<void> {
  if (res.destroyed || res.writableEnded) return;
  if (!response) {
    res.writeHead(404).end();
    return;
  }
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const setCookies = response.headers.getSetCookie?.();
  if (setCookies?.length) headers['set-cookie'] = setCookies;
  // text(), not body: yoga's bodies are strings, which text() returns as they are, while reading
  // `body` would first copy one into a Buffer and a stream.
  const text = await response.text();
  const body = text.length > 0 ? text : undefined;
  res.writeHead(response.status, response.statusText || undefined, headers);
  res.end(body);
}
