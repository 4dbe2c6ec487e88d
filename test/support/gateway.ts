import 'reflect-metadata';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { buildGatewaySchema } from '../../src/graphql/schema.js';
import { startGatewayServer, type GatewayServerOptions } from '../../src/http/gateway-server.js';
import { devApp } from '../../src/sandbox/apps.js';
import { BeeCloudClient, type BeeCloudClientOptions } from '../../src/upstream/beecloud-client.js';
import { RawClient, startTestSandbox } from './sandbox.js';

export interface GraphQLAnswer<T> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
}

const schema = buildGatewaySchema();

/**
 * A sandbox and a gateway over it, both on free ports: the whole chain gateway → got →
 * sandbox over real HTTP. `upstreamRequests()` counts the REST calls the sandbox received.
 */
export async function startTestGateway(
  options: {
    client?: Partial<BeeCloudClientOptions>;
    baseUrls?: (sandboxUrl: string) => string[];
    server?: Partial<GatewayServerOptions>;
  } = {},
) {
  const sandbox = await startTestSandbox();
  const app = devApp();
  const api = new BeeCloudClient({
    credentials: { appId: app.appId, appSecret: app.appSecret, masterSecret: app.masterSecret },
    baseUrls: options.baseUrls?.(sandbox.url) ?? [sandbox.url],
    retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
    ...options.client,
  });
  const logLines: string[] = [];
  const gateway = await startGatewayServer({
    schema: await schema,
    api,
    port: 0,
    log: (line) => logLines.push(line),
    ...options.server,
  });
  const graphqlUrl = `${gateway.url}/graphql`;

  return {
    sandbox,
    gateway,
    graphqlUrl,
    logLines,
    /** A raw BeeCloud client on the same sandbox, for setting up and checking state. */
    rest: new RawClient(sandbox.url),
    upstreamRequests: () => sandbox.logLines.filter((line) => line.includes(' /2/rest/')).length,
    async run<TData, TVariables>(
      document: TypedDocumentNode<TData, TVariables>,
      variables?: TVariables,
    ): Promise<GraphQLAnswer<TData>> {
      const response = await fetch(graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: print(document), variables }),
      });
      return {
        status: response.status,
        ...((await response.json()) as Omit<GraphQLAnswer<TData>, 'status'>),
      };
    },
    async close() {
      await gateway.close();
      await sandbox.close();
    },
  };
}

export type TestGateway = Awaited<ReturnType<typeof startTestGateway>>;

/** The data of an answer that must have succeeded. */
export function dataOf<T>(answer: GraphQLAnswer<T>): T {
  if (answer.errors?.length || !answer.data)
    throw new Error(`GraphQL errors: ${JSON.stringify(answer.errors)}`);
  return answer.data;
}
