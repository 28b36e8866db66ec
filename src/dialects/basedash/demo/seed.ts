/**
 * Deterministic sample data for the demo upstream. The same `count` always yields the same
 * organizations, ids, order and memberships, so tests and benchmarks can rely on them without
 * fixtures, and a newcomer running `npm start` sees varied, realistic values (nulls included).
 */
import type { components } from '../openapi.js';
import { slugify, type Membership, type MembershipRole, type StoredOrganization } from './store.js';

type Schemas = components['schemas'];

/** The API keys the demo upstream accepts, one per kind of caller. */
export const DEMO_TOKENS = {
  admin: 'demo-admin-token',
  member: 'demo-member-token',
  outsider: 'demo-outsider-token',
} as const;

export type DemoCaller = keyof typeof DEMO_TOKENS;

/** The user behind each demo token; memberships refer to these ids. */
export const DEMO_USER_IDS: Readonly<Record<DemoCaller, string>> = {
  admin: 'usr_demo_admin',
  member: 'usr_demo_member',
  outsider: 'usr_demo_outsider',
};

export interface DemoSeed {
  /** Oldest first; ids `org_0001`, `org_0002`, … follow creation order. */
  organizations: StoredOrganization[];
  memberships: Membership[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Fixed, in the past, so the data does not depend on when it is generated. */
const FIRST_CREATED_AT = Date.UTC(2021, 2, 1, 9, 30);
const TRIAL_MS = 14 * DAY_MS;

const COMPANIES = [
  'Acme',
  'Northwind',
  'Globex',
  'Initech',
  'Umbrella',
  'Hooli',
  'Vandelay',
  'Soylent',
  'Cyberdyne',
  'Tyrell',
  'Wonka',
  'Pied Piper',
  'Aperture',
  'Oscorp',
  'Monarch',
  'Dunder Mifflin',
  'Bluth',
  'Sterling Cooper',
  'Nakatomi',
  'Blue Sun',
  'Massive Dynamic',
  'Virtucon',
  'Oceanic',
  'Wayne',
  // Non-ASCII names exercise slug generation and JSON encoding end to end.
  'Müller & Söhne',
  'Zürcher',
  'Søstrene',
  'Łukasiewicz',
  'São Bento',
  '東京',
] as const;
const TRADES = [
  'Analytics',
  'Labs',
  'Logistics',
  'Health',
  'Foods',
  'Robotics',
  'Energy',
  'Media',
  'Finance',
  'Retail',
  'Studios',
  'Systems',
  'Travel',
  'Insurance',
  'Biotech',
  'Consulting',
] as const;
const QUALIFIERS = ['', '', '', '', '', ' Inc.', ' GmbH', ' EU', ' (Staging)', ' & Co.'] as const;

const AI_CONTEXTS = [
  'Fiscal year starts on April 1. Revenue figures are in EUR unless a column says otherwise.',
  'Use the `orders` table for sales. Ignore test accounts (emails ending in @example.com).',
  'A "customer" is an account with at least one paid invoice. Churn is measured monthly.',
  'Timestamps are stored in UTC; report in America/New_York.',
  'MRR lives in billing.subscriptions.amount_cents; divide by 100 for dollars.',
  'Warehouses: AMS, BER and WAW. Shipment SLAs are 48h for domestic orders.',
  'Patient identifiers are pseudonymised; never join on the raw_ssn column.',
  'Bookings are counted on check-in date, not on purchase date.',
] as const;

const FREQUENCIES: readonly Schemas['InsightsFrequency'][] = ['WEEKLY', 'WEEKLY', 'WEEKLY', 'DAILY', 'WEEKDAYS', 'MONTHLY', 'NEVER'];
const AUDIENCES: readonly Schemas['AccessAudience'][] = ['EVERYONE', 'EVERYONE', 'CREATOR_ONLY', 'CREATOR_GROUPS'];
const LEVELS: readonly Schemas['AccessLevel'][] = ['VIEW', 'VIEW', 'EDIT', 'MANAGE'];
const OVERAGE_LIMITS = [5_000, 10_000, 25_000, 50_000, 100_000] as const;

/**
 * `count` organizations (oldest first) and the demo users' memberships:
 * - admin: member of every organization; admin of all but every 8th (from the 4th on), where they
 *   are a plain member, so `include=jwtSecret` leaves those out;
 * - member: plain member of about 10 organizations spread over the list, admin of none;
 * - outsider: member of none.
 */
export function seedOrganizations(count = 120): DemoSeed {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
  const random = mulberry32(0x0b5e_da5e);
  const organizations: StoredOrganization[] = [];
  const memberships: Membership[] = [];
  const slugs = new Set<string>();
  const memberStep = Math.max(1, Math.round(count / 10));
  let createdAt = FIRST_CREATED_AT;

  for (let index = 0; index < count; index++) {
    // Gaps from a few hours to ten days make the timeline look organic.
    if (index > 0) createdAt += Math.round((0.15 + random() * 9.85) * DAY_MS);
    const id = `org_${String(index + 1).padStart(4, '0')}`;
    const name = `${pick(random, COMPANIES)} ${pick(random, TRADES)}${pick(random, QUALIFIERS)}`;
    const slug = uniqueSlug(slugify(name), slugs);
    slugs.add(slug);

    const embedded = random() < 0.35;
    const domain = `${slugify(name).split('-')[0] ?? 'app'}.example.com`;
    const insightsEnabled = random() < 0.8;
    const insightsFrequency: Schemas['InsightsFrequency'] = insightsEnabled ? pick(random, FREQUENCIES) : 'NEVER';
    const isBillable = random() < 0.85;
    // Organizations from before trials existed have none; later billable ones had a 14-day trial.
    const hadTrial = isBillable && index >= count / 4 && random() < 0.7;
    const allowOnDemandAiUsage = random() < 0.4;
    const hasOverageLimit = allowOnDemandAiUsage && random() < 0.6;

    organizations.push({
      id,
      name,
      slug,
      customAiContext: random() < 0.45 ? pick(random, AI_CONTEXTS) : null,
      onboardingStatus: index < count / 5 ? 'LEGACY' : random() < 0.8 ? 'COMPLETED' : 'STARTED',
      fullEmbedEnabled: embedded,
      embedAllowedOrigins: embedded
        ? random() < 0.5
          ? [`https://app.${domain}`]
          : [`https://app.${domain}`, `https://*.${domain}`, 'http://localhost:3000']
        : [],
      isBillable,
      insightsEnabled,
      insightsFrequency,
      insightsPreferredDayOfWeek: insightsFrequency === 'WEEKLY' ? Math.floor(random() * 7) : null,
      insightsPreferredDayOfMonth: insightsFrequency === 'MONTHLY' ? 1 + Math.floor(random() * 28) : null,
      allowOnDemandAiUsage,
      aiUsageOverageLimitCents: hasOverageLimit ? pick(random, OVERAGE_LIMITS) : null,
      defaultDashboardAccessAudience: pick(random, AUDIENCES),
      defaultDashboardAccessLevel: pick(random, LEVELS),
      defaultChatAccessAudience: pick(random, AUDIENCES),
      defaultChatAccessLevel: pick(random, LEVELS),
      defaultAutomationAccessAudience: pick(random, AUDIENCES),
      defaultAutomationAccessLevel: pick(random, LEVELS),
      trialEndsAt: hadTrial ? new Date(createdAt + TRIAL_MS).toISOString() : null,
      jwtSecret: hex(random, 64),
      createdAt,
    });

    const adminRole: MembershipRole = index % 8 === 3 ? 'MEMBER' : 'ADMIN';
    memberships.push({ userId: DEMO_USER_IDS.admin, organizationId: id, role: adminRole });
    if (index % memberStep === memberStep >> 1) {
      memberships.push({ userId: DEMO_USER_IDS.member, organizationId: id, role: 'MEMBER' });
    }
  }
  return { organizations, memberships };
}

function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

/** A small seeded PRNG: Math.random cannot be seeded, and the data must be reproducible. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new RangeError('cannot pick from an empty list');
  return item;
}

function hex(random: () => number, length: number): string {
  let out = '';
  while (out.length < length)
    out += Math.floor(random() * 0x1_0000_0000)
      .toString(16)
      .padStart(8, '0');
  return out.slice(0, length);
}
