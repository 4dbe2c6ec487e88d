import { Agent as HttpAgent, request as httpRequest, type RequestOptions } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { Options, create, type Got } from 'got';

/**
 * The one got instance every upstream call goes through, built once and never extended per
 * request. Only what a call needs is switched on: keep-alive agents (a TLS handshake per
 * call would dominate latency), no got retries (retry-policy.ts decides), no redirects, no
 * decompression (we ask for none), no throwing on HTTP status (BeeCloud answers errors in
 * the body; the client reads the status itself). The client uses it as a stream
 * (`transport.stream`), gathering the body itself.
 *
 * `cacheOptions` is emptied (we set no `cache`, so got never reads them). got spreads them
 * into every call's native request options, ahead of ~30 more keys, and V8 then builds that
 * object the slow way: ~80 µs of CPU per call on Node 20, a third of got's whole cost
 * (`npm run bench:transport`). Only a directly assigned value replaces got's defaults (a
 * merged one is assigned into them), and only `create` keeps it: `got.extend` replays the
 * options it is given.
 *
 * got's own request function (`request`, which got offers for this) is node's, handed only the
 * options that are set: got passes ~35, most of them undefined, and node copies them twice per
 * call (into the request, then in the agent), ~20 µs per call.
 */
export function createTransport(): Got {
  const options = new Options({
    agent: {
      http: new HttpAgent({ keepAlive: true, maxSockets: 256 }),
      https: new HttpsAgent({ keepAlive: true, maxSockets: 256 }),
    },
    retry: { limit: 0 },
    throwHttpErrors: false,
    followRedirect: false,
    decompress: false,
    headers: { 'user-agent': 'beecloud-graphql', accept: 'application/json' },
    request: (url, options, callback) =>
      (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, definedOnly(options), callback),
  });
  options.cacheOptions = {};
  return create({ options, handlers: [], mutableDefaults: false });
}

/** The options with a value: what node's request reads the same as the whole object. */
function definedOnly(options: RequestOptions): RequestOptions {
  const all = options as Record<string, unknown>;
  const defined: Record<string, unknown> = {};
  for (const key of Object.keys(all)) if (all[key] !== undefined) defined[key] = all[key];
  return defined;
}
