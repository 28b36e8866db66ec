/**
 * Liveness and readiness for orchestrators and load balancers, on yoga's own plugins.
 * `GET /livez` is yoga's health check, moved there by `healthCheckEndpoint`: 200 while the process
 * serves requests, and it never calls the upstream (a restart cannot fix an upstream outage).
 * `GET /readyz` says whether this process can serve: 200 from start-up until shutdown begins,
 * then 503 so the load balancer stops sending new requests. The upstream's state (circuit, latest
 * probe) is in the body and in metrics, never in the status: an upstream outage is the same for
 * every replica, and taking them all out of the load balancer would turn a clear
 * UPSTREAM_UNAVAILABLE answer into connection errors.
 */
import { useReadinessCheck, type Plugin } from 'graphql-yoga';
import type { TimerHandle } from './timers.js';
import type { ProbeRecord, ProbeResult, UpstreamClient } from './upstream/client.js';

export const LIVENESS_ENDPOINT = '/livez';

export interface UpstreamReadinessOptions {
  /** The REST client: readiness asks it, so the probe obeys the same origin, timeouts, breaker and timers. */
  client: Pick<UpstreamClient, 'probe' | 'circuitState' | 'lastProbe' | 'timers'>;
  /** Whether shutdown has begun (the process finishes what it has, and takes nothing new). */
  draining: () => boolean;
  /** Path of the readiness endpoint. @default '/readyz' */
  endpoint?: string;
  /**
   * How long one probe's result stands before a readiness check starts another, so orchestrators
   * polling several times a second do not turn into upstream traffic. @default 2000
   */
  cacheMs?: number;
  /** How long the probe waits for the upstream's answer. @default 2000 */
  timeoutMs?: number;
  /**
   * How long a readiness check waits for a fresh probe before answering with the previous one:
   * orchestrators give the check about a second, and a slow upstream must not fail it. @default 300
   */
  answerWithinMs?: number;
}

interface Readiness {
  status: 'ready' | 'draining';
  upstream: {
    circuit: UpstreamClient['circuitState'];
    /** The latest probe: a GET of the collection without credentials; null before the first ended. */
    lastProbe: (ProbeResult & { at: string; ageMs: number }) | null;
  };
}

export function useUpstreamReadiness(options: UpstreamReadinessOptions): Plugin {
  const { client, draining, endpoint = '/readyz', cacheMs = 2_000, timeoutMs = 2_000, answerWithinMs = 300 } = options;
  let inFlight: Promise<unknown> | undefined;
  let startedAt = 0;

  /** Starts a probe when the latest is stale (one at a time) and waits a little for it. */
  const freshProbe = async (): Promise<ProbeRecord | undefined> => {
    const now = Date.now();
    if (!inFlight && now - startedAt >= cacheMs) {
      startedAt = now;
      inFlight = client
        .probe(timeoutMs)
        .catch(() => undefined)
        .finally(() => (inFlight = undefined));
    }
    if (inFlight) {
      let timer: TimerHandle | undefined;
      await Promise.race([inFlight, new Promise<void>((resolve) => (timer = client.timers.setTimeout(resolve, answerWithinMs)))]);
      client.timers.clearTimeout(timer);
    }
    return client.lastProbe;
  };

  const readiness = useReadinessCheck({
    endpoint,
    check: async ({ fetchAPI }) => {
      const headers = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
      if (draining()) {
        return new fetchAPI.Response(JSON.stringify({ status: 'draining' }), { status: 503, headers });
      }
      const probe = await freshProbe();
      const body: Readiness = {
        status: 'ready',
        upstream: {
          circuit: client.circuitState,
          lastProbe: probe ? { ...withoutAt(probe), at: new Date(probe.at).toISOString(), ageMs: Date.now() - probe.at } : null,
        },
      };
      return new fetchAPI.Response(JSON.stringify(body), { status: 200, headers });
    },
  });
  // yoga's check runs on every request and tests a URLPattern each time; a request whose URL does
  // not even contain the path cannot match it.
  return {
    ...readiness,
    onRequest(payload) {
      if (!payload.request.url.includes(endpoint)) return undefined;
      return readiness.onRequest?.(payload);
    },
  };
}

function withoutAt(record: ProbeRecord): ProbeResult {
  const { at: _at, ...result } = record;
  return result;
}
