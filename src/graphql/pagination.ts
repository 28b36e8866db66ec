/**
 * Relay connection arguments → the upstream's cursor pagination (`limit` 1–100, `cursor` = id of
 * the last item seen). The upstream pages forward only and answers `hasMore` itself, so this does
 * not use Pothos's resolveCursorConnection: that helper asks for one item more than the page size
 * to detect a next page, which would turn `first: 100` into an invalid `limit=101`.
 */
import { gatewayError } from './errors.js';

/** The upstream's largest page. */
export const MAX_PAGE_SIZE = 100;
/** Page size when the client gives no `first`: the upstream's own default. */
export const DEFAULT_PAGE_SIZE = 50;

const CURSOR_PREFIX = 'cursor:';

export interface ConnectionArgs {
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}

/** Validates the arguments and returns the upstream page to fetch; never clamps silently. */
export function forwardPage(args: ConnectionArgs): { limit: number; cursor: string | undefined } {
  if (args.last != null || args.before != null) {
    throw gatewayError(
      'BAD_USER_INPUT',
      'Backward pagination (`last`/`before`) is not supported: the organizations API pages forward only. Use `first` and `after`.',
    );
  }
  const limit = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw gatewayError('BAD_USER_INPUT', `\`first\` must be between 1 and ${MAX_PAGE_SIZE} (got ${limit}).`);
  }
  return { limit, cursor: args.after == null ? undefined : decodeCursor(args.after, 'after') };
}

/** Cursors are opaque to clients: base64url of a prefixed upstream cursor. */
export function encodeCursor(upstreamCursor: string): string {
  return Buffer.from(CURSOR_PREFIX + upstreamCursor, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, argument: string): string {
  const decoded = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (!decoded.startsWith(CURSOR_PREFIX) || decoded.length === CURSOR_PREFIX.length) {
    throw gatewayError(
      'BAD_USER_INPUT',
      `\`${argument}\` is not a cursor from this connection: pass \`pageInfo.endCursor\` or an edge's \`cursor\` unchanged.`,
    );
  }
  return decoded.slice(CURSOR_PREFIX.length);
}
