import { createServer, type IncomingHttpHeaders } from 'node:http';
import { createTransport } from '../../src/upstream/transport.js';

/** A server that records each request's method and headers and answers with `status`. */
async function recordingServer(status: number, headers: Record<string, string> = {}) {
  const seen: { method?: string; headers: IncomingHttpHeaders }[] = [];
  const server = createServer((req, res) => {
    seen.push({ method: req.method, headers: req.headers });
    req.resume();
    res.writeHead(status, headers).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, seen, close: () => new Promise((r) => server.close(r)) };
}

/** One call through the transport as the client makes it: status and body. */
function exchange(transport: ReturnType<typeof createTransport>, url: string, options?: object) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const stream = transport.stream(url, options);
    const chunks: Buffer[] = [];
    let status = 0;
    stream.on('response', (response: { statusCode: number }) => (status = response.statusCode));
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve({ status, body: Buffer.concat(chunks).toString() }));
    stream.on('error', reject);
  });
}

describe('the upstream transport', () => {
  it('sends our headers, asks for no compression, and leaves status, redirects and retries to the client', async () => {
    const transport = createTransport();
    const failing = await recordingServer(503);
    const redirecting = await recordingServer(302, { location: `${failing.url}/elsewhere` });
    try {
      expect(await exchange(transport, `${failing.url}/2/rest/bills?para=%7B%7D`)).toEqual({
        status: 503,
        body: '{}',
      });
      expect(
        await exchange(transport, `${failing.url}/2/rest/bill`, { method: 'POST', json: { a: 1 } }),
      ).toEqual({
        status: 503,
        body: '{}',
      });
      expect(failing.seen.map(({ method }) => method)).toEqual(['GET', 'POST']); // no retry
      expect(failing.seen[0]!.headers).toMatchObject({
        'user-agent': 'beecloud-graphql',
        accept: 'application/json',
      });
      expect(failing.seen[0]!.headers['accept-encoding']).toBeUndefined();
      expect(failing.seen[1]!.headers['content-type']).toBe('application/json');
      expect((await exchange(transport, redirecting.url)).status).toBe(302);
      expect(failing.seen).toHaveLength(2); // the redirect was not followed
    } finally {
      await Promise.all([failing.close(), redirecting.close()]);
    }
  });

  it("carries no cache options into each call (got's defaults there cost ~80 µs of CPU per call)", () => {
    // See transport.ts: got spreads these into every call's native options; with them empty,
    // that object is built the fast way. `npm run bench:transport` measures the difference.
    expect(Object.keys(createTransport().defaults.options.cacheOptions)).toEqual([]);
  });
});
