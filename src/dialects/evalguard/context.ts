/** What EvalGuard's resolvers find in the context besides the shared pieces. */
import type { GatewayContext } from '../../context.js';
import type { OrgsApi } from './api.js';

export interface EvalGuardContext extends GatewayContext {
  /** Typed calls of the orgs endpoint, bound to this caller. */
  readonly orgs: OrgsApi;
  /** The request's `Idempotency-Key` header, as sent (validated where it is used). */
  readonly idempotencyKeyHeader: string | null;
}
