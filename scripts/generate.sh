#!/usr/bin/env bash
# Writes every generated file under OUT (default: the repository itself): for each dialect's REST
# contract schema/upstream/<dialect>.openapi.yaml, its types (src/dialects/<dialect>/openapi.ts,
# openapi-typescript) and validators (contract-validators.ts, scripts/contract-validators.ts);
# then each dialect's SDL (schema/<dialect>.graphql) and the tests' typed documents (test/gql/,
# graphql-codegen, codegen.ts). `npm run codegen` runs it; `npm run schema:check` runs it into a
# scratch folder and compares.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-.}"
for contract in schema/upstream/*.openapi.yaml; do
  dialect=$(basename "$contract" .openapi.yaml)
  mkdir -p "$out/src/dialects/$dialect"
  npx openapi-typescript "$contract" -o "$out/src/dialects/$dialect/openapi.ts" >/dev/null 2>&1
  npx tsx scripts/contract-validators.ts "$dialect" "$out/src/dialects/$dialect/contract-validators.ts"
done
CODEGEN_OUT="$out" npx graphql-codegen --config codegen.ts --silent >/dev/null
