/**
 * The member and group mutations (issue 19): invite, update and deactivate a member; create, rename
 * and delete a group; add and remove a group's member. Like the organization mutations, input the
 * gateway can check is refused before any call, what the upstream rejects (400/404/409/422) comes
 * back as userErrors, only the fields set are sent, and a write is never retried.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { z } from 'zod';
import type { UserErrorShape } from '../../../graphql/builder.js';
import { gatewayError, sanitizeDetail } from '../../../graphql/errors.js';
import { failedWriteStatus, recordMutation } from '../../../graphql/mutation-outcomes.js';
import { toUserErrors } from '../../../graphql/user-errors.js';
import { encodeNodeId } from '../../../graphql/node-id.js';
import { UpstreamHttpError } from '../../../upstream/errors.js';
import type { BasedashContext } from '../context.js';
import type { Group as GroupModel, OrganizationMember as MemberModel } from '../people.js';
import { builder, UserError } from './builder.js';
import { Group, OrganizationMember, splitScopedId } from './people.js';

const AssignableMemberRole = builder.enumType('AssignableMemberRole', {
  description: 'A role the organizations API lets an API key give a member. It documents only `MEMBER`; admins are made in the app.',
  values: { MEMBER: { description: 'A member without admin rights.' } } as const,
});

const notNull = (field: string) => (issue: { input: unknown }) =>
  issue.input === null ? `\`${field}\` cannot be null: omit it to leave it unchanged.` : undefined;

const httpsUrl = z.string().refine(
  (value) => {
    try {
      return new URL(value).protocol === 'https:';
    } catch {
      return false;
    }
  },
  {
    error: (issue) =>
      `${JSON.stringify(issue.input)} is not an https URL: give an address such as https://example.com/avatar.png, or null to remove the avatar.`,
  },
);

const groupName = z.string().trim().min(1, { error: '`name` must not be empty.' });

const inviteRules = z.object({
  email: z.email({ error: (issue) => `${JSON.stringify(issue.input)} is not an email address.` }),
  role: z.literal('MEMBER').optional(),
});

const updateMemberRules = z.object({
  role: z.literal('MEMBER', { error: notNull('role') }).optional(),
  fullName: z
    .string({ error: notNull('fullName') })
    .trim()
    .min(1, { error: '`fullName` must not be empty.' })
    .optional(),
  avatarUrl: httpsUrl.nullable().optional(),
});

const InviteMemberInput = builder.inputType('InviteMemberInput', {
  description: 'Whom to invite to an organization, and as what. Requires the admin role.',
  fields: (t) => ({
    organizationId: t.globalID({ required: true, description: 'The `id` of the Organization.' }),
    email: t.string({
      required: true,
      description: 'Email address to invite. A person without an account gets a pending one; a deactivated member is reactivated.',
    }),
    role: t.field({ type: AssignableMemberRole, description: 'Role to give; the organizations API defaults to `MEMBER`.' }),
  }),
});

const UpdateMemberInput = builder.inputType('UpdateMemberInput', {
  description: 'Changes to a member: set the fields to change, omit the rest. Requires the admin role.',
  fields: (t) => ({
    id: t.globalID({ required: true, description: 'The `id` of the OrganizationMember.' }),
    role: t.field({ type: AssignableMemberRole, description: 'New role.' }),
    fullName: t.string({ description: "New full name of the member's user. At least 1 character." }),
    avatarUrl: t.string({ description: "New avatar of the member's user: an https URL, or null to remove it." }),
  }),
});

const DeactivateMemberInput = builder.inputType('DeactivateMemberInput', {
  description: 'The member to deactivate. Requires the admin role.',
  fields: (t) => ({ id: t.globalID({ required: true, description: 'The `id` of the OrganizationMember.' }) }),
});

const CreateGroupInput = builder.inputType('CreateGroupInput', {
  description: 'A new group in an organization. Requires the admin role.',
  fields: (t) => ({
    organizationId: t.globalID({ required: true, description: 'The `id` of the Organization.' }),
    name: t.string({ required: true, description: 'Name of the group. At least 1 character.' }),
  }),
});

const UpdateGroupInput = builder.inputType('UpdateGroupInput', {
  description: 'A new name for a group. Requires the admin role.',
  fields: (t) => ({
    id: t.globalID({ required: true, description: 'The `id` of the Group.' }),
    name: t.string({ required: true, description: 'New name of the group. At least 1 character.' }),
  }),
});

const DeleteGroupInput = builder.inputType('DeleteGroupInput', {
  description: 'The group to delete. Its members stay in the organization. Requires the admin role.',
  fields: (t) => ({ id: t.globalID({ required: true, description: 'The `id` of the Group.' }) }),
});

const groupMemberInput = (name: string, description: string) =>
  builder.inputType(name, {
    description,
    fields: (t) => ({
      groupId: t.globalID({ required: true, description: 'The `id` of the Group.' }),
      memberId: t.globalID({
        required: true,
        description: 'The `id` of an OrganizationMember of the same organization.',
      }),
    }),
  });

const AddGroupMemberInput = groupMemberInput('AddGroupMemberInput', 'The member to add to a group. Requires the admin role.');
const RemoveGroupMemberInput = groupMemberInput('RemoveGroupMemberInput', 'The member to remove from a group. Requires the admin role.');

type PayloadFields = PothosSchemaTypes.ObjectFieldBuilder<
  typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never,
  { userErrors: UserErrorShape[] }
>;

/** Every payload's `userErrors`. */
const userErrorsField = (t: PayloadFields) =>
  t.field({ type: [UserError], description: 'Problems with the input; empty on success.', resolve: (payload) => payload.userErrors });

