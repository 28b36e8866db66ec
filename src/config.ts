/**
 * Environment → validated settings, in one place. Every setting is documented here (the README
 * table is generated from the same list by `npm start -- --help`), and a bad value stops the
 * process with a message that names the setting and what is allowed.
 */
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { LOG_LEVELS, type LogLevel } from './observability/logger.js';
import { DEFAULT_OPERATION_LIMITS } from './graphql/limits.js';
import { DEFAULT_MAX_UPSTREAM_CALLS } from './graphql/upstream-budget.js';
import { DEFAULT_MAX_BODY_BYTES } from './http/body-limit.js';
import { DIALECT_NAMES, type DialectName } from './dialects/names.js';
import { FAILURE_KINDS, RESILIENCE_DEFAULTS } from './upstream/resilience.js';

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

const bool = (name: string) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .refine((value) => value === 'true' || value === 'false', `${name} must be true or false`)
    .transform((value) => value === 'true');

/**
 * CORS_ORIGINS: comma-separated exact origins. Browsers send Origin serialized (lower-case host,
 * no default port, no path), and the allow-list matches it exactly, so entries must be written
 * the same way; anything else would silently never match.
 */
const corsOrigins = z.string().transform((value, ctx) => {
  const origins = value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const entry of origins) {
    let url: URL | undefined;
    try {
      url = new URL(entry);
    } catch {
      url = undefined;
    }
    if (url && (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === entry) continue;
    const hint = url && (url.protocol === 'http:' || url.protocol === 'https:') ? `; did you mean ${url.origin}?` : '';
    ctx.addIssue({
      code: 'custom',
      message: `CORS_ORIGINS entries must be exact origins such as https://app.example.com (scheme, host, optional port; no path, no trailing slash, no wildcard), not ${JSON.stringify(entry)}${hint}`,
    });
  }
  return origins;
});

/** CIRCUIT_BREAKER_COUNTS: failure kinds and single 5xx statuses. */
const failureKinds = z.string().transform((value, ctx) => {
  const kinds = value
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry !== '');
  if (kinds.length === 0) ctx.addIssue({ code: 'custom', message: 'CIRCUIT_BREAKER_COUNTS must list at least one kind' });
  for (const kind of kinds) {
    if ((FAILURE_KINDS as readonly string[]).includes(kind) || /^5\d\d$/.test(kind)) continue;
    ctx.addIssue({
      code: 'custom',
      message: `CIRCUIT_BREAKER_COUNTS entries must be ${FAILURE_KINDS.join(', ')} or a 5xx status such as 503, not ${JSON.stringify(kind)}`,
    });
  }
  return kinds;
});

/** Most worker processes WORKERS may ask for: far more than any one machine's cores. */
const MAX_WORKERS = 256;

