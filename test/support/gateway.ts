import { Authenticator } from '../../src/auth/authenticator.js';
import 'reflect-metadata';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { assembleGateway, type AssembleOptions } from '../../src/gateway.js';
import { devApp, type SandboxApp } from '../../src/sandbox/apps.js';
import { BeeCloudClient, type BeeCloudClientOptions } from '../../src/upstream/beecloud-client.js';
import { collectingLogger } from './log.js';
import { silentLogger } from '../../src/node-http/logger.js';
import type { CompiledExecutorOptions } from '../../src/graphql/compiled-executor.js';
import { RawClient, startTestSandbox } from './sandbox.js';
import { startRedis } from './redis.js';

export interface GraphQLAnswer<T> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
  extensions?: Record<string, unknown>;
}

/**
 * A sandbox and a gateway over it, both on free ports: the whole chain gateway → got →
 * sandbox over real HTTP, with the sandbox's webhooks going to the gateway as under
 * `npm start` (retries sped up 1000×). `upstreamRequests()` counts the REST calls the
 * sandbox received. The record cache is off unless `server.cacheTtlMs` turns it on.
 */
export async function startTestGateway(
  options: {
    client?: Partial<BeeCloudClientOptions>;
    baseUrls?: (sandboxUrl: string) => string[];
    server?: Partial<AssembleOptions>;
    /** Divides the sandbox's webhook retry schedule; default 1000. */
    sandboxSpeedup?: number;
  } = {},
) {
  const app = devApp();
  const sandbox = await startTestSandbox({ apps: [app], webhookSpeedup: options.sandboxSpeedup ?? 1000 });
  const credentials = { appId: app.appId, appSecret: app.appSecret, masterSecret: app.masterSecret };
  const api = new BeeCloudClient({
    credentials,
    baseUrls: options.baseUrls?.(sandbox.url) ?? [sandbox.url],
    retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
    ...options.client,
  });
  const log = collectingLogger();
  const assembled = await assembleGateway({
    api,
    credentials,
    cacheTtlMs: 0,
    authenticator: new Authenticator({ kind: 'disabled' }),
    port: 0,
    logger: log.logger,
    compiledExecutor: executorUnderTest(),
    // As over the embedded sandbox: the demo offers the sandbox's pages and actions.
    demo: { sandboxUrl: sandbox.url },
    ...options.server,
  });
  app.webhookUrl = assembled.webhookUrl;
  sandbox.trustGatewayOn(assembled.gateway.port);
  const { gateway } = assembled;
  const graphqlUrl = `${gateway.url}/graphql`;

  return {
    app,
    sandbox,
    gateway,
    assembled,
    graphqlUrl,
    /** The gateway's JSON log lines, as written; `logMessages()` their `msg`. */
    logLines: log.lines,
    logEntries: log.entries,
    logMessages: log.messages,
    /** A raw BeeCloud client on the same sandbox, for setting up and checking state. */
    rest: new RawClient(sandbox.url, app),
    upstreamRequests: () => sandbox.runtime.stats.restRequests,
    /** Waits until the sandbox delivered every webhook of a transaction to the gateway. */
    webhooksDelivered: (transactionId: string) =>
      new RawClient(sandbox.url, app).webhooksDelivered(transactionId),
    /** A query of any text (what the typed `run` cannot express); `headers` add credentials. */
    async post<TData = Record<string, any>>( // eslint-disable-line @typescript-eslint/no-explicit-any
      query: string,
      variables?: unknown,
      headers: Record<string, string> = {},
    ): Promise<GraphQLAnswer<TData>> {
      const response = await fetch(graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return {
        status: response.status,
        ...((await response.json()) as Omit<GraphQLAnswer<TData>, 'status'>),
      };
    },
    run<TData, TVariables>(
      document: TypedDocumentNode<TData, TVariables>,
      variables?: TVariables,
    ): Promise<GraphQLAnswer<TData>> {
      return this.post<TData>(print(document), variables);
    },
    async close() {
      await assembled.close();
      await sandbox.close();
    },
  };
}

export type TestGateway = Awaited<ReturnType<typeof startTestGateway>>;

/**
 * The executor the suites run with: as deployed (queries compiled after 10 runs, so most test
 * queries run through graphql-js), or — in jest's `compiled` project (jest.config.js), which
 * runs the GraphQL suites again — every query compiled from its first run.
 */
function executorUnderTest(): CompiledExecutorOptions | undefined {
  return process.env.TEST_EXECUTOR === 'compiled' ? { compileAfter: 0, maxCompiled: 1000 } : undefined;
}

/** The data of an answer that must have succeeded. */
export function dataOf<T>(answer: GraphQLAnswer<T>): T {
  if (answer.errors?.length || !answer.data)
    throw new Error(`GraphQL errors: ${JSON.stringify(answer.errors)}`);
  return answer.data;
}

/**
 * Another gateway over an existing sandbox, as `app` (a replica, or one restarted on the same
 * port): no auth, no cache, silent, unless `options` says otherwise.
 */
export function assembleOver(sandboxUrl: string, app: SandboxApp, options: Partial<AssembleOptions> = {}) {
  return assembleGateway({
    api: new BeeCloudClient({ credentials: app, baseUrls: [sandboxUrl] }),
    credentials: app,
    cacheTtlMs: 0,
    authenticator: new Authenticator({ kind: 'disabled' }),
    port: 0,
    logger: silentLogger(),
    ...options,
  });
}

/**
 * Two gateway replicas over one sandbox, sharing one real redis-server (declare the suite with
 * describeWithRedis); the sandbox's webhooks go to replica A, as BeeCloud calls one URL.
 */
export async function startReplicas(options: Partial<AssembleOptions> = {}) {
  const redis = await startRedis();
  const app = devApp();
  const sandbox = await startTestSandbox({ apps: [app], webhookSpeedup: 1000 });
  const replica = () => assembleOver(sandbox.url, app, { redisUrl: redis.url, ...options });
  const [a, b] = [await replica(), await replica()];
  app.webhookUrl = a.webhookUrl;
  return {
    app,
    a,
    b,
    rest: new RawClient(sandbox.url, app),
    async close() {
      await a.close();
      await b.close();
      await sandbox.close();
      await redis.stop();
    },
  };
}