interface MemberPayloadShape {
  member: MemberModel | null;
  /** Set when the write answer had no member: `member` is then read again (one call). */
  reread?: { orgId: string; memberId: string };
  userErrors: UserErrorShape[];
}

function memberPayload(name: string, verb: string, rereads: boolean) {
  return builder.objectRef<MemberPayloadShape>(name).implement({
    description: `The result of ${verb}: the member, or the userErrors that explain why not.`,
    fields: (t) => ({
      member: t.field({
        type: OrganizationMember,
        nullable: true,
        description: `The member after ${verb}; null when userErrors is not empty.`,
        ...(rereads ? { extensions: { upstreamCalls: () => ({ calls: 1, multiplier: 1 }) } } : {}),
        resolve: (payload, _args, ctx) =>
          payload.member ?? (payload.reread ? ctx.people.member(payload.reread.orgId, payload.reread.memberId) : null),
      }),
      userErrors: userErrorsField(t),
    }),
  });
}

interface GroupPayloadShape {
  group: GroupModel | null;
  userErrors: UserErrorShape[];
}

function groupPayload(name: string, verb: string) {
  return builder.objectRef<GroupPayloadShape>(name).implement({
    description: `The result of ${verb}: the group, or the userErrors that explain why not.`,
    fields: (t) => ({
      group: t.field({
        type: Group,
        nullable: true,
        description: `The group after ${verb}; null when userErrors is not empty.`,
        resolve: (payload) => payload.group,
      }),
      userErrors: userErrorsField(t),
    }),
  });
}

interface DeletePayloadShape {
  deletedGroupId: string | null;
  userErrors: UserErrorShape[];
}

const DeleteGroupPayload = builder.objectRef<DeletePayloadShape>('DeleteGroupPayload').implement({
  description: 'The result of deleting a group: its id, or the userErrors that explain why not.',
  fields: (t) => ({
    deletedGroupId: t.exposeID('deletedGroupId', {
      nullable: true,
      description: 'The `id` of the deleted Group; null when userErrors is not empty.',
    }),
    userErrors: userErrorsField(t),
  }),
});

interface GroupMembershipShape {
  ids: { orgId: string; groupId: string; memberId: string } | null;
  userErrors: UserErrorShape[];
}

function groupMembershipPayload(name: string, verb: string) {
  return builder.objectRef<GroupMembershipShape>(name).implement({
    description: `The result of ${verb}: the group and the member, or the userErrors that explain why not.`,
    fields: (t) => ({
      group: t.field({
        type: Group,
        nullable: true,
        description: `The group after ${verb} (read again: one call); null when userErrors is not empty.`,
        extensions: { upstreamCalls: () => ({ calls: 1, multiplier: 1 }) },
        resolve: (payload, _args, ctx) => payload.ids && ctx.people.group(payload.ids.orgId, payload.ids.groupId),
      }),
      member: t.field({
        type: OrganizationMember,
        nullable: true,
        description: 'The member (read again: one call); null when userErrors is not empty.',
        extensions: { upstreamCalls: () => ({ calls: 1, multiplier: 1 }) },
        resolve: (payload, _args, ctx) => payload.ids && ctx.people.member(payload.ids.orgId, payload.ids.memberId),
      }),
      userErrors: userErrorsField(t),
    }),
  });
}

