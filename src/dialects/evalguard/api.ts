/**
 * Typed calls of the EvalGuard contract (schema/upstream/evalguard.openapi.yaml): where its wire
 * format meets the gateway's model (./model.ts). One instance per GraphQL request.
 */
import { checked } from '../../upstream/contract.js';
import type { UpstreamSession } from '../../upstream/session.js';
import { contract } from './contract.js';
import type { CreatedOrganization, CreateOrganization, CreateOutcome } from './model.js';
import type { components } from './openapi.js';

type Schemas = components['schemas'];

const asCreateBody = (body: CreateOrganization): Schemas['CreateOrgBody'] => body;

export class OrgsApi {
  constructor(private readonly session: UpstreamSession) {}

  /**
   * Creates an organization under `idempotencyKey`. The upstream de-duplicates by the key, so the
   * HTTP module may send the call again (same key, same body) after a dropped connection, a
   * 502/503/504 or a 429 whose wait fits the deadline.
   */
  async create(body: CreateOrganization, idempotencyKey: string): Promise<CreateOutcome> {
    const response = await this.session.request({
      method: 'POST',
      route: '/api/v1/orgs',
      path: ['api', 'v1', 'orgs'],
      body: asCreateBody(body),
      idempotencyKey,
    });
    const { data } = checked(response, contract.createOrgResult, 'POST /api/v1/orgs');
    return { organization: data === undefined ? null : toOrganization(data) };
  }
}

function toOrganization(data: Schemas['Org']): CreatedOrganization {
  return { upstreamId: data.id ?? null, name: data.name ?? null, slug: data.slug ?? null };
}
