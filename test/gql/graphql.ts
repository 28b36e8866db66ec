/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date and time as an ISO 8601 string in UTC, e.g. `2026-12-01T00:00:00.000Z`. */
  DateTime: { input: string; output: string; }
};

/** Who gets access to a newly created dashboard, chat or automation. */
export type AccessAudience =
  /** Members of the creator's groups. */
  | 'CREATOR_GROUPS'
  /** Only its creator. */
  | 'CREATOR_ONLY'
  /** Every member of the organization. */
  | 'EVERYONE';

/** Permission level granted to the default audience. The creator always gets MANAGE. */
export type AccessLevel =
  /** View and edit. */
  | 'EDIT'
  /** View, edit, share and delete. */
  | 'MANAGE'
  /** View only. */
  | 'VIEW';

/** The member to add to a group. Requires the admin role. */
export type AddGroupMemberInput = {
  /** The `id` of the Group. */
  groupId: Scalars['ID']['input'];
  /** The `id` of an OrganizationMember of the same organization. */
  memberId: Scalars['ID']['input'];
};

/** The result of adding the member: the group and the member, or the userErrors that explain why not. */
export type AddGroupMemberPayload = {
  __typename?: 'AddGroupMemberPayload';
  /** The group after adding the member (read again: one call); null when userErrors is not empty. */
  group?: Maybe<Group>;
  /** The member (read again: one call); null when userErrors is not empty. */
  member?: Maybe<OrganizationMember>;
  /** Problems with the input; empty on success. */
  userErrors: Array<UserError>;
};

/** One member's share of the period's AI usage. */
export type AiMemberUsage = {
  __typename?: 'AiMemberUsage';
  /** The user's email address. */
  email?: Maybe<Scalars['String']['output']>;
  /** The membership: from a members page this operation already read (no call), otherwise one upstream call. Null when unknown. */
  member?: Maybe<OrganizationMember>;
  /** AI usage this period, in US dollars. */
  usageUsd: Scalars['Float']['output'];
  /** The user's id. */
  userId?: Maybe<Scalars['String']['output']>;
};

/** The organization's AI usage in the current billing period. */
export type AiUsage = {
  __typename?: 'AiUsage';
  /** End of the billing period. */
  billingPeriodEnd?: Maybe<Scalars['DateTime']['output']>;
  /** Start of the billing period. */
  billingPeriodStart?: Maybe<Scalars['DateTime']['output']>;
  /** Usage per member. */
  memberUsage: Array<AiMemberUsage>;
  /** Total AI usage this period, in US dollars. */
  totalUsageUsd: Scalars['Float']['output'];
};

/** A role the organizations API lets an API key give a member. It documents only `MEMBER`; admins are made in the app. */
export type AssignableMemberRole =
  /** A member without admin rights. */
  | 'MEMBER';

/** A new group in an organization. Requires the admin role. */
export type CreateGroupInput = {
  /** Name of the group. At least 1 character. */
  name: Scalars['String']['input'];
  /** The `id` of the Organization. */
  organizationId: Scalars['ID']['input'];
};

/** The result of creating it: the group, or the userErrors that explain why not. */
export type CreateGroupPayload = {
  __typename?: 'CreateGroupPayload';
  /** The group after creating it; null when userErrors is not empty. */
  group?: Maybe<Group>;
  /** Problems with the input; empty on success. */
  userErrors: Array<UserError>;
};

/** A new organization. Only `name` is required; omitted fields take the organizations API defaults. */
export type CreateOrganizationInput = {
  /** Custom context for AI features */
  customAiContext?: InputMaybe<Scalars['String']['input']>;
  /** Allowed origins for embedding. Supports exact URLs (https://example.com) and wildcard patterns (https://*.example.com) */
  embedAllowedOrigins?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Enable full embed functionality */
  fullEmbedEnabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** Enable automated insights generation for this organization. Defaults to true. */
  insightsEnabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** [Self-hosted] Controls whether the organization is billable. Defaults to true. When false, the organization will not be counted towards billable usage and will have a limited set of features. */
  isBillable?: InputMaybe<Scalars['Boolean']['input']>;
  /** Name of the organization. At least 1 character. */
  name: Scalars['String']['input'];
  /** Skip onboarding flow */
  skipOnboarding?: InputMaybe<Scalars['Boolean']['input']>;
  /** URL-friendly slug. If not provided, a unique slug will be generated. */
  slug?: InputMaybe<Scalars['String']['input']>;
};

/** The result of creating it: the organization, or the userErrors that explain why not. */
export type CreateOrganizationPayload = {
  __typename?: 'CreateOrganizationPayload';
  /** The organization after creating it; null when userErrors is not empty. */
  organization?: Maybe<Organization>;
  /** Problems with the input; empty on success. */
  userErrors: Array<UserError>;
};

/** The member to deactivate. Requires the admin role. */
export type DeactivateMemberInput = {
  /** The `id` of the OrganizationMember. */
  id: Scalars['ID']['input'];
};

/** The result of deactivating it: the member, or the userErrors that explain why not. */
export type DeactivateMemberPayload = {
  __typename?: 'DeactivateMemberPayload';
  /** The member after deactivating it; null when userErrors is not empty. */
  member?: Maybe<OrganizationMember>;
  /** Problems with the input; empty on success. */
  userErrors: Array<UserError>;
};

/** The group to delete. Its members stay in the organization. Requires the admin role. */
export type DeleteGroupInput = {
  /** The `id` of the Group. */
  id: Scalars['ID']['input'];
};

/** The result of deleting a group: its id, or the userErrors that explain why not. */
export type DeleteGroupPayload = {
  __typename?: 'DeleteGroupPayload';
  /** The `id` of the deleted Group; null when userErrors is not empty. */
  deletedGroupId?: Maybe<Scalars['ID']['output']>;
  /** Problems with the input; empty on success. */
  userErrors: Array<UserError>;
};

