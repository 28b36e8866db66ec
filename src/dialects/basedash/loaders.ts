/**
 * Per-request reads of organizations: the by-id DataLoader and list pages, sharing what they
 * fetched. An organization read from a list page is not fetched again by id in the same request,
 * even when the two are sibling fields that GraphQL resolves at the same time: a by-id batch waits
 * for list pages already in flight before it calls the upstream.
 */
import DataLoader from 'dataloader';
import type { OrganizationsApi } from './api.js';
import type { OperationHints } from './context.js';
import type { Organization, OrganizationPage } from './model.js';

export class OrganizationLoaders {
  /** Organizations by upstream id; null when the upstream does not know the id. */
  readonly byId: DataLoader<string, Organization | null>;
  /**
   * Organizations of the pages read so far, indexed only when a by-id batch needs them: most
   * operations read lists alone, and a map filled per page would be allocated for nothing.
   */
  private pagesRead: OrganizationPage[] = [];
  private listed: Map<string, Organization> | undefined;
  private readonly pagesInFlight = new Set<Promise<unknown>>();
  /** Pages by `limit:cursor`: aliases asking for the same page share one upstream call. */
  private readonly pages = new Map<string, Promise<OrganizationPage>>();

  constructor(
    private readonly api: OrganizationsApi,
    private readonly hints: OperationHints,
  ) {
    this.byId = new DataLoader<string, Organization | null>(async (ids) => {
      if (this.pagesInFlight.size > 0) await Promise.allSettled(this.pagesInFlight);
      const listed = this.listedIndex();
      // The upstream has no batch endpoint: one GET per distinct id, all at once. A failure for
      // one id is returned in its slot so the others still resolve.
      return Promise.all(ids.map((id) => listed.get(id) ?? this.api.get(id, this.hints).catch(toError)));
    });
  }

  /** One page of the caller's organizations; its items also answer later by-id loads. */
  page(page: { limit: number; cursor: string | undefined }): Promise<OrganizationPage> {
    const key = `${page.limit}:${page.cursor ?? ''}`;
    let pending = this.pages.get(key);
    if (!pending) {
      pending = this.fetchPage(page);
      this.pages.set(key, pending);
    }
    return pending;
  }

  private async fetchPage(page: { limit: number; cursor: string | undefined }): Promise<OrganizationPage> {
    const request = this.api.list(page, this.hints);
    this.pagesInFlight.add(request);
    try {
      const result = await request;
      this.pagesRead.push(result);
      return result;
    } finally {
      this.pagesInFlight.delete(request);
    }
  }

  private listedIndex(): Map<string, Organization> {
    const listed = (this.listed ??= new Map());
    for (const page of this.pagesRead) for (const org of page.items) listed.set(org.id, org);
    this.pagesRead = [];
    return listed;
  }

  /** Forgets what this request read of an organization, after a write changed it. */
  forget(id: string): void {
    this.listedIndex().delete(id);
    this.byId.clear(id);
    this.pages.clear();
  }
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
