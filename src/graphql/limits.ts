/**
 * Bounds on the shape of an operation, checked before anything executes (so before any upstream
 * call): depth, aliases, tokens, directives and cost, each with graphql-armor's rule. A rejected
 * operation gets one error per broken bound, with `extensions.code` BAD_USER_INPUT, `extensions.limit`
 * naming the bound, and a message that gives the limit, what was found and what to change.
 *
 * Introspection is not exempt from any of them (armor exempts `__schema` by default): its types are
 * recursive (`ofType { ofType { … } }`, `fields { type { fields … } }`), so an unbounded
 * introspection query is the classic cheap denial-of-service probe. The defaults are chosen so that
 * the introspection query GraphiQL and graphql-codegen send (graphql's `getIntrospectionQuery()`,
 * with or without its optional fields) passes with room to spare; test/http-hardening.test.ts keeps
 * them honest.
 */
import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { GraphQLError, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export interface OperationLimits {
  /**
   * Deepest nesting of selections, counted as the response nests (a fragment spread adds no level
   * of its own). Data queries on this schema nest at most 5 levels; the standard introspection query
   * nests 15 (`getIntrospectionQuery()` with graphql 16's `typeDepth` of 9). @default 20
   */
  maxDepth?: number;
  /** Aliased fields per operation (`__typename` aliases are free). Each aliased root field can be one more upstream call. @default 15 */
  maxAliases?: number;
  /** Lexical tokens in the document; bounds parsing work before any other check. The standard introspection query has about 185. @default 1000 */
  maxTokens?: number;
  /** Directives (`@include`, `@skip`, …) per operation. @default 50 */
  maxDirectives?: number;
  /**
   * graphql-armor's cost: 1 per scalar, 2 per object, × 1.5 per level of depth, × a literal `first`.
   * A page of 100 organizations with every field costs about 9 700; the standard introspection
   * query about 87 500. @default 150000
   */
  maxCost?: number;
}

export const DEFAULT_OPERATION_LIMITS: Readonly<Required<OperationLimits>> = {
  maxDepth: 20,
  maxAliases: 15,
  maxTokens: 1000,
  maxDirectives: 50,
  maxCost: 150_000,
};

type LimitName = 'depth' | 'aliases' | 'tokens' | 'directives' | 'cost';

const ADVICE: Record<LimitName, string> = {
  depth: 'Nest selections less deeply.',
  aliases: 'Use fewer aliases, or split the operation into several requests.',
  tokens: 'Send a shorter document, e.g. split it into several operations.',
  directives: 'Use fewer directives.',
  cost: 'Select fewer fields, ask for smaller pages (`first`), or split the operation into several requests.',
};

/** armor's messages say "Syntax Error: Query depth limit of 20 exceeded, found 45."; nothing here is a syntax error. */
function limitError(limit: LimitName, armorError: GraphQLError): GraphQLError {
  const finding = armorError.message.replace(/^Syntax Error:\s*/, '');
  return new GraphQLError(`${finding} ${ADVICE[limit]}`, { extensions: { code: 'BAD_USER_INPUT', limit } });
}

/**
 * armor's rules throw their own error on rejection, which stops validation at the first broken
 * bound and carries no `extensions.code`. With `propagateOnRejection: false` they call `onReject`
 * instead, and the error is reported like any other validation error.
 */
function reportTo(limit: LimitName) {
  return {
    propagateOnRejection: false,
    onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(limitError(limit, error))],
  };
}

/** Registers graphql-armor's limit plugins with the given (or default) bounds. */
export function useOperationLimits(limits: OperationLimits = {}): Plugin {
  const { maxDepth, maxAliases, maxTokens, maxDirectives, maxCost } = { ...DEFAULT_OPERATION_LIMITS, ...definedOnly(limits) };
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(
        maxTokensPlugin({
          n: maxTokens,
          // The token limit is checked while parsing, where there is no validation context to report
          // to: throwing stops the parser at the first token over the limit, as armor itself would.
          propagateOnRejection: false,
          onReject: [
            (_context, error) => {
              throw limitError('tokens', error);
            },
          ],
        }),
      );
      addPlugin(maxDepthPlugin({ n: maxDepth, ignoreIntrospection: false, flattenFragments: true, ...reportTo('depth') }));
      addPlugin(maxAliasesPlugin({ n: maxAliases, ...reportTo('aliases') }));
      addPlugin(maxDirectivesPlugin({ n: maxDirectives, ...reportTo('directives') }));
      addPlugin(costLimitPlugin({ maxCost, ignoreIntrospection: false, ...reportTo('cost') }));
    },
  };
}

/** `{ maxDepth: undefined }` means "the default", not "no limit". */
function definedOnly(limits: OperationLimits): OperationLimits {
  return Object.fromEntries(Object.entries(limits).filter(([, value]) => value !== undefined));
}
