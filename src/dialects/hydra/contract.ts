/**
 * The Hydra contract's validators (schema/upstream/hydra.openapi.yaml → ./contract-validators.ts),
 * typed with the generated ./openapi.ts. How checks work: src/upstream/contract.ts.
 */
import type { Validator } from '../../upstream/contract.js';
import * as validators from './contract-validators.js';
import type { components } from './openapi.js';

type Schemas = components['schemas'];

export const contract = {
  organization: validators.organization as unknown as Validator<Schemas['Organization']>,
  organizationCollection: validators.organizationCollection as unknown as Validator<Schemas['OrganizationCollection']>,
};
