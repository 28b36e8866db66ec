/**
 * The demo upstream's in-memory organizations and memberships: the rules of the REST contract
 * (who sees what, paging, slugs, who may update) without any HTTP, so they can be read and tested
 * on their own. Request validation and response shapes belong to ./upstream.ts.
 */
import { randomBytes } from 'node:crypto';
import type { components } from '../openapi.js';

type Schemas = components['schemas'];

/** An organization as the demo keeps it: every field of the full object, plus internals. */
export type StoredOrganization = Required<Schemas['Organization']> & {
  /** Milliseconds since the epoch. Only orders lists; the API never shows it. */
  createdAt: number;
};

export type MembershipRole = 'ADMIN' | 'MEMBER';

export interface Membership {
  userId: string;
  organizationId: string;
  role: MembershipRole;
}

/** An organization seen by one user, with that user's role (which decides `jwtSecret`). */
export interface MemberView {
  organization: Readonly<StoredOrganization>;
  role: MembershipRole;
}

export interface ListPage {
  items: MemberView[];
  hasMore: boolean;
}

export type CreateInput = Schemas['CreateOrganizationBody'];
export type UpdateInput = Schemas['UpdateOrganizationBody'];

export type StoreErrorKind = 'notFound' | 'forbidden' | 'conflict' | 'invalidCursor';

/** Raised when the store refuses an operation; `kind` lets the HTTP layer choose the status. */
export class StoreError extends Error {
  readonly kind: StoreErrorKind;

  constructor(kind: StoreErrorKind, message: string) {
    super(message);
    this.name = 'StoreError';
    this.kind = kind;
  }
}

export interface StoreOptions {
  /** Clock for creation times and trial ends. @default Date.now */
  now?: () => number;
}

const TRIAL_MS = 14 * 24 * 60 * 60 * 1000;
const MAX_SLUG_LENGTH = 48;

export class OrganizationStore {
  /** Newest first, the order every list answer uses. */
  readonly #organizations: StoredOrganization[];
  readonly #byId = new Map<string, StoredOrganization>();
  readonly #slugs = new Set<string>();
  /** userId → organizationId → role. */
  readonly #roles = new Map<string, Map<string, MembershipRole>>();
  readonly #now: () => number;
  #lastIdNumber = 0;

