/**
 * The upstream as one GraphQL request sees it: the shared client bound to this caller's
 * Authorization header, the operation's cancellation, forwarded headers, call log and share of the
 * upstream. Each dialect's typed calls go through one of these, so nothing fetched with one
 * caller's token can be served to another and no dialect repeats the plumbing.
 */
import { callerKey } from './caller-key.js';
import type { OperationCancellation } from './cancellation.js';
import type { UpstreamCallRecord, UpstreamClient, UpstreamRequest, UpstreamResponse } from './client.js';
import type { Slots } from './fair-share.js';
import type { ForwardedHeaders } from './forwarded-headers.js';

/** What every call of one GraphQL request shares, besides the caller's credentials. */
export interface CallOptions {
  /** Ends the calls when the client disconnects or the operation deadline passes. */
  cancellation?: OperationCancellation | undefined;
  /** Request id and trace context to send along (the only client headers that travel). */
  forwarded?: ForwardedHeaders | undefined;
  /** Collects every exchange with the upstream, for the operation's log line. */
  calls?: UpstreamCallRecord[] | undefined;
  /** The operation's share of the upstream (UpstreamClient.operationSlots()). */
  operationSlots?: Slots | undefined;
}

/** A request as a dialect writes it: the session adds who calls and the operation's plumbing. */
export type SessionRequest = Omit<UpstreamRequest, 'authorization' | 'caller' | keyof CallOptions>;

export class UpstreamSession {
  private identity: { authorization: string; caller: string } | undefined;

  constructor(
    readonly client: UpstreamClient,
    /** Returns the caller's Authorization header, or throws when the caller has none. */
    private readonly credentials: () => string,
    private readonly call: CallOptions = {},
  ) {}

  /** The caller's credentials and the key the per-caller limits know it by, derived once per operation. */
  private caller(): { authorization: string; caller: string } {
    if (!this.identity) {
      const authorization = this.credentials();
      this.identity = { authorization, caller: callerKey(authorization) };
    }
    return this.identity;
  }

  request(request: SessionRequest): Promise<UpstreamResponse> {
    // Written out, not spread: merging requests of varied shapes with `{ ...request, ... }` made V8
    // build hidden classes per call, old-space garbage that grew the heap under load.
    const { authorization, caller } = this.caller();
    const call = this.call;
    return this.client.request({
      method: request.method,
      route: request.route,
      path: request.path,
      query: request.query,
      body: request.body,
      contentType: request.contentType,
      idempotencyKey: request.idempotencyKey,
      authorization,
      caller,
      cancellation: call.cancellation,
      forwarded: call.forwarded,
      calls: call.calls,
      operationSlots: call.operationSlots,
    });
  }
}