/** About this gateway: what it fronts and which release it runs. */
export type GatewayInfo = {
  __typename?: 'GatewayInfo';
  /** The organizations API behind this gateway; the schema holds only what that API can do. */
  dialect: UpstreamDialect;
  /** The gateway release (its package version). */
  version: Scalars['String']['output'];
};

/** A group of members in an organization. Visible to its admins only. */
export type Group = Node & {
  __typename?: 'Group';
  /** When the group was created. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  /** The group's members, a page at a time (`first` 1 to 100, default 50; forward only): one upstream call per page. Admins only: for anyone else `edges` is null with a FORBIDDEN error at its path, and the rest of the answer is served. */
  members: OrganizationMemberConnection;
  /** Name of the group. */
  name: Scalars['String']['output'];
  /** When the group last changed. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The group id in the organizations API. */
  upstreamId: Scalars['ID']['output'];
};


/** A group of members in an organization. Visible to its admins only. */
export type GroupMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of groups. `edges` is null when the caller may not see them. */
export type GroupConnection = {
  __typename?: 'GroupConnection';
  /** The items of this page, in order, each with its cursor. */
  edges?: Maybe<Array<GroupEdge>>;
  /** Where this page sits: whether there is a next one, and the cursor to ask for it with. */
  pageInfo: PageInfo;
};

/** A group in a page, with its cursor. */
export type GroupEdge = {
  __typename?: 'GroupEdge';
  /** Opaque position of this item: pass it as `after` to get the items that follow it. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: Group;
};

/** How often automated insights are generated. NEVER means automatic generation is disabled. */
export type InsightsFrequency =
  | 'DAILY'
  | 'MONTHLY'
  | 'NEVER'
  | 'WEEKDAYS'
  | 'WEEKLY';

/** Whom to invite to an organization, and as what. Requires the admin role. */
export type InviteMemberInput = {
  /** Email address to invite. A person without an account gets a pending one; a deactivated member is reactivated. */
  email: Scalars['String']['input'];
  /** The `id` of the Organization. */
  organizationId: Scalars['ID']['input'];
  /** Role to give; the organizations API defaults to `MEMBER`. */
  role?: InputMaybe<AssignableMemberRole>;
};

/** The result of the invitation: the member, or the userErrors that explain why not. */
export type InviteMemberPayload = {
  __typename?: 'InviteMemberPayload';
  /** The member after the invitation; null when userErrors is not empty. */
  member?: Maybe<OrganizationMember>;
  /** Problems with the input; empty on success. */
  userErrors: Array<UserError>;
};

/** Writes. Expected failures come back in each payload as `userErrors`. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Adds a member of the organization to one of its groups. Requires the admin role. */
  addGroupMember: AddGroupMemberPayload;
  /** Creates a group in an organization. Requires the admin role. */
  createGroup: CreateGroupPayload;
  /** Creates an organization; the caller becomes its admin. Never retried by the gateway, since a create is not idempotent. */
  createOrganization: CreateOrganizationPayload;
  /** Deactivates a member: they lose access to the organization, and `deactivatedAt` is set. Inviting the same email again reactivates them. Requires the admin role. */
  deactivateMember: DeactivateMemberPayload;
  /** Deletes a group; its members stay in the organization. Requires the admin role. */
  deleteGroup: DeleteGroupPayload;
  /** Invites a person to an organization by email; the organizations API sends the invitation email. Requires the admin role. */
  inviteMember: InviteMemberPayload;
  /** Removes a member from a group; they stay in the organization. Requires the admin role. */
  removeGroupMember: RemoveGroupMemberPayload;
  /** Renames a group. Requires the admin role. */
  updateGroup: UpdateGroupPayload;
  /** Changes a member's role or their user's name and avatar; unset fields stay as they are. Requires the admin role. */
  updateMember: UpdateMemberPayload;
  /** Changes the fields set in `input`; the others stay as they are. Requires the admin role. */
  updateOrganization: UpdateOrganizationPayload;
};


/** Writes. Expected failures come back in each payload as `userErrors`. */
export type MutationAddGroupMemberArgs = {
  input: AddGroupMemberInput;
};


/** Writes. Expected failures come back in each payload as `userErrors`. */
export type MutationCreateGroupArgs = {
  input: CreateGroupInput;
};


/** Writes. Expected failures come back in each payload as `userErrors`. */
export type MutationCreateOrganizationArgs = {
  input: CreateOrganizationInput;
};


/** Writes. Expected failures come back in each payload as `userErrors`. */
export type MutationDeactivateMemberArgs = {
  input: DeactivateMemberInput;
};


/** Writes. Expected failures come back in each payload as `userErrors`. */
export type MutationDeleteGroupArgs = {
  input: DeleteGroupInput;
};


/** Writes. Expected failures come back in each payload as `userErrors`. */
export type MutationInviteMemberArgs = {
  input: InviteMemberInput;
};


/** Writes. Expected failures come back in each payload as `userErrors`. */
export type MutationRemoveGroupMemberArgs = {
  input: RemoveGroupMemberInput;
};


/** Writes. Expected failures come back in each payload as `userErrors`. */
export type MutationUpdateGroupArgs = {
  input: UpdateGroupInput;
};


/** Writes. Expected failures come back in each payload as `userErrors`. */
export type MutationUpdateMemberArgs = {
  input: UpdateMemberInput;
};


/** Writes. Expected failures come back in each payload as `userErrors`. */
export type MutationUpdateOrganizationArgs = {
  input: UpdateOrganizationInput;
};

/** An object with a globally unique `id` that `node`/`nodes` can refetch. */
export type Node = {
  id: Scalars['ID']['output'];
};

/** Onboarding status */
export type OnboardingStatus =
  /** Onboarding is finished (or was skipped). */
  | 'COMPLETED'
  /** Created before onboarding existed. */
  | 'LEGACY'
  /** Onboarding has started and is not finished. */
  | 'STARTED';

