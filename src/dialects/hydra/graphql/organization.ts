/**
 * Hydra's Organization and Member types and its root reads. The global id is made from the
 * organization's `@id` IRI; `organizations` maps Relay's `first`/`after` onto the upstream's
 * `page`/`itemsPerPage` with offset cursors: one call per page while `first` stays the same, two
 * when a new `first` makes the wanted items straddle two upstream pages.
 */
import { gatewayError } from '../../../graphql/errors.js';
import { decodeCursor, DEFAULT_PAGE_SIZE, encodeCursor, MAX_PAGE_SIZE } from '../../../graphql/pagination.js';
import type { UpstreamCost } from '../../../graphql/upstream-budget.js';
import type { Member as MemberModel, Organization as OrganizationModel } from '../model.js';
import { builder } from './builder.js';

export const Member = builder.objectRef<MemberModel>('Member').implement({
  description: 'A person in an organization, as embedded in it (`owners`, `members`): no extra call.',
  fields: (t) => ({
    id: t.exposeString('upstreamId', { nullable: true, description: "The member's id in the organizations API." }),
    email: t.exposeString('email', { nullable: true, description: 'Email address.' }),
    name: t.exposeString('name', { nullable: true, description: 'Display name; null when the person has none.' }),
    role: t.exposeString('role', { nullable: true, description: 'Role in the organization, e.g. `owner` or `member`.' }),
    joinedAt: t.expose('joinedAt', { type: 'DateTime', nullable: true, description: 'When the person joined the organization.' }),
  }),
});

export const Organization = builder.objectRef<OrganizationModel>('Organization');

builder.node(Organization, {
  description: 'An organization of the JSON-LD / Hydra API. Only `id` and `iri` are always present (seed 003 requires only `@id`).',
  id: { resolve: (org) => org.iri },
  loadManyWithoutCache: async (iris, ctx) => Promise.all(iris.map((iri) => ctx.loaders.byIri(iri))),
  fields: (t) => ({
    iri: t.exposeString('iri', { description: "The JSON-LD `@id`: the organization's IRI, e.g. `/api/organizations/42`." }),
    upstreamId: t.exposeString('upstreamId', {
      nullable: true,
      description: 'The `id` property of the organization; null when the API leaves it out.',
    }),
    name: t.exposeString('name', { nullable: true, description: 'Name of the organization.' }),
    createdAt: t.expose('createdAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the organization was created (`created_at`).',
    }),
    updatedAt: t.expose('updatedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the organization last changed (`updated_at`).',
    }),
    owners: t.field({
      type: [Member],
      nullable: true,
      description: 'Its owners, embedded in the organization (no extra call); null when the API leaves them out.',
      resolve: (org) => org.owners,
    }),
    members: t.field({
      type: [Member],
      nullable: true,
      description: 'Its members, embedded in the organization (no extra call); null when the API leaves them out.',
      resolve: (org) => org.members,
    }),
  }),
});

const OFFSET = /^o(0|[1-9]\d{0,8})$/;

const cursorAt = (offset: number) => encodeCursor(`o${offset}`);

function offsetAfter(after: string | null | undefined): number {
  if (after == null) return 0;
  const match = OFFSET.exec(decodeCursor(after, 'after'));
  if (!match)
    throw gatewayError(
      'BAD_USER_INPUT',
      "`after` is not a cursor from this connection: pass `pageInfo.endCursor` or an edge's `cursor` unchanged.",
    );
  return Number(match[1]) + 1;
}

/** A page can straddle two upstream pages when `first` changed between requests. */
const hydraPageCost = (args: { readonly first?: number | null | undefined }): UpstreamCost => ({
  calls: 2,
  multiplier: Math.max(0, Math.min(args.first ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)),
});

interface HydraConnection {
  edges: { node: OrganizationModel; cursor: string }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number | null;
}

builder.queryFields((t) => ({
  organizations: t.connection(
    {
      type: Organization,
      description: `The caller's organizations, a page at a time (\`first\` 1 to ${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}; forward only). One upstream call per page while \`first\` stays the same; two when a changed \`first\` makes the page straddle two of the API's pages. An API that does not list organizations answers \`UPSTREAM_UNSUPPORTED\`.`,
      extensions: { upstreamCalls: hydraPageCost },
      resolve: async (_root, args, ctx) => {
        if (args.last != null || args.before != null) {
          throw gatewayError(
            'BAD_USER_INPUT',
            'Backward pagination (`last`/`before`) is not supported: the organizations API pages forward only. Use `first` and `after`.',
          );
        }
        const first = args.first ?? DEFAULT_PAGE_SIZE;
        if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
          throw gatewayError('BAD_USER_INPUT', `\`first\` must be between 1 and ${MAX_PAGE_SIZE} (got ${first}).`);
        }
        const offset = offsetAfter(args.after);
        const pageNumber = Math.floor(offset / first) + 1;
        const skip = offset - (pageNumber - 1) * first;
        const page = await ctx.loaders.page(pageNumber, first);
        let items = page.items.slice(skip);
        let hasNext = page.hasNext;
        if (skip > 0 && page.hasNext && page.items.length === first) {
          const next = await ctx.loaders.page(pageNumber + 1, first);
          items = items.concat(next.items.slice(0, skip));
          hasNext = next.hasNext || next.items.length > skip;
        }
        items = items.slice(0, first);
        if (page.totalItems !== null) hasNext = offset + items.length < page.totalItems;
        const edges = items.map((node, index) => ({ node, cursor: cursorAt(offset + index) }));
        const connection: HydraConnection = {
          edges,
          pageInfo: {
            hasNextPage: hasNext,
            hasPreviousPage: offset > 0,
            startCursor: edges[0]?.cursor ?? null,
            endCursor: edges.at(-1)?.cursor ?? null,
          },
          totalCount: page.totalItems,
        };
        return connection;
      },
    },
    {
      name: 'OrganizationConnection',
      description: 'A page of organizations.',
      fields: (c) => ({
        totalCount: c.int({
          nullable: true,
          description: 'How many organizations the caller has in all (`totalItems`); null when the API does not say.',
          resolve: (connection) => (connection as unknown as HydraConnection).totalCount,
        }),
      }),
    },
    { name: 'OrganizationEdge', description: 'An organization in a page, with its cursor.' },
  ),
  organization: t.field({
    type: Organization,
    nullable: true,
    description: 'One organization by its `id`; null when it does not exist or is not visible to the caller.',
    args: { id: t.arg.globalID({ required: true, for: Organization, description: 'The `id` of an Organization.' }) },
    extensions: { upstreamCalls: () => ({ calls: 1, multiplier: 1 }) },
    resolve: (_root, { id }, ctx) => ctx.loaders.byIri(id.id),
  }),
}));