  constructor(seed: { organizations: readonly StoredOrganization[]; memberships: readonly Membership[] }, options: StoreOptions = {}) {
    this.#now = options.now ?? Date.now;
    // Copies, so that re-seeding from the same seed object starts from pristine data.
    this.#organizations = seed.organizations
      .map((organization) => ({ ...organization, embedAllowedOrigins: [...organization.embedAllowedOrigins] }))
      .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
    for (const organization of this.#organizations) {
      if (this.#byId.has(organization.id)) throw new Error(`duplicate organization id ${organization.id}`);
      if (this.#slugs.has(organization.slug)) throw new Error(`duplicate organization slug ${organization.slug}`);
      this.#byId.set(organization.id, organization);
      this.#slugs.add(organization.slug);
      const number = /^org_(\d+)$/.exec(organization.id)?.[1];
      if (number !== undefined) this.#lastIdNumber = Math.max(this.#lastIdNumber, Number(number));
    }
    for (const membership of seed.memberships) {
      if (!this.#byId.has(membership.organizationId)) {
        throw new Error(`membership refers to unknown organization ${membership.organizationId}`);
      }
      this.#setRole(membership.userId, membership.organizationId, membership.role);
    }
  }

  /**
   * One page of the user's organizations, newest first. `cursor` is the id of the last item of the
   * previous page; an id the user cannot see is refused like an unknown one, so a cursor never
   * reveals that an organization exists.
   */
  list(userId: string, page: { limit: number; cursor?: string | undefined }): ListPage {
    const roles = this.#roles.get(userId);
    const visible: MemberView[] = [];
    if (roles) {
      for (const organization of this.#organizations) {
        const role = roles.get(organization.id);
        if (role) visible.push({ organization, role });
      }
    }
    let start = 0;
    if (page.cursor !== undefined) {
      const index = visible.findIndex((view) => view.organization.id === page.cursor);
      if (index < 0) throw new StoreError('invalidCursor', `Invalid cursor "${page.cursor}": no such item in this list`);
      start = index + 1;
    }
    return { items: visible.slice(start, start + page.limit), hasMore: start + page.limit < visible.length };
  }

  /** Non-members get the same error as for an unknown id, so ids of other tenants stay hidden. */
  get(userId: string, id: string): MemberView {
    const organization = this.#byId.get(id);
    const role = this.#roles.get(userId)?.get(id);
    if (!organization || !role) throw new StoreError('notFound', 'Organization not found');
    return { organization, role };
  }

  /** Creates an organization with `userId` as its admin. The input must already be validated. */
  create(userId: string, input: CreateInput): MemberView {
    let slug: string;
    if (input.slug !== undefined) {
      if (this.#slugs.has(input.slug)) throw new StoreError('conflict', `Slug "${input.slug}" is already taken`);
      slug = input.slug;
    } else {
      slug = this.#freeSlug(slugify(input.name));
    }
    // Strictly after the newest, so a burst of creates within one millisecond keeps its order.
    const createdAt = Math.max(this.#now(), (this.#organizations[0]?.createdAt ?? 0) + 1);
    const isBillable = input.isBillable ?? true;
    const organization: StoredOrganization = {
      id: this.#nextId(),
      name: input.name,
      slug,
      customAiContext: input.customAiContext ?? null,
      onboardingStatus: input.skipOnboarding === true ? 'COMPLETED' : 'STARTED',
      fullEmbedEnabled: input.fullEmbedEnabled ?? false,
      embedAllowedOrigins: [...(input.embedAllowedOrigins ?? [])],
      isBillable,
      insightsEnabled: input.insightsEnabled ?? true,
      insightsFrequency: 'WEEKLY',
      insightsPreferredDayOfWeek: 1,
      insightsPreferredDayOfMonth: null,
      allowOnDemandAiUsage: false,
      aiUsageOverageLimitCents: null,
      defaultDashboardAccessAudience: 'EVERYONE',
      defaultDashboardAccessLevel: 'VIEW',
      defaultChatAccessAudience: 'CREATOR_ONLY',
      defaultChatAccessLevel: 'VIEW',
      defaultAutomationAccessAudience: 'CREATOR_ONLY',
      defaultAutomationAccessLevel: 'VIEW',
      // The docs: the trial starts once the organization is created and billable.
      trialEndsAt: isBillable ? new Date(createdAt + TRIAL_MS).toISOString() : null,
      jwtSecret: randomBytes(32).toString('hex'),
      createdAt,
    };
    this.#organizations.unshift(organization);
    this.#byId.set(organization.id, organization);
    this.#slugs.add(slug);
    this.#setRole(userId, organization.id, 'ADMIN');
    return { organization, role: 'ADMIN' };
  }

  /** Applies the fields present in `input`. Only admins may update. The input must be validated. */
  update(userId: string, id: string, input: UpdateInput): MemberView {
    const target = this.#byId.get(id);
    const role = this.#roles.get(userId)?.get(id);
    if (!target || !role) throw new StoreError('notFound', 'Organization not found');
    if (role !== 'ADMIN') throw new StoreError('forbidden', 'Only organization admins can update this organization');
    if (input.name !== undefined) target.name = input.name;
    if (input.customAiContext !== undefined) target.customAiContext = input.customAiContext;
    // Skipping cannot be undone, and LEGACY organizations predate onboarding altogether.
    if (input.skipOnboarding === true && target.onboardingStatus === 'STARTED') target.onboardingStatus = 'COMPLETED';
    if (input.fullEmbedEnabled !== undefined) target.fullEmbedEnabled = input.fullEmbedEnabled;
    if (input.embedAllowedOrigins !== undefined) target.embedAllowedOrigins = [...input.embedAllowedOrigins];
    if (input.insightsEnabled !== undefined) target.insightsEnabled = input.insightsEnabled;
    if (input.isBillable !== undefined && input.isBillable !== target.isBillable) {
      target.isBillable = input.isBillable;
      target.trialEndsAt = input.isBillable ? new Date(this.#now() + TRIAL_MS).toISOString() : null;
    }
    return { organization: target, role };
  }

  #setRole(userId: string, organizationId: string, role: MembershipRole): void {
    let roles = this.#roles.get(userId);
    if (!roles) this.#roles.set(userId, (roles = new Map()));
    roles.set(organizationId, role);
  }

  #nextId(): string {
    let id: string;
    do id = `org_${String(++this.#lastIdNumber).padStart(4, '0')}`;
    while (this.#byId.has(id));
    return id;
  }

  #freeSlug(base: string): string {
    let slug = base;
    for (let n = 2; this.#slugs.has(slug); n++) slug = `${base.slice(0, MAX_SLUG_LENGTH - String(n).length - 1)}-${n}`;
    return slug;
  }
}

/** Letters that Unicode normalisation does not decompose into an ASCII base letter. */
const TRANSLITERATIONS: Readonly<Record<string, string>> = { ø: 'o', ł: 'l', ß: 'ss', æ: 'ae', œ: 'oe', đ: 'd', ð: 'd', þ: 'th' };

/** A URL-friendly slug (lowercase letters, digits, hyphens) from a display name; `org` if none is left. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[øłßæœđðþ]/g, (letter) => TRANSLITERATIONS[letter] ?? '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, '');
  return slug || 'org';
}
