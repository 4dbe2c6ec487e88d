import { dataOf, startReplicas, startTestGateway, type TestGateway } from '../support/gateway.js';
import { eventually } from '../support/receiver.js';
import { RawClient, uniqueBillNo, uniqueRefundNo } from '../support/sandbox.js';
import { subscribe } from '../support/subscriber.js';
import { describeWithRedis } from '../support/services.js';
import { comparable, sendOverEach } from '../support/transports.js';

const EVENTS = 'subscription($after: ID) { paymentEvents(after: $after) { id type transactionId } }';
type Received = { id: string; type: string; transactionId: string };

/** Pays an ALI bill and refunds part of it (ALI refunds complete on confirmation, with a webhook). */
async function payAndRefund(
  rest: RawClient,
  graphql: (query: string, variables: unknown) => Promise<unknown>,
) {
  const billNo = uniqueBillNo();
  const refundNo = uniqueRefundNo();
  await rest.paidBill({ bill_no: billNo, channel: 'ALI_APP', total_fee: 800 });
  await graphql(
    'mutation($input: CreateRefundInput!) { createRefund(input: $input) { userErrors { code } } }',
    { input: { billNo, refundNo, refundFeeFen: 300 } },
  );
  await rest.control('POST', `refunds/${refundNo}/confirm`);
  return { billNo, refundNo };
}

/**
 * Subscribes, receives one event, drops the socket; a payment and a refund happen while it is
 * gone; it comes back with `after` and must receive exactly those two, in order, then the next
 * live one, and nothing twice.
 */
async function dropAndResume(
  before: string,
  after: string,
  rest: RawClient,
  graphql: (query: string, variables: unknown) => Promise<unknown>,
) {
  const first = await subscribe(before, EVENTS);
  const opening = await rest.paidBill();
  const seen = (await first.next(1)).paymentEvents as Received;
  expect(seen.transactionId).toBe(opening.billNo);
  await first.close(); // the phone loses signal

  const missed = await payAndRefund(rest, graphql);
  await rest.webhooksDelivered(missed.refundNo);

  const resumed = await subscribe(after, EVENTS, { after: seen.id });
  try {
    await resumed.next(2);
    const live = await rest.paidBill();
    await resumed.next(3);
    await new Promise((resolve) => setTimeout(resolve, 200)); // anything extra would be here by now
    const received = resumed.received.map((data) => data.paymentEvents as Received);
    expect(received.map(({ type, transactionId }) => [type, transactionId])).toEqual([
      ['PAY', missed.billNo],
      ['REFUND', missed.refundNo],
      ['PAY', live.billNo],
    ]);
    expect(new Set(received.map((event) => event.id)).size).toBe(3);
    expect(resumed.errors).toEqual([]);
  } finally {
    await resumed.close();
  }
}

