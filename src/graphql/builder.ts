/**
 * Configures the Pothos SchemaBuilder and its plugins; defines no types. Types live one module per
 * GraphQL type next to their root fields, and src/graphql/schema.ts assembles them.
 */
import SchemaBuilder from '@pothos/core';
import RelayPlugin from '@pothos/plugin-relay';
import { GraphQLScalarType } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { GatewayContext } from '../context.js';
import { gatewayError } from './errors.js';
import { decodeNodeId } from './node-id.js';

/** Most ids one `nodes` call may ask for: each distinct id is one upstream GET. */
export const MAX_NODES = 100;

export const builder = new SchemaBuilder<{
  Context: GatewayContext;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
  };
  DefaultFieldNullability: false;
}>({
  plugins: [RelayPlugin],
  // Fields are non-null unless they say otherwise, as in the REST schema, where most are required.
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // Invalid ids get a BAD_USER_INPUT error that says what an id must be, instead of the plugin's
    // generic validation error (which error masking would turn into "Unexpected error").
    decodeGlobalID: (globalID) => decodeNodeId(globalID),
    nodeQueryOptions: {
      description: 'Fetches any object that implements `Node` by its global `id`. Null when no such object exists or is visible to the caller.',
    },
    nodesQueryOptions: {
      description: `Fetches up to ${MAX_NODES} objects by global \`id\`, in the order given; an entry is null when that object does not exist. Ids are de-duplicated and fetched concurrently.`,
      resolve: (_root, { ids }, _context, _info, resolveNodes) => {
        if (ids.length > MAX_NODES) {
          throw gatewayError('BAD_USER_INPUT', `\`nodes\` takes at most ${MAX_NODES} ids (got ${ids.length}); split them over several requests.`);
        }
        return resolveNodes(ids);
      },
    },
    nodeTypeOptions: { description: 'An object with a globally unique `id` that `node`/`nodes` can refetch.' },
    pageInfoTypeOptions: { description: 'Where a page of a connection sits, and how to ask for the next one.' },
  },
});

/**
 * graphql-scalars' DateTime, with a shortcut for the common case: a string already in the form it
 * serializes to (`toISOString()`: UTC, milliseconds) is returned as it is, which is exactly what
 * its serialize (a Date, written by JSON.stringify) produces, without its regular expressions and
 * parsing (a few percent of a list operation's CPU). Anything else goes through it unchanged.
 */
const CANONICAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const DateTime = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  serialize(value) {
    if (typeof value === 'string' && CANONICAL_DATE_TIME.test(value)) {
      const date = new Date(value);
      if (!Number.isNaN(date.getTime()) && date.toISOString() === value) return value;
    }
    return DateTimeResolver.serialize(value);
  },
});

builder.addScalarType('DateTime', DateTime, {
  description: 'A date and time as an ISO 8601 string in UTC, e.g. `2026-12-01T00:00:00.000Z`.',
});
