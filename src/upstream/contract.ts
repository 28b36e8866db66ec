/**
 * Run-time checks of upstream answers against the REST contract in schema/upstream.openapi.yaml.
 * The same document generates the TypeScript types (src/upstream/openapi.ts) and these validators
 * (./contract-validators.ts, ajv's standalone code, by scripts/contract-validators.ts), so the
 * types the code relies on and the shapes it accepts cannot drift apart; `npm run schema:check`
 * fails when either generated file is out of date. A check is a plain function call.
 */
import type { ErrorObject } from 'ajv';
import * as validators from './contract-validators.js';
import type { components } from './openapi.js';

type Schemas = components['schemas'];

/** A generated validator: a type guard that leaves why it failed in `errors`. */
export interface Validator<T> {
  (data: unknown): data is T;
  errors?: ErrorObject[] | null;
}

/** Validators, one per response schema the gateway reads (the generated code is untyped JavaScript). */
export const contract = {
  organizationList: validators.organizationList as unknown as Validator<Schemas['OrganizationList']>,
  organizationResult: validators.organizationResult as unknown as Validator<Schemas['OrganizationResult']>,
  organizationWriteResult: validators.organizationWriteResult as unknown as Validator<Schemas['OrganizationWriteResult']>,
};

/** A short description of why a body failed its schema, for logs (never includes values). */
export function describeMismatch(validate: Validator<unknown>): string {
  const first = validate.errors?.[0];
  if (!first) return 'unknown mismatch';
  return `${first.instancePath || '(root)'} ${first.message ?? 'is invalid'}`;
}
