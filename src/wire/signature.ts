import { createHash, timingSafeEqual } from 'node:crypto';

/** Lower-case hex MD5 of a UTF-8 string. */
export function md5Hex(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}

/**
 * `app_sign = md5(app_id + timestamp + secret)`. Which secret depends on the endpoint:
 * `app_secret` for bills, queries and refund status; `master_secret` for POST and PUT
 * /refund, the two calls that move money out (see `SIGNING_SECRET` in endpoints.ts).
 */
export function signAppRequest(appId: string, timestamp: number, secret: string): string {
  return md5Hex(`${appId}${timestamp}${secret}`);
}

/** The fields of a webhook body that its signature covers, in signing order. */
export interface WebhookSignedFields {
  app_id: string;
  transaction_id: string;
  transaction_type: string;
  channel_type: string;
  transaction_fee: number;
}

/** `md5(app_id + transaction_id + transaction_type + channel_type + transaction_fee + master_secret)`. */
export function signWebhook(fields: WebhookSignedFields, masterSecret: string): string {
  return md5Hex(
    `${fields.app_id}${fields.transaction_id}${fields.transaction_type}${fields.channel_type}` +
      `${fields.transaction_fee}${masterSecret}`,
  );
}

/** The webhook signature BeeCloud sent until January 2017: `md5(app_id + app_secret + timestamp)`. */
export function signLegacyWebhook(appId: string, appSecret: string, timestamp: number): string {
  return md5Hex(`${appId}${appSecret}${timestamp}`);
}

/**
 * Compares two hex signatures case-insensitively in constant time. Any input that is not
 * 32 hex characters is unequal (checked before the comparison: only lengths leak).
 */
export function signaturesEqual(expected: string, given: string): boolean {
  if (!/^[0-9a-fA-F]{32}$/.test(given) || !/^[0-9a-fA-F]{32}$/.test(expected)) return false;
  return timingSafeEqual(Buffer.from(expected.toLowerCase()), Buffer.from(given.toLowerCase()));
}