const InviteMemberPayload = memberPayload('InviteMemberPayload', 'the invitation', false);
const UpdateMemberPayload = memberPayload('UpdateMemberPayload', 'the update', false);
const DeactivateMemberPayload = memberPayload('DeactivateMemberPayload', 'deactivating it', true);
const CreateGroupPayload = groupPayload('CreateGroupPayload', 'creating it');
const UpdateGroupPayload = groupPayload('UpdateGroupPayload', 'the update');
const AddGroupMemberPayload = groupMembershipPayload('AddGroupMemberPayload', 'adding the member');
const RemoveGroupMemberPayload = groupMembershipPayload('RemoveGroupMemberPayload', 'removing the member');

const ONE_CALL = { upstreamCalls: () => ({ calls: 1, multiplier: 1 }) };

builder.mutationFields((t) => ({
  inviteMember: t.field({
    type: InviteMemberPayload,
    description: 'Invites a person to an organization by email; the organizations API sends the invitation email. Requires the admin role.',
    args: { input: t.arg({ type: InviteMemberInput, required: true }) },
    extensions: ONE_CALL,
    resolve: async (_root, { input }, ctx, info) => {
      const orgId = beforeWrite(ctx, info, () => idOf(input.organizationId, 'Organization', 'organizationId'));
      const parsed = inviteRules.safeParse({ email: input.email, role: input.role ?? undefined });
      if (!parsed.success) return refused<MemberPayloadShape>(ctx, info, { member: null, userErrors: toUserErrors(parsed.error) });
      const body = { email: parsed.data.email, ...(parsed.data.role ? { role: parsed.data.role } : {}) };
      return write<MemberPayloadShape>(
        ctx,
        info,
        orgId,
        Object.keys(body),
        (userErrors) => ({ member: null, userErrors }),
        async () => {
          const member = await ctx.people.api.invite(orgId, body);
          return { payload: { member, userErrors: [] }, id: memberNodeId(member.organizationId, member.id) };
        },
      );
    },
  }),
  updateMember: t.field({
    type: UpdateMemberPayload,
    description: "Changes a member's role or their user's name and avatar; unset fields stay as they are. Requires the admin role.",
    args: { input: t.arg({ type: UpdateMemberInput, required: true }) },
    extensions: ONE_CALL,
    resolve: async (_root, { input }, ctx, info) => {
      const { id, ...changes } = input;
      const [orgId, memberId] = beforeWrite(ctx, info, () => scoped(id, 'OrganizationMember', 'id'));
      const parsed = updateMemberRules.safeParse(changes);
      if (!parsed.success) return refused<MemberPayloadShape>(ctx, info, { member: null, userErrors: toUserErrors(parsed.error) });
      const body = Object.fromEntries(Object.entries(parsed.data).filter(([, value]) => value !== undefined));
      if (Object.keys(body).length === 0) {
        return refused<MemberPayloadShape>(ctx, info, {
          member: null,
          userErrors: [{ code: 'NO_CHANGES', field: ['input'], message: 'Set at least one field to change besides `id`.' }],
        });
      }
      return write<MemberPayloadShape>(
        ctx,
        info,
        orgId,
        Object.keys(body),
        (userErrors) => ({ member: null, userErrors }),
        async () => {
          const member = await ctx.people.api.updateMember(orgId, memberId, body);
          return { payload: { member, userErrors: [] }, id: memberNodeId(orgId, memberId) };
        },
      );
    },
  }),
  deactivateMember: t.field({
    type: DeactivateMemberPayload,
    description:
      'Deactivates a member: they lose access to the organization, and `deactivatedAt` is set. Inviting the same email again reactivates them. Requires the admin role.',
    args: { input: t.arg({ type: DeactivateMemberInput, required: true }) },
    extensions: ONE_CALL,
    resolve: async (_root, { input }, ctx, info) => {
      const [orgId, memberId] = beforeWrite(ctx, info, () => scoped(input.id, 'OrganizationMember', 'id'));
      return write<MemberPayloadShape>(
        ctx,
        info,
        orgId,
        [],
        (userErrors) => ({ member: null, userErrors }),
        async () => {
          const member = await ctx.people.api.deactivateMember(orgId, memberId);
          return {
            payload: member ? { member, userErrors: [] } : { member: null, reread: { orgId, memberId }, userErrors: [] },
            id: memberNodeId(orgId, memberId),
          };
        },
      );
    },
  }),
  createGroup: t.field({
    type: CreateGroupPayload,
    description: 'Creates a group in an organization. Requires the admin role.',
    args: { input: t.arg({ type: CreateGroupInput, required: true }) },
    extensions: ONE_CALL,
    resolve: async (_root, { input }, ctx, info) => {
      const orgId = beforeWrite(ctx, info, () => idOf(input.organizationId, 'Organization', 'organizationId'));
      const parsed = z.object({ name: groupName }).safeParse({ name: input.name });
      if (!parsed.success) return refused<GroupPayloadShape>(ctx, info, { group: null, userErrors: toUserErrors(parsed.error) });
      return write<GroupPayloadShape>(
        ctx,
        info,
        orgId,
        ['name'],
        (userErrors) => ({ group: null, userErrors }),
        async () => {
          const group = await ctx.people.api.createGroup(orgId, parsed.data);
          return { payload: { group, userErrors: [] }, id: groupNodeId(orgId, group.id) };
        },
      );
    },
  }),
  updateGroup: t.field({
    type: UpdateGroupPayload,
    description: 'Renames a group. Requires the admin role.',
    args: { input: t.arg({ type: UpdateGroupInput, required: true }) },
    extensions: ONE_CALL,
    resolve: async (_root, { input }, ctx, info) => {
      const [orgId, groupId] = beforeWrite(ctx, info, () => scoped(input.id, 'Group', 'id'));
      const parsed = z.object({ name: groupName }).safeParse({ name: input.name });
      if (!parsed.success) return refused<GroupPayloadShape>(ctx, info, { group: null, userErrors: toUserErrors(parsed.error) });
      return write<GroupPayloadShape>(
        ctx,
        info,
        orgId,
        ['name'],
        (userErrors) => ({ group: null, userErrors }),
        async () => {
          const group = await ctx.people.api.updateGroup(orgId, groupId, parsed.data);
          return { payload: { group, userErrors: [] }, id: groupNodeId(orgId, groupId) };
        },
      );
    },
  }),
  deleteGroup: t.field({
    type: DeleteGroupPayload,
    description: 'Deletes a group; its members stay in the organization. Requires the admin role.',
    args: { input: t.arg({ type: DeleteGroupInput, required: true }) },
    extensions: ONE_CALL,
    resolve: async (_root, { input }, ctx, info) => {
      const [orgId, groupId] = beforeWrite(ctx, info, () => scoped(input.id, 'Group', 'id'));
      const id = groupNodeId(orgId, groupId);
      return write<DeletePayloadShape>(
        ctx,
        info,
        orgId,
        [],
        (userErrors) => ({ deletedGroupId: null, userErrors }),
        async () => {
          await ctx.people.api.deleteGroup(orgId, groupId);
          return { payload: { deletedGroupId: id, userErrors: [] }, id };
        },
      );
    },
  }),
  addGroupMember: t.field({
    type: AddGroupMemberPayload,
    description: 'Adds a member of the organization to one of its groups. Requires the admin role.',
    args: { input: t.arg({ type: AddGroupMemberInput, required: true }) },
    extensions: ONE_CALL,
    resolve: (_root, { input }, ctx, info) =>
      membership(ctx, info, input, (orgId, groupId, memberId) => ctx.people.api.addGroupMember(orgId, groupId, memberId)),
  }),
  removeGroupMember: t.field({
    type: RemoveGroupMemberPayload,
    description: 'Removes a member from a group; they stay in the organization. Requires the admin role.',
    args: { input: t.arg({ type: RemoveGroupMemberInput, required: true }) },
    extensions: ONE_CALL,
    resolve: (_root, { input }, ctx, info) =>
      membership(ctx, info, input, (orgId, groupId, memberId) => ctx.people.api.removeGroupMember(orgId, groupId, memberId)),
  }),
}));

