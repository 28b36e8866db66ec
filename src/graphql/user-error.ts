/**
 * Mutation payloads report expected failures (invalid input, a taken slug, an unknown id) as
 * `userErrors` rather than top-level errors, so a form can show each next to its field.
 */
import { builder } from './builder.js';

export type UserErrorCode = 'INVALID' | 'NOT_FOUND' | 'CONFLICT' | 'NO_CHANGES';

export interface UserErrorShape {
  message: string;
  /** Path to the input field at fault, from the mutation's arguments, e.g. ['input', 'name']. */
  field: string[] | null;
  code: UserErrorCode;
}

export const UserErrorCodeEnum = builder.enumType('UserErrorCode', {
  description: 'What kind of problem a `UserError` reports.',
  values: {
    INVALID: { description: 'A value breaks a rule of the API (checked by the gateway or by the organizations API).' },
    NOT_FOUND: { description: 'The organization does not exist or is not visible to the caller.' },
    CONFLICT: { description: 'The value clashes with existing data, e.g. a slug that is already taken.' },
    NO_CHANGES: { description: 'An update set no field to change.' },
  } as const,
});

export const UserError = builder.objectRef<UserErrorShape>('UserError').implement({
  description: 'A problem with the input of a mutation that the caller can fix.',
  fields: (t) => ({
    message: t.exposeString('message', { description: 'What is wrong and how to fix it, in English.' }),
    field: t.exposeStringList('field', {
      nullable: true,
      description: 'Path to the input field at fault, e.g. `["input", "embedAllowedOrigins", "1"]`; null when no single field is to blame.',
    }),
    code: t.expose('code', { type: UserErrorCodeEnum, description: 'Machine-readable kind of problem.' }),
  }),
});
