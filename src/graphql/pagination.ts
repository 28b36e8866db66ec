/**
 * Relay connection arguments → the upstream's cursor pagination (`limit` 1–100, `cursor` = id of
 * the last item seen). The upstream pages forward only and answers `hasMore` itself, so this does
 * not use Pothos's resolveCursorConnection: that helper asks for one item more than the page size
 * to detect a next page, which would turn `first: 100` into an invalid `limit=101`.
 */
import { gatewayError } from './errors.js';
import type { UpstreamCost } from './upstream-budget.js';

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

/**
 * The upstream cost of a forward page (./upstream-budget.ts): one call, and its items resolve the
 * connection's selections up to `first` times. A `first` above the upstream's largest page is
 * refused before the call, so the page never holds more than that.
 */
export function pageCost(args: { readonly first?: number | null | undefined }): UpstreamCost {
  return { calls: 1, multiplier: Math.max(0, Math.min(args.first ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)) };
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

/**
 * One upstream page as a Relay connection: edges and pageInfo whose cursors are encoded only when
 * the operation selects them (most pages are read without cursors).
 *
 * Classes with getters on the prototype, not object literals with getters: every evaluation of a
 * literal's getter makes a fresh closure, which gives each edge a hidden class of its own. V8
 * allocates those in the old generation, where they keep the closure (and through it the whole
 * upstream page) alive across minor GCs until a full one: under list load that promoted about
 * 1 MB per minor GC and grew the old generation by ~100 MB between full collections.
 */
export function pageConnection<T extends { id: string }>(
  items: readonly T[],
  page: { after: string | undefined; nextCursor: string | null | undefined; hasMore: boolean },
): { edges: PageEdge<T>[]; pageInfo: PageInfo<T> } {
  const edges = items.map((item) => new PageEdge(item));
  return { edges, pageInfo: new PageInfo(edges, page.after !== undefined, page.hasMore, page.nextCursor) };
}

export class PageEdge<T extends { id: string }> {
  constructor(readonly node: T) {}

  get cursor(): string {
    return encodeCursor(this.node.id);
  }
}

export class PageInfo<T extends { id: string }> {
  constructor(
    private readonly edges: readonly PageEdge<T>[],
    /** A cursor names an item, so when `after` is given there is a page before this one. */
    readonly hasPreviousPage: boolean,
    readonly hasNextPage: boolean,
    private readonly nextCursor: string | null | undefined,
  ) {}

  get startCursor(): string | null {
    return this.edges[0]?.cursor ?? null;
  }

  /**
   * The upstream's own next cursor when it gives one (the last item's id in the published API,
   * but another implementation may use a different token), else the last edge's.
   */
  get endCursor(): string | null {
    return this.hasNextPage && this.nextCursor ? encodeCursor(this.nextCursor) : (this.edges.at(-1)?.cursor ?? null);
  }
}
