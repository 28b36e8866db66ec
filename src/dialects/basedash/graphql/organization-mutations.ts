/**
 * createOrganization and updateOrganization, with their inputs and payloads. Input rules the seeds
 * state (name at least 1 character, embed origins as exact or wildcard origins) are checked here
 * before any upstream call; what the upstream rejects (400/409/422/404) comes back as userErrors.
 * Only the fields the caller set are sent: no invented defaults, no nulls for omitted fields.
 */
import { collectSubFields } from '@graphql-tools/utils';
import { getNamedType, type FieldNode, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import { z } from 'zod';
import type { UserErrorShape } from '../../../graphql/builder.js';
import { gatewayError, sanitizeDetail } from '../../../graphql/errors.js';
import { failedWriteStatus, recordMutation } from '../../../graphql/mutation-outcomes.js';
import { toUserErrors } from '../../../graphql/user-errors.js';
import { encodeNodeId } from '../../../graphql/node-id.js';
import { UpstreamHttpError } from '../../../upstream/errors.js';
import type { BasedashContext } from '../context.js';
import type { CreateOrganization, Organization as OrganizationModel, OrganizationRecord, UpdateOrganization } from '../model.js';
import { builder, UserError } from './builder.js';
import { Organization } from './organization.js';

/** `https://example.com`, `http://localhost:3000`, or `https://*.example.com`; no path, query or fragment. */
const ORIGIN_PATTERN = /^https?:\/\/(\*\.)?(([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]*[a-z0-9])?|\[[0-9a-f:.]+\])(:\d{1,5})?$/i;

const notNull = (field: string, omitted: string) => (issue: { input: unknown }) =>
  issue.input === null ? `\`${field}\` cannot be null: omit it to ${omitted}.` : undefined;

function writableFields(omitted: string) {
  return {
    customAiContext: z.string({ error: notNull('customAiContext', omitted) }).optional(),
    skipOnboarding: z.boolean({ error: notNull('skipOnboarding', omitted) }).optional(),
    fullEmbedEnabled: z.boolean({ error: notNull('fullEmbedEnabled', omitted) }).optional(),
    embedAllowedOrigins: z
      .array(
        z.string().regex(ORIGIN_PATTERN, {
          error: (issue) =>
            `${JSON.stringify(issue.input)} is not an allowed origin: use an exact origin such as https://example.com or a wildcard pattern such as https://*.example.com (http or https, no path, query or trailing slash).`,
        }),
        { error: notNull('embedAllowedOrigins', omitted) },
      )
      .optional(),
    isBillable: z.boolean({ error: notNull('isBillable', omitted) }).optional(),
    insightsEnabled: z.boolean({ error: notNull('insightsEnabled', omitted) }).optional(),
  };
}

const name = (omitted: string) => z.string({ error: notNull('name', omitted) }).min(1, { error: '`name` must not be empty.' });

const createRules = z.object({
  name: name('use the default'),
  slug: z.string({ error: notNull('slug', 'have one generated') }).optional(),
  ...writableFields('use the default'),
});

const updateRules = z.object({
  name: name('leave it unchanged').optional(),
  ...writableFields('leave it unchanged'),
});

const CreateOrganizationInput = builder.inputType('CreateOrganizationInput', {
  description: 'A new organization. Only `name` is required; omitted fields take the organizations API defaults.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Name of the organization. At least 1 character.' }),
    slug: t.string({ description: 'URL-friendly slug. If not provided, a unique slug will be generated.' }),
    ...inputFields(t),
  }),
});

const UpdateOrganizationInput = builder.inputType('UpdateOrganizationInput', {
  description: 'Changes to an organization: set the fields to change, omit the rest. Requires the admin role.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: Organization, description: 'The `id` of the Organization to change.' }),
    name: t.string({ description: 'Name of the organization. At least 1 character.' }),
    ...inputFields(t),
  }),
});

type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** The writable fields create and update share. */
function inputFields(t: PothosSchemaTypes.InputFieldBuilder<BuilderTypes, 'InputObject'>) {
  return {
    customAiContext: t.string({ description: 'Custom context for AI features' }),
    skipOnboarding: t.boolean({ description: 'Skip onboarding flow' }),
    fullEmbedEnabled: t.boolean({ description: 'Enable full embed functionality' }),
    embedAllowedOrigins: t.stringList({
      description: 'Allowed origins for embedding. Supports exact URLs (https://example.com) and wildcard patterns (https://*.example.com)',
    }),
    isBillable: t.boolean({
      description:
        '[Self-hosted] Controls whether the organization is billable. Defaults to true. When false, the organization will not be counted towards billable usage and will have a limited set of features.',
    }),
    insightsEnabled: t.boolean({ description: 'Enable automated insights generation for this organization. Defaults to true.' }),
  };
}

interface PayloadShape {
  organization: OrganizationRecord | null;
  userErrors: UserErrorShape[];
}

function payloadType(name: string, verb: string) {
  return builder.objectRef<PayloadShape>(name).implement({
    description: `The result of ${verb}: the organization, or the userErrors that explain why not.`,
    fields: (t) => ({
      organization: t.field({
        type: Organization,
        nullable: true,
        description: `The organization after ${verb}; null when userErrors is not empty.`,
        // complete() reads the organization once more when the selection needs a field the write answer lacks.
        extensions: { upstreamCalls: () => ({ calls: 1, multiplier: 1 }) },
        resolve: (payload, _args, ctx, info) => payload.organization && complete(payload.organization, ctx, info),
      }),
      userErrors: t.field({
        type: [UserError],
        description: 'Problems with the input; empty on success.',
        resolve: (payload) => payload.userErrors,
      }),
    }),
  });
}

