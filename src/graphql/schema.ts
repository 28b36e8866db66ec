/**
 * Assembles the schema: imports each type module for its side effects, then builds. Pothos sorts
 * the result, so the printed SDL (schema/schema.graphql) is stable.
 */
import { builder } from './builder.js';
import './organization.js';
import './organization-mutations.js';

builder.queryType({ description: 'Reads. Every field that reaches the organizations API needs `Authorization: Bearer <token>`.' });
builder.mutationType({ description: 'Writes. Expected failures come back in each payload as `userErrors`.' });

export const schema = builder.toSchema();
