/** `GET /metrics`: the Prometheus text exposition of the gateway's registry. */
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
      return metrics.registry.metrics().then((body) => {
        endResponse(new fetchAPI.Response(request.method === 'HEAD' ? null : body, { headers: { 'content-type': metrics.registry.contentType } }));
      });
    },
  };
}
