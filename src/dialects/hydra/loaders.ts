/**
 * Per-request reads of Hydra organizations: by IRI segment (batched, de-duplicated), and list
 * pages, whose items answer later loads by id in the same request without another call.
 */
import DataLoader from 'dataloader';
import type { OrganizationsApi } from './api.js';
import { type Organization, type OrganizationPage, organizationSegment } from './model.js';

export class OrganizationLoaders {
  /** By IRI segment; null when the upstream does not know it. */
  readonly bySegment: DataLoader<string, Organization | null>;
  private readonly pages = new Map<string, Promise<OrganizationPage>>();
  private readonly pagesInFlight = new Set<Promise<unknown>>();
  /** Organizations read from list pages, by segment: a batch dispatched before a page arrived still uses them. */
  private readonly listed = new Map<string, Organization>();

  constructor(private readonly api: OrganizationsApi) {
    this.bySegment = new DataLoader<string, Organization | null>(
      async (segments) => {
        // A by-id batch waits for list pages already in flight: their items may answer it.
        if (this.pagesInFlight.size > 0) await Promise.allSettled(this.pagesInFlight);
        return Promise.all(
          segments.map(
            (segment) =>
              this.listed.get(segment) ??
              this.api.get(segment).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))),
          ),
        );
        // Dispatched after the current macrotask (DataLoader's documented batchScheduleFn), so sibling
        // fields that start a list page in the same tick have it in flight by then and reuse its items.
      },
      { batchScheduleFn: (callback) => setImmediate(callback) },
    );
  }

  /** One upstream page; aliases asking for the same page share the call. */
  page(page: number, itemsPerPage: number): Promise<OrganizationPage> {
    const key = `${page}:${itemsPerPage}`;
    let pending = this.pages.get(key);
    if (!pending) {
      pending = this.fetchPage(page, itemsPerPage);
      this.pages.set(key, pending);
    }
    return pending;
  }

  /** An organization by its IRI; null for an IRI that is not an organization's. */
  byIri(iri: string): Promise<Organization | null> {
    const segment = organizationSegment(iri);
    return segment === undefined ? Promise.resolve(null) : this.bySegment.load(segment);
  }

  /** Forgets what this request read, after a write. */
  forget(iri: string): void {
    const segment = organizationSegment(iri);
    if (segment !== undefined) {
      this.listed.delete(segment);
      this.bySegment.clear(segment);
    }
    this.pages.clear();
  }

  private async fetchPage(page: number, itemsPerPage: number): Promise<OrganizationPage> {
    const request = this.api.list(page, itemsPerPage);
    this.pagesInFlight.add(request);
    try {
      const result = await request;
      for (const org of result.items) {
        const segment = organizationSegment(org.iri);
        if (segment === undefined) continue;
        this.listed.set(segment, org);
        this.bySegment.prime(segment, org);
      }
      return result;
    } finally {
      this.pagesInFlight.delete(request);
    }
  }
}
