/**
 * For production: the schema is not handed out. Introspection (`__schema`, `__type`) is refused
 * with yoga's plugin, and error messages stop suggesting names ("Did you mean …?"), which would
 * otherwise let a client rebuild the schema field by field even with introspection off.
 *
 * Validation uses graphql-js's own `hideSuggestions` option, which covers every suggestion graphql
 * makes. graphql-armor's block-field-suggestions is not used: it only rewrites validation errors,
 * and suggestions also come from variable coercion during execution ("Variable "$input" got
 * invalid value …; Field "nam" is not defined by type "UpdateOrganizationInput". Did you mean
 * "name"?"). There the option does not help either (@graphql-tools/executor, which yoga runs, does
 * not pass it on to graphql's coerceInputValue), so those messages lose the sentence afterwards.
 */
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import type { ValidationRule } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { withExtensions } from './request-errors.js';

/** graphql's didYouMean(): ` Did you mean "a"?`, `… "a" or "b"?`, `… the enum value "A"?`. Names never contain "?". */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

export function useHiddenSchema(): Plugin {
  return {
    onPluginInit({ addPlugin }) {
      // biome-ignore lint/complexity/noBannedTypes: the plugin's own context type parameter.
      addPlugin(useDisableIntrospection<{}>());
    },
    onValidate({ validateFn, setValidationFn }) {
      setValidationFn((schema, document, rules?: readonly ValidationRule[], options?: { maxErrors?: number }, typeInfo?) =>
        validateFn(schema, document, rules, { ...options, hideSuggestions: true }, typeInfo),
      );
    },
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (isAsyncIterable(result) || !result.errors?.some((error) => error.message.search(SUGGESTION) !== -1)) return;
          setResult({
            ...result,
            errors: result.errors.map((error) => withExtensions(error, {}, error.message.replace(SUGGESTION, ''))),
          });
        },
      };
    },
  };
}
