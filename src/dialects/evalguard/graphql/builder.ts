/** EvalGuard's SchemaBuilder: the shared types (src/graphql/builder.ts) and this dialect's context. */
import { createBuilder } from '../../../graphql/builder.js';
import type { EvalGuardContext } from '../context.js';

export const { builder, UserError } = createBuilder<EvalGuardContext>({
  dialect: 'evalguard',
  // EvalGuard documents no read, so nothing can be refetched by id: no Node types, no node/nodes.
  nodeTypes: [],
  queryDescription: 'Reads. EvalGuard documents no read of organizations, so only `gateway` is here.',
  mutationDescription: 'Writes. Expected failures come back in each payload as `userErrors`.',
});
