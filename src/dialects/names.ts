/** The organizations APIs the gateway can front (`UPSTREAM_DIALECT`); the first is the default. */
export const DIALECT_NAMES = ['basedash', 'hydra', 'evalguard'] as const;

export type DialectName = (typeof DIALECT_NAMES)[number];
