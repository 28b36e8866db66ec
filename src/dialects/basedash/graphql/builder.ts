/** Basedash's SchemaBuilder: the shared types (src/graphql/builder.ts) and this dialect's context. */
import { createBuilder } from '../../../graphql/builder.js';
import type { BasedashContext } from '../context.js';

export const { builder, UserError } = createBuilder<BasedashContext>({
  dialect: 'basedash',
  nodeTypes: ['Organization', 'OrganizationMember', 'Group'],
  queryDescription: 'Reads. Every field that reaches the organizations API needs `Authorization: Bearer <token>`.',
  mutationDescription: 'Writes. Expected failures come back in each payload as `userErrors`.',
});
