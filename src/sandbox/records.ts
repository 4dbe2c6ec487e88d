import { familyOf, type BillRecord, type RefundRecord } from '../wire/index.js';
import type { BillRow, RefundState, RefundWithBill } from './store-rows.js';

/** A bill row as the wire shows it; `message_detail` only when asked for. */
export function billRecord(row: BillRow, withDetail: boolean): BillRecord {
  return {
    id: row.id,
    bill_no: row.bill_no,
    total_fee: row.total_fee,
    trade_no: row.trade_no,
    channel: familyOf(row.channel),
    sub_channel: row.channel,
    title: row.title,
    spay_result: row.status === 'paid',
    create_time: row.create_time,
    optional: row.optional,
    ...(withDetail ? { message_detail: row.message_detail } : {}),
    revert_result: row.revert_result === 1,
    refund_result: row.refund_result === 1,
    ...laterBillFields(row),
  };
}

/**
 * The fields the later revisions added to bill answers. Coupons are accepted but grant no
 * discount here, so `bill_fee` is what was paid; nothing records an operator for a bill.
 */
function laterBillFields(row: BillRow) {
  const extra = JSON.parse(row.extra) as Record<string, string | undefined>;
  return {
    bill_fee: row.total_fee,
    discount: 0,
    coupon_id: extra.coupon_id ?? null,
    buyer_id: extra.buyer_id ?? null,
    seller_id: extra.seller_id ?? null,
    store_id: extra.store_id ?? null,
    operator_id: null,
  };
}

/** `finish` and `result` of each refund state. */
const OUTCOME: Record<RefundState, { finish: boolean; result: boolean }> = {
  awaiting_review: { finish: false, result: false },
  processing: { finish: false, result: false },
  succeeded: { finish: true, result: true },
  failed: { finish: true, result: false },
  denied: { finish: true, result: false },
};

export function refundRecord(row: RefundWithBill, withDetail: boolean): RefundRecord {
  return {
    id: row.id,
    bill_no: row.bill_no,
    refund_no: row.refund_no,
    total_fee: row.total_fee,
    refund_fee: row.refund_fee,
    title: row.title,
    channel: familyOf(row.channel),
    sub_channel: row.channel,
    ...OUTCOME[row.state],
    optional: row.optional,
    ...(withDetail ? { message_detail: row.message_detail } : {}),
    create_time: row.create_time,
  };
}
