/**
 * graphql-jit (via @envelop/graphql-jit) executes cached documents as compiled functions instead
 * of walking the AST for every request: about a quarter less CPU per list operation in
 * `npm run bench`.
 *
 * graphql-jit reports variables that do not coerce in its own words (no "Did you mean", other
 * quoting) and statuses, so such a request is executed again by the standard executor, which every
 * other error message of the gateway follows. graphql-jit answers those with errors and no `data`
 * before running any resolver, so nothing is called twice. (Checking the variables up front
 * instead, with graphql's getVariableValues in the plugin's enableIf, coerced every request's
 * variables twice: 2 % of the CPU time of a list operation.)
 *
 * @envelop/graphql-jit keeps one compiled operation per document, whichever operationName it was
 * compiled for, so a document with several operations would run that one for any operationName
 * (even a mutation for a GET that names the document's query). Such documents run on the standard
 * executor; clients send one operation per document, so the JIT still runs nearly all traffic.
 *
 * A mutation with more than one root field runs on the standard executor too: graphql-jit goes on
 * running later mutation fields after one has failed and nulled `data`, where the spec's serial
 * execution (and graphql-js) stops, so a client told "no data" would have had writes made for it.
 */
import { useGraphQlJit } from '@envelop/graphql-jit';
import { Kind, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';

type ExecuteFn = (args: ExecutionArgs) => unknown;

export function useJitExecution(): Plugin {
  const jit = useGraphQlJit() as { onExecute: (payload: { args: ExecutionArgs; setExecuteFn: (fn: ExecuteFn) => void }) => void };
  return {
    onExecute({ args, executeFn: standard, setExecuteFn }) {
      if (!hasOneOperation(args.document) || isSerialMutation(args.document)) return;
      let compiled: ExecuteFn | undefined;
      jit.onExecute({ args, setExecuteFn: (fn) => (compiled = fn) });
      if (!compiled) return;
      const viaJit = compiled;
      setExecuteFn(((executionArgs: ExecutionArgs) => {
        const orStandard = (result: unknown) => (rejectedBeforeExecution(result) ? standard(executionArgs) : result);
        const result = viaJit(executionArgs);
        return result instanceof Promise ? result.then(orStandard) : orStandard(result);
      }) as typeof standard);
    },
  };
}

/** graphql-jit's answer when the variables do not coerce (or the document did not compile). */
function rejectedBeforeExecution(result: unknown): boolean {
  const answer = result as ExecutionResult;
  return !('data' in answer) && (answer.errors?.length ?? 0) > 0;
}

function hasOneOperation(document: DocumentNode): boolean {
  let operations = 0;
  for (const definition of document.definitions) if (definition.kind === Kind.OPERATION_DEFINITION && ++operations > 1) return false;
  return true;
}

/** A mutation whose root selection may hold more than one field (fragments counted as such). */
function isSerialMutation(document: DocumentNode): boolean {
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (operation?.operation !== 'mutation') return false;
  const selections = operation.selectionSet.selections;
  return selections.length > 1 || selections[0]?.kind !== Kind.FIELD;
}
