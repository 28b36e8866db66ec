/**
 * Relay global ids: `base64("Organization:" + upstream id)` (for Hydra, the `@id` IRI). Decoding validates the shape and the
 * type name, so a malformed or foreign id gets a clear BAD_USER_INPUT error before any upstream call.
 */
import { GraphQLError } from 'graphql';

export function encodeNodeId(typename: string, id: string): string {
  return Buffer.from(`${typename}:${id}`, 'utf8').toString('base64');
}

/** Decodes and checks an id; `nodeTypes` are the type names of this schema that implement Node. */
export function decodeNodeId(globalID: string, nodeTypes: ReadonlySet<string>): { typename: string; id: string } {
  const decoded = decodeBase64(globalID);
  const separator = decoded?.indexOf(':') ?? -1;
  const typename = decoded?.slice(0, separator);
  const id = decoded?.slice(separator + 1);
  if (decoded === undefined || separator <= 0 || !typename || !id || !nodeTypes.has(typename)) {
    throw invalidId(globalID);
  }
  return { typename, id };
}

function decodeBase64(value: string): string | undefined {
  // Node's decoder skips characters outside the alphabet; a strict check keeps `abc!` from
  // decoding to the same thing as `abc`.
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(value) || value.length === 0) return undefined;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  return decoded.includes('\uFFFD') ? undefined : decoded;
}

export function invalidId(globalID: string): GraphQLError {
  const shown = globalID.length > 64 ? `${globalID.slice(0, 64)}…` : globalID;
  return new GraphQLError(
    `${JSON.stringify(shown)} is not a valid ID. Pass the \`id\` field of an object returned by this API (for example \`Organization.id\`), not the upstream id.`,
    { extensions: { code: 'BAD_USER_INPUT' } },
  );
}
