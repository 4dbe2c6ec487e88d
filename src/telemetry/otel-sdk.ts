import { setTracing } from './tracing.js';

/**
 * Whether the environment asks for traces, by OpenTelemetry's own variables: an OTLP endpoint
 * (OTEL_EXPORTER_OTLP_ENDPOINT, or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT for traces alone), and
 * not OTEL_SDK_DISABLED=true.
 */
export function tracingWanted(env: NodeJS.ProcessEnv): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return false;
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

/**
 * Starts OpenTelemetry's Node SDK for traces when the environment asks for them, configured by
 * the standard OTEL_* variables (exporter endpoint, protocol and headers, sampler, batch
 * settings, OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES). Returns how to flush and stop it, or
 * nothing when tracing stays off — then the SDK is not even loaded.
 *
 * Traces only: metrics stay Prometheus (/metrics) and logs stay JSON lines, so the SDK's own
 * metrics and logs exporters default to none. Propagation defaults to W3C `traceparent` alone:
 * a caller's `baggage` would otherwise be forwarded to BeeCloud with every upstream call.
 */
export async function startTracing(
  env: NodeJS.ProcessEnv,
  serviceName = 'beecloud-graphql',
): Promise<{ shutdown(): Promise<void> } | undefined> {
  if (!tracingWanted(env)) return undefined;
  env.OTEL_METRICS_EXPORTER ??= 'none';
  env.OTEL_LOGS_EXPORTER ??= 'none';
  env.OTEL_PROPAGATORS ??= 'tracecontext';
  env.OTEL_SERVICE_NAME ??= serviceName;
  const { NodeSDK } = await import('@opentelemetry/sdk-node');
  const sdk = new NodeSDK({ instrumentations: [] });
  sdk.start();
  setTracing(true);
  return {
    async shutdown() {
      setTracing(false);
      await sdk.shutdown();
    },
  };
}
