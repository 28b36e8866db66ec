/**
 * The Basedash contract's validators (schema/upstream/basedash.openapi.yaml → ./contract-validators.ts),
 * typed with the generated ./openapi.ts. How checks work: src/upstream/contract.ts.
 */
import type { Validator } from '../../upstream/contract.js';
import * as validators from './contract-validators.js';
import type { components } from './openapi.js';

type Schemas = components['schemas'];

/** Validators, one per response schema the gateway reads (the generated code is untyped JavaScript). */
export const contract = {
  organizationList: validators.organizationList as unknown as Validator<Schemas['OrganizationList']>,
  organizationResult: validators.organizationResult as unknown as Validator<Schemas['OrganizationResult']>,
  organizationWriteResult: validators.organizationWriteResult as unknown as Validator<Schemas['OrganizationWriteResult']>,
  memberList: validators.memberList as unknown as Validator<Schemas['MemberList']>,
  groupList: validators.groupList as unknown as Validator<Schemas['GroupList']>,
  aiUsage: validators.aiUsage as unknown as Validator<Schemas['AiUsage']>,
  memberResult: validators.memberResult as unknown as Validator<Schemas['MemberResult']>,
  groupResult: validators.groupResult as unknown as Validator<Schemas['GroupResult']>,
};
