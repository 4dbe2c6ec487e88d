import { createHash } from 'node:crypto';

/**
 * Signatures as the spec documents them, computed here from the documented concatenation
 * and node:crypto alone — never with src/wire's signers — so that a test built on them
 * fails when the code under test signs or verifies differently.
 */
const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

export const documentedWebhookSignature = (
  appId: string,
  f: { transaction_id: string; transaction_type: string; channel_type: string; transaction_fee: number },
  masterSecret: string,
) =>
  md5(`${appId}${f.transaction_id}${f.transaction_type}${f.channel_type}${f.transaction_fee}${masterSecret}`);

/** The legacy webhook `sign` (until January 2017): `md5(app_id + app_secret + timestamp)`. */
export const documentedLegacyWebhookSign = (appId: string, appSecret: string, timestamp: number) =>
  md5(`${appId}${appSecret}${timestamp}`);

export const documentedAppSign = (appId: string, timestamp: number, secret: string) =>
  md5(`${appId}${timestamp}${secret}`);