/** An organization the caller is a member of, as the organizations API describes it. */
export type Organization = Node & {
  __typename?: 'Organization';
  /** This billing period's AI usage. Admins only: FORBIDDEN for anyone else (at this field only). Null when the API has none for the organization. */
  aiUsage?: Maybe<AiUsage>;
  /** Maximum AI usage overage for the organization in cents. Null means no limit. */
  aiUsageOverageLimitCents?: Maybe<Scalars['Int']['output']>;
  /** Whether the organization can continue using AI beyond included monthly AI credits. */
  allowOnDemandAiUsage: Scalars['Boolean']['output'];
  /** Custom context for AI */
  customAiContext?: Maybe<Scalars['String']['output']>;
  /** Default audience for newly created automations */
  defaultAutomationAccessAudience: AccessAudience;
  /** Default permission level for new automations. Creator always gets MANAGE regardless. */
  defaultAutomationAccessLevel: AccessLevel;
  /** Default audience for newly created chats */
  defaultChatAccessAudience: AccessAudience;
  /** Default permission level for new chats. Creator always gets MANAGE regardless. */
  defaultChatAccessLevel: AccessLevel;
  /** Default audience for newly created dashboards */
  defaultDashboardAccessAudience: AccessAudience;
  /** Default permission level for the audience. Creator always gets MANAGE regardless. */
  defaultDashboardAccessLevel: AccessLevel;
  /** Allowed embed origins: exact origins (https://example.com) or wildcard patterns (https://*.example.com). */
  embedAllowedOrigins: Array<Scalars['String']['output']>;
  /** Full embed enabled flag */
  fullEmbedEnabled: Scalars['Boolean']['output'];
  /** The organization's groups, a page at a time (`first` 1 to 100, default 50; forward only): one upstream call per page. Admins only: for anyone else `edges` is null with a FORBIDDEN error at its path, and the rest of the answer is served. */
  groups: GroupConnection;
  /** Global Relay id (opaque). Use it with `node`, `nodes`, `organization` and the mutations. */
  id: Scalars['ID']['output'];
  /** Whether automated insights generation is enabled for this organization. */
  insightsEnabled: Scalars['Boolean']['output'];
  /** How often automated insights are generated. NEVER means automatic generation is disabled. */
  insightsFrequency: InsightsFrequency;
  /** Preferred day of month for monthly insights. */
  insightsPreferredDayOfMonth?: Maybe<Scalars['Int']['output']>;
  /** Preferred day of week for weekly insights. 0 is Sunday. */
  insightsPreferredDayOfWeek?: Maybe<Scalars['Int']['output']>;
  /** [Self-hosted] Whether the organization is billable. Defaults to true. Relevant for self-hosted deployments where billing gates certain features. When false, the organization will not be counted towards billable usage and will have a limited set of features. When true, the organization will be counted towards billable usage (after a 14-day trial) and will have access to all features. */
  isBillable: Scalars['Boolean']['output'];
  /** JWT secret for embedding. Only for organizations where the caller is an admin; null otherwise. Selecting it makes the gateway ask the organizations API for secrets (`include=jwtSecret`) for this operation. */
  jwtSecret?: Maybe<Scalars['String']['output']>;
  /** The organization's members, newest first, a page at a time (`first` 1 to 100, default 50; forward only): one upstream call per page. Admins only: for anyone else `edges` is null with a FORBIDDEN error at its path, and the rest of the answer is served. */
  members: OrganizationMemberConnection;
  /** Name of the organization */
  name: Scalars['String']['output'];
  /** Onboarding status */
  onboardingStatus: OnboardingStatus;
  /** URL-friendly slug */
  slug: Scalars['String']['output'];
  /** [Self-hosted] ISO 8601 date when the trial ends, or null if no trial. Trial starts after the organization is created and becomes billable. */
  trialEndsAt?: Maybe<Scalars['DateTime']['output']>;
  /** The organization id in the organizations REST API (what its URLs and cursors use). */
  upstreamId: Scalars['ID']['output'];
};


/** An organization the caller is a member of, as the organizations API describes it. */
export type OrganizationGroupsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** An organization the caller is a member of, as the organizations API describes it. */
export type OrganizationMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of organizations. */
export type OrganizationConnection = {
  __typename?: 'OrganizationConnection';
  /** The items of this page, in order, each with its cursor. */
  edges: Array<OrganizationEdge>;
  /** Where this page sits: whether there is a next one, and the cursor to ask for it with. */
  pageInfo: PageInfo;
};

