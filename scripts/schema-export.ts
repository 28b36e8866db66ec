/**
 * `npm run schema:export [-- FILE]`: prints the gateway's SDL (the same text the running server
 * serves at GET /graphql/schema.graphql), or writes it to FILE.
 */
import { writeFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { schema } from '../src/graphql/schema.js';

const sdl = `${printSchema(schema)}\n`;
const file = process.argv[2];
if (file) {
  writeFileSync(file, sdl);
  process.stderr.write(`Wrote the schema to ${file}\n`);
} else {
  process.stdout.write(sdl);
}
