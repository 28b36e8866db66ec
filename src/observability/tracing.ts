/**
 * OpenTelemetry tracing, off by default. It switches on through the standard OTEL_* environment
 * variables (an exporter or an OTLP endpoint), which the OpenTelemetry SDK itself reads: e.g.
 * `OTEL_TRACES_EXPORTER=otlp OTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4318`, or
 * `OTEL_TRACES_EXPORTER=console` to see spans on stdout. The gateway makes its own spans (one per
 * operation, one per upstream call) with @opentelemetry/api; no auto-instrumentation is loaded.
 */
import { trace, type Tracer } from '@opentelemetry/api';

export const TRACER_NAME = 'org-gateway';

export function tracer(): Tracer {
  return trace.getTracer(TRACER_NAME);
}

/** Whether the OTEL_* settings ask for traces. */
export function tracingRequested(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  if (env['OTEL_SDK_DISABLED'] === 'true') return false;
  const exporter = env['OTEL_TRACES_EXPORTER'];
  if (exporter !== undefined && exporter !== '') return exporter !== 'none';
  return Boolean(env['OTEL_EXPORTER_OTLP_ENDPOINT'] || env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']);
}

export interface TracingHandle {
  shutdown(): Promise<void>;
}

/** Starts the OpenTelemetry SDK when tracing is requested; loaded lazily so it costs nothing otherwise. */
export async function startTracing(env: Readonly<Record<string, string | undefined>> = process.env): Promise<TracingHandle | undefined> {
  if (!tracingRequested(env)) return undefined;
  const { NodeSDK } = await import('@opentelemetry/sdk-node');
  const sdk = new NodeSDK({ serviceName: env['OTEL_SERVICE_NAME'] || 'org-gateway', instrumentations: [] });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
}
