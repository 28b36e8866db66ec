/**
 * Organization.members, Organization.groups (with Group.members) and Organization.aiUsage: nested
 * connections over the Basedash members, groups and AI-usage endpoints (issue 19). Each nested page
 * is one upstream call with `first` as its `limit`; pages of sibling organizations run concurrently
 * under the operation's UPSTREAM_CONCURRENCY, and the upstream-call budget multiplies through each
 * level's `first`. A caller who may not see one organization's members gets FORBIDDEN at that
 * connection's `edges` only (which is why `edges` is nullable here); the rest of the answer stays.
 */
import { forwardPage, pageConnection, pageCost, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../../graphql/pagination.js';
import { gatewayError } from '../../../graphql/errors.js';
import { UpstreamError } from '../../../upstream/errors.js';
import type {
  AiUsage as AiUsageModel,
  Group as GroupModel,
  OrganizationMember as MemberModel,
  Page,
  User as UserModel,
} from '../people.js';
import { builder } from './builder.js';
import { Organization } from './organization.js';

const ID_SEPARATOR = ':';
const scopedId = (orgId: string, id: string) => `${orgId}${ID_SEPARATOR}${id}`;
export function splitScopedId(id: string): [string, string] | undefined {
  const at = id.indexOf(ID_SEPARATOR);
  return at <= 0 || at === id.length - 1 ? undefined : [id.slice(0, at), id.slice(at + 1)];
}

export const User = builder.objectRef<UserModel>('User').implement({
  description: 'A person with a Basedash account.',
  fields: (t) => ({
    upstreamId: t.exposeID('upstreamId', { description: "The user's id in the organizations API." }),
    fullName: t.exposeString('fullName', { nullable: true, description: 'Full name; null when not set.' }),
    firstName: t.exposeString('firstName', { nullable: true, description: 'First name; null when not set.' }),
    email: t.exposeString('email', { description: 'Email address.' }),
    avatarUrl: t.exposeString('avatarUrl', { nullable: true, description: 'URL of the avatar image; null when none.' }),
    isEmailVerified: t.exposeBoolean('isEmailVerified', {
      nullable: true,
      description: 'Whether the email address is verified; null when the API does not say.',
    }),
    title: t.exposeString('title', { nullable: true, description: 'Job title; null when not set.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', nullable: true, description: 'When the account was created.' }),
  }),
});

export const OrganizationMember = builder.objectRef<MemberModel>('OrganizationMember');

builder.node(OrganizationMember, {
  description: "A user's membership of an organization. Visible to the organization's admins only.",
  id: { resolve: (member) => scopedId(member.organizationId, member.id) },
  loadOne: (id, ctx) => {
    const parts = splitScopedId(id);
    return parts ? ctx.people.member(parts[0], parts[1]) : null;
  },
  fields: (t) => ({
    upstreamId: t.exposeID('id', { description: 'The membership id in the organizations API.' }),
    role: t.exposeString('role', {
      description: 'Role in the organization: `ADMIN` or `MEMBER` (other values pass through as the API sends them).',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', nullable: true, description: 'When the user joined.' }),
    deactivatedAt: t.expose('deactivatedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the membership was deactivated; null while active.',
    }),
    user: t.field({ type: User, description: 'The member, as a user.', resolve: (member) => member.user }),
  }),
});

/** The upstream's refusal of an admin-only read, said in terms of what was asked for. */
function adminOnly(error: unknown, what: string): unknown {
  if (!(error instanceof UpstreamError)) return error;
  if (error.code === 'FORBIDDEN') {
    return gatewayError('FORBIDDEN', `Only the organization's admins can see ${what}; the caller is not one of them.`);
  }
  if (error.code === 'NOT_FOUND')
    return gatewayError('NOT_FOUND', `The organizations API does not know ${what} (or hides it from the caller).`);
  return error;
}

/** A page, or the upstream error that refused it: a refusal then surfaces at `edges` only. */
function guardedConnection<T extends { id: string }>(page: Promise<Page<T>>, after: string | undefined, what: string) {
  return page.then(
    (result) => pageConnection(result.items, { after, nextCursor: result.nextCursor, hasMore: result.hasMore }),
    (error: unknown) => {
      const refusal = adminOnly(error, what);
      if (refusal === error) throw error;
      return {
        get edges(): never {
          throw refusal;
        },
        pageInfo: { hasNextPage: false, hasPreviousPage: after !== undefined, startCursor: null, endCursor: null },
      };
    },
  );
}

const pageDescription = (what: string) =>
  `${what}, a page at a time (\`first\` 1 to ${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}; forward only): one upstream call per page. Admins only: for anyone else \`edges\` is null with a FORBIDDEN error at its path, and the rest of the answer is served.`;

/** One connection type for an organization's and a group's members. */
const MemberConnection = builder.connectionObject(
  {
    type: OrganizationMember,
    name: 'OrganizationMemberConnection',
    description: 'A page of organization members. `edges` is null when the caller may not see them (see the error at its path).',
    edgesNullable: { list: true, items: false },
  },
  { name: 'OrganizationMemberEdge', description: 'A member in a page, with its cursor.' },
);

export const Group = builder.objectRef<GroupModel>('Group');

builder.node(Group, {
  description: 'A group of members in an organization. Visible to its admins only.',
  id: { resolve: (group) => scopedId(group.organizationId, group.id) },
  loadOne: (id, ctx) => {
    const parts = splitScopedId(id);
    return parts ? ctx.people.group(parts[0], parts[1]) : null;
  },
  fields: (t) => ({
    upstreamId: t.exposeID('id', { description: 'The group id in the organizations API.' }),
    name: t.exposeString('name', { description: 'Name of the group.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', nullable: true, description: 'When the group was created.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', nullable: true, description: 'When the group last changed.' }),
    members: t.connection(
      {
        type: OrganizationMember,
        description: pageDescription("The group's members"),
        extensions: { upstreamCalls: pageCost },
        resolve: (group, args, ctx) => {
          const { limit, cursor } = forwardPage(args);
          return guardedConnection(
            ctx.people.groupMembers(group.organizationId, group.id, { limit, cursor }),
            cursor,
            "this group's members",
          );
        },
      },
      MemberConnection,
    ),
  }),
});

/** The most `memberUsage` entries whose `member` is looked up one by one (the budget counts this many). */
const MEMBER_USAGE_BOUND = 100;

interface MemberUsageShape {
  organizationId: string;
  /** Position in `memberUsage`: lookups past MEMBER_USAGE_BOUND would exceed the budget's bound. */
  index: number;
  userId: string | null;
  memberId: string | null;
  email: string | null;
  usageUsd: number;
}

const AiMemberUsage = builder.objectRef<MemberUsageShape>('AiMemberUsage').implement({
  description: "One member's share of the period's AI usage.",
  fields: (t) => ({
    userId: t.exposeString('userId', { nullable: true, description: "The user's id." }),
    email: t.exposeString('email', { nullable: true, description: "The user's email address." }),
    usageUsd: t.exposeFloat('usageUsd', { description: 'AI usage this period, in US dollars.' }),
    member: t.field({
      type: OrganizationMember,
      nullable: true,
      description:
        'The membership: from a members page this operation already read (no call), otherwise one upstream call. Null when unknown.',
      extensions: { upstreamCalls: () => ({ calls: 1, multiplier: 1 }) },
      resolve: (usage, _args, ctx) => {
        if (!usage.memberId) return null;
        const seen = ctx.people.memberSeen(usage.organizationId, usage.memberId);
        if (seen) return seen;
        if (usage.index >= MEMBER_USAGE_BOUND) {
          // The upstream-call bound counted this many lookups; more would break its promise.
          throw gatewayError(
            'BAD_USER_INPUT',
            `memberUsage has more than ${MEMBER_USAGE_BOUND} entries, and the gateway looks up at most ${MEMBER_USAGE_BOUND} members one by one: also select the organization's \`members\` (the lookups then come from its pages), or read \`userId\` and \`email\` instead.`,
          );
        }
        return ctx.people.member(usage.organizationId, usage.memberId);
      },
    }),
  }),
});

const AiUsage = builder.objectRef<AiUsageModel>('AiUsage').implement({
  description: "The organization's AI usage in the current billing period.",
  fields: (t) => ({
    totalUsageUsd: t.exposeFloat('totalUsageUsd', { description: 'Total AI usage this period, in US dollars.' }),
    billingPeriodStart: t.expose('billingPeriodStart', { type: 'DateTime', nullable: true, description: 'Start of the billing period.' }),
    billingPeriodEnd: t.expose('billingPeriodEnd', { type: 'DateTime', nullable: true, description: 'End of the billing period.' }),
    memberUsage: t.field({
      type: [AiMemberUsage],
      description: 'Usage per member.',
      extensions: { upstreamCalls: () => ({ calls: 0, multiplier: MEMBER_USAGE_BOUND }) },
      resolve: (usage) =>
        usage.memberUsage.map(
          (entry, index): MemberUsageShape => ({
            organizationId: usage.organizationId,
            index,
            userId: entry.userId,
            memberId: entry.memberId,
            email: entry.email,
            usageUsd: entry.usageUsd,
          }),
        ),
    }),
  }),
});

builder.objectFields(Organization, (t) => ({
  members: t.connection(
    {
      type: OrganizationMember,
      description: pageDescription("The organization's members, newest first"),
      extensions: { upstreamCalls: pageCost },
      resolve: (org, args, ctx) => {
        const { limit, cursor } = forwardPage(args);
        return guardedConnection(ctx.people.members(org.id, { limit, cursor }), cursor, 'its members');
      },
    },
    MemberConnection,
  ),
  groups: t.connection(
    {
      type: Group,
      description: pageDescription("The organization's groups"),
      edgesNullable: { list: true, items: false },
      extensions: { upstreamCalls: pageCost },
      resolve: (org, args, ctx) => {
        const { limit, cursor } = forwardPage(args);
        return guardedConnection(ctx.people.groups(org.id, { limit, cursor }), cursor, 'its groups');
      },
    },
    { name: 'GroupConnection', description: 'A page of groups. `edges` is null when the caller may not see them.' },
    { name: 'GroupEdge', description: 'A group in a page, with its cursor.' },
  ),
  aiUsage: t.field({
    type: AiUsage,
    nullable: true,
    description:
      "This billing period's AI usage. Admins only: FORBIDDEN for anyone else (at this field only). Null when the API has none for the organization.",
    extensions: { upstreamCalls: () => ({ calls: 1, multiplier: 1 }) },
    resolve: (org, _args, ctx) =>
      ctx.people.aiUsage(org.id).catch((error: unknown) => {
        throw adminOnly(error, 'its AI usage');
      }),
  }),
}));
