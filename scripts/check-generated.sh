#!/usr/bin/env bash
# Fails when a generated, committed file differs from what the code generates now (the list is in
# scripts/generate.sh). Generates into a scratch folder, so it never rewrites the working tree.
# Fix with `npm run codegen`.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
bash scripts/generate.sh "$scratch"
status=0
for file in $(cd "$scratch" && find schema src -type f | sort); do
  diff -u "$file" "$scratch/$file" || status=1
done
diff -ru test/gql "$scratch/test/gql" || status=1
if [ "$status" -ne 0 ]; then
  echo "Generated files are out of date: run 'npm run codegen' and commit the result." >&2
  exit 1
fi
echo "schema:check: the SDL of every dialect, test/gql/ and every dialect's openapi.ts and contract-validators.ts are up to date."
