/**
 * Members, groups and AI usage of a Basedash organization (issue 19): the gateway's model, the
 * typed calls, and the per-request loaders. Member and group ids are only unique within their
 * organization, so the loaders key them by `orgId:id`.
 */
import { checked } from '../../upstream/contract.js';
import { UpstreamHttpError } from '../../upstream/errors.js';
import type { UpstreamSession } from '../../upstream/session.js';
import { contract } from './contract.js';
import type { components } from './openapi.js';

type Schemas = components['schemas'];

export interface User {
  readonly upstreamId: string;
  readonly fullName: string | null;
  readonly firstName: string | null;
  readonly email: string;
  readonly avatarUrl: string | null;
  readonly isEmailVerified: boolean | null;
  readonly title: string | null;
  readonly createdAt: string | null;
}

export interface OrganizationMember {
  /** The upstream member id (the page cursor). */
  readonly id: string;
  readonly organizationId: string;
  readonly role: string;
  readonly createdAt: string | null;
  readonly deactivatedAt: string | null;
  readonly user: User;
}

export interface Group {
  readonly id: string;
  readonly organizationId: string;
  readonly name: string;
  readonly createdAt: string | null;
  readonly updatedAt: string | null;
}

export interface AiUsage {
  readonly organizationId: string;
  readonly totalUsageUsd: number;
  readonly billingPeriodStart: string | null;
  readonly billingPeriodEnd: string | null;
  readonly memberUsage: readonly { userId: string | null; memberId: string | null; email: string | null; usageUsd: number }[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  hasMore: boolean;
}

const ORGS = ['api', 'public', 'organizations'] as const;

export class PeopleApi {
  constructor(private readonly session: UpstreamSession) {}

  async members(orgId: string, page: { limit: number; cursor: string | undefined }): Promise<Page<OrganizationMember>> {
    const response = await this.session.request({
      method: 'GET',
      route: '/api/public/organizations/{orgId}/members',
      path: [...ORGS, orgId, 'members'],
      query: { limit: page.limit, cursor: page.cursor },
    });
    const { data, pagination } = checked(response, contract.memberList, 'GET /organizations/{orgId}/members');
    return { items: data.map((member) => toMember(member, orgId)), ...pagination };
  }

  async groups(orgId: string, page: { limit: number; cursor: string | undefined }): Promise<Page<Group>> {
    const response = await this.session.request({
      method: 'GET',
      route: '/api/public/organizations/{orgId}/groups',
      path: [...ORGS, orgId, 'groups'],
      query: { limit: page.limit, cursor: page.cursor },
    });
    const { data, pagination } = checked(response, contract.groupList, 'GET /organizations/{orgId}/groups');
    return { items: data.map((group) => toGroup(group, orgId)), ...pagination };
  }

  async groupMembers(
    orgId: string,
    groupId: string,
    page: { limit: number; cursor: string | undefined },
  ): Promise<Page<OrganizationMember>> {
    const response = await this.session.request({
      method: 'GET',
      route: '/api/public/organizations/{orgId}/groups/{groupId}/members',
      path: [...ORGS, orgId, 'groups', groupId, 'members'],
      query: { limit: page.limit, cursor: page.cursor },
    });
    const { data, pagination } = checked(response, contract.memberList, 'GET /organizations/{orgId}/groups/{groupId}/members');
    return { items: data.map((member) => toMember(member, orgId)), ...pagination };
  }

  /** One member, or null when the upstream does not know it (404). */
  async member(orgId: string, memberId: string): Promise<OrganizationMember | null> {
    try {
      const response = await this.session.request({
        method: 'GET',
        route: '/api/public/organizations/{orgId}/members/{memberId}',
        path: [...ORGS, orgId, 'members', memberId],
      });
      return toMember(checked(response, contract.memberResult, 'GET /organizations/{orgId}/members/{memberId}').data, orgId);
    } catch (error) {
      return nullIfNotFound(error);
    }
  }

  /** One group, or null when the upstream does not know it (404). */
  async group(orgId: string, groupId: string): Promise<Group | null> {
    try {
      const response = await this.session.request({
        method: 'GET',
        route: '/api/public/organizations/{orgId}/groups/{groupId}',
        path: [...ORGS, orgId, 'groups', groupId],
      });
      return toGroup(checked(response, contract.groupResult, 'GET /organizations/{orgId}/groups/{groupId}').data, orgId);
    } catch (error) {
      return nullIfNotFound(error);
    }
  }

