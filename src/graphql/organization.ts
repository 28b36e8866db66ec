/**
 * The Organization type, its enums, and its root fields: `organizations`, `organization`, and
 * (through the Node interface) `node`/`nodes`. Mutations live in ./organization-mutations.ts.
 */
import type { GatewayContext } from '../context.js';
import type { Organization as UpstreamOrganization, OrganizationRecord } from '../upstream/organizations.js';
import { builder } from './builder.js';
import { gatewayError } from './errors.js';
import { forwardPage, pageConnection, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination.js';

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
 * The source object is what the upstream returned. Reads from list/get carry every field; create
 * and update answers leave some out (seeds 000/001), and those are fetched in full on demand.
 */
export const Organization = builder.objectRef<OrganizationRecord>('Organization');

type FieldKey = Exclude<keyof UpstreamOrganization, 'id' | 'jwtSecret'>;

/**
 * Resolves a field from the record when it has it, else from the full organization, fetched once
 * per request through the loader. Synchronous in the common case: no promise per field.
 */
function fromRecord<K extends FieldKey>(key: K) {
  return (org: OrganizationRecord, _args: object, ctx: GatewayContext): UpstreamOrganization[K] | Promise<UpstreamOrganization[K]> =>
    key in org ? (org[key] as UpstreamOrganization[K]) : loadFull(org.id, ctx).then((full) => full[key]);
}

async function loadFull(id: string, ctx: GatewayContext): Promise<UpstreamOrganization> {
  const full = await ctx.loaders.byId.load(id);
  if (!full) throw gatewayError('NOT_FOUND', 'This organization no longer exists or is no longer visible to you.');
  return full;
}

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
    customAiContext: t.string({ nullable: true, description: 'Custom context for AI', resolve: fromRecord('customAiContext') }),
    onboardingStatus: t.field({ type: OnboardingStatus, description: 'Onboarding status', resolve: fromRecord('onboardingStatus') }),
    fullEmbedEnabled: t.boolean({ description: 'Full embed enabled flag', resolve: fromRecord('fullEmbedEnabled') }),
    embedAllowedOrigins: t.stringList({
      description: 'Allowed embed origins: exact origins (https://example.com) or wildcard patterns (https://*.example.com).',
      resolve: fromRecord('embedAllowedOrigins'),
    }),
    isBillable: t.boolean({
      description:
        '[Self-hosted] Whether the organization is billable. Defaults to true. Relevant for self-hosted deployments where billing gates certain features. When false, the organization will not be counted towards billable usage and will have a limited set of features. When true, the organization will be counted towards billable usage (after a 14-day trial) and will have access to all features.',
      resolve: fromRecord('isBillable'),
    }),
    insightsEnabled: t.boolean({
      description: 'Whether automated insights generation is enabled for this organization.',
      resolve: fromRecord('insightsEnabled'),
    }),
    insightsFrequency: t.field({
      type: InsightsFrequency,
      description: 'How often automated insights are generated. NEVER means automatic generation is disabled.',
      resolve: fromRecord('insightsFrequency'),
    }),
    // The REST schema types these as `number`; they are days, so Int serves clients better.
    insightsPreferredDayOfWeek: t.int({
      nullable: true,
      description: 'Preferred day of week for weekly insights. 0 is Sunday.',
      resolve: fromRecord('insightsPreferredDayOfWeek'),
    }),
    insightsPreferredDayOfMonth: t.int({
      nullable: true,
      description: 'Preferred day of month for monthly insights.',
      resolve: fromRecord('insightsPreferredDayOfMonth'),
    }),
    allowOnDemandAiUsage: t.boolean({
      description: 'Whether the organization can continue using AI beyond included monthly AI credits.',
      resolve: fromRecord('allowOnDemandAiUsage'),
    }),
    aiUsageOverageLimitCents: t.int({
      nullable: true,
      description: 'Maximum AI usage overage for the organization in cents. Null means no limit.',
      resolve: fromRecord('aiUsageOverageLimitCents'),
    }),
    defaultDashboardAccessAudience: t.field({
      type: AccessAudience,
      description: 'Default audience for newly created dashboards',
      resolve: fromRecord('defaultDashboardAccessAudience'),
    }),
    defaultDashboardAccessLevel: t.field({
      type: AccessLevel,
      description: 'Default permission level for the audience. Creator always gets MANAGE regardless.',
      resolve: fromRecord('defaultDashboardAccessLevel'),
    }),
    defaultChatAccessAudience: t.field({
      type: AccessAudience,
      description: 'Default audience for newly created chats',
      resolve: fromRecord('defaultChatAccessAudience'),
    }),
    defaultChatAccessLevel: t.field({
      type: AccessLevel,
      description: 'Default permission level for new chats. Creator always gets MANAGE regardless.',
      resolve: fromRecord('defaultChatAccessLevel'),
    }),
    defaultAutomationAccessAudience: t.field({
      type: AccessAudience,
      description: 'Default audience for newly created automations',
      resolve: fromRecord('defaultAutomationAccessAudience'),
    }),
    defaultAutomationAccessLevel: t.field({
      type: AccessLevel,
      description: 'Default permission level for new automations. Creator always gets MANAGE regardless.',
      resolve: fromRecord('defaultAutomationAccessLevel'),
    }),
    trialEndsAt: t.field({
      type: 'DateTime',
      nullable: true,
      description:
        '[Self-hosted] ISO 8601 date when the trial ends, or null if no trial. Trial starts after the organization is created and becomes billable.',
      resolve: fromRecord('trialEndsAt'),
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
      description: `Organizations the caller is a member of, newest first. Pages forward only: \`first\` (1–${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}) and \`after\`; \`last\`/\`before\` are rejected. One upstream call per page.`,
      resolve: async (_root, args, ctx) => {
        const { limit, cursor } = forwardPage(args);
        const page = await ctx.loaders.page({ limit, cursor });
        const { nextCursor, hasMore } = page.pagination;
        return pageConnection(page.data, { after: cursor, nextCursor, hasMore });
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
    resolve: (_root, { id }, ctx) => ctx.loaders.byId.load(id.id),
  }),
}));
