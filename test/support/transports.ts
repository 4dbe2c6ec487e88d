import type { GraphQLFormattedError } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

/** The three ways a client sends an operation to the gateway. */
export const TRANSPORTS = ['GET', 'POST', 'WebSocket'] as const;
export type Transport = (typeof TRANSPORTS)[number];

export interface GraphQLRequestBody {
  query?: string;
  variables?: Record<string, unknown>;
  operationName?: string;
  extensions?: Record<string, unknown>;
}

/** One answer, as comparable across transports as the transports allow. */
export interface TransportAnswer {
  transport: Transport;
  /** The HTTP status; absent over WebSocket. */
  status?: number;
  headers?: Headers;
  data?: unknown;
  errors?: GraphQLFormattedError[];
  extensions?: Record<string, unknown>;
  /** WebSocket: the close code, when the server closed the socket instead of answering. */
  closed?: number;
}

/**
 * Sends `request` over one transport: GET with the request in the query string (and the
 * header Apollo's CSRF prevention asks of a non-browser client), POST as JSON, or one
 * graphql-ws operation on its own socket, with `headers`' credentials as connectionParams.
 */
export async function sendOver(
  transport: Transport,
  graphqlUrl: string,
  request: GraphQLRequestBody,
  headers: Record<string, string> = {},
): Promise<TransportAnswer> {
  if (transport === 'WebSocket') return overWebSocket(graphqlUrl, request, headers);
  let response: Response;
  if (transport === 'GET') {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(request))
      if (value !== undefined) search.set(name, typeof value === 'string' ? value : JSON.stringify(value));
    response = await fetch(`${graphqlUrl}?${search}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true', ...headers },
    });
  } else {
    response = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(request),
    });
  }
  const body = (await response.json()) as Omit<TransportAnswer, 'transport'>;
  return { transport, status: response.status, headers: response.headers, ...body };
}

/** The same request over GET, POST and WebSocket, one after the other. */
export async function sendOverEach(
  graphqlUrl: string,
  request: GraphQLRequestBody,
  headers: Record<string, string> = {},
  transports: readonly Transport[] = TRANSPORTS,
): Promise<TransportAnswer[]> {
  const answers: TransportAnswer[] = [];
  for (const transport of transports) answers.push(await sendOver(transport, graphqlUrl, request, headers));
  return answers;
}

/**
 * What a client reads of an answer on every transport: data, and errors without their
 * locations and without the ids that are each request's own (`requestId`, `traceId`).
 */
export const comparable = (answer: TransportAnswer) => ({
  data: answer.data,
  errors: answer.errors?.map(({ locations: _, ...error }) => withoutIds(error)),
});

/** An error without the ids every error carries, which differ from one request to the next. */
export function withoutIds<T extends { extensions?: Record<string, unknown> }>(error: T): T {
  if (!error.extensions) return error;
  const { requestId: _request, traceId: _trace, ...extensions } = error.extensions;
  return { ...error, extensions };
}

function overWebSocket(
  graphqlUrl: string,
  request: GraphQLRequestBody,
  headers: Record<string, string>,
): Promise<TransportAnswer> {
  const connectionParams: Record<string, string> = {};
  if (headers.authorization) connectionParams.authorization = headers.authorization;
  if (headers['x-api-key']) connectionParams.apiKey = headers['x-api-key'];
  return new Promise((resolve) => {
    const answer: TransportAnswer = { transport: 'WebSocket' };
    const client = createClient({
      url: graphqlUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
      connectionParams,
      on: {
        closed: (event) => {
          const code = (event as { code?: number }).code;
          if (code !== 1000) answer.closed = code; // 1000: closed by us once answered
          resolve(answer);
        },
      },
    });
    const done = () => void client.dispose();
    client.subscribe(
      {
        query: request.query ?? '',
        variables: request.variables,
        operationName: request.operationName,
        extensions: request.extensions,
      },
      {
        next: (result) => {
          answer.data = result.data;
          if (result.errors) answer.errors = [...result.errors];
          if (result.extensions) answer.extensions = result.extensions as Record<string, unknown>;
        },
        error: (error) => {
          if (Array.isArray(error)) answer.errors = error as GraphQLFormattedError[];
          done();
        },
        complete: done,
      },
    );
  });
}