/** WORKERS: a count, or `auto` for the cores this process may run on. */
const workers = z
  .string()
  .trim()
  .toLowerCase()
  .transform((value, ctx) => {
    if (value === 'auto') return availableParallelism();
    const count = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (count >= 1 && count <= MAX_WORKERS) return count;
    ctx.addIssue({ code: 'custom', message: `WORKERS must be auto or a whole number from 1 to ${MAX_WORKERS}` });
    return z.NEVER;
  });

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
    name: 'UPSTREAM_DIALECT',
    default: 'basedash',
    description: `Which organizations API UPSTREAM_URL is: ${DIALECT_NAMES.join(', ')}. Each serves its own schema.`,
  },
  {
    name: 'UPSTREAM_URL',
    default: '(unset: built-in demo upstream)',
    description:
      'Base URL of the organizations REST API, e.g. https://charts.basedash.com. Unset, the gateway starts the built-in demo upstream, except with NODE_ENV=production (see DEMO).',
  },
  {
    name: 'DEMO',
    default: '(unset)',
    description:
      'Serve the built-in demo upstream (its tokens are public). Unset: only when UPSTREAM_URL is unset and NODE_ENV is not production; true: even in production; false: UPSTREAM_URL is required.',
  },
  {
    name: 'WORKERS',
    default: '1',
    description:
      'Worker processes serving one port (node:cluster); auto: one per available core (with a container CPU limit, set a number).',
  },
  { name: 'UPSTREAM_CONNECT_TIMEOUT_MS', default: '3000', description: 'Time allowed to open a connection to the upstream.' },
  { name: 'UPSTREAM_HEADERS_TIMEOUT_MS', default: '10000', description: 'Time allowed for the upstream to send response headers.' },
  {
    name: 'UPSTREAM_BODY_TIMEOUT_MS',
    default: '10000',
    description: 'Longest pause allowed between two chunks of an upstream response body.',
  },
  { name: 'UPSTREAM_CONNECTIONS', default: '64', description: 'Keep-alive sockets kept open to the upstream.' },
  {
    name: 'UPSTREAM_RETRIES',
    default: '2',
    description:
      'Retries of a failed upstream read (GET), or of a write sent with an idempotency key (the EvalGuard create), after a network error or a 502/503/504, with backoff, within the deadline; 0: none. Other writes are never retried.',
  },
  {
    name: 'UPSTREAM_CALLER_CONCURRENCY',
    default: '16 (at most UPSTREAM_CONNECTIONS)',
    description:
      'Upstream calls one caller (credential) may have in flight; more wait up to UPSTREAM_CALLER_QUEUE_MS, then get RATE_LIMITED.',
  },
  {
    name: 'UPSTREAM_CALLER_QUEUE_MS',
    default: '1000',
    description: "How long a call past its caller's limit waits for one of that caller's calls to end.",
  },
  {
    name: 'UPSTREAM_CONCURRENCY',
    default: '10',
    description:
      'Upstream calls one GraphQL operation runs at once (the ids of `nodes`, the members pages of a list of organizations); the rest wait their turn.',
  },
  {
    name: 'CIRCUIT_BREAKER_FAILURES',
    default: '10',
    description:
      "Failures within the window, from several callers, that open the circuit for everyone (UPSTREAM_UNAVAILABLE without a call); also one caller's failures in a row that hold back only its calls.",
  },
  {
    name: 'CIRCUIT_BREAKER_MIN_CALLERS',
    default: '3',
    description:
      'Failing callers needed to open the circuit (each counts for at most its share of the failures, and callers served well must not outnumber them); 1: any caller can.',
  },
  { name: 'CIRCUIT_BREAKER_WINDOW_MS', default: '30000', description: 'How far back failures count toward opening the circuit.' },
  {
    name: 'CIRCUIT_BREAKER_COUNTS',
    default: 'network,timeout,5xx',
    description: 'What counts as a failure: network, timeout, 5xx, or single statuses such as 502,503,504.',
  },
  {
    name: 'CIRCUIT_BREAKER_RESET_MS',
    default: '10000',
    description:
      "How long the gateway stops calling a failing upstream (or sending a failing caller's calls) before it lets one trial call through.",
  },
  {
    name: 'OPERATION_TIMEOUT_MS',
    default: '15000',
    description:
      'Deadline for one GraphQL operation, all its upstream calls included; past it the calls are cancelled and the client gets UPSTREAM_TIMEOUT.',
  },
  {
    name: 'MAX_BODY_BYTES',
    default: String(DEFAULT_MAX_BODY_BYTES),
    description:
      'Largest request body accepted, in bytes; a larger one (with or without Content-Length) gets HTTP 413 before it is read in full.',
  },
  {
    name: 'MAX_DEPTH',
    default: String(DEFAULT_OPERATION_LIMITS.maxDepth),
    description:
      "Deepest nesting of selections in an operation, introspection included (GraphiQL's and codegen's introspection query nests 15).",
  },
  {
    name: 'MAX_ALIASES',
    default: String(DEFAULT_OPERATION_LIMITS.maxAliases),
    description: 'Aliased fields per operation; each aliased root field can be another upstream call.',
  },
  {
    name: 'MAX_TOKENS',
    default: String(DEFAULT_OPERATION_LIMITS.maxTokens),
    description: 'Lexical tokens per GraphQL document, checked while parsing.',
  },
  {
    name: 'MAX_DIRECTIVES',
    default: String(DEFAULT_OPERATION_LIMITS.maxDirectives),
    description: 'Directives (@include, @skip, …) per operation.',
  },
  {
    name: 'MAX_COST',
    default: String(DEFAULT_OPERATION_LIMITS.maxCost),
    description:
      "graphql-armor's cost per operation: 1 per scalar, 2 per object, ×1.5 per level, × a literal `first` (a full page of 100 organizations ≈ 9700; the introspection query ≈ 87500).",
  },
  {
    name: 'MAX_UPSTREAM_CALLS',
    default: String(DEFAULT_MAX_UPSTREAM_CALLS),
    description:
      'Most upstream calls one operation may make, bounded before it runs from its fields and arguments (variables included); above it the operation is refused with no call.',
  },
  {
    name: 'CORS_ORIGINS',
    default: '(none)',
    description:
      'Comma-separated exact origins (e.g. https://app.example.com) whose web pages may call the gateway; unset, no cross-origin page can read answers.',
  },
  {
    name: 'GRAPHIQL',
    default: 'true (false when NODE_ENV=production)',
    description: 'Whether a browser opening /graphql gets GraphiQL.',
  },
  {
    name: 'INTROSPECTION',
    default: 'true (false when NODE_ENV=production)',
    description: 'Whether the schema can be introspected; when false, error messages also stop suggesting field names ("Did you mean …").',
  },
  {
    name: 'LOG_LEVEL',
    default: 'info',
    description: `Structured JSON log level on stdout: ${LOG_LEVELS.join(', ')}. One line per operation at info.`,
  },
  { name: 'METRICS', default: 'true', description: 'Whether Prometheus metrics are served at GET /metrics.' },
  {
    name: 'TRUSTED_DOCUMENTS',
    default: '(unset: any operation)',
    description:
      'Path of a persisted-documents.json manifest (graphql-codegen client preset). Set, only the operations it lists are executed, by {"documentId": "<hash>"}.',
  },
  {
    name: 'OTEL_TRACES_EXPORTER / OTEL_EXPORTER_OTLP_ENDPOINT',
    default: '(unset: tracing off)',
    description:
      'Standard OpenTelemetry settings; setting an exporter (otlp, console) or an OTLP endpoint switches tracing on. OTEL_SERVICE_NAME defaults to org-gateway.',
  },
];