  async aiUsage(orgId: string): Promise<AiUsage | null> {
    try {
      const response = await this.session.request({
        method: 'GET',
        route: '/api/public/organizations/{orgId}/ai-usage',
        path: [...ORGS, orgId, 'ai-usage'],
      });
      const usage = checked(response, contract.aiUsage, 'GET /organizations/{orgId}/ai-usage');
      return {
        organizationId: orgId,
        totalUsageUsd: usage.totalUsage,
        billingPeriodStart: usage.billingPeriodStart ?? null,
        billingPeriodEnd: usage.billingPeriodEnd ?? null,
        memberUsage: usage.memberUsage.map((entry) => ({
          userId: entry.userId ?? null,
          memberId: entry.memberId ?? null,
          email: entry.email ?? null,
          usageUsd: entry.usage,
        })),
      };
    } catch (error) {
      return nullIfNotFound(error);
    }
  }

  // Writes. Never retried (only reads are): the answer says whether they were applied.

  /** Invites by email (admins only); the answer is the membership, new or reactivated. */
  async invite(orgId: string, body: Schemas['InviteMemberBody']): Promise<OrganizationMember> {
    const response = await this.session.request({
      method: 'POST',
      route: '/api/public/organizations/{orgId}/members',
      path: [...ORGS, orgId, 'members'],
      body,
    });
    return toMember(checked(response, contract.memberResult, 'POST /organizations/{orgId}/members').data, orgId);
  }

  /** Changes the fields present in `body`; the rest stay as they are. */
  async updateMember(orgId: string, memberId: string, body: Schemas['UpdateMemberBody']): Promise<OrganizationMember> {
    const response = await this.session.request({
      method: 'PATCH',
      route: '/api/public/organizations/{orgId}/members/{memberId}',
      path: [...ORGS, orgId, 'members', memberId],
      body,
    });
    return toMember(checked(response, contract.memberResult, 'PATCH /organizations/{orgId}/members/{memberId}').data, orgId);
  }

  /** Deactivates; the member as answered, or null when the answer has none (e.g. 204). */
  async deactivateMember(orgId: string, memberId: string): Promise<OrganizationMember | null> {
    const response = await this.session.request({
      method: 'DELETE',
      route: '/api/public/organizations/{orgId}/members/{memberId}',
      path: [...ORGS, orgId, 'members', memberId],
    });
    if (!hasData(response.body)) return null;
    return toMember(checked(response, contract.memberResult, 'DELETE /organizations/{orgId}/members/{memberId}').data, orgId);
  }

  async createGroup(orgId: string, body: Schemas['GroupBody']): Promise<Group> {
    const response = await this.session.request({
      method: 'POST',
      route: '/api/public/organizations/{orgId}/groups',
      path: [...ORGS, orgId, 'groups'],
      body,
    });
    return toGroup(checked(response, contract.groupResult, 'POST /organizations/{orgId}/groups').data, orgId);
  }

  async updateGroup(orgId: string, groupId: string, body: Schemas['GroupBody']): Promise<Group> {
    const response = await this.session.request({
      method: 'PATCH',
      route: '/api/public/organizations/{orgId}/groups/{groupId}',
      path: [...ORGS, orgId, 'groups', groupId],
      body,
    });
    return toGroup(checked(response, contract.groupResult, 'PATCH /organizations/{orgId}/groups/{groupId}').data, orgId);
  }

  /** Any 2xx is done; the answer's body is not read. */
  async deleteGroup(orgId: string, groupId: string): Promise<void> {
    await this.session.request({
      method: 'DELETE',
      route: '/api/public/organizations/{orgId}/groups/{groupId}',
      path: [...ORGS, orgId, 'groups', groupId],
    });
  }

  /** Any 2xx is done; the answer's body is not read (the reference leaves it open). */
  async addGroupMember(orgId: string, groupId: string, memberId: string): Promise<void> {
    const body: Schemas['AddGroupMemberBody'] = { memberId };
    await this.session.request({
      method: 'POST',
      route: '/api/public/organizations/{orgId}/groups/{groupId}/members',
      path: [...ORGS, orgId, 'groups', groupId, 'members'],
      body,
    });
  }

