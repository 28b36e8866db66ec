/**
 * Environment → validated settings, in one place. Every setting is documented here (the README
 * table is generated from the same list by `npm start -- --help`), and a bad value stops the
 * process with a message that names the setting and what is allowed.
 */
import { z } from 'zod';

export interface Setting {
  name: string;
  default: string;
  description: string;
}

const int = (name: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `${name} must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().int().min(min, `${name} must be at least ${min}`).max(max, `${name} must be at most ${max}`));

const upstreamUrl = z
  .string()
  .trim()
  .transform((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'UPSTREAM_URL must be an absolute http(s) URL, e.g. https://charts.basedash.com' });
      return z.NEVER;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      ctx.addIssue({ code: 'custom', message: `UPSTREAM_URL must use http or https, not ${url.protocol.replace(':', '')}` });
    }
    // Credentials in the URL would be sent with every request and printed in logs.
    if (url.username || url.password) ctx.addIssue({ code: 'custom', message: 'UPSTREAM_URL must not contain credentials' });
    if (url.search || url.hash) ctx.addIssue({ code: 'custom', message: 'UPSTREAM_URL must not have a query string or fragment' });
    return url;
  });

/** Every environment variable the gateway reads, with its default, for --help and the README. */
export const SETTINGS: readonly Setting[] = [
  { name: 'PORT', default: '4000', description: 'TCP port the gateway listens on (0 picks a free port).' },
  { name: 'HOST', default: '127.0.0.1', description: 'Interface to listen on; 0.0.0.0 for all interfaces (e.g. in a container).' },
  {
    name: 'UPSTREAM_URL',
    default: '(unset: built-in demo upstream)',
    description: 'Base URL of the organizations REST API, e.g. https://charts.basedash.com. Unset, the gateway starts the built-in demo upstream.',
  },
  { name: 'UPSTREAM_CONNECT_TIMEOUT_MS', default: '3000', description: 'Time allowed to open a connection to the upstream.' },
  { name: 'UPSTREAM_HEADERS_TIMEOUT_MS', default: '10000', description: 'Time allowed for the upstream to send response headers.' },
  { name: 'UPSTREAM_BODY_TIMEOUT_MS', default: '10000', description: 'Longest pause allowed between two chunks of an upstream response body.' },
  { name: 'UPSTREAM_CONNECTIONS', default: '64', description: 'Keep-alive sockets kept open to the upstream.' },
  {
    name: 'OPERATION_TIMEOUT_MS',
    default: '15000',
    description: 'Deadline for one GraphQL operation, all its upstream calls included; past it the calls are cancelled and the client gets UPSTREAM_TIMEOUT.',
  },
];

const schema = z.object({
  PORT: int('PORT', 0, 65535).default(4000),
  HOST: z.string().trim().min(1, 'HOST must not be empty').default('127.0.0.1'),
  UPSTREAM_URL: upstreamUrl.optional(),
  UPSTREAM_CONNECT_TIMEOUT_MS: int('UPSTREAM_CONNECT_TIMEOUT_MS', 1, 600_000).default(3000),
  UPSTREAM_HEADERS_TIMEOUT_MS: int('UPSTREAM_HEADERS_TIMEOUT_MS', 1, 600_000).default(10_000),
  UPSTREAM_BODY_TIMEOUT_MS: int('UPSTREAM_BODY_TIMEOUT_MS', 1, 600_000).default(10_000),
  UPSTREAM_CONNECTIONS: int('UPSTREAM_CONNECTIONS', 1, 10_000).default(64),
  OPERATION_TIMEOUT_MS: int('OPERATION_TIMEOUT_MS', 1, 600_000).default(15_000),
});

export interface Config {
  port: number;
  host: string;
  /** Unset: serve against the built-in demo upstream. */
  upstreamUrl: URL | undefined;
  upstream: {
    connectTimeoutMs: number;
    headersTimeoutMs: number;
    bodyTimeoutMs: number;
    connections: number;
  };
  operationTimeoutMs: number;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/** Reads and validates the settings; throws ConfigError listing every bad value. */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): Config {
  // An empty variable counts as unset, as it does in most shells' `VAR= cmd` idiom.
  const present = Object.fromEntries(
    Object.keys(schema.shape)
      .map((key) => [key, env[key]] as const)
      .filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? 'configuration');
        const given = present[name];
        // Values are echoed so the operator sees the typo, except the URL, which could hold a secret.
        const shown = given === undefined || name === 'UPSTREAM_URL' ? '' : ` (got ${JSON.stringify(given)})`;
        return issue.message.startsWith(name) ? `${issue.message}${shown}` : `${name}: ${issue.message}${shown}`;
      }),
    );
  }
  const values = parsed.data;
  return {
    port: values.PORT,
    host: values.HOST,
    upstreamUrl: values.UPSTREAM_URL,
    upstream: {
      connectTimeoutMs: values.UPSTREAM_CONNECT_TIMEOUT_MS,
      headersTimeoutMs: values.UPSTREAM_HEADERS_TIMEOUT_MS,
      bodyTimeoutMs: values.UPSTREAM_BODY_TIMEOUT_MS,
      connections: values.UPSTREAM_CONNECTIONS,
    },
    operationTimeoutMs: values.OPERATION_TIMEOUT_MS,
  };
}