const schema = z.object({
  PORT: int('PORT', 0, 65535).default(4000),
  HOST: z.string().trim().min(1, 'HOST must not be empty').default('127.0.0.1'),
  UPSTREAM_DIALECT: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(DIALECT_NAMES, { error: `UPSTREAM_DIALECT must be one of ${DIALECT_NAMES.join(', ')}` }))
    .default(DIALECT_NAMES[0]),
  UPSTREAM_URL: upstreamUrl.optional(),
  DEMO: bool('DEMO').optional(),
  WORKERS: workers.default(1),
  UPSTREAM_CONNECT_TIMEOUT_MS: int('UPSTREAM_CONNECT_TIMEOUT_MS', 1, 600_000).default(3000),
  UPSTREAM_HEADERS_TIMEOUT_MS: int('UPSTREAM_HEADERS_TIMEOUT_MS', 1, 600_000).default(10_000),
  UPSTREAM_BODY_TIMEOUT_MS: int('UPSTREAM_BODY_TIMEOUT_MS', 1, 600_000).default(10_000),
  UPSTREAM_CONNECTIONS: int('UPSTREAM_CONNECTIONS', 1, 10_000).default(64),
  UPSTREAM_RETRIES: int('UPSTREAM_RETRIES', 0, 10).default(2),
  UPSTREAM_CALLER_CONCURRENCY: int('UPSTREAM_CALLER_CONCURRENCY', 1, 10_000).optional(),
  UPSTREAM_CALLER_QUEUE_MS: int('UPSTREAM_CALLER_QUEUE_MS', 0, 600_000).default(1000),
  UPSTREAM_CONCURRENCY: int('UPSTREAM_CONCURRENCY', 1, 1000).default(10),
  CIRCUIT_BREAKER_FAILURES: int('CIRCUIT_BREAKER_FAILURES', 1, 10_000).default(10),
  CIRCUIT_BREAKER_MIN_CALLERS: int('CIRCUIT_BREAKER_MIN_CALLERS', 1, 1000).default(RESILIENCE_DEFAULTS.circuitBreakerMinCallers),
  CIRCUIT_BREAKER_WINDOW_MS: int('CIRCUIT_BREAKER_WINDOW_MS', 1, 3_600_000).default(RESILIENCE_DEFAULTS.circuitBreakerWindowMs),
  CIRCUIT_BREAKER_COUNTS: failureKinds.default([...RESILIENCE_DEFAULTS.circuitBreakerCounts]),
  CIRCUIT_BREAKER_RESET_MS: int('CIRCUIT_BREAKER_RESET_MS', 1, 3_600_000).default(10_000),
  OPERATION_TIMEOUT_MS: int('OPERATION_TIMEOUT_MS', 1, 600_000).default(15_000),
  MAX_BODY_BYTES: int('MAX_BODY_BYTES', 1024, 104_857_600).default(DEFAULT_MAX_BODY_BYTES),
  MAX_DEPTH: int('MAX_DEPTH', 1, 1000).default(DEFAULT_OPERATION_LIMITS.maxDepth),
  MAX_ALIASES: int('MAX_ALIASES', 0, 10_000).default(DEFAULT_OPERATION_LIMITS.maxAliases),
  MAX_TOKENS: int('MAX_TOKENS', 1, 1_000_000).default(DEFAULT_OPERATION_LIMITS.maxTokens),
  MAX_DIRECTIVES: int('MAX_DIRECTIVES', 0, 10_000).default(DEFAULT_OPERATION_LIMITS.maxDirectives),
  MAX_COST: int('MAX_COST', 1, 1_000_000_000).default(DEFAULT_OPERATION_LIMITS.maxCost),
  MAX_UPSTREAM_CALLS: int('MAX_UPSTREAM_CALLS', 1, 1_000_000).default(DEFAULT_MAX_UPSTREAM_CALLS),
  CORS_ORIGINS: corsOrigins.default([]),
  GRAPHIQL: bool('GRAPHIQL').optional(),
  INTROSPECTION: bool('INTROSPECTION').optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  METRICS: bool('METRICS').default(true),
  TRUSTED_DOCUMENTS: z.string().trim().min(1).optional(),
});

