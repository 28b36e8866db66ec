/**
 * Typed calls for the organizations endpoints of the REST contract (schema/upstream.openapi.yaml).
 * One instance per GraphQL request, bound to that caller's Authorization header and cancellation,
 * so nothing fetched with one caller's token can be served to another.
 */
import type { UpstreamCallRecord, UpstreamClient, UpstreamResponse } from './client.js';
import { contract, describeMismatch, type Validator } from './contract.js';
import { UpstreamBadResponseError, UpstreamHttpError } from './errors.js';
import type { OperationCancellation } from './cancellation.js';
import { callerKey } from './caller-key.js';
import type { Slots } from './fair-share.js';
import type { ForwardedHeaders } from './forwarded-headers.js';
import type { components } from './openapi.js';

type Schemas = components['schemas'];
/** The organization as list and get return it: every field of the list schema. */
export type Organization = Schemas['Organization'];
/**
 * The organization as create and update return it: the public API leaves out the insights
 * schedule, AI usage and default access fields there, so those are optional.
 */
export type OrganizationCore = Schemas['OrganizationCore'];
export type OrganizationRecord = OrganizationCore & Partial<Organization>;
export type OrganizationPage = Schemas['OrganizationList'];
export type CreateOrganizationBody = Schemas['CreateOrganizationBody'];
export type UpdateOrganizationBody = Schemas['UpdateOrganizationBody'];

const COLLECTION = ['api', 'public', 'organizations'] as const;

export interface ReadOptions {
  /** Ask for `jwtSecret` (`?include=jwtSecret`); the upstream adds it where the caller is admin. */
  includeJwtSecret: boolean;
}

/** What every call of one GraphQL request shares, besides the caller's credentials. */
export interface CallOptions {
  /** Ends the calls when the client disconnects or the operation deadline passes. */
  cancellation?: OperationCancellation | undefined;
  /** Request id and trace context to send along (the only client headers that travel). */
  forwarded?: ForwardedHeaders | undefined;
  /** Collects every exchange with the upstream, for the operation's log line. */
  calls?: UpstreamCallRecord[] | undefined;
  /** The operation's share of the upstream (UpstreamClient.operationSlots()). */
  operationSlots?: Slots | undefined;
}

export class OrganizationsApi {
  private identity: { authorization: string; caller: string } | undefined;

  constructor(
    private readonly client: UpstreamClient,
    /** Returns the caller's Authorization header, or throws when the caller has none. */
    private readonly credentials: () => string,
    private readonly call: CallOptions = {},
  ) {}

  /** The caller's credentials and the key the per-caller limits know it by, derived once per operation. */
  private caller(): { authorization: string; caller: string } {
    if (!this.identity) {
      const authorization = this.credentials();
      this.identity = { authorization, caller: callerKey(authorization) };
    }
    return this.identity;
  }

  /** One page of the caller's organizations, newest first. `limit` must be 1–100. */
  async list(page: { limit: number; cursor?: string | undefined }, options: ReadOptions): Promise<OrganizationPage> {
    const response = await this.client.request({
      method: 'GET',
      route: '/api/public/organizations',
      path: COLLECTION,
      query: { limit: page.limit, cursor: page.cursor, include: include(options) },
      ...this.caller(),
      ...this.call,
    });
    return checked(response, contract.organizationList, 'GET /organizations');
  }

  /** One organization, or null when the upstream does not know it (404). */
  async get(id: string, options: ReadOptions): Promise<Organization | null> {
    if (id.length === 0) return null;
    try {
      const response = await this.client.request({
        method: 'GET',
        route: '/api/public/organizations/{id}',
        path: [...COLLECTION, id],
        query: { include: include(options) },
        ...this.caller(),
        ...this.call,
      });
      return checked(response, contract.organizationResult, 'GET /organizations/{id}').data;
    } catch (error) {
      if (error instanceof UpstreamHttpError && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }

  /** Creates an organization; never retried, since a create is not idempotent. */
  async create(body: CreateOrganizationBody, options: ReadOptions): Promise<OrganizationRecord> {
    const response = await this.client.request({
      method: 'POST',
      route: '/api/public/organizations',
      path: COLLECTION,
      query: { include: include(options) },
      body,
      ...this.caller(),
      ...this.call,
    });
    return checked(response, contract.organizationWriteResult, 'POST /organizations').data;
  }

  /** Updates the fields present in `body`; the rest stay as they are. */
  async update(id: string, body: UpdateOrganizationBody, options: ReadOptions): Promise<OrganizationRecord> {
    const response = await this.client.request({
      method: 'PATCH',
      route: '/api/public/organizations/{id}',
      path: [...COLLECTION, id],
      query: { include: include(options) },
      body,
      ...this.caller(),
      ...this.call,
    });
    return checked(response, contract.organizationWriteResult, 'PATCH /organizations/{id}').data;
  }
}

function include(options: ReadOptions): 'jwtSecret' | undefined {
  return options.includeJwtSecret ? 'jwtSecret' : undefined;
}

function checked<T>(response: UpstreamResponse, validate: Validator<T>, operation: string): T {
  if (validate(response.body)) return response.body;
  throw new UpstreamBadResponseError(
    `${operation} answered ${response.status} with a body that breaks the contract: ${describeMismatch(validate)}`,
    { status: response.status, requestId: response.requestId, operation },
  );
}
