/**
 * Run-time checks of upstream answers against the REST contract in schema/upstream.openapi.yaml.
 * The same document generates the TypeScript types (src/upstream/openapi.ts), so the types the
 * code relies on and the shapes it accepts cannot drift apart. Validators are compiled once, at
 * start-up; a check is a plain function call on the hot path.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import type { components } from './openapi.js';

type Schemas = components['schemas'];

const CONTRACT_URL = new URL('../../schema/upstream.openapi.yaml', import.meta.url);
const CONTRACT_ID = 'upstream.openapi';

function compileContract() {
  const document = parse(readFileSync(CONTRACT_URL, 'utf8')) as Record<string, unknown>;
  // OpenAPI 3.1 schemas are JSON Schema 2020-12; keywords ajv does not know (e.g. `example`) are
  // annotations only, hence `strict: false`.
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: false });
  ajv.addSchema({ ...document, $id: CONTRACT_ID });
  const compile = <T>(name: keyof Schemas) => {
    const validate = ajv.getSchema(`${CONTRACT_ID}#/components/schemas/${name}`);
    if (!validate) throw new Error(`schema/upstream.openapi.yaml has no components.schemas.${name}`);
    return validate as ValidateFunction<T>;
  };
  return {
    organizationList: compile<Schemas['OrganizationList']>('OrganizationList'),
    organizationResult: compile<Schemas['OrganizationResult']>('OrganizationResult'),
    organizationWriteResult: compile<Schemas['OrganizationWriteResult']>('OrganizationWriteResult'),
  };
}

/** Compiled validators, one per response schema the gateway reads. */
export const contract = compileContract();

/** A short description of why a body failed its schema, for logs (never includes values). */
export function describeMismatch(validate: ValidateFunction): string {
  const first = validate.errors?.[0];
  if (!first) return 'unknown mismatch';
  return `${first.instancePath || '(root)'} ${first.message ?? 'is invalid'}`;
}
