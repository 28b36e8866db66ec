/**
 * `GET /graphql/schema.graphql`: the schema as SDL, for tools that want a file rather than an
 * introspection query (codegen, graphql-inspector, editors). It reveals exactly what introspection
 * does, so it is served only while introspection is on.
 */
import { printSchema, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export const SDL_ENDPOINT = '/graphql/schema.graphql';

export function useSchemaDownload(schema: GraphQLSchema): Plugin {
  // Printed once: the schema does not change while the process runs.
  const sdl = `${printSchema(schema)}\n`;
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== SDL_ENDPOINT) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: 'GET, HEAD' } }));
        return;
      }
      endResponse(
        new fetchAPI.Response(request.method === 'HEAD' ? null : sdl, {
          headers: { 'content-type': 'text/plain; charset=utf-8', 'content-disposition': 'inline; filename="schema.graphql"' },
        }),
      );
    },
  };
}
