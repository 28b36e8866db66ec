/**
 * The dialects by name. Each is loaded only when chosen, so a gateway keeps one API's schema and
 * code in memory, not all of them.
 */
import type { Dialect } from './dialect.js';
import type { DialectName } from './names.js';

const LOADERS: Record<DialectName, () => Promise<Dialect>> = {
  basedash: async () => (await import('./basedash/index.js')).basedash,
  hydra: async () => (await import('./hydra/index.js')).hydra,
  evalguard: async () => (await import('./evalguard/index.js')).evalguard,
};

export function loadDialect(name: DialectName): Promise<Dialect> {
  return LOADERS[name]();
}
