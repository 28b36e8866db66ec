/**
 * graphql-codegen: writes the committed SDL (schema/schema.graphql) from the Pothos schema, and
 * typed documents (test/gql/) for the operations the tests send. `npm run codegen` regenerates;
 * `npm run schema:check` fails when the committed files differ from what the code generates.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';
import { printSchema } from 'graphql';
import { schema } from './src/graphql/schema.js';

// schema:check generates into a scratch folder and compares, so checking never rewrites files.
const out = process.env['CODEGEN_OUT'] ?? '.';

const config: CodegenConfig = {
  // The SDL string, not the module path: the schema is code-first, so codegen takes it printed.
  schema: printSchema(schema),
  documents: ['test/**/*.ts', '!test/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    [`${out}/schema/schema.graphql`]: {
      plugins: ['schema-ast'],
      config: { includeDirectives: true, commentDescriptions: false },
    },
    [`${out}/test/gql/`]: {
      preset: 'client',
      // persisted-documents.json is the trusted-documents manifest (TRUSTED_DOCUMENTS) for these operations.
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: 'sha256' } },
      config: {
        useTypeImports: true,
        emitLegacyCommonJSImports: false,
        enumsAsTypes: true,
        scalars: { DateTime: 'string' },
        strictScalars: true,
      },
    },
  },
};

export default config;
