/** Hydra's SchemaBuilder: the shared types (src/graphql/builder.ts) and this dialect's context. */
import { createBuilder } from '../../../graphql/builder.js';
import type { HydraContext } from '../context.js';

export const { builder, UserError } = createBuilder<HydraContext>({
  dialect: 'hydra',
  nodeTypes: ['Organization'],
  queryDescription: 'Reads. Every field that reaches the organizations API needs `Authorization: Bearer <token>`.',
  mutationDescription: 'Writes. Expected failures come back in each payload as `userErrors`.',
});
