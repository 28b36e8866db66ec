/**
 * `npm run schema:export [-- DIALECT] [FILE]`: prints a dialect's SDL (default basedash; the same
 * text a gateway of that dialect serves at GET /graphql/schema.graphql), or writes it to FILE.
 */
import { writeFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { loadDialect } from '../src/dialects/index.js';
import { DIALECT_NAMES } from '../src/dialects/names.js';
import { dialectName } from './dialect-schemas.js';

const args = process.argv.slice(2);
const named = dialectName(args[0]);
if (named) args.shift();
const { schema } = await loadDialect(named ?? DIALECT_NAMES[0]);
const sdl = `${printSchema(schema)}\n`;
const file = args[0];
if (file) {
  writeFileSync(file, sdl);
  process.stderr.write(`Wrote the schema to ${file}\n`);
} else {
  process.stdout.write(sdl);
}
