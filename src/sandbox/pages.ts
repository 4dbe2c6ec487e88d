import { escapeHtml } from '../node-http/respond.js';
import { yuan } from '../wire/index.js';
import type { BillRow, RefundWithBill } from './store-rows.js';

/**
 * The two HTML pages a person meets in the sandbox: the checkout page that web channels'
 * forms and URLs lead to (press "pay" or "fail"), and the stand-in for Alipay's refund
 * confirmation page. Plain HTML with no external resource, so they work offline.
 */

const price = (fen: number) => `¥${yuan(fen)}`;

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>
body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#222}
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

export function errorPage(message: string): string {
  return layout('Sandbox', `<div class="card"><p id="message">${escapeHtml(message)}</p></div>`);
}
