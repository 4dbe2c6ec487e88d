import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import got, { type Got } from 'got';

/**
 * The one got instance every upstream call goes through, built once and never extended per
 * request. Only what a call needs is switched on: keep-alive agents (a TLS handshake per
 * call would dominate latency), no got retries (retry-policy.ts decides), no redirects, no
 * decompression (we ask for none), no throwing on HTTP status (BeeCloud answers errors in
 * the body; the client reads the status itself). The client uses it as a stream
 * (`transport.stream`), gathering the body itself.
 */
export function createTransport(): Got {
  return got.extend({
    agent: {
      http: new HttpAgent({ keepAlive: true, maxSockets: 256 }),
      https: new HttpsAgent({ keepAlive: true, maxSockets: 256 }),
    },
    retry: { limit: 0 },
    throwHttpErrors: false,
    followRedirect: false,
    decompress: false,
    headers: { 'user-agent': 'beecloud-graphql', accept: 'application/json' },
  });
}
