/**
 * Trusted documents (persisted operations): an optional mode in which the gateway executes only
 * operations listed in a manifest that graphql-codegen generated from the clients' own documents
 * (client preset, `persistedDocuments: true` → persisted-documents.json, `{ "<sha256>": "<document>" }`).
 * Clients send `{"documentId": "<hash>"}` (the GraphQL-over-HTTP persisted-documents proposal that
 * the client preset targets) or Apollo's `extensions.persistedQuery.sha256Hash`; any other
 * operation is refused, so the API surface is exactly what the shipped frontends use.
 */
import { readFileSync } from 'node:fs';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { GraphQLParams, Plugin } from 'graphql-yoga';

export type TrustedDocuments = ReadonlyMap<string, string>;

/** Reads and checks a manifest; throws an Error that says what is wrong with the file. */
export function loadTrustedDocuments(file: string): TrustedDocuments {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`TRUSTED_DOCUMENTS: cannot read ${file} as JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(
      `TRUSTED_DOCUMENTS: ${file} must be a JSON object of { "<hash>": "<GraphQL document>" }, as graphql-codegen writes persisted-documents.json`,
    );
  }
  const documents = new Map<string, string>();
  for (const [hash, document] of Object.entries(parsed)) {
    if (typeof document !== 'string' || document.trim() === '') {
      throw new Error(`TRUSTED_DOCUMENTS: the entry ${JSON.stringify(hash)} in ${file} is not a GraphQL document string`);
    }
    documents.set(hash, document);
  }
  if (documents.size === 0) throw new Error(`TRUSTED_DOCUMENTS: ${file} lists no documents`);
  return documents;
}

function documentIdOf(params: GraphQLParams): string | null {
  const documentId = (params as GraphQLParams & { documentId?: unknown }).documentId;
  if (typeof documentId === 'string') return documentId.replace(/^sha256:/, '');
  const persisted = (params.extensions as { persistedQuery?: { version?: unknown; sha256Hash?: unknown } } | undefined)?.persistedQuery;
  return persisted?.version === 1 && typeof persisted.sha256Hash === 'string' ? persisted.sha256Hash : null;
}

export function useTrustedDocuments(documents: TrustedDocuments): Plugin {
  return usePersistedOperations({
    getPersistedOperation: (id) => documents.get(id) ?? null,
    extractPersistedOperationId: documentIdOf,
    allowArbitraryOperations: false,
    customErrors: {
      persistedQueryOnly: {
        message:
          'This gateway runs only trusted documents: send {"documentId": "<hash>"} with a hash from its persisted-documents manifest instead of a query.',
        extensions: { code: 'PERSISTED_QUERY_ONLY' },
      },
      notFound: {
        message:
          'Unknown documentId: it is not in this gateway’s persisted-documents manifest (regenerate the client’s documents with graphql-codegen and deploy the new manifest).',
        extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
      },
      keyNotFound: {
        message: 'Send {"documentId": "<hash>"} (or extensions.persistedQuery.sha256Hash) naming a trusted document.',
        extensions: { code: 'PERSISTED_QUERY_ONLY' },
      },
    },
  });
}