const CreateOrganizationPayload = payloadType('CreateOrganizationPayload', 'creating it');
const UpdateOrganizationPayload = payloadType('UpdateOrganizationPayload', 'the update');

builder.mutationFields((t) => ({
  createOrganization: t.field({
    type: CreateOrganizationPayload,
    description: 'Creates an organization; the caller becomes its admin. Never retried by the gateway, since a create is not idempotent.',
    args: { input: t.arg({ type: CreateOrganizationInput, required: true }) },
    extensions: { upstreamCalls: () => ({ calls: 1, multiplier: 1 }) },
    resolve: async (_root, { input }, ctx, info) => {
      const parsed = createRules.safeParse(input);
      if (!parsed.success) return refused(ctx, info, toUserErrors(parsed.error));
      const body: CreateOrganization = parsed.data;
      return write(ctx, info, Object.keys(body), () => ctx.organizations.create(body, ctx.hints));
    },
  }),
  updateOrganization: t.field({
    type: UpdateOrganizationPayload,
    description: 'Changes the fields set in `input`; the others stay as they are. Requires the admin role.',
    args: { input: t.arg({ type: UpdateOrganizationInput, required: true }) },
    extensions: { upstreamCalls: () => ({ calls: 1, multiplier: 1 }) },
    resolve: async (_root, { input }, ctx, info) => {
      const { id, ...changes } = input;
      const parsed = updateRules.safeParse(changes);
      if (!parsed.success) return refused(ctx, info, toUserErrors(parsed.error));
      const body: UpdateOrganization = parsed.data;
      if (Object.keys(body).length === 0) {
        return refused(ctx, info, [{ code: 'NO_CHANGES', field: ['input'], message: 'Set at least one field to change besides `id`.' }]);
      }
      return write(ctx, info, Object.keys(body), () => ctx.organizations.update(id.id, body, ctx.hints));
    },
  }),
}));

/**
 * The write answer as an Organization. It lacks some fields (seeds 000/001): when the operation
 * selects one of them under `organization` (fragments and @skip/@include honoured), the
 * organization is read in full first, once per request through the loader; otherwise the answer
 * is used as it is, with no extra call. Organization's fields are plain property reads, so a field
 * the record lacks is one whose GraphQL field has no resolver and whose name it does not have.
 */
function complete(
  record: OrganizationRecord,
  ctx: BasedashContext,
  info: GraphQLResolveInfo,
): OrganizationModel | Promise<OrganizationModel> {
  const type = getNamedType(info.returnType) as GraphQLObjectType;
  const fields = type.getFields();
  // info.fieldNodes as it is (its type is only readonly): a copy would be a new key for
  // collectSubFields' memoization on every call.
  const selected = collectSubFields(info.schema, info.fragments, info.variableValues, type, info.fieldNodes as FieldNode[]).fields;
  const lacksSelected = [...selected.values()].some(([node]) => {
    const name = node!.name.value;
    const field = fields[name];
    return field !== undefined && field.resolve === undefined && !(name in record);
  });
  if (!lacksSelected) return record as OrganizationModel;
  return ctx.loaders.byId.load(record.id).then((full) => {
    if (!full) throw gatewayError('NOT_FOUND', 'This organization no longer exists or is no longer visible to you.');
    return { ...full, ...record };
  });
}

function failed(userErrors: UserErrorShape[]): PayloadShape {
  return { organization: null, userErrors };
}

/** Input refused before any upstream call. */
function refused(ctx: BasedashContext, info: GraphQLResolveInfo, userErrors: UserErrorShape[]): PayloadShape {
  recordMutation(ctx, info, 'NOT_APPLIED');
  return failed(userErrors);
}

async function write(
  ctx: BasedashContext,
  info: GraphQLResolveInfo,
  sentFields: string[],
  call: () => Promise<OrganizationRecord>,
): Promise<PayloadShape> {
  let organization: OrganizationRecord;
  try {
    organization = await call();
  } catch (error) {
    recordMutation(ctx, info, failedWriteStatus(error));
    if (!(error instanceof UpstreamHttpError)) throw error;
    const userError = rejectedInput(error, sentFields);
    if (!userError) throw error;
    return failed([userError]);
  }
  recordMutation(ctx, info, 'APPLIED', encodeNodeId('Organization', organization.id));
  // Anything this request read before the write is stale now; fields the write answer lacks are
  // fetched afresh.
  ctx.loaders.forget(organization.id);
  return { organization, userErrors: [] };
}

/** Upstream answers that are about the caller's input become userErrors; the rest stay errors. */
function rejectedInput(error: UpstreamHttpError, sentFields: string[]): UserErrorShape | undefined {
  const detail = sanitizeDetail(error.detail);
  switch (error.code) {
    case 'NOT_FOUND':
      return { code: 'NOT_FOUND', field: ['input', 'id'], message: 'No organization with this id, or it is not visible to you.' };
    case 'CONFLICT':
      return {
        code: 'CONFLICT',
        field: blamedField(detail, sentFields),
        message: detail ?? 'The organizations API reported a conflict with existing data.',
      };
    case 'VALIDATION':
      return {
        code: 'INVALID',
        field: blamedField(detail, sentFields),
        message: `The organizations API rejected the input${detail ? `: ${detail}` : '.'}`,
      };
    default:
      return undefined;
  }
}

/**
 * The upstream's validation answers carry only a title and a free-text detail. When the detail
 * names exactly one of the fields sent, point at it; otherwise blame no single field.
 */
function blamedField(detail: string | undefined, sentFields: string[]): string[] | null {
  if (!detail) return null;
  const named = sentFields.filter((field) => new RegExp(`\\b${field}\\b`, 'i').test(detail));
  return named.length === 1 ? ['input', named[0] as string] : null;
}
