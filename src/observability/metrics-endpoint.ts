/** `GET /metrics`: the Prometheus text exposition of the gateway's registry. */
import type { Plugin } from 'graphql-yoga';
import type { GatewayMetrics } from './metrics.js';

export const METRICS_ENDPOINT = '/metrics';

export function useMetricsEndpoint(metrics: GatewayMetrics): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== METRICS_ENDPOINT) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: 'GET, HEAD' } }));
        return;
      }
      const body = await metrics.registry.metrics();
      endResponse(new fetchAPI.Response(request.method === 'HEAD' ? null : body, { headers: { 'content-type': metrics.registry.contentType } }));
    },
  };
}
