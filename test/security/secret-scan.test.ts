import { JWT_SECRET, KEYS, jwtFor, testAuthenticator } from '../support/auth.js';
import { startTestGateway } from '../support/gateway.js';
import { uniqueBillNo, uniqueRefundNo } from '../support/sandbox.js';

/**
 * Everything the gateway answered (bodies and headers) and logged during a varied run —
 * successes, refusals, upstream failures, bad credentials, webhooks — is scanned for the
 * secrets it holds: BeeCloud's app and master secrets, the API keys, the JWT secret and the
 * tokens callers sent. None may appear.
 */
describe('secret hygiene', () => {
  it('never answers or logs a configured secret or a caller’s credential', async () => {
    const t = await startTestGateway({
      server: { authenticator: testAuthenticator(), rateLimit: { burst: 500, perSecond: 100 } },
    });
    const answered: string[] = [];
    const token = await jwtFor(['bills:read', 'refunds:read']);
    const call = async (query: string, headers: Record<string, string>, variables?: object) => {
      const response = await fetch(t.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      response.headers.forEach((value, name) => answered.push(`${name}: ${value}`));
      answered.push(await response.text());
    };
    try {
      const every = { authorization: `Bearer ${KEYS.everything.key}` };
      const billNo = uniqueBillNo();
      await call(
        'mutation($i: CreateBillInput!) { createBill(input: $i) { billId payload { __typename ... on UnAppPayload { tn } } userErrors { message } } }',
        every,
        {
          i: { channel: 'UN_APP', billNo, totalFeeFen: 100, title: 't' },
        },
      );
      await t.rest.control('POST', `bills/${billNo}/pay`);
      await t.webhooksDelivered(billNo);
      await call(
        'mutation($i: CreateRefundInput!) { createRefund(input: $i) { refundId userErrors { message } } }',
        every,
        {
          i: { billNo, refundNo: uniqueRefundNo(), refundFeeFen: 10 },
        },
      );
      await call('{ bills { items { billNo messageDetail optional } } refunds { items { refundNo } } }', {
        authorization: `Bearer ${token}`,
      });
      await call('{ billsCount }', { authorization: `Bearer ${KEYS.readOnly.key}x` }); // a wrong key
      await call('{ billsCount }', { authorization: `Bearer ${token.slice(0, -2)}xx` }); // a tampered token
      await call(
        'mutation { createBill(input: {channel: UN_APP, billNo: "x", totalFeeFen: 1, title: "t"}) { billId } }',
        { 'x-api-key': KEYS.readOnly.key },
      );
      await t.rest.control('POST', 'faults', { kind: 'runtime_error', path_prefix: '/2/rest/bills' });
      await call('{ bills { items { id } } }', every);
      await t.rest.control('POST', 'faults', { kind: 'http_500', times: 5 });
      await call('{ bills { items { id } } }', every);
      await t.rest.control('DELETE', 'faults');
      await call('{ bill(id: 1 }', every);
      const forged = await fetch(t.assembled.webhookUrl, {
        method: 'POST',
        body: JSON.stringify({ signature: 'f'.repeat(32), transaction_type: 'PAY' }),
      });
      answered.push(await forged.text());
      answered.push(await (await fetch(`${t.gateway.url}/metrics`)).text());

      // A gateway whose BeeCloud secret is wrong: BeeCloud says APP_INVALID; the secret stays in.
      const wrong = await startTestGateway({
        client: { credentials: { ...t.app, appSecret: 'wrong-app-secret-value-1234' } },
      });
      try {
        const response = await fetch(wrong.graphqlUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"query":"{ billsCount }"}',
        });
        const text = await response.text();
        expect(text).toContain('APP_INVALID');
        answered.push(text, ...wrong.logLines);
        expect(answered.join('\n')).not.toContain('wrong-app-secret-value-1234');
      } finally {
        await wrong.close();
      }

      const everything = [...answered, ...t.logLines].join('\n');
      const secrets = {
        appSecret: t.app.appSecret,
        masterSecret: t.app.masterSecret,
        jwtSecret: JWT_SECRET,
        jwt: token,
        ...Object.fromEntries(Object.entries(KEYS).map(([name, key]) => [`apiKey:${name}`, key.key])),
        ...Object.fromEntries(
          Object.entries(KEYS).map(([name, key]) => [
            `apiKeySecretPart:${name}`,
            key.key.slice(`bcg_${key.entry.id}_`.length),
          ]),
        ),
      };
      expect(everything.length).toBeGreaterThan(2000);
      for (const [name, secret] of Object.entries(secrets)) {
        expect({ name, found: everything.includes(secret) }).toEqual({ name, found: false });
      }
    } finally {
      await t.close();
    }
  }, 60_000);
});
