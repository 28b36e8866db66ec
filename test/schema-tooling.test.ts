import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildSchema, printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { isBreaking, schemaChanges } from '../scripts/schema-breaking.js';
import { schema } from '../src/dialects/basedash/graphql/schema.js';
import { DIALECT_NAMES } from '../src/dialects/names.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const committed = readFileSync(new URL('../schema/basedash.graphql', import.meta.url), 'utf8');

describe('schema tooling', () => {
  it('finds no change between the code and the committed SDL', async () => {
    expect(await schemaChanges(committed, schema)).toEqual([]);
  });

  it('flags removing a field that clients may select as breaking', async () => {
    const withoutSlug = buildSchema(printSchema(schema).replace(/\n\s*"""URL-friendly slug"""\n\s*slug: String!/, ''));
    const changes = await schemaChanges(committed, withoutSlug);
    expect(changes.filter(isBreaking).map((change) => change.message)).toEqual([
      "Field 'slug' was removed from object type 'Organization'",
    ]);
  });

  it('does not flag adding an optional field as breaking', async () => {
    const extended = buildSchema(`${printSchema(schema)}\nextend type Organization { nickname: String }`);
    const changes = await schemaChanges(committed, extended);
    expect(changes).toHaveLength(1);
    expect(changes.some(isBreaking)).toBe(false);
  });

  it('keeps every dialect’s SDL in ASCII, so that introspection answers stay one-byte strings', () => {
    // One character beyond Latin-1 makes V8 build the whole introspection answer as a two-byte
    // string; above 128 KB that is a large-object allocation per answer (docs/performance.md).
    for (const dialect of DIALECT_NAMES) {
      const sdl = readFileSync(new URL(`../schema/${dialect}.graphql`, import.meta.url), 'utf8');
      const lines = sdl.split('\n').filter((line) => [...line].some((char) => char.charCodeAt(0) > 0x7f));
      expect(lines, `schema/${dialect}.graphql`).toEqual([]);
    }
  });

  it('exports the same SDL the server is built from with npm run schema:export', () => {
    const exported = execFileSync('node_modules/.bin/tsx', ['scripts/schema-export.ts'], { cwd: ROOT, encoding: 'utf8' });
    expect(exported).toBe(`${printSchema(schema)}\n`);
  });
});
