/**
 * `npm run schema:breaking [-- REF]`: compares the schema the code builds now with the committed
 * schema/schema.graphql at REF (default HEAD) using graphql-inspector, lists every change with its
 * criticality, and exits 1 when one would break existing clients (a removed field, a type change,
 * a new required argument…). Run it before committing a regenerated SDL, or against the main
 * branch in review: `npm run schema:breaking -- origin/main`.
 */
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { buildSchema, type GraphQLSchema } from 'graphql';

/** Every difference from `before` to `after`, breaking ones first. */
export async function schemaChanges(before: string, after: GraphQLSchema): Promise<Change[]> {
  const changes = await diff(buildSchema(before), after);
  const rank = { [CriticalityLevel.Breaking]: 0, [CriticalityLevel.Dangerous]: 1, [CriticalityLevel.NonBreaking]: 2 };
  return [...changes].sort((a, b) => rank[a.criticality.level] - rank[b.criticality.level]);
}

export function isBreaking(change: Change): boolean {
  return change.criticality.level === CriticalityLevel.Breaking;
}

async function main(): Promise<void> {
  const ref = process.argv[2] ?? 'HEAD';
  const before = execFileSync('git', ['show', `${ref}:schema/schema.graphql`], { encoding: 'utf8' });
  const { schema } = await import('../src/graphql/schema.js');
  const changes = await schemaChanges(before, schema);
  if (changes.length === 0) {
    process.stdout.write(`schema:breaking: no changes against ${ref}.\n`);
    return;
  }
  for (const change of changes) process.stdout.write(`${change.criticality.level.padEnd(12)} ${change.message}\n`);
  const breaking = changes.filter(isBreaking).length;
  if (breaking > 0) {
    process.stderr.write(`schema:breaking: ${breaking} change(s) against ${ref} would break existing clients.\n`);
    process.exit(1);
  }
  process.stdout.write(`schema:breaking: ${changes.length} change(s) against ${ref}, none breaking.\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