export interface Config {
  port: number;
  host: string;
  /** Which organizations API the upstream is. */
  dialect: DialectName;
  /** Unset: serve against the built-in demo upstream (only when DEMO allows it). */
  upstreamUrl: URL | undefined;
  /** Worker processes behind the port; 1 runs no cluster. */
  workers: number;
  upstream: {
    connectTimeoutMs: number;
    headersTimeoutMs: number;
    bodyTimeoutMs: number;
    connections: number;
    retries: number;
    callerConcurrency: number;
    callerQueueMs: number;
    operationConcurrency: number;
    circuitBreakerFailures: number;
    circuitBreakerMinCallers: number;
    circuitBreakerWindowMs: number;
    circuitBreakerCounts: string[];
    circuitBreakerResetMs: number;
  };
  operationTimeoutMs: number;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
  /** Bounds on each operation (src/graphql/limits.ts). */
  limits: { maxDepth: number; maxAliases: number; maxTokens: number; maxDirectives: number; maxCost: number };
  /** Most upstream calls one operation may be able to make (src/graphql/upstream-budget.ts). */
  maxUpstreamCalls: number;
  /** Exact origins allowed cross-origin access; empty: none. */
  corsOrigins: string[];
  graphiql: boolean;
  introspection: boolean;
  logLevel: LogLevel;
  metrics: boolean;
  /** Path of the trusted-documents manifest; unset: any operation may run. */
  trustedDocuments: string | undefined;
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
  if (values.UPSTREAM_CALLER_CONCURRENCY !== undefined && values.UPSTREAM_CALLER_CONCURRENCY > values.UPSTREAM_CONNECTIONS) {
    throw new ConfigError([
      `UPSTREAM_CALLER_CONCURRENCY must be at most UPSTREAM_CONNECTIONS (${values.UPSTREAM_CONNECTIONS}), and well below it so that one caller cannot hold every socket (got ${values.UPSTREAM_CALLER_CONCURRENCY})`,
    ]);
  }
  const production = env['NODE_ENV'] === 'production';
  if (values.DEMO === true && values.UPSTREAM_URL) {
    throw new ConfigError(['DEMO=true serves the built-in demo upstream instead of UPSTREAM_URL: set only one of them']);
  }
  if (!values.UPSTREAM_URL && (values.DEMO === false || (production && values.DEMO === undefined))) {
    // The demo's tokens are printed in the README: a production gateway must not fall back to it.
    const why = values.DEMO === false ? 'with DEMO=false' : 'when NODE_ENV=production';
    throw new ConfigError([
      `UPSTREAM_URL is required ${why}: set it to the base URL of the organizations REST API, or set DEMO=true to serve the built-in demo upstream (its tokens are public)`,
    ]);
  }
  return {
    port: values.PORT,
    host: values.HOST,
    dialect: values.UPSTREAM_DIALECT,
    upstreamUrl: values.UPSTREAM_URL,
    workers: values.WORKERS,
    upstream: {
      connectTimeoutMs: values.UPSTREAM_CONNECT_TIMEOUT_MS,
      headersTimeoutMs: values.UPSTREAM_HEADERS_TIMEOUT_MS,
      bodyTimeoutMs: values.UPSTREAM_BODY_TIMEOUT_MS,
      connections: values.UPSTREAM_CONNECTIONS,
      retries: values.UPSTREAM_RETRIES,
      callerConcurrency: values.UPSTREAM_CALLER_CONCURRENCY ?? Math.min(16, values.UPSTREAM_CONNECTIONS),
      callerQueueMs: values.UPSTREAM_CALLER_QUEUE_MS,
      operationConcurrency: values.UPSTREAM_CONCURRENCY,
      circuitBreakerFailures: values.CIRCUIT_BREAKER_FAILURES,
      circuitBreakerMinCallers: values.CIRCUIT_BREAKER_MIN_CALLERS,
      circuitBreakerWindowMs: values.CIRCUIT_BREAKER_WINDOW_MS,
      circuitBreakerCounts: values.CIRCUIT_BREAKER_COUNTS,
      circuitBreakerResetMs: values.CIRCUIT_BREAKER_RESET_MS,
    },
    operationTimeoutMs: values.OPERATION_TIMEOUT_MS,
    maxBodyBytes: values.MAX_BODY_BYTES,
    limits: {
      maxDepth: values.MAX_DEPTH,
      maxAliases: values.MAX_ALIASES,
      maxTokens: values.MAX_TOKENS,
      maxDirectives: values.MAX_DIRECTIVES,
      maxCost: values.MAX_COST,
    },
    maxUpstreamCalls: values.MAX_UPSTREAM_CALLS,
    corsOrigins: values.CORS_ORIGINS,
    // Production hands out neither the schema nor a query editor unless asked to.
    graphiql: values.GRAPHIQL ?? !production,
    introspection: values.INTROSPECTION ?? !production,
    logLevel: values.LOG_LEVEL,
    metrics: values.METRICS,
    trustedDocuments: values.TRUSTED_DOCUMENTS,
  };
}
