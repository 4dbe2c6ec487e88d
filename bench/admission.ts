/**
 * Admission in wall-clock time: every hostile document of the admission property test
 * (test/support/adversarial-documents.ts), sent to a production-mode gateway over HTTP POST
 * (anonymous and with a key), HTTP GET and WebSocket, three times each, while a second client
 * asks /healthz over and over. Reports the worst time to an answer and the worst /healthz wait
 * seen while each was in flight: a document that makes admission work hard shows in both.
 */
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createApiKey } from '../src/auth/api-keys.js';
import {
  adversarialRequests,
  fragmentTree,
  type AdversarialRequest,
} from '../test/support/adversarial-documents.js';
import { gatewayEnv, reportChecks, sandboxEnv, start, waitUntilUp } from './support.js';

const PORTS = { sandbox: 4620, gateway: 4621 };
const sandboxUrl = `http://127.0.0.1:${PORTS.sandbox}`;
const gatewayUrl = `http://127.0.0.1:${PORTS.gateway}`;
const benchKey = createApiKey('bench-admission', [
  'bills:read',
  'bills:create',
  'refunds:read',
  'refunds:create',
  'refunds:review',
]);
const asKeyHolder = { authorization: `Bearer ${benchKey.key}` };
const ROUNDS = 3;
/** What "refused at once" means here: well under one event-loop stall anyone would notice. */
const AT_ONCE_MS = 50;

type Transport = 'POST anonymous' | 'POST' | 'GET' | 'WebSocket';

/** Asks /healthz back to back until stopped; the longest wait seen since the last reset. */
function healthProbe() {
  let worst = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      await fetch(`${gatewayUrl}/healthz`).then((r) => r.arrayBuffer());
      worst = Math.max(worst, performance.now() - started);
    }
  })();
  return {
    take() {
      const seen = worst;
      worst = 0;
      return seen;
    },
    async stop() {
      running = false;
      await loop;
    },
  };
}

async function send(transport: Transport, request: AdversarialRequest): Promise<string> {
  const body = { query: request.query, variables: request.variables, operationName: request.operationName };
  if (transport === 'WebSocket') {
    const client = createClient({
      url: `${gatewayUrl.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: asKeyHolder,
    });
    try {
      return await new Promise<string>((resolve) => {
        client.subscribe(body, {
          next: (result) => resolve(String(result.errors?.[0]?.extensions?.code ?? 'admitted')),
          error: (error) =>
            resolve(Array.isArray(error) ? String(error[0]?.extensions?.code) : 'socket closed'),
          complete: () => resolve('admitted'),
        });
      });
    } finally {
      await client.dispose();
    }
  }
  const headers = transport === 'POST anonymous' ? {} : asKeyHolder;
  const response =
    transport === 'GET'
      ? await fetch(
          `${gatewayUrl}/graphql?${new URLSearchParams(
            Object.entries(body)
              .filter(([, value]) => value !== undefined)
              .map(([name, value]): [string, string] => [
                name,
                typeof value === 'string' ? value : JSON.stringify(value),
              ]),
          )}`,
          { headers: { ...headers, 'apollo-require-preflight': 'true' } },
        )
      : await fetch(`${gatewayUrl}/graphql`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
  const text = await response.text();
  let answer: { errors?: Array<{ extensions?: { code?: string } }> } = {};
  try {
    answer = JSON.parse(text) as typeof answer;
  } catch {
    // not GraphQL's answer (a 431 for a head too long): the status says what happened
  }
  return answer.errors?.[0]?.extensions?.code ?? (response.ok ? 'admitted' : `HTTP ${response.status}`);
}

const sandbox = start('dist-bench/src/sandbox/main.js', sandboxEnv(PORTS.sandbox));
const gateway = start('dist-bench/src/main.js', gatewayEnv(PORTS.gateway, [benchKey.entry], sandboxUrl));
let failed = false;
try {
  await waitUntilUp(`${sandboxUrl}/_sandbox/health`);
  await waitUntilUp(`${gatewayUrl}/healthz`);
  const outage: AdversarialRequest = {
    family: 'the outage (width 100, depth 4)',
    shape: '',
    query: fragmentTree(100, 4),
  };
  const rows: Array<{
    label: string;
    transport: Transport;
    answerMs: number;
    healthMs: number;
    outcome: string;
  }> = [];
  // Warm up on each transport, the probe running: a fresh process (and client) compiles as it
  // goes. Other documents than those measured: Apollo keeps a document it has seen parsed.
  const probe = healthProbe();
  for (let i = 0; i < 30; i++)
    for (const transport of ['POST anonymous', 'POST', 'GET', 'WebSocket'] as const)
      for (const query of ['{ __typename billsCount }', fragmentTree(90 + i, 3)])
        await send(transport, { family: 'warm-up', shape: '', query });
  await new Promise((resolve) => setTimeout(resolve, 1000)); // let the warm-up's sockets close
  for (const request of [outage, ...adversarialRequests()]) {
    const urlFits = JSON.stringify(request).length < 12_000;
    for (const transport of ['POST anonymous', 'POST', 'GET', 'WebSocket'] as const) {
      if (transport === 'GET' && !urlFits) continue;
      let answerMs = 0;
      let outcome = '';
      probe.take();
      for (let round = 0; round < ROUNDS; round++) {
        const started = performance.now();
        outcome = await send(transport, request);
        answerMs = Math.max(answerMs, performance.now() - started);
      }
      rows.push({
        label: `${request.family} ${request.shape}`.trim(),
        transport,
        answerMs,
        healthMs: probe.take(),
        outcome,
      });
    }
  }
  await probe.stop();

  console.log(
    `worst of ${ROUNDS} per row; /healthz: the longest wait while the row's requests were in flight\n`,
  );
  console.log(
    '| document | transport | answer ms | /healthz ms | outcome |\n| --- | --- | --- | --- | --- |',
  );
  for (const row of rows)
    console.log(
      `| ${row.label} | ${row.transport} | ${row.answerMs.toFixed(1)} | ${row.healthMs.toFixed(1)} | ${row.outcome} |`,
    );
  const worst = rows.reduce((a, b) => (b.answerMs > a.answerMs ? b : a));
  const worstHealth = rows.reduce((a, b) => (b.healthMs > a.healthMs ? b : a));
  console.log(`\nworst answer: ${worst.answerMs.toFixed(1)} ms (${worst.label}, ${worst.transport})`);
  console.log(
    `worst /healthz wait: ${worstHealth.healthMs.toFixed(1)} ms (${worstHealth.label}, ${worstHealth.transport})`,
  );
  const outageRows = rows.filter((row) => row.label.startsWith('the outage'));
  failed = reportChecks([
    [
      `the width-100 tree is refused in under ${AT_ONCE_MS} ms on every transport (worst ${Math.max(...outageRows.map((r) => r.answerMs)).toFixed(1)} ms)`,
      outageRows.every((row) => row.answerMs < AT_ONCE_MS && row.outcome === 'COST_LIMIT_EXCEEDED'),
    ],
    [
      `/healthz answers within ${AT_ONCE_MS} ms while it is sent (worst ${Math.max(...outageRows.map((r) => r.healthMs)).toFixed(1)} ms)`,
      outageRows.every((row) => row.healthMs < AT_ONCE_MS),
    ],
    [
      'no hostile document gets an internal error',
      rows.every((row) => !/INTERNAL|HTTP 5|socket closed/.test(row.outcome)),
    ],
  ]);
} finally {
  gateway.kill('SIGTERM');
  sandbox.kill('SIGTERM');
}
process.exit(failed ? 1 : 0);
