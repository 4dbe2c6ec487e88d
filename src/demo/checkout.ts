/**
 * The checkout demo, in the browser: pick a channel and an amount, create the bill through
 * GraphQL, show what the channel needs (a QR code drawn here, a link or a form), hear the
 * payment over graphql-ws, then refund and watch the refund settle. It uses the typed
 * documents codegen makes from schema/operations, so it is also the example of a typed
 * client. It talks to this gateway only: never to a CDN, never to the sandbox's control API.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient } from 'graphql-ws';
import QRCode from 'qrcode';
import {
  BillUpdatedDocument,
  CreateBillDocument,
  CreateRefundDocument,
  RefundUpdatedDocument,
  SyncRefundStatusDocument,
  type Channel,
  type CreateBillMutation,
  type RefundState,
} from '../../schema/generated/graphql.js';
import { ONLINE_CHANNELS, familyOf, settlesByStatusQuery } from '../wire/channels.js';
import { chinaDate } from '../wire/rules.js';

type Payload = NonNullable<CreateBillMutation['createBill']['payload']>;

const byTestId = <T extends HTMLElement>(id: string) => document.querySelector<T>(`[data-testid="${id}"]`)!;
const ui = {
  channel: byTestId<HTMLSelectElement>('channel'),
  amount: byTestId<HTMLInputElement>('amount'),
  create: byTestId<HTMLButtonElement>('create'),
  billNo: byTestId<HTMLElement>('bill-no'),
  qr: byTestId<HTMLImageElement>('qr'),
  next: byTestId<HTMLElement>('next-step'),
  status: byTestId<HTMLElement>('status'),
  refund: byTestId<HTMLButtonElement>('refund'),
  refundNo: byTestId<HTMLElement>('refund-no'),
  refundStatus: byTestId<HTMLElement>('refund-status'),
  error: byTestId<HTMLElement>('error'),
};

/** The request headers the page was served with (the development key, in embedded development). */
const headers = JSON.parse(
  document.querySelector<HTMLMetaElement>('meta[name="demo-headers"]')?.content ?? '{}',
) as Record<string, string>;
const endpoint = new URL('/graphql', location.href).href;

async function run<TData, TVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
): Promise<TData> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const answer = (await response.json()) as { data?: TData; errors?: Array<{ message: string }> };
  if (answer.errors?.length || !answer.data)
    throw new Error(answer.errors?.[0]?.message ?? `HTTP ${response.status}`);
  return answer.data;
}

const ws = createClient({ url: endpoint.replace(/^http/, 'ws'), connectionParams: headers });

function listen<TData, TVariables extends Record<string, unknown>>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  onData: (data: TData) => void,
): () => void {
  return ws.subscribe<TData>(
    { query: print(document), variables },
    {
      next: (result) => result.data && onData(result.data),
      error: (error) => showError(error),
      complete: () => undefined,
    },
  );
}

function showError(error: unknown): void {
  ui.error.textContent = error instanceof Error ? error.message : JSON.stringify(error);
}

/** yyyyMMdd in China time, then a serial: BeeCloud's refund number. */
const refundNoNow = () => chinaDate(Date.now()) + String(Math.floor(Math.random() * 1e9)).padStart(9, '0');