  async removeGroupMember(orgId: string, groupId: string, memberId: string): Promise<void> {
    await this.session.request({
      method: 'DELETE',
      route: '/api/public/organizations/{orgId}/groups/{groupId}/members/{memberId}',
      path: [...ORGS, orgId, 'groups', groupId, 'members', memberId],
    });
  }
}

/** A read of something the upstream does not know (404) is null; any other failure stays one. */
function nullIfNotFound(error: unknown): null {
  if (error instanceof UpstreamHttpError && error.code === 'NOT_FOUND') return null;
  throw error;
}

const hasData = (body: unknown): boolean => typeof body === 'object' && body !== null && 'data' in body;

function toMember(wire: Schemas['OrganizationMember'], orgId: string): OrganizationMember {
  const user = wire.user;
  return {
    id: wire.id,
    organizationId: wire.organizationId ?? orgId,
    role: wire.role,
    createdAt: wire.createdAt ?? null,
    deactivatedAt: wire.deactivatedAt ?? null,
    user: {
      upstreamId: user.id,
      fullName: user.fullName ?? null,
      firstName: user.firstName ?? null,
      email: user.email,
      avatarUrl: user.avatarUrl ?? null,
      isEmailVerified: user.isEmailVerified ?? null,
      title: user.title ?? null,
      createdAt: user.createdAt ?? null,
    },
  };
}

function toGroup(wire: Schemas['Group'], orgId: string): Group {
  return { id: wire.id, organizationId: orgId, name: wire.name, createdAt: wire.createdAt ?? null, updatedAt: wire.updatedAt ?? null };
}

/**
 * Per-request reads: each page, member, group and AI usage read once however many fields ask (a
 * promise memo by key, as DataLoader's cache would be: there is no batch endpoint to batch into),
 * and members by `orgId:memberId` from any page read. Made on every request, so it allocates
 * nothing until a field of these types is asked for.
 */
export class PeopleLoaders {
  /** `<kind>:<orgId>:…` → the read in flight or done. */
  private reads: Map<string, Promise<unknown>> | undefined;
  private membersSeen: Map<string, OrganizationMember> | undefined;

  /** The calls themselves, for writes (which the loaders do not cache). */
  constructor(readonly api: PeopleApi) {}

  members(orgId: string, page: { limit: number; cursor: string | undefined }): Promise<Page<OrganizationMember>> {
    return this.once(`m:${orgId}:${page.limit}:${page.cursor ?? ''}`, () => this.api.members(orgId, page).then((read) => this.saw(read)));
  }

  groups(orgId: string, page: { limit: number; cursor: string | undefined }): Promise<Page<Group>> {
    return this.once(`g:${orgId}:${page.limit}:${page.cursor ?? ''}`, () => this.api.groups(orgId, page));
  }

  groupMembers(orgId: string, groupId: string, page: { limit: number; cursor: string | undefined }): Promise<Page<OrganizationMember>> {
    return this.once(`gm:${orgId}:${groupId}:${page.limit}:${page.cursor ?? ''}`, () =>
      this.api.groupMembers(orgId, groupId, page).then((read) => this.saw(read)),
    );
  }

  /** A member this request already read on a page, if any. */
  memberSeen(orgId: string, memberId: string): OrganizationMember | undefined {
    return this.membersSeen?.get(`${orgId}:${memberId}`);
  }

  /** A member by organization and id: from a page this request read, else one GET (once per request). */
  member(orgId: string, memberId: string): Promise<OrganizationMember | null> {
    const seen = this.memberSeen(orgId, memberId);
    return seen ? Promise.resolve(seen) : this.once(`member:${orgId}:${memberId}`, () => this.api.member(orgId, memberId));
  }

  group(orgId: string, groupId: string): Promise<Group | null> {
    return this.once(`group:${orgId}:${groupId}`, () => this.api.group(orgId, groupId));
  }

  aiUsage(orgId: string): Promise<AiUsage | null> {
    return this.once(`ai:${orgId}:`, () => this.api.aiUsage(orgId));
  }

  /** After a write in `orgId`: what this request read there before is stale. */
  forget(orgId: string): void {
    for (const key of this.reads?.keys() ?? []) {
      if (key.slice(key.indexOf(':') + 1).startsWith(`${orgId}:`)) this.reads?.delete(key);
    }
    for (const key of this.membersSeen?.keys() ?? []) if (key.startsWith(`${orgId}:`)) this.membersSeen?.delete(key);
  }

  private once<T>(key: string, read: () => Promise<T>): Promise<T> {
    this.reads ??= new Map();
    let pending = this.reads.get(key) as Promise<T> | undefined;
    if (!pending) {
      pending = read();
      this.reads.set(key, pending);
    }
    return pending;
  }

  private saw(page: Page<OrganizationMember>): Page<OrganizationMember> {
    this.membersSeen ??= new Map();
    for (const member of page.items) this.membersSeen.set(`${member.organizationId}:${member.id}`, member);
    return page;
  }
}
