/**
 * `npm run schema:breaking [-- REF]`: compares each dialect's schema as the code builds it now with
 * its committed SDL at REF (default HEAD; schema/<dialect>.graphql, or for Basedash the
 * schema/schema.graphql of before the dialects) using graphql-inspector, lists every change with
 * its criticality, and exits 1 when one would break existing clients (a removed field, a type
 * change, a new required argument…). A dialect without an SDL at REF is new: nothing to break. Run it before committing a regenerated SDL, or against the main
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

/** The dialect's committed SDL at `ref`, or undefined when it has none there. */
function committedSdl(ref: string, dialect: string): string | undefined {
  const paths = dialect === 'basedash' ? [`schema/${dialect}.graphql`, 'schema/schema.graphql'] : [`schema/${dialect}.graphql`];
  for (const path of paths) {
    try {
      return execFileSync('git', ['show', `${ref}:${path}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      // Not at this ref under this name.
    }
  }
  return undefined;
}

async function main(): Promise<void> {
  const ref = process.argv[2] ?? 'HEAD';
  const { dialectSchemas } = await import('./dialect-schemas.js');
  let breaking = 0;
  for (const [dialect, schema] of await dialectSchemas()) {
    const before = committedSdl(ref, dialect);
    if (before === undefined) {
      process.stdout.write(`schema:breaking: ${dialect}: no SDL at ${ref}, a new dialect.\n`);
      continue;
    }
    const changes = await schemaChanges(before, schema);
    for (const change of changes) process.stdout.write(`${dialect}: ${change.criticality.level.padEnd(12)} ${change.message}\n`);
    const broken = changes.filter(isBreaking).length;
    breaking += broken;
    process.stdout.write(
      `schema:breaking: ${dialect}: ${changes.length === 0 ? 'no changes' : `${changes.length} change(s), ${broken} breaking`} against ${ref}.\n`,
    );
  }
  if (breaking > 0) {
    process.stderr.write(`schema:breaking: ${breaking} change(s) against ${ref} would break existing clients.\n`);
    process.exit(1);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