/** What the customer does next: scan a QR drawn here, follow a link, submit a form, or use an app. */
async function showNextStep(payload: Payload): Promise<void> {
  ui.qr.hidden = true;
  ui.next.replaceChildren();
  const qrText =
    payload.__typename === 'WxNativePayload'
      ? payload.codeUrl
      : payload.__typename === 'AliQrcodePayload'
        ? payload.url
        : payload.__typename === 'AliOfflineQrcodePayload'
          ? payload.qrCode
          : undefined;
  if (qrText) {
    ui.qr.src = await QRCode.toDataURL(qrText, { margin: 1, width: 220 });
    ui.qr.alt = `QR code: ${qrText}`;
    ui.qr.hidden = false;
    ui.next.textContent = 'Scan the code with the provider’s app.';
    return;
  }
  if (payload.__typename === 'AliWebPayload' || payload.__typename === 'RedirectPayload') {
    const link = Object.assign(document.createElement('a'), {
      href: payload.url,
      target: '_blank',
      rel: 'noopener',
      textContent: 'Pay on the provider’s page',
    });
    ui.next.append(link);
    return;
  }
  if (payload.__typename === 'HtmlFormPayload') {
    // The provider's form, without its auto-submit script: the customer submits it in a new tab.
    const form = new DOMParser().parseFromString(payload.html, 'text/html').querySelector('form');
    if (form) {
      form.target = '_blank';
      form.querySelectorAll('input[type="submit"]').forEach((input) => input.removeAttribute('style'));
      ui.next.append(document.importNode(form, true));
      return;
    }
  }
  ui.next.textContent = `Complete the payment in the ${payload.channel} app or SDK.`;
}

let stopListening: Array<() => void> = [];
let current: { billNo: string; amount: number; channel: Channel } | undefined;

ui.channel.append(
  ...ONLINE_CHANNELS.map((channel) =>
    Object.assign(document.createElement('option'), { value: channel, textContent: channel }),
  ),
);
ui.channel.value = 'WX_NATIVE';

ui.create.addEventListener('click', () => {
  void (async () => {
    stopListening.forEach((stop) => stop());
    stopListening = [];
    ui.error.textContent = '';
    ui.refund.disabled = true;
    ui.refundNo.textContent = '';
    ui.refundStatus.textContent = '';
    const channel = ui.channel.value as Channel;
    const amount = Number(ui.amount.value);
    const billNo = `demo${Date.now()}${Math.floor(Math.random() * 1000)}`;
    try {
      const { createBill } = await run(CreateBillDocument, {
        input: { channel, billNo, totalFeeFen: amount, title: 'Demo checkout' },
      });
      if (createBill.userErrors.length || !createBill.payload) {
        showError(createBill.userErrors.map((e) => `${e.field ?? ''} ${e.message}`).join('; '));
        return;
      }
      current = { billNo, amount, channel };
      ui.billNo.textContent = billNo;
      ui.status.textContent = 'OPEN';
      await showNextStep(createBill.payload);
      stopListening.push(
        listen(BillUpdatedDocument, { billNo }, ({ billUpdated }) => {
          if (billUpdated.type === 'PAY') {
            ui.status.textContent = 'PAID';
            ui.refund.disabled = false;
          }
        }),
      );
    } catch (error) {
      showError(error);
    }
  })();
});

ui.refund.addEventListener('click', () => {
  void (async () => {
    if (!current) return;
    ui.refund.disabled = true;
    const refundNo = refundNoNow();
    ui.refundNo.textContent = refundNo;
    const show = (state: RefundState | undefined) => state && (ui.refundStatus.textContent = state);
    try {
      const { createRefund } = await run(CreateRefundDocument, {
        input: { billNo: current.billNo, refundNo, refundFeeFen: current.amount },
      });
      if (createRefund.userErrors.length) {
        showError(createRefund.userErrors.map((e) => e.message).join('; '));
        return;
      }
      show(createRefund.refund?.state ?? 'PENDING');
      stopListening.push(
        listen(RefundUpdatedDocument, { refundNo }, ({ refundUpdated }) => show(refundUpdated.refund?.state)),
      );
      // These providers send no webhook: their refunds settle when asked about (syncRefundStatus).
      const family = familyOf(current.channel);
      if (settlesByStatusQuery(family)) {
        const timer = setInterval(() => {
          if (ui.refundStatus.textContent !== 'PENDING') return clearInterval(timer);
          run(SyncRefundStatusDocument, { channel: family, refundNo })
            .then(({ syncRefundStatus }) => show(syncRefundStatus.refund?.state))
            .catch(showError);
        }, 1000);
        stopListening.push(() => clearInterval(timer));
      }
    } catch (error) {
      showError(error);
    }
  })();
});
