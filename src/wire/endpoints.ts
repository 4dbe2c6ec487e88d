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

/** The path of an endpoint, with `{id}` filled in (url-encoded) where it has one. */
export function endpointPath(name: EndpointName, id?: string): string {
  const { path } = ENDPOINTS[name];
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
