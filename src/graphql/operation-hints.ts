/**
 * Facts about the operation that the upstream calls depend on, worked out once before execution,
 * e.g. whether it selects Basedash's `jwtSecret` anywhere, so `?include=jwtSecret` is sent only
 * then (the secret is not fetched, and so cannot leak, when nobody asked for it).
 */
import {
  getDirectiveValues,
  getOperationAST,
  getVariableValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  BREAK,
  visit,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Tells `apply`, before each operation executes, whether it selects a field named `fieldName`
 * anywhere (fragments and @skip/@include honoured).
 */
export function useSelectionHint<TContext>(fieldName: string, apply: (context: TContext, selected: boolean) => void): Plugin {
  return {
    onExecute({ args }) {
      apply(
        args.contextValue as unknown as TContext,
        selectsFieldCached(args.schema, args.document, args.operationName ?? undefined, args.variableValues ?? undefined, fieldName),
      );
    },
  };
}

/**
 * Answers of selectsField() for documents without directives, by document and operation name:
 * without `@skip`/`@include` the answer cannot depend on the variables, and yoga's parser cache
 * hands out the same DocumentNode for the same text, so a repeated operation costs a lookup.
 */
const directiveFreeAnswers = new WeakMap<DocumentNode, Map<string, boolean> | null>();

function selectsFieldCached(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  rawVariables: Readonly<Record<string, unknown>> | undefined,
  fieldName: string,
): boolean {
  let answers = directiveFreeAnswers.get(document);
  if (answers === undefined) {
    answers = hasDirectives(document) ? null : new Map();
    directiveFreeAnswers.set(document, answers);
  }
  if (answers === null) return selectsField(schema, document, operationName, rawVariables, fieldName);
  const key = `${operationName ?? ''}\u0000${fieldName}`;
  let answer = answers.get(key);
  if (answer === undefined) {
    answer = selectsField(schema, document, operationName, undefined, fieldName, { ignoreVariables: true });
    answers.set(key, answer);
  }
  return answer;
}

function hasDirectives(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Directive() {
      found = true;
      return BREAK;
    },
  });
  return found;
}

/**
 * Whether the chosen operation selects a field with this name, following fragments and honouring
 * `@skip`/`@include` (with the operation's variables, defaults applied).
 */
export function selectsField(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  rawVariables: Readonly<Record<string, unknown>> | undefined,
  fieldName: string,
  options: { ignoreVariables?: boolean } = {},
): boolean {
  const operation = getOperationAST(document, operationName);
  if (!operation) return false;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  // Without directives the variables cannot change the answer (selectsFieldCached).
  const coerced = options.ignoreVariables
    ? { coerced: {} }
    : getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {});
  // Invalid variables fail execution anyway; nothing will be fetched.
  if (coerced.errors) return false;
  const variables = coerced.coerced;
  const visitedFragments = new Set<string>();

  const included = (node: SelectionNode): boolean => {
    if (!node.directives?.length) return true;
    if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.['if'] === true) return false;
    return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.['if'] !== false;
  };

  const search = (selectionSet: SelectionSetNode): boolean => {
    for (const selection of selectionSet.selections) {
      if (!included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === fieldName) return true;
        if (selection.selectionSet && search(selection.selectionSet)) return true;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (search(selection.selectionSet)) return true;
      } else {
        const name = selection.name.value;
        if (visitedFragments.has(name)) continue;
        visitedFragments.add(name);
        const fragment = fragments.get(name);
        if (fragment && search(fragment.selectionSet)) return true;
      }
    }
    return false;
  };
  return search(operation.selectionSet);
}
