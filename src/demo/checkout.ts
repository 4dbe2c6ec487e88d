/**
 * The checkout demo, in the browser: pick a channel and an amount, create the bill through
 * GraphQL, show what the channel needs (a QR code drawn here, a link or a form), hear the
 * payment over graphql-ws, then refund and watch the refund settle. It uses the typed
 * documents codegen makes from schema/operations, so it is also the example of a typed
 * client. It talks to this gateway, never to a CDN. Over the embedded sandbox (the page names
 * it), the steps a shopper or a provider would take elsewhere are marked "Sandbox": its pay
 * page, Alipay's refund confirmation, and the provider settling a refund.
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
import { ACCEPTED_CHANNELS, ONLINE_CHANNELS, familyOf, settlesByStatusQuery } from '../wire/channels.js';
import { chinaDate } from '../wire/rules.js';
import { channelFields, showChannelInputs } from './channel-inputs.js';

type Payload = NonNullable<CreateBillMutation['createBill']['payload']>;

const byTestId = <T extends HTMLElement>(id: string) => document.querySelector<T>(`[data-testid="${id}"]`)!;
const ui = {
  channel: byTestId<HTMLSelectElement>('channel'),
  inputs: byTestId<HTMLElement>('channel-inputs'),
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
  total: byTestId<HTMLElement>('total'),
  amountShown: byTestId<HTMLElement>('amount-yuan'),
  noRefund: byTestId<HTMLElement>('no-refund'),
  refundStep: byTestId<HTMLElement>('refund-step'),
};

/** The embedded sandbox's address; none over BeeCloud, and then no sandbox step is offered. */
const sandboxUrl = document.querySelector<HTMLMetaElement>('meta[name="demo-sandbox"]')?.content || undefined;

/** A link to open in a new tab, with the test id a browser test finds it by. */
function newTabLink(href: string, text: string, testId: string): HTMLAnchorElement {
  const anchor = Object.assign(document.createElement('a'), { href, target: '_blank', rel: 'noopener' });
  anchor.textContent = text;
  anchor.dataset.testid = testId;
  return anchor;
}

/** The families whose refunds BeeCloud's refund API takes (PayPal's and Apple's are refunded elsewhere). */
const REFUNDABLE: readonly string[] = ACCEPTED_CHANNELS.createRefund;

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

/** Fen as yuan: ¥3.21. */
const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

/** yyyyMMdd in China time, then a serial: BeeCloud's refund number. */
const refundNoNow = () => chinaDate(Date.now()) + String(Math.floor(Math.random() * 1e9)).padStart(9, '0');

/** What the customer does next: scan a QR drawn here, follow a link, submit a form, or use an app. */
async function showNextStep(payload: Payload, billId: string): Promise<void> {
  ui.qr.hidden = true;
  ui.next.replaceChildren();
  await showPayload(payload);
  // Where a shopper would pay in the provider's app or page, the sandbox's pay page stands in.
  if (sandboxUrl)
    ui.next.append(
      document.createElement('br'),
      newTabLink(
        `${sandboxUrl}/_sandbox/checkout/${billId}`,
        'Sandbox: pay (or fail) as the shopper',
        'pay-in-sandbox',
      ),
    );
}

async function showPayload(payload: Payload): Promise<void> {
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
showChannelInputs(ui.inputs, 'WX_NATIVE');
ui.channel.addEventListener('change', () => showChannelInputs(ui.inputs, ui.channel.value as Channel));
ui.amount.addEventListener('input', () => (ui.amountShown.textContent = yuan(Number(ui.amount.value) || 0)));

ui.create.addEventListener('click', () => {
  void (async () => {
    stopListening.forEach((stop) => stop());
    stopListening = [];
    ui.error.textContent = '';
    ui.refund.disabled = true;
    ui.refundNo.textContent = '';
    ui.refundStatus.textContent = '';
    ui.refundStep.replaceChildren();
    ui.noRefund.hidden = true;
    const channel = ui.channel.value as Channel;
    const amount = Number(ui.amount.value);
    const billNo = `demo${Date.now()}${Math.floor(Math.random() * 1000)}`;
    try {
      const { createBill } = await run(CreateBillDocument, {
        input: { channel, billNo, totalFeeFen: amount, title: 'Demo checkout', ...channelFields(ui.inputs) },
      });
      if (createBill.userErrors.length || !createBill.payload) {
        showError(createBill.userErrors.map((e) => `${e.field ?? ''} ${e.message}`).join('; '));
        return;
      }
      current = { billNo, amount, channel };
      ui.billNo.textContent = billNo;
      ui.total.textContent = yuan(amount);
      ui.status.textContent = 'OPEN';
      await showNextStep(createBill.payload, createBill.billId!);
      stopListening.push(
        listen(BillUpdatedDocument, { billNo }, ({ billUpdated }) => {
          if (billUpdated.type === 'PAY') {
            ui.status.textContent = 'PAID';
            const family = familyOf(channel);
            ui.refund.disabled = !REFUNDABLE.includes(family);
            // Not a failure: these providers refund in their own consoles, not through BeeCloud.
            ui.noRefund.hidden = !ui.refund.disabled;
            ui.noRefund.textContent = `${family} bills are refunded in ${family === 'PAYPAL' ? 'PayPal' : 'Apple'}'s own console: BeeCloud's refund API does not take them, so this demo stops at PAID.`;
            // Paid: nothing is left to scan or submit.
            ui.qr.hidden = true;
            ui.next.replaceChildren();
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
      // Alipay: the merchant confirms the refund on Alipay's page (the sandbox's stand-in).
      if (createRefund.confirmationUrl)
        ui.refundStep.append(
          newTabLink(
            createRefund.confirmationUrl,
            "Confirm the refund on Alipay's page (Sandbox)",
            'confirm-refund',
          ),
        );
      stopListening.push(
        listen(RefundUpdatedDocument, { refundNo }, ({ refundUpdated }) => show(refundUpdated.refund?.state)),
      );
      // These providers send no webhook: their refunds settle when asked about (syncRefundStatus).
      const family = familyOf(current.channel);
      if (settlesByStatusQuery(family) && sandboxUrl) {
        // The provider settles the refund in its own time; in the sandbox, this button is the provider.
        const settle = Object.assign(document.createElement('button'), { type: 'button' });
        settle.textContent = 'Sandbox: the provider settles the refund';
        settle.dataset.testid = 'settle-refund';
        settle.addEventListener('click', () => {
          settle.disabled = true;
          // A form-encoded POST needs no CORS preflight; the sandbox admits this page's origin.
          void fetch(`${sandboxUrl}/_sandbox/refunds/${refundNo}/settle`, {
            method: 'POST',
            mode: 'no-cors',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: '',
          }).catch(showError);
        });
        ui.refundStep.append(settle);
      }
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
