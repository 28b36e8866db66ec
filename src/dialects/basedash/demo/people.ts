/**
 * The demo's members, groups and AI usage (issue 19). Each seeded organization starts with 25
 * members (newest first), 12 groups of 6 members each, and this period's AI usage of its first five
 * members, all made up deterministically from its id; an organization's people are materialized on
 * first use and then change with the writes below. Admins only: other members get 403 (the caller's
 * membership is checked by the organization store, 404 for non-members).
 */
import { HttpFailure, type Reply } from '../../../demo/harness.js';
import type { components } from '../openapi.js';

type Schemas = components['schemas'];
type Member = Schemas['OrganizationMember'];
type GroupRecord = Schemas['Group'];

export const MEMBERS_PER_ORGANIZATION = 25;
export const GROUPS_PER_ORGANIZATION = 12;
const MEMBERS_PER_GROUP = 6;
const FIRST = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Ken', 'Radia', 'Tim'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Thompson', 'Perlman', 'Lee'];

const two = (n: number) => String(n).padStart(2, '0');
const at = (n: number) => new Date(Date.UTC(2026, 5, 1) - n * 86_400_000).toISOString();

function seedMember(orgId: string, n: number): Member {
  const first = FIRST[n % FIRST.length] as string;
  const last = LAST[(n * 3) % LAST.length] as string;
  const userId = `usr_${orgId}_${two(n)}`;
  return {
    id: `mem_${orgId}_${two(n)}`,
    createdAt: at(n),
    role: n % 5 === 0 ? 'ADMIN' : 'MEMBER',
    userId,
    organizationId: orgId,
    deactivatedAt: n === MEMBERS_PER_ORGANIZATION - 1 ? at(0) : null,
    user: {
      id: userId,
      fullName: `${first} ${last}`,
      firstName: first,
      email: `${first.toLowerCase()}.${last.toLowerCase()}.${n}@${orgId.replace(/_/g, '-')}.example.com`,
      avatarUrl: n % 2 === 0 ? `https://avatars.example.com/${userId}.png` : null,
      isEmailVerified: n % 4 !== 3,
      title: n % 3 === 0 ? 'Engineer' : null,
      createdAt: at(n + 30),
    },
  };
}

interface OrganizationPeople {
  /** Newest first. */
  members: Member[];
  groups: GroupRecord[];
  /** Group id → member ids, in the order they were added. */
  groupMembers: Map<string, string[]>;
  /** For new ids. */
  created: number;
}

function seedPeople(orgId: string): OrganizationPeople {
  const members = Array.from({ length: MEMBERS_PER_ORGANIZATION }, (_, n) => seedMember(orgId, n));
  const groups = Array.from({ length: GROUPS_PER_ORGANIZATION }, (_, n) => ({
    id: `grp_${orgId}_${two(n)}`,
    name: `Group ${n + 1}`,
    createdAt: at(n + 5),
    updatedAt: at(n),
  }));
  const groupMembers = new Map(
    groups.map((group, index) => [
      group.id,
      Array.from({ length: MEMBERS_PER_GROUP }, (_, k) => members[(index * 2 + k) % MEMBERS_PER_ORGANIZATION]!.id),
    ]),
  );
  return { members, groups, groupMembers, created: 0 };
}

function page<T extends { id: string }>(items: readonly T[], limit: number, cursor: string | undefined) {
  let start = 0;
  if (cursor !== undefined) {
    const index = items.findIndex((item) => item.id === cursor);
    if (index < 0) throw new HttpFailure(400, 'ValidationError', `"cursor" is not the id of an item of this list: "${cursor}"`);
    start = index + 1;
  }
  const data = items.slice(start, start + limit);
  const hasMore = start + limit < items.length;
  return { data, pagination: { nextCursor: hasMore ? (data.at(-1)?.id ?? null) : null, hasMore } };
}

const invalid = (detail: string) => new HttpFailure(400, 'ValidationError', detail);
const notFound = (what: string) => new HttpFailure(404, 'NotFound', `${what} not found`);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Refuses keys outside `allowed`, as the API's strict body schemas do. */
function onlyKeys(body: Record<string, unknown>, allowed: readonly string[]): void {
  const unknown = Object.keys(body).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) throw invalid(`Unrecognized key(s) in object: ${unknown.map((key) => `"${key}"`).join(', ')}`);
}

function groupName(body: Record<string, unknown>): string {
  onlyKeys(body, ['name']);
  if (typeof body.name !== 'string' || body.name.trim() === '') throw invalid('"name" is required and must be a non-empty string');
  return body.name;
}

