import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { eventually } from './receiver.js';

/**
 * A graphql-ws subscriber that records what it receives. `ready` resolves once the server
 * has the subscription (a first `__typename`-free ping round trip is not in the protocol,
 * so we wait for the connection ack and then a short settle).
 */
export async function subscribe(
  graphqlUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  connectionParams: Record<string, string> = {},
) {
  const received: Array<Record<string, any>> = []; // eslint-disable-line @typescript-eslint/no-explicit-any
  const errors: unknown[] = [];
  let connected!: () => void;
  let closed!: (event: unknown) => void;
  const ack = new Promise<void>((resolve, reject) => {
    connected = resolve;
    closed = (event) => reject(Object.assign(new Error('the server closed the connection'), { event }));
  });
  const client: Client = createClient({
    url: graphqlUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams,
    on: { connected: () => connected(), closed: (event) => closed(event) },
  });
  const unsubscribe = client.subscribe(
    { query, variables },
    {
      next: (value) =>
        value.errors ? errors.push(...value.errors) : received.push(value.data as Record<string, unknown>),
      error: (error) => errors.push(error),
      complete: () => undefined,
    },
  );
  await ack;
  await new Promise((resolve) => setTimeout(resolve, 50)); // the subscribe message reaches the server
  return {
    received,
    errors,
    /** Waits for the n-th event (1-based). */
    next: (n = received.length + 1, timeoutMs = 5000) => eventually(() => received[n - 1], timeoutMs),
    async close() {
      unsubscribe();
      await client.dispose();
    },
  };
}
