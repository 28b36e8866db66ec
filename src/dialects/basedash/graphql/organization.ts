/**
 * The Organization type, its enums, and its root fields: `organizations`, `organization`, and
 * (through the Node interface) `node`/`nodes`. Mutations live in ./organization-mutations.ts.
 */
import { forwardPage, pageConnection, pageCost, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../../graphql/pagination.js';
import type { Organization as OrganizationModel } from '../model.js';
import { builder } from './builder.js';

export const OnboardingStatus = builder.enumType('OnboardingStatus', {
  description: 'Onboarding status',
  values: {
    LEGACY: { description: 'Created before onboarding existed.' },
    STARTED: { description: 'Onboarding has started and is not finished.' },
    COMPLETED: { description: 'Onboarding is finished (or was skipped).' },
  } as const,
});

export const InsightsFrequency = builder.enumType('InsightsFrequency', {
  description: 'How often automated insights are generated. NEVER means automatic generation is disabled.',
  values: ['DAILY', 'WEEKDAYS', 'WEEKLY', 'MONTHLY', 'NEVER'] as const,
});

export const AccessAudience = builder.enumType('AccessAudience', {
  description: 'Who gets access to a newly created dashboard, chat or automation.',
  values: {
    EVERYONE: { description: 'Every member of the organization.' },
    CREATOR_ONLY: { description: 'Only its creator.' },
    CREATOR_GROUPS: { description: "Members of the creator's groups." },
  } as const,
});

export const AccessLevel = builder.enumType('AccessLevel', {
  description: 'Permission level granted to the default audience. The creator always gets MANAGE.',
  values: {
    MANAGE: { description: 'View, edit, share and delete.' },
    EDIT: { description: 'View and edit.' },
    VIEW: { description: 'View only.' },
  } as const,
});

/**
 * The source object is the gateway's model (../model.ts). Reads from list/get carry every field. Create
 * and update answers leave some out (seeds 000/001); their payload completes the record before it
 * gets here when the operation selects a missing field (./organization-mutations.ts), so every
 * field below is a plain property read. (Resolvers here, one call and one resolve-info object per
 * field per organization, were about a tenth of the CPU time of a list operation.)
 */
export const Organization = builder.objectRef<OrganizationModel>('Organization');

builder.node(Organization, {
  description: 'An organization the caller is a member of, as the organizations API describes it.',
  id: {
    resolve: (org) => org.id,
    description: 'Global Relay id (opaque). Use it with `node`, `nodes`, `organization` and the mutations.',
  },
  // Batched and de-duplicated by the per-request loader, which also holds organizations already
  // read in this request (e.g. from a list page), so those are not fetched again.
  loadManyWithoutCache: async (ids, ctx) =>
    (await ctx.loaders.byId.loadMany(ids)).map((result) => (result instanceof Error ? Promise.reject(result) : result)),
  fields: (t) => ({
    upstreamId: t.exposeID('id', {
      description: 'The organization id in the organizations REST API (what its URLs and cursors use).',
    }),
    name: t.exposeString('name', { description: 'Name of the organization' }),
    slug: t.exposeString('slug', { description: 'URL-friendly slug' }),
    customAiContext: t.exposeString('customAiContext', { nullable: true, description: 'Custom context for AI' }),
    onboardingStatus: t.expose('onboardingStatus', { type: OnboardingStatus, description: 'Onboarding status' }),
    fullEmbedEnabled: t.exposeBoolean('fullEmbedEnabled', { description: 'Full embed enabled flag' }),
    embedAllowedOrigins: t.exposeStringList('embedAllowedOrigins', {
      description: 'Allowed embed origins: exact origins (https://example.com) or wildcard patterns (https://*.example.com).',
    }),
    isBillable: t.exposeBoolean('isBillable', {
      description:
        '[Self-hosted] Whether the organization is billable. Defaults to true. Relevant for self-hosted deployments where billing gates certain features. When false, the organization will not be counted towards billable usage and will have a limited set of features. When true, the organization will be counted towards billable usage (after a 14-day trial) and will have access to all features.',
    }),
    insightsEnabled: t.exposeBoolean('insightsEnabled', {
      description: 'Whether automated insights generation is enabled for this organization.',
    }),
    insightsFrequency: t.expose('insightsFrequency', {
      type: InsightsFrequency,
      description: 'How often automated insights are generated. NEVER means automatic generation is disabled.',
    }),
    // The REST schema types these as `number`; they are days, so Int serves clients better.
    insightsPreferredDayOfWeek: t.exposeInt('insightsPreferredDayOfWeek', {
      nullable: true,
      description: 'Preferred day of week for weekly insights. 0 is Sunday.',
    }),
    insightsPreferredDayOfMonth: t.exposeInt('insightsPreferredDayOfMonth', {
      nullable: true,
      description: 'Preferred day of month for monthly insights.',
    }),
    allowOnDemandAiUsage: t.exposeBoolean('allowOnDemandAiUsage', {
      description: 'Whether the organization can continue using AI beyond included monthly AI credits.',
    }),
    aiUsageOverageLimitCents: t.exposeInt('aiUsageOverageLimitCents', {
      nullable: true,
      description: 'Maximum AI usage overage for the organization in cents. Null means no limit.',
    }),
    defaultDashboardAccessAudience: t.expose('defaultDashboardAccessAudience', {
      type: AccessAudience,
      description: 'Default audience for newly created dashboards',
    }),
    defaultDashboardAccessLevel: t.expose('defaultDashboardAccessLevel', {
      type: AccessLevel,
      description: 'Default permission level for the audience. Creator always gets MANAGE regardless.',
    }),
    defaultChatAccessAudience: t.expose('defaultChatAccessAudience', {
      type: AccessAudience,
      description: 'Default audience for newly created chats',
    }),
    defaultChatAccessLevel: t.expose('defaultChatAccessLevel', {
      type: AccessLevel,
      description: 'Default permission level for new chats. Creator always gets MANAGE regardless.',
    }),
    defaultAutomationAccessAudience: t.expose('defaultAutomationAccessAudience', {
      type: AccessAudience,
      description: 'Default audience for newly created automations',
    }),
    defaultAutomationAccessLevel: t.expose('defaultAutomationAccessLevel', {
      type: AccessLevel,
      description: 'Default permission level for new automations. Creator always gets MANAGE regardless.',
    }),
    trialEndsAt: t.expose('trialEndsAt', {
      type: 'DateTime',
      nullable: true,
      description:
        '[Self-hosted] ISO 8601 date when the trial ends, or null if no trial. Trial starts after the organization is created and becomes billable.',
    }),
    jwtSecret: t.string({
      nullable: true,
      description:
        'JWT secret for embedding. Only for organizations where the caller is an admin; null otherwise. Selecting it makes the gateway ask the organizations API for secrets (`include=jwtSecret`) for this operation.',
      // Every read of an operation that selects this field asks for the secret, so absence means
      // the caller is not an admin: never a reason to fetch again.
      resolve: (org) => org.jwtSecret ?? null,
    }),
  }),
});

builder.queryFields((t) => ({
  organizations: t.connection(
    {
      type: Organization,
      description: `Organizations the caller is a member of, newest first. Pages forward only: \`first\` (1 to ${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}) and \`after\`; \`last\`/\`before\` are rejected. One upstream call per page.`,
      extensions: { upstreamCalls: pageCost },
      resolve: async (_root, args, ctx) => {
        const { limit, cursor } = forwardPage(args);
        const page = await ctx.loaders.page({ limit, cursor });
        return pageConnection(page.items, { after: cursor, nextCursor: page.nextCursor, hasMore: page.hasMore });
      },
    },
    { name: 'OrganizationConnection', description: 'A page of organizations.' },
    { name: 'OrganizationEdge', description: 'An organization in a page, with its cursor.' },
  ),
  organization: t.field({
    type: Organization,
    nullable: true,
    description: 'One organization by its global `id`; null when it does not exist or the caller is not a member.',
    args: { id: t.arg.globalID({ required: true, for: Organization, description: 'The `id` of an Organization.' }) },
    extensions: { upstreamCalls: () => ({ calls: 1, multiplier: 1 }) },
    resolve: (_root, { id }, ctx) => ctx.loaders.byId.load(id.id),
  }),
}));
