/** `GET /metrics`: the Prometheus text exposition of the gateway's metrics (every worker's, in a cluster). */
import type { Plugin } from 'graphql-yoga';
import type { GatewayMetrics } from './metrics.js';

export const METRICS_ENDPOINT = '/metrics';

export function useMetricsEndpoint(metrics: GatewayMetrics): Plugin {
  return {
    // Not async: every request passes through here, and only /metrics needs to wait.
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== METRICS_ENDPOINT) return undefined;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: 'GET, HEAD' } }));
        return;
      }
      return metrics.exposition().then(
        (body) => {
          endResponse(
            new fetchAPI.Response(request.method === 'HEAD' ? null : body, { headers: { 'content-type': metrics.registry.contentType } }),
          );
        },
        (error: unknown) => {
          // A scrape that fails is retried by Prometheus at its next interval; say why, briefly.
          const message = `metrics unavailable: ${error instanceof Error ? error.message : String(error)}\n`;
          endResponse(new fetchAPI.Response(message, { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8' } }));
        },
      );
    },
  };
}
