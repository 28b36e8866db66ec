/** The gateway's own model of what EvalGuard tells about organizations; GraphQL reads only this. */

export interface CreateOrganization {
  name: string;
  slug?: string | undefined;
}

/** The organization a create answer carried in `data`; each field only when the answer had it. */
export interface CreatedOrganization {
  upstreamId: string | null;
  name: string | null;
  slug: string | null;
}

export interface CreateOutcome {
  /** null when the answer was the documented `{ "success": true }` alone. */
  organization: CreatedOrganization | null;
}
