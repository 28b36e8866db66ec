/**
 * The gateway's own model of a Basedash organization: what the GraphQL types read. It is written
 * here, not generated, so a change to the wire contract (./openapi.ts) that the GraphQL layer
 * would feel fails to compile in ./api.ts, where wire meets model, instead of reaching clients.
 *
 * The published field names are already the model's, so the mapping of an organization is the
 * identity (checked by the compiler): a page of 100 is not copied object by object.
 */
export type OnboardingStatus = 'LEGACY' | 'STARTED' | 'COMPLETED';
export type InsightsFrequency = 'DAILY' | 'WEEKDAYS' | 'WEEKLY' | 'MONTHLY' | 'NEVER';
export type AccessAudience = 'EVERYONE' | 'CREATOR_ONLY' | 'CREATOR_GROUPS';
export type AccessLevel = 'MANAGE' | 'EDIT' | 'VIEW';

/** An organization as list and get return it: every field. */
export interface Organization {
  readonly id: string;
  readonly name: string;
  readonly slug: string;
  readonly customAiContext: string | null;
  readonly onboardingStatus: OnboardingStatus;
  readonly fullEmbedEnabled: boolean;
  readonly embedAllowedOrigins: readonly string[];
  readonly isBillable: boolean;
  readonly insightsEnabled: boolean;
  readonly trialEndsAt: string | null;
  /** Only where the caller is an admin, and only when asked for (`include=jwtSecret`). */
  readonly jwtSecret?: string | undefined;
  readonly insightsFrequency: InsightsFrequency;
  readonly insightsPreferredDayOfWeek: number | null;
  readonly insightsPreferredDayOfMonth: number | null;
  readonly allowOnDemandAiUsage: boolean;
  readonly aiUsageOverageLimitCents: number | null;
  readonly defaultDashboardAccessAudience: AccessAudience;
  readonly defaultDashboardAccessLevel: AccessLevel;
  readonly defaultChatAccessAudience: AccessAudience;
  readonly defaultChatAccessLevel: AccessLevel;
  readonly defaultAutomationAccessAudience: AccessAudience;
  readonly defaultAutomationAccessLevel: AccessLevel;
}

/**
 * An organization as create and update return it: the public API leaves out the insights
 * schedule, AI usage and default access fields there (seeds 000/001), and some optional ones.
 */
export type OrganizationRecord = Pick<Organization, 'id' | 'name' | 'slug'> & Partial<Organization>;

/** One page of organizations, newest first. */
export interface OrganizationPage {
  readonly items: readonly Organization[];
  /** What to pass as `cursor` for the next page; null or absent on the last. */
  readonly nextCursor: string | null | undefined;
  readonly hasMore: boolean;
}

/** What create sends: only the fields the caller set. */
export interface CreateOrganization {
  name: string;
  slug?: string | undefined;
  customAiContext?: string | undefined;
  skipOnboarding?: boolean | undefined;
  fullEmbedEnabled?: boolean | undefined;
  embedAllowedOrigins?: string[] | undefined;
  isBillable?: boolean | undefined;
  insightsEnabled?: boolean | undefined;
}

/** What update sends: only the fields to change. */
export type UpdateOrganization = Partial<Omit<CreateOrganization, 'slug'>>;
