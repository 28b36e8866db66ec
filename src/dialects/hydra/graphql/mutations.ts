/**
 * createOrganization, updateOrganization (a merge patch of the fields set) and deleteOrganization.
 * A 422's violations become userErrors at `["input", …propertyPath]` with the violation's message
 * (the only part of a problem document shown: it is about the caller's input); 400 → INVALID;
 * 404 on update/delete → NOT_FOUND. Other failures are top-level errors with the shared codes.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { UserErrorShape } from '../../../graphql/builder.js';
import { sanitizeDetail } from '../../../graphql/errors.js';
import { failedWriteStatus, recordMutation } from '../../../graphql/mutation-outcomes.js';
import { encodeNodeId } from '../../../graphql/node-id.js';
import { UpstreamHttpError } from '../../../upstream/errors.js';
import type { HydraContext } from '../context.js';
import { type Organization as OrganizationModel, organizationSegment } from '../model.js';
import { builder, UserError } from './builder.js';
import { Organization } from './organization.js';

const CreateOrganizationInput = builder.inputType('CreateOrganizationInput', {
  description: 'A new organization; the caller becomes its sole owner.',
  fields: (t) => ({ name: t.string({ required: true, description: 'Name of the organization. At least 1 character.' }) }),
});

const UpdateOrganizationInput = builder.inputType('UpdateOrganizationInput', {
  description: 'Changes to an organization: set the fields to change, omit the rest. Owners only.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: Organization, description: 'The `id` of the Organization to change.' }),
    name: t.string({ description: 'New name. At least 1 character.' }),
  }),
});

const DeleteOrganizationInput = builder.inputType('DeleteOrganizationInput', {
  description: 'The organization to delete. Owners only.',
  fields: (t) => ({ id: t.globalID({ required: true, for: Organization, description: 'The `id` of the Organization to delete.' }) }),
});

interface PayloadShape {
  organization: OrganizationModel | null;
  userErrors: UserErrorShape[];
}

function payloadType(name: string, verb: string) {
  return builder.objectRef<PayloadShape>(name).implement({
    description: `The result of ${verb}: the organization, or the userErrors that explain why not.`,
    fields: (t) => ({
      organization: t.field({
        type: Organization,
        nullable: true,
        description: `The organization after ${verb}, as the API answered; null when userErrors is not empty.`,
        resolve: (payload) => payload.organization,
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

interface DeletePayloadShape {
  deletedId: string | null;
  userErrors: UserErrorShape[];
}

const DeleteOrganizationPayload = builder.objectRef<DeletePayloadShape>('DeleteOrganizationPayload').implement({
  description: 'The result of deleting an organization.',
  fields: (t) => ({
    deletedId: t.exposeID('deletedId', {
      nullable: true,
      description: 'The `id` of the deleted organization; null when userErrors is not empty.',
    }),
    userErrors: t.field({
      type: [UserError],
      description: 'Problems with the input; empty on success.',
      resolve: (payload) => payload.userErrors,
    }),
  }),
});

const one = { upstreamCalls: () => ({ calls: 1, multiplier: 1 }) };
const notFound: UserErrorShape = {
  code: 'NOT_FOUND',
  field: ['input', 'id'],
  message: 'No organization with this id, or it is not visible to you.',
};

builder.mutationFields((t) => ({
  createOrganization: t.field({
    type: CreateOrganizationPayload,
    description:
      'Creates an organization (`POST /api/organizations`); the caller becomes its sole owner. Never retried by the gateway, since a create is not idempotent.',
    args: { input: t.arg({ type: CreateOrganizationInput, required: true }) },
    extensions: one,
    resolve: async (_root, { input }, ctx, info) => {
      if (input.name.trim().length === 0)
        return refused(ctx, info, [{ code: 'INVALID', field: ['input', 'name'], message: '`name` must not be empty.' }]);
      return write(ctx, info, () => ctx.organizations.create({ name: input.name }));
    },
  }),
  updateOrganization: t.field({
    type: UpdateOrganizationPayload,
    description: 'Changes the fields set in `input` (a JSON merge patch of only those); the others stay as they are. Owners only.',
    args: { input: t.arg({ type: UpdateOrganizationInput, required: true }) },
    extensions: one,
    resolve: async (_root, { input }, ctx, info) => {
      const segment = organizationSegment(input.id.id);
      if (segment === undefined) return refused(ctx, info, [notFound]);
      if (input.name == null)
        return refused(ctx, info, [{ code: 'NO_CHANGES', field: ['input'], message: 'Set at least one field to change besides `id`.' }]);
      if (input.name.trim().length === 0)
        return refused(ctx, info, [{ code: 'INVALID', field: ['input', 'name'], message: '`name` must not be empty.' }]);
      const name = input.name;
      return write(ctx, info, () => ctx.organizations.update(segment, { name }));
    },
  }),
  deleteOrganization: t.field({
    type: DeleteOrganizationPayload,
    description: 'Deletes an organization (`DELETE`, answered 204). Owners only. Never retried by the gateway.',
    args: { input: t.arg({ type: DeleteOrganizationInput, required: true }) },
    extensions: one,
    resolve: async (_root, { input }, ctx, info) => {
      const deletedId = encodeNodeId('Organization', input.id.id);
      const segment = organizationSegment(input.id.id);
      if (segment === undefined) {
        recordMutation(ctx, info, 'NOT_APPLIED');
        return { deletedId: null, userErrors: [notFound] };
      }
      try {
        await ctx.organizations.delete(segment);
      } catch (error) {
        recordMutation(ctx, info, failedWriteStatus(error));
        const userError = error instanceof UpstreamHttpError ? rejectedInput(error) : undefined;
        if (!userError) throw error;
        return { deletedId: null, userErrors: userError };
      }
      recordMutation(ctx, info, 'APPLIED', deletedId);
      ctx.loaders.forget(input.id.id);
      return { deletedId, userErrors: [] };
    },
  }),
}));

function refused(ctx: HydraContext, info: GraphQLResolveInfo, userErrors: UserErrorShape[]): PayloadShape {
  recordMutation(ctx, info, 'NOT_APPLIED');
  return { organization: null, userErrors };
}

async function write(ctx: HydraContext, info: GraphQLResolveInfo, call: () => Promise<OrganizationModel>): Promise<PayloadShape> {
  let organization: OrganizationModel;
  try {
    organization = await call();
  } catch (error) {
    recordMutation(ctx, info, failedWriteStatus(error));
    const userErrors = error instanceof UpstreamHttpError ? rejectedInput(error) : undefined;
    if (!userErrors) throw error;
    return { organization: null, userErrors };
  }
  recordMutation(ctx, info, 'APPLIED', encodeNodeId('Organization', organization.iri));
  ctx.loaders.forget(organization.iri);
  return { organization, userErrors: [] };
}

/** Upstream answers about the caller's input, as userErrors; anything else stays an error. */
function rejectedInput(error: UpstreamHttpError): UserErrorShape[] | undefined {
  if (error.code === 'NOT_FOUND') return [notFound];
  if (error.code !== 'VALIDATION') return undefined;
  if (error.status === 422 && error.violations && error.violations.length > 0) {
    return error.violations.map((violation) => ({
      code: 'INVALID' as const,
      field: ['input', ...violation.propertyPath.split('.').filter((part) => part.length > 0)],
      message: sanitizeDetail(violation.message) ?? 'This value is not valid.',
    }));
  }
  return [{ code: 'INVALID', field: null, message: 'The organizations API rejected the input as invalid; check the values sent.' }];
}