describe('replayable payment events on one gateway', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway();
  });
  afterAll(() => t.close());
  const graphql = (query: string, variables: unknown) => t.post(query, variables).then(dataOf);

  it('a subscriber that dropped its socket resumes with after: the missed events in order, then live ones', async () => {
    await dropAndResume(t.graphqlUrl, t.graphqlUrl, t.rest, graphql);
  });

  it('resumes billUpdated and refundUpdated after an id, with only their own events', async () => {
    const { billNo, refundNo } = await payAndRefund(t.rest, graphql);
    await t.webhooksDelivered(refundNo); // answered: the event is logged before that
    const listed = dataOf(
      await t.post<{ paymentEvents: { nodes: Received[] } }>(
        'query($billNo: String) { paymentEvents(first: 10, filter: { billNo: $billNo }) { nodes { id type transactionId } } }',
        { billNo },
      ),
    ).paymentEvents.nodes;
    expect(listed.map((event) => event.type)).toEqual(['PAY', 'REFUND']);
    const bill = await subscribe(
      t.graphqlUrl,
      'subscription($billNo: String, $after: ID) { billUpdated(billNo: $billNo, after: $after) { type transactionId } }',
      { billNo, after: listed[0]!.id },
    );
    const refund = await subscribe(
      t.graphqlUrl,
      'subscription($refundNo: String!, $after: ID) { refundUpdated(refundNo: $refundNo, after: $after) { type } }',
      // From before the bill's payment: only the refund's own event comes back.
      { refundNo, after: '0-0' },
    );
    try {
      expect((await bill.next(1)).billUpdated).toEqual({ type: 'REFUND', transactionId: refundNo });
      expect((await refund.next(1)).refundUpdated).toEqual({ type: 'REFUND' });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect([bill.received.length, refund.received.length]).toEqual([1, 1]);
    } finally {
      await bill.close();
      await refund.close();
    }
  });

  it('lists past events as a connection, oldest first, filtered, the same on every transport', async () => {
    const { billNo, refundNo } = await payAndRefund(t.rest, graphql);
    await t.webhooksDelivered(refundNo); // answered: the event is logged before that
    const query =
      'query($after: ID, $filter: PaymentEventFilter) { paymentEvents(first: 1, after: $after, filter: $filter) ' +
      '{ totalCount nodes { type transactionId bill { billNo } } pageInfo { endCursor hasNextPage hasPreviousPage } } }';
    const filter = { billNo };
    const answers = await sendOverEach(t.graphqlUrl, { query, variables: { filter } });
    const first = answers[0]!;
    for (const answer of answers) expect(comparable(answer)).toEqual(comparable(first));
    type Page = { paymentEvents: { pageInfo: { endCursor: string } } };
    const page = (first.data as Page).paymentEvents;
    expect(page).toMatchObject({
      totalCount: 2,
      nodes: [{ type: 'PAY', transactionId: billNo, bill: { billNo } }],
      pageInfo: { hasNextPage: true, hasPreviousPage: false },
    });
    const next = dataOf(
      await t.post<Page>(query, {
        filter,
        after: page.pageInfo.endCursor,
      }),
    ).paymentEvents;
    expect(next).toMatchObject({
      nodes: [{ type: 'REFUND', transactionId: refundNo }],
      pageInfo: { hasNextPage: false, hasPreviousPage: true },
    });
    const refunds = dataOf(
      await t.post<{ paymentEvents: { nodes: Array<{ type: string }> } }>(
        '{ paymentEvents(first: 200, filter: { type: REFUND }) { nodes { type } } }',
      ),
    ).paymentEvents.nodes;
    expect(refunds.length).toBeGreaterThan(0);
    expect(refunds.every((event) => event.type === 'REFUND')).toBe(true);
  });

  it('refuses a malformed after on every transport, and a page over 200', async () => {
    const answers = await sendOverEach(t.graphqlUrl, {
      query: 'query($after: ID) { paymentEvents(after: $after) { nodes { id } } }',
      variables: { after: 'not-an-id' },
    });
    for (const answer of answers)
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const big = await t.post('{ paymentEvents(first: 201) { nodes { id } } }');
    expect(big.errors?.[0]?.extensions?.code).toMatch(/BAD_USER_INPUT|COST_LIMIT_EXCEEDED/);
  });

  it('needs both read scopes, like the subscription', async () => {
    const { KEYS, testAuthenticator } = await import('../support/auth.js');
    const guarded = await startTestGateway({ server: { authenticator: testAuthenticator() } });
    try {
      const answer = await guarded.post('{ paymentEvents { nodes { id } } }', undefined, {
        authorization: `Bearer ${KEYS.readOnlyBills.key}`,
      });
      expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    } finally {
      await guarded.close();
    }
  });
});

describe('a resume from before what the event log keeps', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ server: { eventRetention: { maxEvents: 2, maxAgeMs: 60_000 } } });
  });
  afterAll(() => t.close());

  it('is EVENTS_EXPIRED, telling the client to re-read the bill, over the subscription and the query', async () => {
    const events = [];
    for (let i = 0; i < 3; i++) {
      const { billNo } = await t.rest.paidBill();
      await t.webhooksDelivered(billNo);
      events.push(billNo);
    }
    const oldest = dataOf(
      await t.post<{ paymentEvents: { nodes: Array<{ id: string }> } }>('{ paymentEvents { nodes { id } } }'),
    ).paymentEvents.nodes;
    expect(oldest).toHaveLength(2); // the first was dropped
    for (let i = 0; i < 2; i++) {
      // The second, then the third are dropped: resuming after the second would miss the third.
      const { billNo } = await t.rest.paidBill();
      await t.webhooksDelivered(billNo);
    }
    const sub = await subscribe(t.graphqlUrl, EVENTS, { after: oldest[0]!.id });
    try {
      await eventually(() => sub.errors.length > 0);
      expect(sub.errors[0]).toMatchObject({
        message: expect.stringContaining('re-read the bill'),
        extensions: { code: 'EVENTS_EXPIRED' },
      });
    } finally {
      await sub.close();
    }
    const listed = await t.post('query($after: ID) { paymentEvents(after: $after) { nodes { id } } }', {
      after: oldest[0]!.id,
    });
    expect(listed.errors?.[0]).toMatchObject({
      message: expect.stringContaining('re-read the bill'),
      extensions: { code: 'EVENTS_EXPIRED' },
    });
  });
});

describeWithRedis('replayable payment events across two replicas', () => {
  let replicas: Awaited<ReturnType<typeof startReplicas>>;
  beforeAll(async () => {
    replicas = await startReplicas(); // BeeCloud calls replica A
  }, 30_000);
  afterAll(() => replicas?.close());

  it('a subscriber dropped on replica A resumes on replica B from the shared log', async () => {
    const { a, b, rest } = replicas;
    const graphql = async (query: string, variables: unknown) => {
      const response = await fetch(`${b.gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return response.json();
    };
    await dropAndResume(`${a.gateway.url}/graphql`, `${b.gateway.url}/graphql`, rest, graphql);
  });
});
