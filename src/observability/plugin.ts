/**
 * The yoga plugin that makes each request observable: the request id on the response, one
 * structured log line per operation (name, outcome, error codes, duration, the upstream calls it
 * made), Prometheus counters and histograms, and — when tracing is on — one span per operation
 * that upstream-call spans nest under.
 */
import { context as otelContext, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { getOperationAST, type GraphQLError } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context.js';
import { errorCode } from '../graphql/errors.js';
import { operationLogger, type Logger } from './logger.js';
import type { GatewayMetrics } from './metrics.js';
import { requestIdOf } from './request-id.js';
import { tracer } from './tracing.js';

export interface ObservabilityOptions {
  logger: Logger;
  /** Prometheus metrics; omitted: none are recorded. */
  metrics?: GatewayMetrics | undefined;
  /** Make spans (OpenTelemetry must be started). @default false */
  tracing?: boolean | undefined;
}

const spans = new WeakMap<object, Span>();

/** An operation between the start of its execution and its result, by its context. */
interface Running {
  started: number;
  name: string | undefined;
  type: string;
  span: Span | undefined;
}

export function useObservability(options: ObservabilityOptions): Plugin<GatewayContext> {
  const { logger, metrics, tracing = false } = options;
  const operations = operationLogger(logger);
  const running = new WeakMap<object, Running>();
  return {
    onRequest() {
      metrics?.inFlight.inc();
    },
    onResponse({ request, response }) {
      response.headers.set('x-request-id', requestIdOf(request));
      metrics?.inFlight.dec();
    },
    instrumentation: tracing
      ? {
          // Upstream-call spans must nest under the operation span, so the whole execute phase
          // (onExecute hooks included) runs with that span active; AsyncLocalStorage carries it
          // through the resolvers' awaits. The span is named in onExecute, once the operation is known.
          execute({ context }, wrapped) {
            // Continue the caller's trace when it sent W3C trace context.
            const parent = propagation.extract(ROOT_CONTEXT, Object.fromEntries(context.request.headers));
            const span = tracer().startSpan('graphql operation', { kind: SpanKind.SERVER }, parent);
            spans.set(context, span);
            return otelContext.with(trace.setSpan(parent, span), wrapped);
          },
        }
      : undefined,
    onExecute({ args }) {
      const operation = getOperationAST(args.document, args.operationName);
      const name = operation?.name?.value;
      const type = operation?.operation ?? 'query';
      const span: Span | undefined = tracing ? spans.get(args.contextValue) : undefined;
      span
        ?.updateName(`${type} ${name ?? 'anonymous'}`)
        .setAttributes({ 'graphql.operation.type': type, 'graphql.operation.name': name ?? '' });
      running.set(args.contextValue, { started: performance.now(), name, type, span });
    },
    // The result as the client gets it: after every plugin's onExecuteDone, the standard executor's
    // second try of what graphql-jit refused (src/graphql/jit.ts) and error masking, so the codes
    // logged and counted are the ones the client saw.
    onExecutionResult({ result, context }) {
      const operation = running.get(context);
      if (!operation || !result || isAsyncIterable(result)) return;
      const { started, name, type, span } = operation;
      const ctx = context as unknown as GatewayContext;
      const durationMs = performance.now() - started;
      const codes = (result.errors ?? []).map((error) => errorCode(error as GraphQLError));
      const outcome = codes.length === 0 ? 'ok' : 'error';
      if (metrics) {
        const operationLabel = metrics.operationLabel(name);
        metrics.operations.inc({ operation: operationLabel, type, outcome });
        metrics.operationDuration.observe({ operation: operationLabel, type }, durationMs / 1000);
        for (const code of codes) metrics.errors.inc({ code });
      }
      if (span) {
        if (codes.length > 0) span.setStatus({ code: SpanStatusCode.ERROR, message: codes.join(',') });
        span.end();
      }
      operations.info(
        {
          requestId: ctx.requestId,
          operation: name ?? null,
          type,
          outcome,
          errorCodes: codes.length > 0 ? codes : undefined,
          durationMs: Math.round(durationMs * 10) / 10,
          upstream: ctx.upstreamCalls.length > 0 ? ctx.upstreamCalls : undefined,
          ...ctx.logFields,
        },
        'graphql operation',
      );
    },
  };
}
