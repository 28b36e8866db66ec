/** Every dialect's GraphQL schema by name, for the schema scripts (the gateway loads only its own). */
import type { GraphQLSchema } from 'graphql';
import { DIALECT_NAMES, type DialectName } from '../src/dialects/names.js';

export async function dialectSchemas(): Promise<Array<[DialectName, GraphQLSchema]>> {
  const { loadDialect } = await import('../src/dialects/index.js');
  return Promise.all(DIALECT_NAMES.map(async (name) => [name, (await loadDialect(name)).schema] as [DialectName, GraphQLSchema]));
}

/** The dialect named by `value`, or undefined when it names none. */
export function dialectName(value: string | undefined): DialectName | undefined {
  return DIALECT_NAMES.find((name) => name === value);
}
