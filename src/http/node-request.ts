/**
 * What yoga and the gateway's plugins read of a Request, served from node:http's IncomingMessage
 * and a body already read into memory. The lean path (./listener.ts) hands this to yoga instead of
 * the WHATWG Request that yoga's node adapter builds, which streams the body through a
 * ReadableStream pipeline, an AbortSignal per stream and (for the size limit) a TransformStream
 * and a second Request: together about a sixth of the CPU time of a list operation in the profile.
 *
 * Only the read side of the Fetch API is here, because nothing on the path writes to a request:
 * headers, method, url, signal and the body as text or JSON.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Calls `callback` once if the client of `request` goes away before its answer is written: through
 * the response for a lean-path request, else through the Fetch request's signal.
 */
export function onClientGone(request: Request | BufferedRequest, callback: () => void): void {
  if (request instanceof BufferedRequest) {
    request.onClientGone(callback);
    return;
  }
  const signal = request.signal;
  if (signal.aborted) callback();
  else signal.addEventListener('abort', callback, { once: true });
}

/** The Headers read API over IncomingMessage's lower-cased header object. */
export class NodeRequestHeaders {
  constructor(private readonly raw: IncomingMessage['headers']) {}

  get(name: string): string | null {
    const value = this.raw[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  }

  has(name: string): boolean {
    return this.raw[name.toLowerCase()] !== undefined;
  }

  forEach(callback: (value: string, name: string, headers: NodeRequestHeaders) => void): void {
    for (const [name, value] of this.entries()) callback(value, name, this);
  }

  *entries(): IterableIterator<[string, string]> {
    for (const name of Object.keys(this.raw)) {
      const value = this.get(name);
      if (value !== null) yield [name, value];
    }
  }

  *keys(): IterableIterator<string> {
    for (const [name] of this.entries()) yield name;
  }

  *values(): IterableIterator<string> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }
}

/**
 * A POST whose body has been read (or refused while reading). `body` is null on purpose: yoga's
 * size limit only wraps a request that has a body stream, and this body was already bounded while
 * it was read; yoga's JSON parser reads it through json().
 */
export class BufferedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: NodeRequestHeaders;
  readonly body = null;
  readonly bodyUsed = false;
  private controller: AbortController | undefined;
  private parsed: URL | undefined;

  constructor(
    incoming: IncomingMessage,
    private readonly response: ServerResponse,
    /** The body as text, or why it could not be read (e.g. too large), thrown by json() and text(). */
    private readonly content: string | Error,
  ) {
    this.method = incoming.method ?? 'POST';
    this.url = `http://${incoming.headers.host ?? 'localhost'}${incoming.url ?? '/'}`;
    this.headers = new NodeRequestHeaders(incoming.headers);
  }

  /** Aborted when the client goes away before its answer is written, like yoga's own request's signal. */
  get signal(): AbortSignal {
    if (!this.controller) {
      const controller = new AbortController();
      this.controller = controller;
      this.onClientGone(() => controller.abort());
    }
    return this.controller.signal;
  }

  /**
   * Calls `callback` once if the client goes away before its answer is written (at once if it
   * already has): what `signal` tells, without making an AbortSignal.
   */
  onClientGone(callback: () => void): void {
    const response = this.response;
    if (response.destroyed && !response.writableFinished) callback();
    else
      response.once('close', () => {
        if (!response.writableFinished) callback();
      });
  }

  text(): Promise<string> {
    return typeof this.content === 'string' ? Promise.resolve(this.content) : Promise.reject(this.content);
  }

  json(): Promise<unknown> {
    if (typeof this.content !== 'string') return Promise.reject(this.content);
    try {
      return Promise.resolve(JSON.parse(this.content) as unknown);
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  /**
   * The URL as yoga's adapter reads it for its hooks' `url` (it takes `parsedUrl` when a request
   * has one, else it parses `url` with its own, slower, URL implementation).
   */
  get parsedUrl(): URL {
    return (this.parsed ??= new URL(this.url));
  }
}