const memberNodeId = (orgId: string, memberId: string) => encodeNodeId('OrganizationMember', `${orgId}:${memberId}`);
const groupNodeId = (orgId: string, groupId: string) => encodeNodeId('Group', `${orgId}:${groupId}`);

type GlobalId = { typename: string; id: string };
const withArticle = (typename: string) => `${/^[AEIOU]/.test(typename) ? 'an' : 'a'} ${typename}`;

/** The upstream id in a global id of the expected type; another type's id is refused, saying which. */
function idOf(ref: GlobalId, typename: string, field: string): string {
  if (ref.typename !== typename) {
    throw gatewayError(
      'BAD_USER_INPUT',
      `\`input.${field}\` is the id of ${withArticle(ref.typename)}: give the \`id\` of ${withArticle(typename)}.`,
    );
  }
  return ref.id;
}

/** Runs a check made before any call; when it refuses, the outcome says nothing was written. */
function beforeWrite<T>(ctx: BasedashContext, info: GraphQLResolveInfo, check: () => T): T {
  try {
    return check();
  } catch (error) {
    recordMutation(ctx, info, 'NOT_APPLIED');
    throw error;
  }
}

/** A member's or group's organization and own id, from its global id. */
function scoped(ref: GlobalId, typename: string, field: string): [string, string] {
  const parts = splitScopedId(idOf(ref, typename, field));
  if (!parts)
    throw gatewayError('BAD_USER_INPUT', `\`input.${field}\` is not the \`id\` of ${withArticle(typename)} this gateway gave out.`);
  return parts;
}

