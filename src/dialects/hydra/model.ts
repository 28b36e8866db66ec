/** The gateway's own model of a Hydra organization; GraphQL reads only this, never the JSON-LD. */

export interface Member {
  upstreamId: string | null;
  email: string | null;
  name: string | null;
  role: string | null;
  joinedAt: string | null;
}

export interface Organization {
  /** The `@id` IRI, e.g. `/api/organizations/42`: what the global id is made from. */
  iri: string;
  /** The `id` property (may be absent or null). */
  upstreamId: string | null;
  name: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  owners: Member[] | null;
  members: Member[] | null;
}

export interface OrganizationPage {
  items: Organization[];
  /** `totalItems`, when the collection says it. */
  totalItems: number | null;
  /** Whether the collection's view names a next page. */
  hasNext: boolean;
}

export interface CreateOrganization {
  name: string;
}

export interface UpdateOrganization {
  name?: string;
}

/** The items path of an IRI under `/api/organizations/`, as the one path segment calls by id use; undefined for any other IRI. */
export function organizationSegment(iri: string): string | undefined {
  let path = iri;
  if (/^https?:\/\//i.test(iri)) {
    try {
      path = new URL(iri).pathname;
    } catch {
      return undefined;
    }
  }
  const match = /^\/api\/organizations\/([^/?#]+)$/.exec(path);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1] as string);
  } catch {
    return undefined;
  }
}
