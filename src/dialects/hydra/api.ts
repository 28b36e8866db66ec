/**
 * Typed calls of the Hydra contract (schema/upstream/hydra.openapi.yaml): where JSON-LD meets the
 * gateway's model (./model.ts). Both collection spellings are read (`member`/`totalItems`/`view`
 * and the older `hydra:`-prefixed ones). One instance per GraphQL request.
 */
import { gatewayError } from '../../graphql/errors.js';
import { checked } from '../../upstream/contract.js';
import { UpstreamHttpError } from '../../upstream/errors.js';
import type { UpstreamSession } from '../../upstream/session.js';
import { contract } from './contract.js';
import type { CreateOrganization, Member, Organization, OrganizationPage, UpdateOrganization } from './model.js';
import type { components } from './openapi.js';
import { MERGE_PATCH } from './wire.js';

type Schemas = components['schemas'];

const COLLECTION = ['api', 'organizations'] as const;
const ITEM_ROUTE = '/api/organizations/{id}';

export class OrganizationsApi {
  constructor(private readonly session: UpstreamSession) {}

  /** Page `page` (from 1) of `itemsPerPage` organizations. A 404/405 means the API lists none: UPSTREAM_UNSUPPORTED. */
  async list(page: number, itemsPerPage: number): Promise<OrganizationPage> {
    let response: Awaited<ReturnType<UpstreamSession['request']>>;
    try {
      response = await this.session.request({
        method: 'GET',
        route: '/api/organizations',
        path: COLLECTION,
        query: { page, itemsPerPage },
      });
    } catch (error) {
      if (error instanceof UpstreamHttpError && (error.status === 404 || error.status === 405)) {
        throw gatewayError(
          'UPSTREAM_UNSUPPORTED',
          `This organizations API does not list organizations (GET /api/organizations answered ${error.status}). Fetch them by id with \`organization\`, \`node\` or \`nodes\` instead.`,
        );
      }
      throw error;
    }
    const collection = checked(response, contract.organizationCollection, 'GET /api/organizations');
    const members = collection.member ?? collection['hydra:member'];
    if (members === undefined) {
      throw gatewayError('UPSTREAM_BAD_RESPONSE', 'The organizations API answered the list with a collection that has no `member`.');
    }
    const view = collection.view ?? collection['hydra:view'];
    return {
      items: members.map(toOrganization),
      totalItems: collection.totalItems ?? collection['hydra:totalItems'] ?? null,
      hasNext: (view?.next ?? view?.['hydra:next']) !== undefined,
    };
  }

  /** One organization by its IRI's segment, or null when the upstream does not know it (404). */
  async get(segment: string): Promise<Organization | null> {
    try {
      const response = await this.session.request({ method: 'GET', route: ITEM_ROUTE, path: [...COLLECTION, segment] });
      return toOrganization(checked(response, contract.organization, `GET ${ITEM_ROUTE}`));
    } catch (error) {
      if (error instanceof UpstreamHttpError && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }

  /** Creates an organization; never retried (no idempotency key). */
  async create(body: CreateOrganization): Promise<Organization> {
    const sent: Schemas['CreateOrganizationBody'] = body;
    const response = await this.session.request({ method: 'POST', route: '/api/organizations', path: COLLECTION, body: sent });
    return toOrganization(checked(response, contract.organization, 'POST /api/organizations'));
  }

  /** Sends only the fields present, as a JSON merge patch. */
  async update(segment: string, body: UpdateOrganization): Promise<Organization> {
    const sent: Schemas['UpdateOrganizationBody'] = body;
    const response = await this.session.request({
      method: 'PATCH',
      route: ITEM_ROUTE,
      path: [...COLLECTION, segment],
      body: sent,
      contentType: MERGE_PATCH,
    });
    return toOrganization(checked(response, contract.organization, `PATCH ${ITEM_ROUTE}`));
  }

  async delete(segment: string): Promise<void> {
    await this.session.request({ method: 'DELETE', route: ITEM_ROUTE, path: [...COLLECTION, segment] });
  }
}

function toOrganization(wire: Schemas['Organization']): Organization {
  return {
    iri: wire['@id'],
    upstreamId: wire.id ?? null,
    name: wire.name ?? null,
    createdAt: wire.created_at ?? null,
    updatedAt: wire.updated_at ?? null,
    owners: wire.owners?.map(toMember) ?? null,
    members: wire.members?.map(toMember) ?? null,
  };
}

function toMember(wire: Schemas['Member']): Member {
  return {
    upstreamId: wire.id ?? null,
    email: wire.email ?? null,
    name: wire.name ?? null,
    role: wire.role ?? null,
    joinedAt: wire.joined_at ?? null,
  };
}
