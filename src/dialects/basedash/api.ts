/**
 * Typed calls for the organizations endpoints of the Basedash contract
 * (schema/upstream/basedash.openapi.yaml): where the wire format meets the gateway's model
 * (./model.ts). One instance per GraphQL request, over that caller's UpstreamSession.
 */
import { checked } from '../../upstream/contract.js';
import { UpstreamHttpError } from '../../upstream/errors.js';
import type { UpstreamSession } from '../../upstream/session.js';
import { contract } from './contract.js';
import type { CreateOrganization, Organization, OrganizationPage, OrganizationRecord, UpdateOrganization } from './model.js';
import type { components } from './openapi.js';

type Schemas = components['schemas'];

// The wire types must fit the model: a contract change the GraphQL layer would feel fails here.
const asOrganization = (wire: Schemas['Organization']): Organization => wire;
const asRecord = (wire: Schemas['OrganizationCore']): OrganizationRecord => wire;
const asCreateBody = (body: CreateOrganization): Schemas['CreateOrganizationBody'] => body;
const asUpdateBody = (body: UpdateOrganization): Schemas['UpdateOrganizationBody'] => body;

const COLLECTION = ['api', 'public', 'organizations'] as const;

export interface ReadOptions {
  /** Ask for `jwtSecret` (`?include=jwtSecret`); the upstream adds it where the caller is admin. */
  includeJwtSecret: boolean;
}

export class OrganizationsApi {
  constructor(private readonly session: UpstreamSession) {}

  /** One page of the caller's organizations, newest first. `limit` must be 1–100. */
  async list(page: { limit: number; cursor?: string | undefined }, options: ReadOptions): Promise<OrganizationPage> {
    const response = await this.session.request({
      method: 'GET',
      route: '/api/public/organizations',
      path: COLLECTION,
      query: { limit: page.limit, cursor: page.cursor, include: include(options) },
    });
    const { data, pagination } = checked(response, contract.organizationList, 'GET /organizations');
    return { items: data, nextCursor: pagination.nextCursor, hasMore: pagination.hasMore };
  }

  /** One organization, or null when the upstream does not know it (404). */
  async get(id: string, options: ReadOptions): Promise<Organization | null> {
    if (id.length === 0) return null;
    try {
      const response = await this.session.request({
        method: 'GET',
        route: '/api/public/organizations/{id}',
        path: [...COLLECTION, id],
        query: { include: include(options) },
      });
      return asOrganization(checked(response, contract.organizationResult, 'GET /organizations/{id}').data);
    } catch (error) {
      if (error instanceof UpstreamHttpError && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }

  /** Creates an organization; never retried, since a create is not idempotent. */
  async create(body: CreateOrganization, options: ReadOptions): Promise<OrganizationRecord> {
    const response = await this.session.request({
      method: 'POST',
      route: '/api/public/organizations',
      path: COLLECTION,
      query: { include: include(options) },
      body: asCreateBody(body),
    });
    return asRecord(checked(response, contract.organizationWriteResult, 'POST /organizations').data);
  }

  /** Updates the fields present in `body`; the rest stay as they are. */
  async update(id: string, body: UpdateOrganization, options: ReadOptions): Promise<OrganizationRecord> {
    const response = await this.session.request({
      method: 'PATCH',
      route: '/api/public/organizations/{id}',
      path: [...COLLECTION, id],
      query: { include: include(options) },
      body: asUpdateBody(body),
    });
    return asRecord(checked(response, contract.organizationWriteResult, 'PATCH /organizations/{id}').data);
  }
}

function include(options: ReadOptions): 'jwtSecret' | undefined {
  return options.includeJwtSecret ? 'jwtSecret' : undefined;
}
