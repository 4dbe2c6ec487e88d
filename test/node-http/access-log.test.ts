import { createServer } from 'node:http';
import { logAccess } from '../../src/node-http/access-log.js';
import { closeServer, listen } from '../../src/node-http/listen.js';
import { collectingLogger } from '../support/log.js';

describe('access lines', () => {
  it('hold the fixed fields only — no header, query string or body — while other lines keep their redaction', async () => {
    const { logger, entries } = collectingLogger();
    const server = createServer((req, res) => {
      logAccess(req, res, new URL(req.url!, 'http://x').pathname, logger, () => ({ operation: 'Probe' }));
      req.resume();
      req.on('end', () => res.end('ok'));
    });
    const { url } = await listen(server, 0, '127.0.0.1');
    try {
      const response = await fetch(`${url}/graphql?app_sign=query-secret`, {
        method: 'POST',
        headers: { authorization: 'Bearer header-secret', 'x-request-id': 'line-1' },
        body: 'body-secret',
      });
      await response.text();
      // A line written after an access line: the access logger's lack of redaction is its own.
      logger.info({ app_secret: 'logged-secret', nested: { key: 'nested-secret' }, kept: 1 }, 'other');
    } finally {
      await closeServer(server);
    }
    const [access, other] = entries();
    expect(Object.keys(access!).sort()).toEqual(
      ['level', 'time', 'msg', 'req_id', 'method', 'path', 'status', 'ms', 'operation'].sort(),
    );
    expect(access).toMatchObject({ msg: 'request', req_id: 'line-1', path: '/graphql', operation: 'Probe' });
    expect(other).toMatchObject({ msg: 'other', kept: 1, nested: {} });
    expect(JSON.stringify(entries())).not.toMatch(/secret/);
  });
});
