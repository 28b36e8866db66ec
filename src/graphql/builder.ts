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
import { decodeNodeId, encodeNodeId } from './node-id.js';

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
    // The plugin's own encoding (base64 of `Typename:id`), spelled out because src/graphql/schema.ts
    // resolves Organization.id with the same function.
    encodeGlobalID: (typename, id) => encodeNodeId(typename, String(id)),
    nodeQueryOptions: {
      description:
        'Fetches any object that implements `Node` by its global `id`. Null when no such object exists or is visible to the caller.',
      extensions: { upstreamCalls: () => ({ calls: 1, multiplier: 1 }) },
    },
    nodesQueryOptions: {
      description: `Fetches up to ${MAX_NODES} objects by global \`id\`, in the order given; an entry is null when that object does not exist. Ids are de-duplicated and fetched concurrently.`,
      // One GET per id at most; the loader's de-duplication only lowers that.
      extensions: { upstreamCalls: ({ ids }) => ({ calls: ids.length, multiplier: ids.length }) },
      resolve: (_root, { ids }, _context, _info, resolveNodes) => {
        if (ids.length > MAX_NODES) {
          throw gatewayError(
            'BAD_USER_INPUT',
            `\`nodes\` takes at most ${MAX_NODES} ids (got ${ids.length}); split them over several requests.`,
          );
        }
        return resolveNodes(ids);
      },
    },
    nodeTypeOptions: { description: 'An object with a globally unique `id` that `node`/`nodes` can refetch.' },
    pageInfoTypeOptions: { description: 'Where a page of a connection sits, and how to ask for the next one.' },
    pageInfoFieldOptions: { description: 'Where this page sits: whether there is a next one, and the cursor to ask for it with.' },
    edgesFieldOptions: { description: 'The items of this page, in order, each with its cursor.' },
    nodeFieldOptions: { description: 'The item.' },
    cursorFieldOptions: { description: 'Opaque position of this item: pass it as `after` to get the items that follow it.' },
    hasNextPageFieldOptions: { description: 'Whether more items follow this page; ask for them with `after: endCursor`.' },
    hasPreviousPageFieldOptions: {
      description:
        'Whether items come before this page (it was asked for with `after`). Connections page forward only: to go back, keep the earlier cursors.',
    },
    startCursorFieldOptions: { description: 'The cursor of the first item of this page; null when the page is empty.' },
    endCursorFieldOptions: {
      description: 'The cursor of the last item of this page, to pass as `after` for the next page; null when the page is empty.',
    },
    firstArgOptions: { description: 'How many items to return (1–100; the default is in the field description).' },
    afterArgOptions: { description: 'Return the items after this cursor (`pageInfo.endCursor` of the previous page).' },
    lastArgOptions: { description: 'Not supported: connections page forward only; use `first`.' },
    beforeArgOptions: { description: 'Not supported: connections page forward only; use `after`.' },
  },
});

/**
 * graphql-scalars' DateTime, with a shortcut for the common case: a string already in the exact
 * form its serialize produces (a Date, written by JSON.stringify as `toISOString()`: UTC with
 * milliseconds) and naming a real instant is returned as it is, the same JSON, without its
 * regular expressions and parsing (3 % of a list operation's CPU). Anything else goes through it.
 */
const CANONICAL_DATE_TIME = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

function isCanonicalDateTime(value: string): boolean {
  const match = CANONICAL_DATE_TIME.exec(value);
  if (!match) return false;
  const day = Number(match[3]);
  if (day <= 28) return true;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= days;
}

const DateTime = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  serialize: (value) => (typeof value === 'string' && isCanonicalDateTime(value) ? value : DateTimeResolver.serialize(value)),
});

builder.addScalarType('DateTime', DateTime, {
  description: 'A date and time as an ISO 8601 string in UTC, e.g. `2026-12-01T00:00:00.000Z`.',
});
