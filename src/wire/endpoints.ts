import type { Unsigned } from './auth.wire.js';
import type {
  BillByIdResponse,
  ConfirmBillRequest,
  CreateBillRequest,
  CreateBillResponse,
  ReconciliationRequest,
  ReconciliationResponse,
} from './bill.wire.js';
import type {
  OfflineBillRequest,
  OfflineBillResponse,
  OfflineBillStatusRequest,
  OfflineBillStatusResponse,
  OfflineRefundRequest,
  OfflineRefundResponse,
  OfflineRevertRequest,
  OfflineRevertResponse,
} from './offline.wire.js';
import type { Envelope } from './result-codes.js';
import type {
  BillsCountQuery,
  BillsQuery,
  BillsResponse,
  CountResponse,
  RefundsCountQuery,
  RefundsQuery,
  RefundsResponse,
} from './query.wire.js';
import type {
  CreateRefundRequest,
  CreateRefundResponse,
  RefundByIdResponse,
  RefundStatusRequest,
  RefundStatusResponse,
  ReviewRefundsRequest,
  ReviewRefundsResponse,
} from './refund.wire.js';

/**
 * The REST endpoints: method, path, which secret signs each call, and whether the call only
 * reads. `read` (not the method) decides retries: a read may be tried on another server, a
 * write may not (it could charge or refund twice). Two reads are POSTs.
 */

export type SigningSecret = 'app_secret' | 'master_secret';

export const ENDPOINTS = {
  createBill: { method: 'POST', path: '/2/rest/bill', secret: 'app_secret', read: false },
  confirmBill: { method: 'POST', path: '/2/rest/bill/confirm', secret: 'app_secret', read: false },
  reconciliation: { method: 'POST', path: '/2/rest/reconciliation', secret: 'app_secret', read: true },
  createRefund: { method: 'POST', path: '/2/rest/refund', secret: 'master_secret', read: false },
  reviewRefunds: { method: 'PUT', path: '/2/rest/refund', secret: 'master_secret', read: false },
  bills: { method: 'GET', path: '/2/rest/bills', secret: 'app_secret', read: true },
  billsCount: { method: 'GET', path: '/2/rest/bills/count', secret: 'app_secret', read: true },
  refunds: { method: 'GET', path: '/2/rest/refunds', secret: 'app_secret', read: true },
  refundsCount: { method: 'GET', path: '/2/rest/refunds/count', secret: 'app_secret', read: true },
  refundStatus: { method: 'GET', path: '/2/rest/refund/status', secret: 'app_secret', read: true },
  refundById: { method: 'GET', path: '/2/rest/refund/{id}', secret: 'app_secret', read: true },
  billById: { method: 'GET', path: '/2/rest/bill/{id}', secret: 'app_secret', read: true },
  offlineBill: { method: 'POST', path: '/2/rest/offline/bill', secret: 'app_secret', read: false },
  offlineBillStatus: {
    method: 'POST',
    path: '/2/rest/offline/bill/status',
    secret: 'app_secret',
    read: true,
  },
  offlineRevert: { method: 'POST', path: '/2/rest/offline/bill/{id}', secret: 'app_secret', read: false },
  offlineRefund: { method: 'POST', path: '/2/rest/offline/refund', secret: 'master_secret', read: false },
} as const satisfies Record<
  string,
  { method: 'GET' | 'POST' | 'PUT'; path: string; secret: SigningSecret; read: boolean }
>;

export type EndpointName = keyof typeof ENDPOINTS;

/**
 * Each endpoint's parameters (without the auth fields) and its success answer: the client
 * calls and the sandbox answers through this one map, so a drift is a compile error.
 */
export interface EndpointContract {
  createBill: { params: Unsigned<CreateBillRequest>; response: CreateBillResponse };
  createRefund: { params: Unsigned<CreateRefundRequest>; response: CreateRefundResponse };
  reviewRefunds: { params: Unsigned<ReviewRefundsRequest>; response: ReviewRefundsResponse };
  bills: { params: Unsigned<BillsQuery>; response: BillsResponse };
  billsCount: { params: Unsigned<BillsCountQuery>; response: CountResponse };
  refunds: { params: Unsigned<RefundsQuery>; response: RefundsResponse };
  refundsCount: { params: Unsigned<RefundsCountQuery>; response: CountResponse };
  refundStatus: { params: Unsigned<RefundStatusRequest>; response: RefundStatusResponse };
  refundById: { params: Record<string, never>; response: RefundByIdResponse };
  billById: { params: Record<string, never>; response: BillByIdResponse };
  confirmBill: { params: Unsigned<ConfirmBillRequest>; response: Envelope };
  reconciliation: { params: Unsigned<ReconciliationRequest>; response: ReconciliationResponse };
  offlineBill: { params: Unsigned<OfflineBillRequest>; response: OfflineBillResponse };
  offlineBillStatus: { params: Unsigned<OfflineBillStatusRequest>; response: OfflineBillStatusResponse };
  /** `{id}` is the bill_no. */
  offlineRevert: { params: Unsigned<OfflineRevertRequest>; response: OfflineRevertResponse };
  offlineRefund: { params: Unsigned<OfflineRefundRequest>; response: OfflineRefundResponse };
}
export type EndpointResponse<E extends EndpointName> = EndpointContract[E]['response'];

/** The path of an endpoint, with `{id}` (a record id, or offlineRevert's bill_no) filled in, url-encoded. */
export function endpointPath(name: EndpointName, id?: string): string {
  const { path } = ENDPOINTS[name];
  // A dot segment would be resolved away by the URL parser and reach another endpoint.
  if (id !== undefined && (id === '' || /^(\.|%2e){1,2}$/i.test(id)))
    throw new Error(`${JSON.stringify(id)} cannot be a record id`);
  return id === undefined ? path : path.replace('{id}', encodeURIComponent(id));
}

/** BeeCloud's regional servers; all are equivalent. */
export const BEECLOUD_BASE_URLS = [
  'https://apibj.beecloud.cn',
  'https://apisz.beecloud.cn',
  'https://apiqd.beecloud.cn',
  'https://apihz.beecloud.cn',
] as const;

/** Query pages: BeeCloud's default and maximum `limit`. */
export const DEFAULT_QUERY_LIMIT = 10;
export const MAX_QUERY_LIMIT = 50;
