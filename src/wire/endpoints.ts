import type { Unsigned } from './auth.wire.js';
import type { BillByIdResponse, CreateBillRequest, CreateBillResponse } from './bill.wire.js';
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
 * The 11 REST endpoints: method, path and which secret signs each call.
 */

export type SigningSecret = 'app_secret' | 'master_secret';

export const ENDPOINTS = {
  createBill: { method: 'POST', path: '/2/rest/bill', secret: 'app_secret' },
  createRefund: { method: 'POST', path: '/2/rest/refund', secret: 'master_secret' },
  reviewRefunds: { method: 'PUT', path: '/2/rest/refund', secret: 'master_secret' },
  bills: { method: 'GET', path: '/2/rest/bills', secret: 'app_secret' },
  billsCount: { method: 'GET', path: '/2/rest/bills/count', secret: 'app_secret' },
  refunds: { method: 'GET', path: '/2/rest/refunds', secret: 'app_secret' },
  refundsCount: { method: 'GET', path: '/2/rest/refunds/count', secret: 'app_secret' },
  refundStatus: { method: 'GET', path: '/2/rest/refund/status', secret: 'app_secret' },
  refundById: { method: 'GET', path: '/2/rest/refund/{id}', secret: 'app_secret' },
  billById: { method: 'GET', path: '/2/rest/bill/{id}', secret: 'app_secret' },
} as const satisfies Record<string, { method: 'GET' | 'POST' | 'PUT'; path: string; secret: SigningSecret }>;

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
}
export type EndpointResponse<E extends EndpointName> = EndpointContract[E]['response'];

/** The path of an endpoint, with `{id}` filled in (url-encoded) where it has one. */
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