export interface PeopleRequest {
  /** Path segments after `/organizations/{orgId}/`. */
  rest: readonly string[];
  orgId: string;
  method: string;
  /** The caller's role in the organization (checked by the organization store). */
  role: 'ADMIN' | 'MEMBER';
  paging: () => { limit: number; cursor: string | undefined };
  /** The JSON object body of a POST or PATCH. */
  body: () => Record<string, unknown>;
}

/** The people of every organization touched so far; `reset()` goes back to the seed. */
export class PeopleStore {
  private organizations = new Map<string, OrganizationPeople>();

  reset(): void {
    this.organizations = new Map();
  }

  /** The answer for a path under `/api/public/organizations/{orgId}/…`, or undefined when it is not one of these routes. */
  answer(request: PeopleRequest): Reply | undefined {
    const { rest, method } = request;
    const [kind, id, sub, subId, ...more] = rest;
    if (more.length > 0 || !['members', 'groups', 'ai-usage'].includes(kind ?? '')) return undefined;
    const allowed = allowedMethods(kind as string, id, sub, subId);
    if (!allowed) return undefined;
    if (!allowed.includes(method)) {
      throw new HttpFailure(405, 'MethodNotAllowed', `${method} is not allowed here; use ${allowed.join(' or ')}`, {
        headers: { allow: allowed.join(', ') },
      });
    }
    if (request.role !== 'ADMIN') {
      throw new HttpFailure(403, 'Forbidden', 'Only organization admins can see or change its members, groups and AI usage');
    }
    const people = this.of(request.orgId);
    if (kind === 'ai-usage') return { status: 200, body: aiUsage(people) };
    if (kind === 'members') return this.members(people, request, id);
    return this.groups(people, request, id, sub, subId);
  }

  private of(orgId: string): OrganizationPeople {
    let people = this.organizations.get(orgId);
    if (!people) this.organizations.set(orgId, (people = seedPeople(orgId)));
    return people;
  }

  private members(people: OrganizationPeople, request: PeopleRequest, id: string | undefined): Reply {
    if (id === undefined && request.method === 'GET') {
      const { limit, cursor } = request.paging();
      return { status: 200, body: page(people.members, limit, cursor) };
    }
    if (id === undefined) return { status: 200, body: { data: this.invite(people, request) } };
    const member = people.members.find((candidate) => candidate.id === id);
    if (!member) throw notFound('Member');
    if (request.method === 'PATCH') updateMember(member, request.body());
    if (request.method === 'DELETE') member.deactivatedAt ??= new Date().toISOString();
    return { status: 200, body: { data: member } };
  }

  private invite(people: OrganizationPeople, request: PeopleRequest): Member {
    const body = request.body();
    onlyKeys(body, ['email', 'role']);
    if (typeof body.email !== 'string' || !EMAIL.test(body.email)) throw invalid('"email" must be an email address');
    if (body.role !== undefined && body.role !== 'MEMBER') throw invalid('"role" must be "MEMBER"');
    const email = body.email.toLowerCase();
    const existing = people.members.find((member) => member.user.email.toLowerCase() === email);
    if (existing && existing.deactivatedAt == null)
      throw new HttpFailure(409, 'Conflict', `${body.email} is already a member of this organization`);
    if (existing) {
      existing.deactivatedAt = null;
      return existing;
    }
    people.created += 1;
    const now = new Date().toISOString();
    const userId = `usr_${request.orgId}_new${people.created}`;
    const member: Member = {
      id: `mem_${request.orgId}_new${people.created}`,
      createdAt: now,
      role: 'MEMBER',
      userId,
      organizationId: request.orgId,
      deactivatedAt: null,
      user: {
        id: userId,
        fullName: null,
        firstName: null,
        email: body.email,
        avatarUrl: null,
        isEmailVerified: false,
        title: null,
        createdAt: now,
      },
    };
    people.members.unshift(member);
    return member;
  }

