#!/usr/bin/env bash
# Fails when a generated, committed file differs from what the code generates now:
# schema/schema.graphql and test/gql/ (graphql-codegen), src/upstream/openapi.ts (openapi-typescript)
# and src/upstream/contract-validators.ts (ajv standalone code, scripts/contract-validators.ts).
# Generates into a scratch folder, so it never rewrites the working tree. Fix with `npm run codegen`.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
CODEGEN_OUT="$scratch" npx graphql-codegen --config codegen.ts --silent >/dev/null
npx openapi-typescript schema/upstream.openapi.yaml -o "$scratch/openapi.ts" >/dev/null 2>&1
npx tsx scripts/contract-validators.ts "$scratch/contract-validators.ts"
status=0
diff -u schema/schema.graphql "$scratch/schema/schema.graphql" || status=1
diff -ru test/gql "$scratch/test/gql" || status=1
diff -u src/upstream/openapi.ts "$scratch/openapi.ts" || status=1
diff -u src/upstream/contract-validators.ts "$scratch/contract-validators.ts" || status=1
if [ "$status" -ne 0 ]; then
  echo "Generated files are out of date: run 'npm run codegen' and commit the result." >&2
  exit 1
fi
echo "schema:check: schema/schema.graphql, test/gql/, src/upstream/openapi.ts and src/upstream/contract-validators.ts are up to date."
