import { escapeHtml } from '../node-http/respond.js';
import { yuan } from '../wire/index.js';
import type { BillRow, RefundWithBill } from './store-rows.js';

/**
 * The HTML pages a person meets in the sandbox: its index (where to start), the checkout page
 * that web channels' forms and URLs lead to (press "pay" or "fail"), and the stand-in for
 * Alipay's refund confirmation page. Plain HTML with no external resource, so they work offline.
 */

const price = (fen: number) => `¥${yuan(fen)}`;

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>
body{font-family:system-ui,sans-serif;max-width:56rem;margin:3rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}td,th{border-bottom:1px solid #eee;padding:.3rem;text-align:left;font-size:.9rem}
form.inline{display:inline}form.inline button{font-size:.85rem;padding:.2rem .6rem}
.card{border:1px solid #ddd;border-radius:8px;padding:1.5rem}.amount{font-size:2rem;margin:.5rem 0}
dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem}dt{color:#666}
button{font-size:1rem;padding:.6rem 1.4rem;margin-right:.5rem;border-radius:6px;border:1px solid #888;cursor:pointer}
button.pay{background:#1a7f37;color:#fff;border-color:#1a7f37}.note{color:#666;font-size:.9rem}
</style></head><body><p class="note">BeeCloud sandbox: no real money moves.</p>${body}</body></html>`;
}

export function checkoutPage(
  bill: BillRow,
  status: string,
  returnUrl: string | undefined,
  message?: string,
): string {
  const actions =
    status === 'open'
      ? `<form method="POST"><button class="pay" name="action" value="pay">Pay</button>` +
        `<button name="action" value="fail">Fail</button></form>`
      : `<p id="status">This bill is <strong>${escapeHtml(status.replace('_', ' '))}</strong>.</p>` +
        (returnUrl ? `<p><a id="return" href="${escapeHtml(returnUrl)}">Return to the merchant</a></p>` : '');
  return layout(
    `Pay ${bill.title}`,
    `<div class="card"><h1>${escapeHtml(bill.title)}</h1><div class="amount">${price(bill.total_fee)}</div>
<dl><dt>Channel</dt><dd>${bill.channel}</dd><dt>Bill no.</dt><dd>${escapeHtml(bill.bill_no)}</dd></dl>
${message ? `<p id="message">${escapeHtml(message)}</p>` : ''}${actions}</div>`,
  );
}

export function refundConfirmPage(refunds: RefundWithBill[], message?: string): string {
  const rows = refunds
    .map(
      (r) =>
        `<li>${escapeHtml(r.refund_no)}: ${price(r.refund_fee)} of bill ${escapeHtml(r.bill_no)} (${r.state.replace('_', ' ')})</li>`,
    )
    .join('');
  const open = refunds.some((r) => r.state === 'processing');
  return layout(
    'Confirm refunds',
    `<div class="card"><h1>Alipay refund confirmation</h1><ul>${rows}</ul>
${message ? `<p id="message">${escapeHtml(message)}</p>` : ''}
${open ? '<form method="POST"><button class="pay" name="action" value="confirm">Confirm with payment password</button></form>' : ''}</div>`,
  );
}

/** What the index page shows of one app: its ids with the secrets masked. */
export interface AppSummary {
  appId: string;
  appSecret: string;
  masterSecret: string;
  channels: number;
  webhookUrl?: string;
}

/** A secret as the index shows it: enough to tell two apart, not enough to use. */
const masked = (secret: string) => `${secret.slice(0, 4)}…${secret.slice(-2)} (${secret.length} characters)`;

/** A refund its channel has not answered yet; a status-query family's answer waits for GET /refund/status. */
const waiting = (refund: RefundWithBill) =>
  refund.state === 'processing' && (refund.channel_status === 'PROCESSING' || refund.channel_status == null);

const actionForm = (kind: 'bill' | 'refund', no: string, actions: Array<[string, string]>) =>
  `<form method="POST" class="inline"><input type="hidden" name="${kind}" value="${escapeHtml(no)}">` +
  actions.map(([value, text]) => `<button name="action" value="${value}">${text}</button>`).join('') +
  '</form>';

/**
 * `GET /_sandbox/`: where to start in the sandbox. Its apps (secrets masked), the newest bills
 * and refunds with what a person can do to them here (pay or fail an open bill, settle or fail
 * a refund waiting for its channel), and the control API's routes.
 */
export function indexPage(view: {
  apps: AppSummary[];
  bills: BillRow[];
  refunds: RefundWithBill[];
  routes: Array<[method: string, path: string]>;
  message?: string;
}): string {
  const apps = view.apps
    .map(
      (app) =>
        `<tr><td><code>${escapeHtml(app.appId)}</code></td><td>${escapeHtml(masked(app.appSecret))}</td>` +
        `<td>${escapeHtml(masked(app.masterSecret))}</td><td>${app.channels}</td>` +
        `<td>${app.webhookUrl ? `<code>${escapeHtml(app.webhookUrl)}</code>` : '—'}</td></tr>`,
    )
    .join('');
  const bills = view.bills
    .map(
      (bill) =>
        `<tr data-bill="${escapeHtml(bill.bill_no)}"><td>${escapeHtml(bill.bill_no)}</td><td>${bill.channel}</td>` +
        `<td>${price(bill.total_fee)}</td><td>${bill.status.replace('_', ' ')}</td><td>${
          bill.status === 'open'
            ? actionForm('bill', bill.bill_no, [
                ['pay', 'Pay'],
                ['fail', 'Fail'],
              ])
            : ''
        }</td></tr>`,
    )
    .join('');
  const refunds = view.refunds
    .map(
      (refund) =>
        `<tr data-refund="${escapeHtml(refund.refund_no)}"><td>${escapeHtml(refund.refund_no)}</td>` +
        `<td>${escapeHtml(refund.bill_no)}</td><td>${price(refund.refund_fee)}</td>` +
        `<td>${refund.state.replace('_', ' ')}${waiting(refund) ? '' : ` (channel: ${refund.channel_status}, completed by the next status query)`}</td><td>${
          waiting(refund)
            ? actionForm('refund', refund.refund_no, [
                ['settle', 'Settle'],
                ['fail-refund', 'Fail'],
              ])
            : ''
        }</td></tr>`,
    )
    .join('');
  const routes = view.routes
    .map(([method, path]) => `<li><code>${method} /_sandbox/${escapeHtml(path)}</code></li>`)
    .join('');
  return layout(
    'BeeCloud sandbox',
    `<h1>BeeCloud sandbox</h1>${view.message ? `<p id="message">${escapeHtml(view.message)}</p>` : ''}
<h2>Apps</h2><table><tr><th>app_id</th><th>app secret</th><th>master secret</th><th>channels</th><th>webhooks to</th></tr>${apps}</table>
<h2>Newest bills</h2>${bills ? `<table id="bills"><tr><th>bill_no</th><th>channel</th><th>amount</th><th>status</th><th></th></tr>${bills}</table>` : '<p>None yet.</p>'}
<h2>Newest refunds</h2>${refunds ? `<table id="refunds"><tr><th>refund_no</th><th>bill_no</th><th>amount</th><th>state</th><th></th></tr>${refunds}</table>` : '<p>None yet.</p>'}
<h2>Control API</h2><p class="note">JSON; docs/sandbox.md says what each does.</p><ul>${routes}</ul>`,
  );
}

export function errorPage(message: string): string {
  return layout('Sandbox', `<div class="card"><p id="message">${escapeHtml(message)}</p></div>`);
}
