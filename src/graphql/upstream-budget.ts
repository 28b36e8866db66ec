/**
 * The upstream-call budget: before an operation executes, an upper bound of the upstream calls it
 * can make, worked out from its selections and arguments; above the maximum the operation is
 * refused and makes none. Aliases are what make this necessary: each aliased root field is another
 * set of calls, and the document stays small when the ids come in variables.
 *
 * Each field that reaches the upstream declares its cost next to its definition, as the field
 * extension `upstreamCalls`: the calls one resolution of the field makes given its arguments, and
 * how many times its own selections are resolved per resolution (a page of `first` items resolves
 * them up to `first` times). A field without it makes no call and resolves its selections once.
 * The bound of a selection set is the sum over its fields of `calls + multiplier × bound of the
 * field's selections`, so costs multiply through nested pages.
 *
 * It is an upper bound: `@skip`/`@include` count as included, every type condition counts, and the
 * per-request loader's de-duplication (the same id under two aliases, an organization already read
 * from a list page) is not subtracted. It counts calls, not attempts: a failed read may be retried
 * (UPSTREAM_RETRIES) on top.
 */
import {
  getArgumentValues,
  getNamedType,
  getOperationAST,
  getVariableValues,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type SelectionSetNode,
  type VariableDefinitionNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { gatewayError } from './errors.js';

/** What one resolution of a field costs, at most. */
export interface UpstreamCost {
  /** Upstream calls the field's resolver makes. */
  calls: number;
  /** How many times the field's own selections are resolved, e.g. the items of a page. */
  multiplier: number;
}

/**
 * Argument values as the executor coerces them (variables and schema defaults applied), before
 * Pothos decodes global ids: an id argument is still the encoded string.
 */
export type CoercedArgs<TArgs> = { readonly [K in keyof TArgs]: Coerced<TArgs[K]> };
type Coerced<T> = T extends { typename: string; id: string }
  ? string
  : T extends readonly (infer Item)[]
    ? readonly Coerced<Item>[]
    : T extends Date
      ? T
      : T extends object
        ? CoercedArgs<T>
        : T;

declare module 'graphql' {
  interface GraphQLFieldExtensions<_TSource, _TContext, _TArgs> {
    /**
     * The field's upstream cost for src/graphql/upstream-budget.ts. Declare it on every field whose
     * resolver calls the upstream, and on every list field whose items can hold such fields (a
     * field without it counts as resolving its selections once).
     */
    upstreamCalls?: (args: CoercedArgs<_TArgs>) => UpstreamCost;
  }
}

type Estimate = (args: Readonly<Record<string, unknown>>) => UpstreamCost;

/** A field with a declared cost, and the costed fields below it (fields without a cost between them are skipped). */
interface CostedField {
  estimate: Estimate;
  field: GraphQLField<unknown, unknown>;
  /** Its arguments: every node merged into one field has the same ones (validation's OverlappingFieldsCanBeMerged). */
  node: FieldNode;
  children: CostedField[];
}

/** What an operation's bound needs, worked out once per document and operation. */
interface Plan {
  schema: GraphQLSchema;
  roots: CostedField[];
  /** The variables that costed fields' arguments use; when there are none, `fixed` is the bound. */
  variables: readonly VariableDefinitionNode[];
  fixed: number | undefined;
}

/** By document (yoga's parser cache hands out the same DocumentNode for the same text), then operation name. */
const plans = new WeakMap<DocumentNode, Map<string, Plan>>();

/**
 * The most upstream calls this operation can make, or undefined when it will not run: no such
 * operation, or variables that do not coerce (the executor then answers with that error before
 * running anything).
 */
export function upstreamCallBound(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  rawVariables: Readonly<Record<string, unknown>> | undefined,
): number | undefined {
  let byName = plans.get(document);
  if (!byName) {
    byName = new Map();
    plans.set(document, byName);
  }
  const key = operationName ?? '';
  let plan = byName.get(key);
  if (plan?.schema !== schema) {
    plan = makePlan(schema, document, operationName);
    if (!plan) return undefined;
    byName.set(key, plan);
  }
  if (plan.fixed !== undefined) return plan.fixed;
  // Only the variables the bound depends on are coerced; the executor coerces all of them anyway.
  const { coerced, errors } = getVariableValues(schema, plan.variables, rawVariables ?? {});
  if (errors) return undefined;
  return boundOf(plan.roots, coerced);
}

function makePlan(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): Plan | undefined {
  const operation = getOperationAST(document, operationName);
  const rootType = operation && schema.getRootType(operation.operation);
  if (!operation || !rootType) return undefined;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const roots = costedFields(schema, fragments, rootType, [operation.selectionSet]);
  const used = variablesUsedBy(roots);
  const variables = (operation.variableDefinitions ?? []).filter((definition) => used.has(definition.variable.name.value));
  return { schema, roots, variables, fixed: used.size === 0 ? boundOf(roots, {}) : undefined };
}

function boundOf(fields: readonly CostedField[], variables: Readonly<Record<string, unknown>>): number {
  let total = 0;
  for (const { estimate, field, node, children } of fields) {
    let args: Record<string, unknown>;
    try {
      args = getArgumentValues(field, node, variables);
    } catch {
      // An argument that does not coerce (null for a non-null argument, through a variable with a
      // default) fails the field before its resolver runs: no call.
      continue;
    }
    const { calls, multiplier } = estimate(args);
    total += calls + (children.length === 0 ? 0 : multiplier * boundOf(children, variables));
  }
  return total;
}

interface MergedField {
  field: GraphQLField<unknown, unknown>;
  nodes: FieldNode[];
}

/**
 * The costed fields of these selection sets (all of one field's nodes, merged as the executor
 * merges them). A field without a cost contributes the costed fields of its own selections.
 */
function costedFields(
  schema: GraphQLSchema,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  type: GraphQLCompositeType,
  selectionSets: readonly SelectionSetNode[],
): CostedField[] {
  const merged = new Map<string, MergedField>();
  for (const selectionSet of selectionSets) collect(schema, fragments, type, selectionSet, merged, new Set());
  const result: CostedField[] = [];
  for (const { field, nodes } of merged.values()) {
    const itemType = getNamedType(field.type);
    const childSets = nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
    const children = isCompositeType(itemType) && childSets.length > 0 ? costedFields(schema, fragments, itemType, childSets) : [];
    const estimate: Estimate | undefined = field.extensions.upstreamCalls;
    if (estimate) result.push({ estimate, field, node: nodes[0] as FieldNode, children });
    else result.push(...children);
  }
  return result;
}

/**
 * Fields by response key and the type that defines them, following fragments whatever their type
 * condition and directives. Fields of different types under one key stay apart: at most one of
 * them runs per object, and counting both only raises the bound.
 */
function collect(
  schema: GraphQLSchema,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  type: GraphQLCompositeType,
  selectionSet: SelectionSetNode,
  into: Map<string, MergedField>,
  expanding: Set<string>,
): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      // Unions have no fields of their own; meta fields (__typename, __schema) are not in getFields().
      const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[selection.name.value] : undefined;
      if (!field) continue;
      const key = `${type.name}.${selection.alias?.value ?? selection.name.value}`;
      const entry = into.get(key);
      if (entry) entry.nodes.push(selection);
      else into.set(key, { field, nodes: [selection] });
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collect(
        schema,
        fragments,
        conditionType(schema, selection.typeCondition?.name.value) ?? type,
        selection.selectionSet,
        into,
        expanding,
      );
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      // Validation refuses fragment cycles; this only keeps a missed one from recursing forever.
      if (!fragment || expanding.has(name)) continue;
      expanding.add(name);
      collect(schema, fragments, conditionType(schema, fragment.typeCondition.name.value) ?? type, fragment.selectionSet, into, expanding);
      expanding.delete(name);
    }
  }
}

