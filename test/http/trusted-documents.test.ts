import { createHash } from 'node:crypto';
import { print } from 'graphql';
import { DEFAULT_TRUSTED_DOCUMENTS_FILE, loadConfig } from '../../src/config.js';
import { TrustedDocuments } from '../../src/graphql/trusted-documents.js';
import { BillsCountDocument, BillUpdatedDocument } from '../../schema/generated/graphql.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { eventually } from '../support/receiver.js';
import { subscribe } from '../support/subscriber.js';

/** PERSISTED_OPERATIONS_ONLY: the manifest's documents run, nothing else, on every transport. */

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({
    server: { trustedDocuments: TrustedDocuments.fromFile(DEFAULT_TRUSTED_DOCUMENTS_FILE) },
  });
});
afterAll(() => t.close());

const listed = print(BillsCountDocument);
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const postJson = async (body: object) => {
  const response = await fetch(t.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
};

describe('PERSISTED_OPERATIONS_ONLY', () => {
  it('runs a listed document, sent as text (with __typename added, as client caches do) or by its hash alone', async () => {
    expect(await postJson({ query: listed })).toMatchObject({
      status: 200,
      body: { data: { billsCount: expect.any(Number) } },
    });
    const withTypename = listed.replace(
      'billsCount(filter: $filter)',
      'billsCount(filter: $filter)\n  __typename',
    );
    expect((await postJson({ query: withTypename })).status).toBe(200);
    const byHash = await postJson({
      extensions: { persistedQuery: { version: 1, sha256Hash: sha256(listed) } },
    });
    expect(byHash).toMatchObject({ status: 200, body: { data: { billsCount: expect.any(Number) } } });
    const get = await fetch(`${t.graphqlUrl}?query=${encodeURIComponent(listed)}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(200);
  });

  it('refuses any other document before it runs, over POST, GET and WebSocket', async () => {
    const before = t.upstreamRequests();
    const other = await postJson({ query: '{ billsCount }' });
    expect(other).toMatchObject({
      status: 400,
      body: { errors: [{ extensions: { code: 'OPERATION_NOT_TRUSTED' } }] },
    });
    const unknownHash = await postJson({
      extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } },
    });
    expect(unknownHash.body.errors[0].extensions.code).toBe('OPERATION_NOT_TRUSTED');
    const get = await fetch(`${t.graphqlUrl}?query=${encodeURIComponent('{ bills { nodes { id } } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(400);
    const ws = await subscribe(t.graphqlUrl, 'subscription { paymentEvents { type } }', {}, {});
    try {
      await eventually(() => ws.errors.length > 0);
      expect(JSON.stringify(ws.errors)).toContain('OPERATION_NOT_TRUSTED');
    } finally {
      await ws.close();
    }
    expect(t.upstreamRequests()).toBe(before);
  });

  it('serves a listed subscription over WebSocket', async () => {
    const { billNo } = await t.rest.bill();
    const ws = await subscribe(t.graphqlUrl, print(BillUpdatedDocument), { billNo }, {});
    try {
      await t.rest.control('POST', `bills/${billNo}/pay`);
      await eventually(() => ws.received.length > 0);
      expect(ws.errors).toEqual([]);
    } finally {
      await ws.close();
    }
  });

  it('is off by default, and reads the generated manifest (or TRUSTED_DOCUMENTS_FILE) when on', () => {
    expect(loadConfig({}).trustedDocumentsFile).toBeUndefined();
    expect(loadConfig({ PERSISTED_OPERATIONS_ONLY: 'true' }).trustedDocumentsFile).toBe(
      DEFAULT_TRUSTED_DOCUMENTS_FILE,
    );
    expect(TrustedDocuments.fromFile(DEFAULT_TRUSTED_DOCUMENTS_FILE).size).toBeGreaterThan(10);
    expect(() => TrustedDocuments.fromFile('/nonexistent.json')).toThrow(
      'TRUSTED_DOCUMENTS_FILE: cannot read',
    );
  });
});