  private groups(
    people: OrganizationPeople,
    request: PeopleRequest,
    id: string | undefined,
    sub: string | undefined,
    memberId: string | undefined,
  ): Reply {
    if (id === undefined && request.method === 'GET') {
      const { limit, cursor } = request.paging();
      return { status: 200, body: page(people.groups, limit, cursor) };
    }
    if (id === undefined) {
      const name = groupName(request.body());
      if (people.groups.some((group) => group.name === name))
        throw new HttpFailure(409, 'Conflict', `A group named "${name}" already exists`);
      people.created += 1;
      const now = new Date().toISOString();
      const group: GroupRecord = { id: `grp_${request.orgId}_new${people.created}`, name, createdAt: now, updatedAt: now };
      people.groups.push(group);
      people.groupMembers.set(group.id, []);
      return { status: 201, body: { data: group } };
    }
    const group = people.groups.find((candidate) => candidate.id === id);
    if (!group) throw notFound('Group');
    const ids = people.groupMembers.get(group.id) ?? [];
    if (sub === undefined) {
      if (request.method === 'PATCH') {
        const name = groupName(request.body());
        if (people.groups.some((other) => other !== group && other.name === name)) {
          throw new HttpFailure(409, 'Conflict', `A group named "${name}" already exists`);
        }
        Object.assign(group, { name, updatedAt: new Date().toISOString() });
      }
      if (request.method === 'DELETE') {
        people.groups.splice(people.groups.indexOf(group), 1);
        people.groupMembers.delete(group.id);
        return { status: 204 };
      }
      return { status: 200, body: { data: group } };
    }
    const byId = (wanted: string) => people.members.find((member) => member.id === wanted);
    if (memberId === undefined && request.method === 'GET') {
      const { limit, cursor } = request.paging();
      return {
        status: 200,
        body: page(
          ids.map((wanted) => byId(wanted)).filter((member) => member !== undefined),
          limit,
          cursor,
        ),
      };
    }
    if (memberId === undefined) {
      const body = request.body();
      onlyKeys(body, ['memberId']);
      if (typeof body.memberId !== 'string') throw invalid('"memberId" is required and must be a string');
      if (!byId(body.memberId)) throw notFound('Member');
      if (ids.includes(body.memberId)) throw new HttpFailure(409, 'Conflict', 'The member is already in this group');
      ids.push(body.memberId);
      return { status: 201, body: { data: { groupId: group.id, memberId: body.memberId } } };
    }
    const index = ids.indexOf(memberId);
    if (index < 0) throw notFound('Group member');
    ids.splice(index, 1);
    return { status: 204 };
  }
}

/** The methods a people route allows, or undefined when the path is not one. */
function allowedMethods(kind: string, id: string | undefined, sub: string | undefined, subId: string | undefined): string[] | undefined {
  if (kind === 'ai-usage') return id === undefined ? ['GET'] : undefined;
  if (kind === 'members') {
    if (sub !== undefined) return undefined;
    return id === undefined ? ['GET', 'POST'] : ['GET', 'PATCH', 'DELETE'];
  }
  if (id === undefined) return ['GET', 'POST'];
  if (sub === undefined) return ['GET', 'PATCH', 'DELETE'];
  if (sub !== 'members') return undefined;
  return subId === undefined ? ['GET', 'POST'] : ['DELETE'];
}

function updateMember(member: Member, body: Record<string, unknown>): void {
  onlyKeys(body, ['role', 'fullName', 'avatarUrl']);
  if (body.role !== undefined && body.role !== 'MEMBER') throw invalid('"role" must be "MEMBER"');
  if (body.fullName !== undefined && (typeof body.fullName !== 'string' || body.fullName === '')) {
    throw invalid('"fullName" must be a non-empty string');
  }
  if (
    body.avatarUrl !== undefined &&
    body.avatarUrl !== null &&
    (typeof body.avatarUrl !== 'string' || !body.avatarUrl.startsWith('https://'))
  ) {
    throw invalid('"avatarUrl" must be an https URL or null');
  }
  if (body.role !== undefined) member.role = body.role;
  if (typeof body.fullName === 'string') member.user.fullName = body.fullName;
  if (body.avatarUrl !== undefined) member.user.avatarUrl = body.avatarUrl as string | null;
}

function aiUsage(people: OrganizationPeople): Schemas['AiUsage'] {
  const usage = people.members
    .filter((member) => member.id.match(/_\d\d$/) && Number(member.id.slice(-2)) < 5)
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((member, n) => ({
      userId: member.userId,
      memberId: member.id,
      email: member.user.email,
      usage: Math.round((n + 1) * 1.25 * 100) / 100,
    }));
  return {
    totalUsage: Math.round(usage.reduce((sum, entry) => sum + entry.usage, 0) * 100) / 100,
    billingPeriodStart: '2026-12-01T00:00:00.000Z',
    billingPeriodEnd: '2027-01-01T00:00:00.000Z',
    memberUsage: usage,
  };
}
