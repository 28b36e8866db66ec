/**
 * Makes a dialect's Pothos SchemaBuilder, with the plugins and the types every dialect shares:
 * the `DateTime` scalar, `UserError`, Relay's `Node`/`PageInfo` wording and `Query.gateway`.
 * Each dialect (src/dialects/<name>/graphql/) adds its own types to a builder of its own, so a
 * schema holds only what its upstream can do.
 */
import SchemaBuilder from '@pothos/core';
import RelayPlugin from '@pothos/plugin-relay';
import { GraphQLScalarType } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { GatewayContext } from '../context.js';
import type { DialectName } from '../dialects/names.js';
import { gatewayError } from './errors.js';
import { GATEWAY_VERSION } from './version.js';
import { decodeNodeId, encodeNodeId } from './node-id.js';

/** Most ids one `nodes` call may ask for: each distinct id is one upstream GET. */
export const MAX_NODES = 100;

export interface GatewaySchemaTypes<TContext extends GatewayContext> {
  Context: TContext;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
  };
  DefaultFieldNullability: false;
}

export type UserErrorCode = 'INVALID' | 'NOT_FOUND' | 'CONFLICT' | 'NO_CHANGES';

export interface UserErrorShape {
  message: string;
  /** Path to the input field at fault, from the mutation's arguments, e.g. ['input', 'name']. */
  field: string[] | null;
  code: UserErrorCode;
}

export interface BuilderOptions {
  dialect: DialectName;
  /** The dialect's types that implement Node (their ids decode; others are refused clearly). */
  nodeTypes: readonly string[];
  /** Reads of the schema, as `Query`'s description. */
  queryDescription: string;
  /** Writes of the schema, as `Mutation`'s description; none: the schema has no mutations. */
  mutationDescription?: string;
}

export function createBuilder<TContext extends GatewayContext>(options: BuilderOptions) {
  const nodeTypes = new Set(options.nodeTypes);
  const builder = new SchemaBuilder<GatewaySchemaTypes<TContext>>({
    plugins: [RelayPlugin],
    // Fields are non-null unless they say otherwise, as in the REST schemas, where most are required.
    defaultFieldNullability: false,
    relay: {
      clientMutationId: 'omit',
      cursorType: 'String',
      // Invalid ids get a BAD_USER_INPUT error that says what an id must be, instead of the plugin's
      // generic validation error (which error masking would turn into "Unexpected error").
      decodeGlobalID: (globalID) => decodeNodeId(globalID, nodeTypes),
      // The plugin's own encoding (base64 of `Typename:id`), spelled out because dialects resolve
      // hot `id` fields with the same function.
      encodeGlobalID: (typename, id) => encodeNodeId(typename, String(id)),
      // A dialect without readable objects (EvalGuard) has no `node`/`nodes`: absent, not stubbed.
      nodeQueryOptions:
        nodeTypes.size === 0
          ? false
          : {
              description:
                'Fetches any object that implements `Node` by its global `id`. Null when no such object exists or is visible to the caller.',
              extensions: { upstreamCalls: () => ({ calls: 1, multiplier: 1 }) },
            },
      nodesQueryOptions:
        nodeTypes.size === 0
          ? false
          : {
              description: `Fetches up to ${MAX_NODES} objects by global \`id\`, in the order given; an entry is null when that object does not exist. Ids are de-duplicated and fetched concurrently.`,
              // One GET per id at most; the loader's de-duplication only lowers that.
              extensions: { upstreamCalls: ({ ids }: { ids: readonly unknown[] }) => ({ calls: ids.length, multiplier: ids.length }) },
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
      firstArgOptions: { description: 'How many items to return (1 to 100; the default is in the field description).' },
      afterArgOptions: { description: 'Return the items after this cursor (`pageInfo.endCursor` of the previous page).' },
      lastArgOptions: { description: 'Not supported: connections page forward only; use `first`.' },
      beforeArgOptions: { description: 'Not supported: connections page forward only; use `after`.' },
    },
  });

  builder.addScalarType('DateTime', DateTime, {
    description: 'A date and time as an ISO 8601 string in UTC, e.g. `2026-12-01T00:00:00.000Z`.',
  });

  const UserErrorCodeEnum = builder.enumType('UserErrorCode', {
    description: 'What kind of problem a `UserError` reports.',
    values: {
      INVALID: { description: 'A value breaks a rule of the API (checked by the gateway or by the organizations API).' },
      NOT_FOUND: { description: 'The organization, member or group does not exist or is not visible to the caller.' },
      CONFLICT: { description: 'The value clashes with existing data, e.g. a slug that is already taken.' },
      NO_CHANGES: { description: 'An update set no field to change.' },
    } as const,
  });

  // Mutation payloads report expected failures (invalid input, a taken slug, an unknown id) as
  // `userErrors` rather than top-level errors, so a form can show each next to its field.
  const UserError = builder.objectRef<UserErrorShape>('UserError').implement({
    description: 'A problem with the input of a mutation that the caller can fix.',
    fields: (t) => ({
      message: t.exposeString('message', { description: 'What is wrong and how to fix it, in English.' }),
      field: t.exposeStringList('field', {
        nullable: true,
        description:
          'Path to the input field at fault, e.g. `["input", "embedAllowedOrigins", "1"]`; null when no single field is to blame.',
      }),
      code: t.expose('code', { type: UserErrorCodeEnum, description: 'Machine-readable kind of problem.' }),
    }),
  });

  const UpstreamDialect = builder.enumType('UpstreamDialect', {
    description: 'Which organizations API the gateway fronts (`UPSTREAM_DIALECT`).',
    values: {
      BASEDASH: { description: 'The Basedash public API (`/api/public/organizations`).' },
      HYDRA: { description: 'A JSON-LD / Hydra API Platform service (`/api/organizations`).' },
      EVALGUARD: { description: 'The EvalGuard API (`/api/v1/orgs`).' },
    } as const,
  });

  const dialect = options.dialect.toUpperCase() as Uppercase<DialectName>;
  const GatewayInfo = builder.objectRef<Record<string, never>>('GatewayInfo').implement({
    description: 'About this gateway: what it fronts and which release it runs.',
    fields: (t) => ({
      dialect: t.field({
        type: UpstreamDialect,
        description: 'The organizations API behind this gateway; the schema holds only what that API can do.',
        resolve: () => dialect,
      }),
      version: t.string({ description: 'The gateway release (its package version).', resolve: () => GATEWAY_VERSION }),
    }),
  });

  builder.queryType({ description: options.queryDescription });
  builder.queryField('gateway', (t) =>
    t.field({
      type: GatewayInfo,
      description: 'About this gateway. Needs no token and makes no upstream call.',
      extensions: { upstreamCalls: () => ({ calls: 0, multiplier: 1 }) },
      resolve: () => ({}),
    }),
  );
  if (options.mutationDescription) builder.mutationType({ description: options.mutationDescription });

  return { builder, UserError };
}

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
