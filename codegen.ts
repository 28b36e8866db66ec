/**
 * graphql-codegen: writes each dialect's committed SDL (schema/<dialect>.graphql) from its Pothos
 * schema, and typed documents (test/gql/) for the operations the tests send (against Basedash's
 * schema, the default dialect). `npm run codegen` regenerates;
 * `npm run schema:check` fails when the committed files differ from what the code generates.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';
import { printSchema } from 'graphql';
import type { GraphQLSchema } from 'graphql';
import { schema } from './src/dialects/basedash/graphql/schema.js';
import { schema as evalguardSchema } from './src/dialects/evalguard/graphql/schema.js';
import { schema as hydraSchema } from './src/dialects/hydra/graphql/schema.js';

/** Each dialect's schema, by the name of its SDL file. */
const DIALECT_SCHEMAS: Record<string, GraphQLSchema> = { basedash: schema, hydra: hydraSchema, evalguard: evalguardSchema };

// schema:check generates into a scratch folder and compares, so checking never rewrites files.
const out = process.env['CODEGEN_OUT'] ?? '.';

const config: CodegenConfig = {
  // Each output names its own schema: codegen merges a root-level schema into every output, which
  // would put Basedash's types into every other dialect's SDL. The SDL strings, not module paths:
  // the schemas are code-first, so codegen takes them printed.
  generates: {
    ...Object.fromEntries(
      Object.entries(DIALECT_SCHEMAS).map(([name, dialectSchema]) => [
        `${out}/schema/${name}.graphql`,
        { schema: printSchema(dialectSchema), plugins: ['schema-ast'], config: { includeDirectives: true, commentDescriptions: false } },
      ]),
    ),
    [`${out}/test/gql/`]: {
      schema: printSchema(schema),
      documents: ['test/**/*.ts', '!test/gql/**'],
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
  ignoreNoDocuments: true,
};

export default config;
