/**
 * Liveness and readiness for orchestrators and load balancers, on yoga's own plugins.
 * `GET /livez` is yoga's health check, moved there by `healthCheckEndpoint`: 200 while the process
 * serves requests, and it never calls the upstream (a restart cannot fix an upstream outage).
 * `GET /readyz` answers 200 only when the upstream answers and the circuit breaker lets calls
 * through, so traffic goes to other instances while this one could only fail.
 */
import { useReadinessCheck, type Plugin } from 'graphql-yoga';
import type { ProbeResult, UpstreamClient } from './upstream/client.js';

export const LIVENESS_ENDPOINT = '/livez';

export interface UpstreamReadinessOptions {
  /** The REST client: readiness asks it, so the probe obeys the same origin, timeouts and breaker. */
  client: Pick<UpstreamClient, 'probe' | 'circuitState'>;
  /** Path of the readiness endpoint. @default '/readyz' */
  endpoint?: string;
  /**
   * How long one probe's result answers later readiness checks, so orchestrators polling several
   * times a second do not turn into upstream traffic. @default 2000
   */
  cacheMs?: number;
  /** How long the probe waits for the upstream's answer. @default 2000 */
  timeoutMs?: number;
}

interface Readiness {
  status: 'ready' | 'unavailable';
  circuit: UpstreamClient['circuitState'];
  reason?: string;
  retryAfterMs?: number;
}

export function useUpstreamReadiness(options: UpstreamReadinessOptions): Plugin {
  const { client, endpoint = '/readyz', cacheMs = 2_000, timeoutMs = 2_000 } = options;
  let cached: { at: number; result: Promise<ProbeResult> } | undefined;

  const probe = (): Promise<ProbeResult> => {
    const now = Date.now();
    // Concurrent checks share one probe in flight as well as its result.
    if (!cached || now - cached.at >= cacheMs) {
      cached = {
        at: now,
        result: client.probe(timeoutMs).catch((): ProbeResult => ({ reachable: false, reason: 'probe failed' })),
      };
    }
    return cached.result;
  };

  const readiness = useReadinessCheck({
    endpoint,
    check: async ({ fetchAPI }) => {
      let readiness: Readiness;
      // Checked on every request, not cached: an open circuit means calls fail right now.
      if (client.circuitState === 'open') {
        readiness = { status: 'unavailable', circuit: 'open', reason: 'circuit breaker open' };
      } else {
        const result = await probe();
        readiness = result.reachable
          ? { status: 'ready', circuit: client.circuitState }
          : {
              status: 'unavailable',
              circuit: client.circuitState,
              reason: result.reason,
              ...(result.retryAfterMs === undefined ? {} : { retryAfterMs: result.retryAfterMs }),
            };
      }
      return new fetchAPI.Response(JSON.stringify(readiness), {
        status: readiness.status === 'ready' ? 200 : 503,
        headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
      });
    },
  });
  // yoga's check runs on every request and tests a URLPattern each time (about 1 % of a list
  // operation's CPU); a request whose URL does not even contain the path cannot match it.
  return {
    ...readiness,
    onRequest(payload) {
      if (!payload.request.url.includes(endpoint)) return undefined;
      return readiness.onRequest?.(payload);
    },
  };
}
