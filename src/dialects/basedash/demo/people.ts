/**
 * The demo's members, groups and AI usage (issue 19), made up deterministically from each seeded
 * organization's id: 25 members (newest first), 12 groups of 6 members each, and this period's AI
 * usage of the first five members. Read-only: the routes below answer admins only (403 for other
 * members; the caller's membership is checked by the store, 404 for non-members).
 */
import { HttpFailure, type Reply } from '../../../demo/harness.js';
import type { components } from '../openapi.js';

type Schemas = components['schemas'];

export const MEMBERS_PER_ORGANIZATION = 25;
export const GROUPS_PER_ORGANIZATION = 12;
const MEMBERS_PER_GROUP = 6;
const FIRST = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Ken', 'Radia', 'Tim'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Thompson', 'Perlman', 'Lee'];

const two = (n: number) => String(n).padStart(2, '0');
const at = (n: number) => new Date(Date.UTC(2026, 5, 1) - n * 86_400_000).toISOString();

function member(orgId: string, n: number): Schemas['OrganizationMember'] {
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

export const membersOf = (orgId: string) => Array.from({ length: MEMBERS_PER_ORGANIZATION }, (_, n) => member(orgId, n));

const groupsOf = (orgId: string): Schemas['Group'][] =>
  Array.from({ length: GROUPS_PER_ORGANIZATION }, (_, n) => ({
    id: `grp_${orgId}_${two(n)}`,
    name: `Group ${n + 1}`,
    createdAt: at(n + 5),
    updatedAt: at(n),
  }));

function groupMembers(orgId: string, groupId: string): Schemas['OrganizationMember'][] | undefined {
  const index = groupsOf(orgId).findIndex((group) => group.id === groupId);
  if (index < 0) return undefined;
  return Array.from({ length: MEMBERS_PER_GROUP }, (_, k) => member(orgId, (index * 2 + k) % MEMBERS_PER_ORGANIZATION));
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

const notFound = () => new HttpFailure(404, 'NotFound', 'Not found');

/**
 * The answer for a path under `/api/public/organizations/{orgId}/…`, or undefined when the path is
 * not one of these routes. `role` is the caller's role in the organization (checked by the caller).
 */
export function answerPeople(
  rest: readonly string[],
  orgId: string,
  method: string,
  role: 'ADMIN' | 'MEMBER',
  paging: () => { limit: number; cursor: string | undefined },
): Reply | undefined {
  const [kind, id, sub, ...more] = rest;
  if (more.length > 0 || !['members', 'groups', 'ai-usage'].includes(kind ?? '')) return undefined;
  if (method !== 'GET') {
    throw new HttpFailure(405, 'MethodNotAllowed', `${method} is not allowed here; use GET`, { headers: { allow: 'GET' } });
  }
  if (role !== 'ADMIN') throw new HttpFailure(403, 'Forbidden', 'Only organization admins can see its members, groups and AI usage');
  if (kind === 'ai-usage') {
    if (id !== undefined) return undefined;
    const usage = membersOf(orgId)
      .slice(0, 5)
      .map((m, n) => ({ userId: m.userId, memberId: m.id, email: m.user.email, usage: Math.round((n + 1) * 1.25 * 100) / 100 }));
    const body: Schemas['AiUsage'] = {
      totalUsage: Math.round(usage.reduce((sum, entry) => sum + entry.usage, 0) * 100) / 100,
      billingPeriodStart: '2026-12-01T00:00:00.000Z',
      billingPeriodEnd: '2027-01-01T00:00:00.000Z',
      memberUsage: usage,
    };
    return { status: 200, body };
  }
  if (kind === 'members') {
    if (sub !== undefined) return undefined;
    const all = membersOf(orgId);
    if (id === undefined) {
      const { limit, cursor } = paging();
      return { status: 200, body: page(all, limit, cursor) };
    }
    const found = all.find((m) => m.id === id);
    if (!found) throw notFound();
    return { status: 200, body: { data: found } };
  }
  const groups = groupsOf(orgId);
  if (id === undefined) {
    const { limit, cursor } = paging();
    return { status: 200, body: page(groups, limit, cursor) };
  }
  if (sub === undefined) {
    const found = groups.find((group) => group.id === id);
    if (!found) throw notFound();
    return { status: 200, body: { data: found } };
  }
  if (sub !== 'members') return undefined;
  const inGroup = groupMembers(orgId, id);
  if (!inGroup) throw notFound();
  const { limit, cursor } = paging();
  return { status: 200, body: page(inGroup, limit, cursor) };
}