function conditionType(schema: GraphQLSchema, name: string | undefined): GraphQLCompositeType | undefined {
  const type = name === undefined ? undefined : schema.getType(name);
  return type && isCompositeType(type) ? type : undefined;
}

function variablesUsedBy(fields: readonly CostedField[], into = new Set<string>()): Set<string> {
  for (const { node, children } of fields) {
    for (const argument of node.arguments ?? []) {
      visit(argument.value, {
        Variable(variable) {
          into.add(variable.name.value);
        },
      });
    }
    variablesUsedBy(children, into);
  }
  return into;
}

function variablesFail(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  rawVariables: Readonly<Record<string, unknown>> | undefined,
): boolean {
  const definitions = getOperationAST(document, operationName)?.variableDefinitions ?? [];
  return getVariableValues(schema, definitions, rawVariables ?? {}).errors !== undefined;
}

/** Room for two full `nodes` lists of 100 ids; fifteen aliases of one would be 1500. */
export const DEFAULT_MAX_UPSTREAM_CALLS = 200;

export interface UpstreamBudgetOptions {
  /** Most upstream calls one operation may be able to make; an operation whose bound is higher is refused before any call. @default 200 */
  maxUpstreamCalls?: number | undefined;
}

/** Refuses, before execution, every operation whose upstream-call bound is above the maximum. */
export function useUpstreamBudget({ maxUpstreamCalls = DEFAULT_MAX_UPSTREAM_CALLS }: UpstreamBudgetOptions = {}): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const operationName = args.operationName ?? undefined;
      const variables = args.variableValues ?? undefined;
      const bound = upstreamCallBound(args.schema, args.document, operationName, variables);
      if (bound === undefined || bound <= maxUpstreamCalls) return;
      // A variable the bound does not read may still be wrong: the executor's error for it comes
      // first, as for any other operation.
      if (variablesFail(args.schema, args.document, operationName, variables)) return;
      setResultAndStopExecution({
        errors: [
          gatewayError(
            'BAD_USER_INPUT',
            `This operation could make up to ${bound} upstream calls; the maximum is ${maxUpstreamCalls}. Ask for fewer ids, smaller pages (\`first\`) or fewer aliases, or split it into several requests.`,
            // Like the other limits: 400 for application/graphql-response+json, 200 for application/json.
            { limit: 'upstreamCalls', bound, maximum: maxUpstreamCalls, http: { status: 400, spec: true } },
          ),
        ],
      });
    },
  };
}
