/** Input rules broken (zod issues) as the userErrors of a mutation payload. */
import type { z } from 'zod';
import type { UserErrorShape } from './builder.js';

/** One INVALID userError per issue, pointing at `input.<path>`; a message that names its field is kept as it is. */
export function toUserErrors(error: z.ZodError): UserErrorShape[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String);
    const message = issue.message.startsWith('`') ? issue.message : `\`${path.join('.') || 'input'}\`: ${issue.message}`;
    return { code: 'INVALID', field: ['input', ...path], message };
  });
}