/** An organization in a page, with its cursor. */
export type OrganizationEdge = {
  __typename?: 'OrganizationEdge';
  /** Opaque position of this item: pass it as `after` to get the items that follow it. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: Organization;
};

/** A user's membership of an organization. Visible to the organization's admins only. */
export type OrganizationMember = Node & {
  __typename?: 'OrganizationMember';
  /** When the user joined. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the membership was deactivated; null while active. */
  deactivatedAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  /** Role in the organization: `ADMIN` or `MEMBER` (other values pass through as the API sends them). */
  role: Scalars['String']['output'];
  /** The membership id in the organizations API. */
  upstreamId: Scalars['ID']['output'];
  /** The member, as a user. */
  user: User;
};

/** A page of organization members. `edges` is null when the caller may not see them (see the error at its path). */
export type OrganizationMemberConnection = {
  __typename?: 'OrganizationMemberConnection';
  /** The items of this page, in order, each with its cursor. */
  edges?: Maybe<Array<OrganizationMemberEdge>>;
  /** Where this page sits: whether there is a next one, and the cursor to ask for it with. */
  pageInfo: PageInfo;
};

/** A member in a page, with its cursor. */
export type OrganizationMemberEdge = {
  __typename?: 'OrganizationMemberEdge';
  /** Opaque position of this item: pass it as `after` to get the items that follow it. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: OrganizationMember;
};

/** Where a page of a connection sits, and how to ask for the next one. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor of the last item of this page, to pass as `after` for the next page; null when the page is empty. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether more items follow this page; ask for them with `after: endCursor`. */
  hasNextPage: Scalars['Boolean']['output'];
  /** Whether items come before this page (it was asked for with `after`). Connections page forward only: to go back, keep the earlier cursors. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** The cursor of the first item of this page; null when the page is empty. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** Reads. Every field that reaches the organizations API needs `Authorization: Bearer <token>`. */
export type Query = {
  __typename?: 'Query';
  /** About this gateway. Needs no token and makes no upstream call. */
  gateway: GatewayInfo;
  /** Fetches any object that implements `Node` by its global `id`. Null when no such object exists or is visible to the caller. */
  node?: Maybe<Node>;
  /** Fetches up to 100 objects by global `id`, in the order given; an entry is null when that object does not exist. Ids are de-duplicated and fetched concurrently. */
  nodes: Array<Maybe<Node>>;
  /** One organization by its global `id`; null when it does not exist or the caller is not a member. */
  organization?: Maybe<Organization>;
  /** Organizations the caller is a member of, newest first. Pages forward only: `first` (1 to 100, default 50) and `after`; `last`/`before` are rejected. One upstream call per page. */
  organizations: OrganizationConnection;
};


/** Reads. Every field that reaches the organizations API needs `Authorization: Bearer <token>`. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Every field that reaches the organizations API needs `Authorization: Bearer <token>`. */
export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


/** Reads. Every field that reaches the organizations API needs `Authorization: Bearer <token>`. */
export type QueryOrganizationArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Every field that reaches the organizations API needs `Authorization: Bearer <token>`. */
export type QueryOrganizationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** The member to remove from a group. Requires the admin role. */
export type RemoveGroupMemberInput = {
  /** The `id` of the Group. */
  groupId: Scalars['ID']['input'];
  /** The `id` of an OrganizationMember of the same organization. */
  memberId: Scalars['ID']['input'];
};

/** The result of removing the member: the group and the member, or the userErrors that explain why not. */
export type RemoveGroupMemberPayload = {
  __typename?: 'RemoveGroupMemberPayload';
  /** The group after removing the member (read again: one call); null when userErrors is not empty. */
  group?: Maybe<Group>;
  /** The member (read again: one call); null when userErrors is not empty. */
  member?: Maybe<OrganizationMember>;
  /** Problems with the input; empty on success. */
  userErrors: Array<UserError>;
};

/** A new name for a group. Requires the admin role. */
export type UpdateGroupInput = {
  /** The `id` of the Group. */
  id: Scalars['ID']['input'];
  /** New name of the group. At least 1 character. */
  name: Scalars['String']['input'];
};

/** The result of the update: the group, or the userErrors that explain why not. */
export type UpdateGroupPayload = {
  __typename?: 'UpdateGroupPayload';
  /** The group after the update; null when userErrors is not empty. */
  group?: Maybe<Group>;
  /** Problems with the input; empty on success. */
  userErrors: Array<UserError>;
};

/** Changes to a member: set the fields to change, omit the rest. Requires the admin role. */
export type UpdateMemberInput = {
  /** New avatar of the member's user: an https URL, or null to remove it. */
  avatarUrl?: InputMaybe<Scalars['String']['input']>;
  /** New full name of the member's user. At least 1 character. */
  fullName?: InputMaybe<Scalars['String']['input']>;
  /** The `id` of the OrganizationMember. */
  id: Scalars['ID']['input'];
  /** New role. */
  role?: InputMaybe<AssignableMemberRole>;
};

/** The result of the update: the member, or the userErrors that explain why not. */
export type UpdateMemberPayload = {
  __typename?: 'UpdateMemberPayload';
  /** The member after the update; null when userErrors is not empty. */
  member?: Maybe<OrganizationMember>;
  /** Problems with the input; empty on success. */
  userErrors: Array<UserError>;
};

/** Changes to an organization: set the fields to change, omit the rest. Requires the admin role. */
export type UpdateOrganizationInput = {
  /** Custom context for AI features */
  customAiContext?: InputMaybe<Scalars['String']['input']>;
  /** Allowed origins for embedding. Supports exact URLs (https://example.com) and wildcard patterns (https://*.example.com) */
  embedAllowedOrigins?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Enable full embed functionality */
  fullEmbedEnabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** The `id` of the Organization to change. */
  id: Scalars['ID']['input'];
  /** Enable automated insights generation for this organization. Defaults to true. */
  insightsEnabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** [Self-hosted] Controls whether the organization is billable. Defaults to true. When false, the organization will not be counted towards billable usage and will have a limited set of features. */
  isBillable?: InputMaybe<Scalars['Boolean']['input']>;
  /** Name of the organization. At least 1 character. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Skip onboarding flow */
  skipOnboarding?: InputMaybe<Scalars['Boolean']['input']>;
};

/** The result of the update: the organization, or the userErrors that explain why not. */
export type UpdateOrganizationPayload = {
  __typename?: 'UpdateOrganizationPayload';
  /** The organization after the update; null when userErrors is not empty. */
  organization?: Maybe<Organization>;
  /** Problems with the input; empty on success. */
  userErrors: Array<UserError>;
};

/** Which organizations API the gateway fronts (`UPSTREAM_DIALECT`). */
export type UpstreamDialect =
  /** The Basedash public API (`/api/public/organizations`). */
  | 'BASEDASH'
  /** The EvalGuard API (`/api/v1/orgs`). */
  | 'EVALGUARD'
  /** A JSON-LD / Hydra API Platform service (`/api/organizations`). */
  | 'HYDRA';

/** A person with a Basedash account. */
export type User = {
  __typename?: 'User';
  /** URL of the avatar image; null when none. */
  avatarUrl?: Maybe<Scalars['String']['output']>;
  /** When the account was created. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** Email address. */
  email: Scalars['String']['output'];
  /** First name; null when not set. */
  firstName?: Maybe<Scalars['String']['output']>;
  /** Full name; null when not set. */
  fullName?: Maybe<Scalars['String']['output']>;
  /** Whether the email address is verified; null when the API does not say. */
  isEmailVerified?: Maybe<Scalars['Boolean']['output']>;
  /** Job title; null when not set. */
  title?: Maybe<Scalars['String']['output']>;
  /** The user's id in the organizations API. */
  upstreamId: Scalars['ID']['output'];
};

/** A problem with the input of a mutation that the caller can fix. */
export type UserError = {
  __typename?: 'UserError';
  /** Machine-readable kind of problem. */
  code: UserErrorCode;
  /** Path to the input field at fault, e.g. `["input", "embedAllowedOrigins", "1"]`; null when no single field is to blame. */
  field?: Maybe<Array<Scalars['String']['output']>>;
  /** What is wrong and how to fix it, in English. */
  message: Scalars['String']['output'];
};

/** What kind of problem a `UserError` reports. */
export type UserErrorCode =
  /** The value clashes with existing data, e.g. a slug that is already taken. */
  | 'CONFLICT'
  /** A value breaks a rule of the API (checked by the gateway or by the organizations API). */
  | 'INVALID'
  /** The organization, member or group does not exist or is not visible to the caller. */
  | 'NOT_FOUND'
  /** An update set no field to change. */
  | 'NO_CHANGES';

export type ApolloOrganizationsPageQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ApolloOrganizationsPageQuery = { __typename?: 'Query', organizations: { __typename?: 'OrganizationConnection', edges: Array<{ __typename?: 'OrganizationEdge', cursor: string, node: { __typename?: 'Organization', id: string, name: string, slug: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type ApolloCreateOrganizationMutationVariables = Exact<{
  input: CreateOrganizationInput;
}>;


export type ApolloCreateOrganizationMutation = { __typename?: 'Mutation', createOrganization: { __typename?: 'CreateOrganizationPayload', organization?: { __typename?: 'Organization', id: string, name: string, slug: string } | null, userErrors: Array<{ __typename?: 'UserError', message: string, field?: Array<string> | null, code: UserErrorCode }> } };

export type ApolloUpdateOrganizationMutationVariables = Exact<{
  input: UpdateOrganizationInput;
}>;


export type ApolloUpdateOrganizationMutation = { __typename?: 'Mutation', updateOrganization: { __typename?: 'UpdateOrganizationPayload', organization?: { __typename?: 'Organization', id: string, name: string } | null, userErrors: Array<{ __typename?: 'UserError', message: string, code: UserErrorCode }> } };

export type NamesQueryVariables = Exact<{ [key: string]: never; }>;


export type NamesQuery = { __typename?: 'Query', organizations: { __typename?: 'OrganizationConnection', edges: Array<{ __typename?: 'OrganizationEdge', node: { __typename?: 'Organization', name: string } }> } };

export type IsolationListQueryVariables = Exact<{ [key: string]: never; }>;


export type IsolationListQuery = { __typename?: 'Query', organizations: { __typename?: 'OrganizationConnection', edges: Array<{ __typename?: 'OrganizationEdge', node: { __typename?: 'Organization', name: string } }> } };

export type IsolationNodesQueryVariables = Exact<{
  ids: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type IsolationNodesQuery = { __typename?: 'Query', nodes: Array<
    | { __typename?: 'Group', id: string }
    | { __typename?: 'Organization', id: string }
    | { __typename?: 'OrganizationMember', id: string }
   | null> };

export type LifecycleNamesQueryVariables = Exact<{ [key: string]: never; }>;


export type LifecycleNamesQuery = { __typename?: 'Query', organizations: { __typename?: 'OrganizationConnection', edges: Array<{ __typename?: 'OrganizationEdge', node: { __typename?: 'Organization', name: string } }> } };

export type ObservedSecretsQueryVariables = Exact<{ [key: string]: never; }>;


export type ObservedSecretsQuery = { __typename?: 'Query', organizations: { __typename?: 'OrganizationConnection', edges: Array<{ __typename?: 'OrganizationEdge', node: { __typename?: 'Organization', name: string, jwtSecret?: string | null } }> } };

export type CreateCoreMutationVariables = Exact<{
  input: CreateOrganizationInput;
}>;


export type CreateCoreMutation = { __typename?: 'Mutation', createOrganization: { __typename?: 'CreateOrganizationPayload', organization?: { __typename?: 'Organization', id: string, upstreamId: string, name: string, slug: string, onboardingStatus: OnboardingStatus, embedAllowedOrigins: Array<string> } | null, userErrors: Array<{ __typename?: 'UserError', message: string, field?: Array<string> | null, code: UserErrorCode }> } };

export type CreateFullMutationVariables = Exact<{
  input: CreateOrganizationInput;
}>;


export type CreateFullMutation = { __typename?: 'Mutation', createOrganization: { __typename?: 'CreateOrganizationPayload', organization?: { __typename?: 'Organization', name: string, insightsFrequency: InsightsFrequency, defaultDashboardAccessLevel: AccessLevel, jwtSecret?: string | null } | null, userErrors: Array<{ __typename?: 'UserError', code: UserErrorCode }> } };

export type CreateScheduleIfAskedMutationVariables = Exact<{
  input: CreateOrganizationInput;
  withSchedule: Scalars['Boolean']['input'];
}>;


export type CreateScheduleIfAskedMutation = { __typename?: 'Mutation', createOrganization: { __typename?: 'CreateOrganizationPayload', organization?: { __typename?: 'Organization', name: string, insightsFrequency?: InsightsFrequency } | null } };

export type NameAndScheduleFragment = { __typename?: 'Organization', name: string, insightsFrequency?: InsightsFrequency };

export type UpdateMutationVariables = Exact<{
  input: UpdateOrganizationInput;
}>;


export type UpdateMutation = { __typename?: 'Mutation', updateOrganization: { __typename?: 'UpdateOrganizationPayload', organization?: { __typename?: 'Organization', id: string, name: string, customAiContext?: string | null, fullEmbedEnabled: boolean } | null, userErrors: Array<{ __typename?: 'UserError', message: string, field?: Array<string> | null, code: UserErrorCode }> } };

export type AdminAndMemberOrgsQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminAndMemberOrgsQuery = { __typename?: 'Query', organizations: { __typename?: 'OrganizationConnection', edges: Array<{ __typename?: 'OrganizationEdge', node: { __typename?: 'Organization', id: string, upstreamId: string, name: string, jwtSecret?: string | null } }> } };

export type FirstPageQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type FirstPageQuery = { __typename?: 'Query', organizations: { __typename?: 'OrganizationConnection', edges: Array<{ __typename?: 'OrganizationEdge', cursor: string, node: { __typename?: 'Organization', id: string, upstreamId: string, name: string, slug: string, customAiContext?: string | null, onboardingStatus: OnboardingStatus, fullEmbedEnabled: boolean, embedAllowedOrigins: Array<string>, isBillable: boolean, insightsEnabled: boolean, insightsFrequency: InsightsFrequency, insightsPreferredDayOfWeek?: number | null, insightsPreferredDayOfMonth?: number | null, allowOnDemandAiUsage: boolean, aiUsageOverageLimitCents?: number | null, defaultDashboardAccessAudience: AccessAudience, defaultDashboardAccessLevel: AccessLevel, defaultChatAccessAudience: AccessAudience, defaultChatAccessLevel: AccessLevel, defaultAutomationAccessAudience: AccessAudience, defaultAutomationAccessLevel: AccessLevel, trialEndsAt?: string | null } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null } } };

export type PageIdsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
}>;


export type PageIdsQuery = { __typename?: 'Query', organizations: { __typename?: 'OrganizationConnection', edges: Array<{ __typename?: 'OrganizationEdge', node: { __typename?: 'Organization', upstreamId: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type SecretsQueryVariables = Exact<{
  withSecret: Scalars['Boolean']['input'];
}>;


export type SecretsQuery = { __typename?: 'Query', organizations: { __typename?: 'OrganizationConnection', edges: Array<{ __typename?: 'OrganizationEdge', node: { __typename?: 'Organization', upstreamId: string, jwtSecret?: string | null } }> } };

export type SecretFieldsFragment = { __typename?: 'Organization', jwtSecret?: string | null };

export type OrganizationByIdQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type OrganizationByIdQuery = { __typename?: 'Query', organization?: { __typename?: 'Organization', id: string, upstreamId: string, name: string, insightsFrequency: InsightsFrequency } | null };

export type NodesByIdsQueryVariables = Exact<{
  ids: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type NodesByIdsQuery = { __typename?: 'Query', nodes: Array<
    | { __typename?: 'Group', id: string }
    | { __typename?: 'Organization', upstreamId: string, slug: string, id: string }
    | { __typename?: 'OrganizationMember', id: string }
   | null> };

export type ListThenNodeQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ListThenNodeQuery = { __typename?: 'Query', organizations: { __typename?: 'OrganizationConnection', edges: Array<{ __typename?: 'OrganizationEdge', node: { __typename?: 'Organization', id: string, name: string } }> }, node?:
    | { __typename?: 'Group' }
    | { __typename?: 'Organization', name: string, defaultChatAccessLevel: AccessLevel }
    | { __typename?: 'OrganizationMember' }
   | null };

export type ProcessPageQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ProcessPageQuery = { __typename?: 'Query', organizations: { __typename?: 'OrganizationConnection', edges: Array<{ __typename?: 'OrganizationEdge', node: { __typename?: 'Organization', id: string, upstreamId: string, name: string, trialEndsAt?: string | null } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type ProcessOneQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ProcessOneQuery = { __typename?: 'Query', organization?: { __typename?: 'Organization', name: string } | null };

export type ProcessCreateMutationVariables = Exact<{
  input: CreateOrganizationInput;
}>;


export type ProcessCreateMutation = { __typename?: 'Mutation', createOrganization: { __typename?: 'CreateOrganizationPayload', organization?: { __typename?: 'Organization', upstreamId: string, name: string, insightsFrequency: InsightsFrequency } | null, userErrors: Array<{ __typename?: 'UserError', code: UserErrorCode }> } };

export type SerialMemberOrganizationsQueryVariables = Exact<{ [key: string]: never; }>;


export type SerialMemberOrganizationsQuery = { __typename?: 'Query', organizations: { __typename?: 'OrganizationConnection', edges: Array<{ __typename?: 'OrganizationEdge', node: { __typename?: 'Organization', id: string } }> } };

export type SerialOthersQueryVariables = Exact<{ [key: string]: never; }>;


export type SerialOthersQuery = { __typename?: 'Query', organizations: { __typename?: 'OrganizationConnection', edges: Array<{ __typename?: 'OrganizationEdge', node: { __typename?: 'Organization', name: string } }> } };

export type FaultNamesQueryVariables = Exact<{ [key: string]: never; }>;


export type FaultNamesQuery = { __typename?: 'Query', organizations: { __typename?: 'OrganizationConnection', edges: Array<{ __typename?: 'OrganizationEdge', node: { __typename?: 'Organization', name: string } }> } };

export type FaultCreateMutationVariables = Exact<{
  input: CreateOrganizationInput;
}>;


export type FaultCreateMutation = { __typename?: 'Mutation', createOrganization: { __typename?: 'CreateOrganizationPayload', organization?: { __typename?: 'Organization', name: string } | null, userErrors: Array<{ __typename?: 'UserError', code: UserErrorCode }> } };

export type FaultAllSecretsQueryVariables = Exact<{ [key: string]: never; }>;


export type FaultAllSecretsQuery = { __typename?: 'Query', organizations: { __typename?: 'OrganizationConnection', edges: Array<{ __typename?: 'OrganizationEdge', node: { __typename?: 'Organization', upstreamId: string, jwtSecret?: string | null } }> } };

export type FaultUpdateMutationVariables = Exact<{
  input: UpdateOrganizationInput;
}>;


export type FaultUpdateMutation = { __typename?: 'Mutation', updateOrganization: { __typename?: 'UpdateOrganizationPayload', organization?: { __typename?: 'Organization', name: string } | null, userErrors: Array<{ __typename?: 'UserError', code: UserErrorCode }> } };

export type FaultSecretsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type FaultSecretsQuery = { __typename?: 'Query', organizations: { __typename?: 'OrganizationConnection', edges: Array<{ __typename?: 'OrganizationEdge', node: { __typename?: 'Organization', upstreamId: string, name: string, jwtSecret?: string | null } }> }, organization?: { __typename?: 'Organization', upstreamId: string, name: string, jwtSecret?: string | null } | null };

export const NameAndScheduleFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NameAndSchedule"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Organization"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"insightsFrequency"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withSchedule"}}}]}]}]}}]} as unknown as DocumentNode<NameAndScheduleFragment, unknown>;
export const SecretFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SecretFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Organization"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jwtSecret"}}]}}]} as unknown as DocumentNode<SecretFieldsFragment, unknown>;
export const ApolloOrganizationsPageDocument = {"__meta__":{"hash":"0d7757a345953be4ce4ddf62fe5d2fed36862c4c42c655cac8b734bcba992489"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApolloOrganizationsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ApolloOrganizationsPageQuery, ApolloOrganizationsPageQueryVariables>;
export const ApolloCreateOrganizationDocument = {"__meta__":{"hash":"8eed95b357b2ec19906f362751003ccfcb13f01ff23cdbdc4bedaef700c1bc8e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApolloCreateOrganization"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateOrganizationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createOrganization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<ApolloCreateOrganizationMutation, ApolloCreateOrganizationMutationVariables>;
export const ApolloUpdateOrganizationDocument = {"__meta__":{"hash":"aff4c2f4ef62ef78891f3c64b926f7a440786a06e0ce26911ea3b4f133f17336"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApolloUpdateOrganization"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateOrganizationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateOrganization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<ApolloUpdateOrganizationMutation, ApolloUpdateOrganizationMutationVariables>;
export const NamesDocument = {"__meta__":{"hash":"bf4875513e15b33af7b336ee67c6df367f56979dcbc056e10b10822bf3fb973f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Names"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"3"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<NamesQuery, NamesQueryVariables>;
export const IsolationListDocument = {"__meta__":{"hash":"2fddc48f421bdd7b9f4aaffc02fcab61148f58cb442b174e70accb60eff864d4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IsolationList"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"3"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<IsolationListQuery, IsolationListQueryVariables>;
export const IsolationNodesDocument = {"__meta__":{"hash":"d0d9b707c8861a1ac8b481367a9dd5123617d7e33a79a387b2f40081ab31ea2b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IsolationNodes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<IsolationNodesQuery, IsolationNodesQueryVariables>;
export const LifecycleNamesDocument = {"__meta__":{"hash":"9fe32db5419c02c8aff27e0ab3a24bd0ba202c7251bf7943cb9e33c82f55324e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LifecycleNames"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"2"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<LifecycleNamesQuery, LifecycleNamesQueryVariables>;
export const ObservedSecretsDocument = {"__meta__":{"hash":"f30cec0451e0635e09550a8c7567c5ca61d6a86ff89181d9f7681e665ef4d88d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ObservedSecrets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"jwtSecret"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ObservedSecretsQuery, ObservedSecretsQueryVariables>;
export const CreateCoreDocument = {"__meta__":{"hash":"c264664a6a5f5f018e298c9a4136c222036ae4468bf3428251cbd322b4fb0ba2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateCore"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateOrganizationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createOrganization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"onboardingStatus"}},{"kind":"Field","name":{"kind":"Name","value":"embedAllowedOrigins"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<CreateCoreMutation, CreateCoreMutationVariables>;
export const CreateFullDocument = {"__meta__":{"hash":"4c5c3e7a94ec8137d1ea516594c5fef005a0c2da9f9e23320c8ba70824038817"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateFull"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateOrganizationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createOrganization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"insightsFrequency"}},{"kind":"Field","name":{"kind":"Name","value":"defaultDashboardAccessLevel"}},{"kind":"Field","name":{"kind":"Name","value":"jwtSecret"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<CreateFullMutation, CreateFullMutationVariables>;
export const CreateScheduleIfAskedDocument = {"__meta__":{"hash":"0ab167505f024759466979dc412d48dd476a0b4f7086b49e0b66041b49315b7f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateScheduleIfAsked"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateOrganizationInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withSchedule"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createOrganization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NameAndSchedule"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NameAndSchedule"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Organization"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"insightsFrequency"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withSchedule"}}}]}]}]}}]} as unknown as DocumentNode<CreateScheduleIfAskedMutation, CreateScheduleIfAskedMutationVariables>;
export const UpdateDocument = {"__meta__":{"hash":"dac2a6148620a5d49b99e368f35d6d05c991f84806d67c99b781ef32b6e9e683"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Update"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateOrganizationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateOrganization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"customAiContext"}},{"kind":"Field","name":{"kind":"Name","value":"fullEmbedEnabled"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateMutation, UpdateMutationVariables>;
export const AdminAndMemberOrgsDocument = {"__meta__":{"hash":"41e2d074725a5e179ef6152949f8fc226f0ec554bf98d66a7ce6c700c810dc3a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminAndMemberOrgs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"jwtSecret"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AdminAndMemberOrgsQuery, AdminAndMemberOrgsQueryVariables>;
export const FirstPageDocument = {"__meta__":{"hash":"115b008e4c7fd04220d2f6546b513f2a2472376ae42b9fc2bc68b2e22172a507"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FirstPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"customAiContext"}},{"kind":"Field","name":{"kind":"Name","value":"onboardingStatus"}},{"kind":"Field","name":{"kind":"Name","value":"fullEmbedEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"embedAllowedOrigins"}},{"kind":"Field","name":{"kind":"Name","value":"isBillable"}},{"kind":"Field","name":{"kind":"Name","value":"insightsEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"insightsFrequency"}},{"kind":"Field","name":{"kind":"Name","value":"insightsPreferredDayOfWeek"}},{"kind":"Field","name":{"kind":"Name","value":"insightsPreferredDayOfMonth"}},{"kind":"Field","name":{"kind":"Name","value":"allowOnDemandAiUsage"}},{"kind":"Field","name":{"kind":"Name","value":"aiUsageOverageLimitCents"}},{"kind":"Field","name":{"kind":"Name","value":"defaultDashboardAccessAudience"}},{"kind":"Field","name":{"kind":"Name","value":"defaultDashboardAccessLevel"}},{"kind":"Field","name":{"kind":"Name","value":"defaultChatAccessAudience"}},{"kind":"Field","name":{"kind":"Name","value":"defaultChatAccessLevel"}},{"kind":"Field","name":{"kind":"Name","value":"defaultAutomationAccessAudience"}},{"kind":"Field","name":{"kind":"Name","value":"defaultAutomationAccessLevel"}},{"kind":"Field","name":{"kind":"Name","value":"trialEndsAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<FirstPageQuery, FirstPageQueryVariables>;
export const PageIdsDocument = {"__meta__":{"hash":"69fbe6ad3a83494842f5a1cfa558abe0d483158ed61809b46a6fbf119277ad28"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PageIds"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upstreamId"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<PageIdsQuery, PageIdsQueryVariables>;
export const SecretsDocument = {"__meta__":{"hash":"159e676f4f9136456039566fe86ef9dc4001c50c4cb9cecce48f7c1a34470282"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Secrets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withSecret"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upstreamId"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"SecretFields"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withSecret"}}}]}]}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SecretFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Organization"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jwtSecret"}}]}}]} as unknown as DocumentNode<SecretsQuery, SecretsQueryVariables>;
export const OrganizationByIdDocument = {"__meta__":{"hash":"8423b836f459b41c1849b54ec97770af969bcd41541122004ece8e55e0d34e2f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrganizationById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"insightsFrequency"}}]}}]}}]} as unknown as DocumentNode<OrganizationByIdQuery, OrganizationByIdQueryVariables>;
export const NodesByIdsDocument = {"__meta__":{"hash":"754f84cfb9ec8fc18b6df16016e5e2aa78b2dabc584df5c86e883a57c9811208"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NodesByIds"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Organization"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upstreamId"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]}}]} as unknown as DocumentNode<NodesByIdsQuery, NodesByIdsQueryVariables>;
export const ListThenNodeDocument = {"__meta__":{"hash":"e46134400dd47eea0da7be857a4dbf8aa89115037819df203b986e20dd8f02ed"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListThenNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Organization"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"defaultChatAccessLevel"}}]}}]}}]}}]} as unknown as DocumentNode<ListThenNodeQuery, ListThenNodeQueryVariables>;
export const ProcessPageDocument = {"__meta__":{"hash":"6ecfc9e9c60f16d787f535392b2a7e85924da8af1b030f9c47b02850a3e9718d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProcessPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"trialEndsAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ProcessPageQuery, ProcessPageQueryVariables>;
export const ProcessOneDocument = {"__meta__":{"hash":"e96efb7e33486a304dc44d0d7ff4d83198ee619440ca9d98fba07857c52f6f16"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProcessOne"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ProcessOneQuery, ProcessOneQueryVariables>;
export const ProcessCreateDocument = {"__meta__":{"hash":"078df489fa1fd7adee4b05ca6920307b0c5d52bb10c903be69bbc02df407e949"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ProcessCreate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateOrganizationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createOrganization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upstreamId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"insightsFrequency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<ProcessCreateMutation, ProcessCreateMutationVariables>;
export const SerialMemberOrganizationsDocument = {"__meta__":{"hash":"aea16de92322148d4c84dddfa087435b4f2301f8e7839ce625b2f19e9d015948"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SerialMemberOrganizations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SerialMemberOrganizationsQuery, SerialMemberOrganizationsQueryVariables>;
export const SerialOthersDocument = {"__meta__":{"hash":"8057d5b8f5c5874f9667238fc9dbefb261c90685bf3e384caf3673a0eac1c220"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SerialOthers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"2"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SerialOthersQuery, SerialOthersQueryVariables>;
export const FaultNamesDocument = {"__meta__":{"hash":"6eabb85c1cee621e9f869a7423b76daab71eaad0ec0290b1daaf76e2ffe625b8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FaultNames"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"3"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<FaultNamesQuery, FaultNamesQueryVariables>;
export const FaultCreateDocument = {"__meta__":{"hash":"fd20809471df2e14092c23e011fd08ce081d8a58e8c5e8540ec00c441392e7ce"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FaultCreate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateOrganizationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createOrganization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<FaultCreateMutation, FaultCreateMutationVariables>;
export const FaultAllSecretsDocument = {"__meta__":{"hash":"4c9daf13c5f9c87613ac33a7511b3091d08a506e9cf2101726ff09e629a72db1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FaultAllSecrets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upstreamId"}},{"kind":"Field","name":{"kind":"Name","value":"jwtSecret"}}]}}]}}]}}]}}]} as unknown as DocumentNode<FaultAllSecretsQuery, FaultAllSecretsQueryVariables>;
export const FaultUpdateDocument = {"__meta__":{"hash":"9464b0c2f9b81e69c4982c83746fbc90a5ec5c4ea56ebcfd3261c517503e04de"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FaultUpdate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateOrganizationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateOrganization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<FaultUpdateMutation, FaultUpdateMutationVariables>;
export const FaultSecretsDocument = {"__meta__":{"hash":"2f79f80cb3c023080faeb24437ffdd60b012c02b2495fce8290f3edb1339b9ea"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FaultSecrets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upstreamId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"jwtSecret"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upstreamId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"jwtSecret"}}]}}]}}]} as unknown as DocumentNode<FaultSecretsQuery, FaultSecretsQueryVariables>;