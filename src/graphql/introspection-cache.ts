/**
 * Introspection is executed once per document: the schema does not change while the process runs,
 * so an operation that selects only `__schema`, `__type` and `__typename` answers the same to every
 * caller, and a flood of unauthenticated introspection queries costs no execution. yoga's parse
 * cache hands out the same DocumentNode for the same query text, so results are found by document,
 * operation name and variables.
 *
 * Only answers without errors are kept, and at most `maxEntries` of them (the least recently used
 * go first), so distinct documents or variables cannot grow the cache. Not installed when
 * introspection is off (./hidden-schema.ts refuses it in validation, before any execution).
 */
import { getOperationAST, Kind, type DocumentNode, type ExecutionResult, type SelectionSetNode } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';

export interface IntrospectionCacheOptions {
  /** Most results kept; the full introspection result of this schema is about 40 KB as JSON. @default 32 */
  maxEntries?: number;
}

const INTROSPECTION_FIELDS = new Set(['__schema', '__type', '__typename']);

/** Must come after the plugins that must see every operation (logs, metrics) and before graphql-jit. */
export function useIntrospectionCache(options: IntrospectionCacheOptions = {}): Plugin {
  const results = new LRUCache<string, ExecutionResult>({ max: options.maxEntries ?? 32 });
  // A number per document, so a key is a short string and an evicted document's entries simply age out.
  const documentIds = new WeakMap<DocumentNode, number>();
  let nextId = 0;
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const { document, operationName } = args;
      const operation = getOperationAST(document, operationName);
      if (operation?.operation !== 'query' || !onlyIntrospection(operation.selectionSet, document)) return;
      let id = documentIds.get(document);
      if (id === undefined) documentIds.set(document, (id = nextId++));
      const key = `${id}\n${operationName ?? ''}\n${JSON.stringify(args.variableValues ?? {})}`;
      const cached = results.get(key);
      if (cached) {
        setResultAndStopExecution(cached);
        return;
      }
      return {
        onExecuteDone({ result }) {
          if (isAsyncIterable(result) || result.errors?.length) return;
          results.set(key, deepFreeze(result));
        },
      };
    },
  };
}

/** Whether every root field, fragments included, is an introspection field. */
function onlyIntrospection(selectionSet: SelectionSetNode, document: DocumentNode): boolean {
  return selectionSet.selections.every((selection) => {
    switch (selection.kind) {
      case Kind.FIELD:
        return INTROSPECTION_FIELDS.has(selection.name.value);
      case Kind.INLINE_FRAGMENT:
        return onlyIntrospection(selection.selectionSet, document);
      case Kind.FRAGMENT_SPREAD: {
        // Validation has run: the fragment exists and spreads form no cycle.
        const fragment = document.definitions.find(
          (definition) => definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === selection.name.value,
        );
        return fragment !== undefined && fragment.kind === Kind.FRAGMENT_DEFINITION && onlyIntrospection(fragment.selectionSet, document);
      }
      default:
        return false;
    }
  });
}

/** One result is shared by every caller: freezing makes a plugin that edits it in place fail loudly. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