async function membership(
  ctx: BasedashContext,
  info: GraphQLResolveInfo,
  input: { groupId: GlobalId; memberId: GlobalId },
  call: (orgId: string, groupId: string, memberId: string) => Promise<void>,
): Promise<GroupMembershipShape> {
  const [orgId, groupId] = beforeWrite(ctx, info, () => scoped(input.groupId, 'Group', 'groupId'));
  const [memberOrgId, memberId] = beforeWrite(ctx, info, () => scoped(input.memberId, 'OrganizationMember', 'memberId'));
  if (memberOrgId !== orgId) {
    return refused<GroupMembershipShape>(ctx, info, {
      ids: null,
      userErrors: [
        {
          code: 'INVALID',
          field: ['input', 'memberId'],
          message: '`memberId` is a member of another organization than the group: use a member of the same organization.',
        },
      ],
    });
  }
  return write<GroupMembershipShape>(
    ctx,
    info,
    orgId,
    ['memberId'],
    (userErrors) => ({ ids: null, userErrors }),
    async () => {
      await call(orgId, groupId, memberId);
      return { payload: { ids: { orgId, groupId, memberId }, userErrors: [] }, id: groupNodeId(orgId, groupId) };
    },
  );
}

/** Input refused before any upstream call. */
function refused<T>(ctx: BasedashContext, info: GraphQLResolveInfo, payload: T): T {
  recordMutation(ctx, info, 'NOT_APPLIED');
  return payload;
}

async function write<T>(
  ctx: BasedashContext,
  info: GraphQLResolveInfo,
  orgId: string,
  sentFields: string[],
  failed: (userErrors: UserErrorShape[]) => T,
  call: () => Promise<{ payload: T; id: string }>,
): Promise<T> {
  const organizationId = encodeNodeId('Organization', orgId);
  try {
    const { payload, id } = await call();
    recordMutation(ctx, info, 'APPLIED', organizationId, id);
    return payload;
  } catch (error) {
    recordMutation(ctx, info, failedWriteStatus(error), organizationId);
    if (!(error instanceof UpstreamHttpError)) throw error;
    const userError = rejectedInput(error, sentFields);
    if (!userError) throw error;
    return failed([userError]);
  } finally {
    // Whatever this request read in the organization before the write may be stale now.
    ctx.people.forget(orgId);
  }
}

/** Upstream answers about the caller's input become userErrors; the rest stay errors. */
function rejectedInput(error: UpstreamHttpError, sentFields: string[]): UserErrorShape | undefined {
  const detail = sanitizeDetail(error.detail);
  const blamed = sentFields.length === 1 ? ['input', sentFields[0] as string] : null;
  switch (error.code) {
    case 'NOT_FOUND':
      return {
        code: 'NOT_FOUND',
        field: ['input'],
        message: `The organizations API does not know this organization, member or group, or it is not visible to you${detail ? `: ${detail}` : '.'}`,
      };
    case 'CONFLICT':
      return { code: 'CONFLICT', field: blamed, message: detail ?? 'The organizations API reported a conflict with existing data.' };
    case 'VALIDATION':
      return { code: 'INVALID', field: blamed, message: `The organizations API rejected the input${detail ? `: ${detail}` : '.'}` };
    default:
      return undefined;
  }
}
