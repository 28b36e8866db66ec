/**
 * Assembles the schema: imports each type module for its side effects, then builds. Pothos sorts
 * the result, so the printed SDL (schema/schema.graphql) is stable.
 */
import type { GraphQLObjectType } from 'graphql';
import { builder } from './builder.js';
import { encodeNodeId } from './node-id.js';
import './organization.js';
import './organization-mutations.js';

builder.queryType({ description: 'Reads. Every field that reaches the organizations API needs `Authorization: Bearer <token>`.' });
builder.mutationType({ description: 'Writes. Expected failures come back in each payload as `userErrors`.' });

export const schema = builder.toSchema();

/**
 * The relay plugin resolves each node's `id` with an async function (it awaits the id getter), so
 * every organization in a page cost a promise and made graphql-jit take its asynchronous path for
 * the whole object: the largest allocation per list operation in an allocation profile. The id is
 * known synchronously, so the built field gets the synchronous equivalent, with the encoder the
 * plugin itself is configured with (builder.ts). test/organizations-query.test.ts checks the ids.
 */
const organizationId = (schema.getType('Organization') as GraphQLObjectType).getFields()['id'];
if (!organizationId) throw new Error('Organization.id is missing from the schema');
organizationId.resolve = (org: { id: string }) => encodeNodeId('Organization', org.id);
