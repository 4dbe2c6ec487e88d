import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WebhookOutcome, WebhookRefusal } from '../events/webhook-processor.js';
import { BodyTooLargeError, readBody } from '../node-http/read-body.js';
import { sendText } from '../node-http/respond.js';
import { WEBHOOK_ACK } from '../wire/index.js';
import type { Logger } from '../node-http/logger.js';
import type { Metrics } from './metrics.js';

export const WEBHOOK_PATH = '/webhooks/beecloud';

/**
 * The largest webhook body accepted: room for the largest `optional` map the gateway lets a
 * bill or refund store (LIMIT_MAX_OPTIONAL_BYTES), the channel's notification and the rest,
 * so that every bill created here can be notified. 64 KiB at the least.
 */
export const webhookBodyLimit = (maxOptionalBytes: number) =>
  Math.max(64 * 1024, maxOptionalBytes + 48 * 1024);

/** What BeeCloud is answered for each refusal; anything but `success` makes it resend. */
const REFUSAL_STATUS: Record<WebhookRefusal, number> = {
  malformed: 400,
  'bad-signature': 401,
  'in-progress': 409,
  unconfirmed: 503,
  unavailable: 503,
};

export interface WebhookReceiverOptions {
  /** src/events/webhook-processor.ts: everything after the body is parsed. */
  process: (body: unknown) => Promise<WebhookOutcome>;
  metrics: Metrics;
  logger: Logger;
  /** webhookBodyLimit(LIMIT_MAX_OPTIONAL_BYTES). */
  maxBodyBytes: number;
}

/**
 * `POST /webhooks/beecloud` over HTTP: the raw body (webhookBodyLimit), JSON, then the
 * processor; its outcome becomes `success` or a refusal status, a metric and, for what an
 * operator must see (a fee mismatch, a failure), a log line.
 */
export function createWebhookReceiver({ process, metrics, logger, maxBodyBytes }: WebhookReceiverOptions) {
  const refuse = (res: ServerResponse, status: number, text: string) => {
    metrics.webhooks.inc({ outcome: `refused_${status}` });
    sendText(res, status, text);
  };
  return async function receiveWebhook(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return refuse(res, 405, 'use POST');
    let parsed: unknown;
    try {
      parsed = JSON.parse((await readBody(req, maxBodyBytes)).toString('utf8'));
    } catch (error) {
      if (error instanceof BodyTooLargeError) return refuse(res, 413, error.message);
      if (error instanceof SyntaxError) return refuse(res, 400, 'the body is not JSON');
      throw error;
    }
    const outcome = await process(parsed);
    if (outcome.kind === 'refused') {
      if (outcome.cause !== undefined)
        logger.warn(
          { err: (outcome.cause as Error)?.message ?? String(outcome.cause) },
          'webhook not accepted',
        );
      if (outcome.reason === 'unconfirmed') {
        metrics.unconfirmed.inc();
        logger.warn({ reason: outcome.detail }, 'webhook not accepted');
      }
      return refuse(res, REFUSAL_STATUS[outcome.reason], outcome.detail);
    }
    if (outcome.kind === 'accepted' && outcome.event.feeMismatch) {
      const { event } = outcome;
      metrics.feeMismatches.inc({ type: event.type });
      logger.warn(
        {
          type: event.type,
          transaction_id: event.transactionId,
          fee: event.feeFen,
          expected: event.expectedFeeFen,
        },
        'webhook transaction_fee does not match the record; flagged to subscribers',
      );
    }
    metrics.webhooks.inc({ outcome: outcome.kind });
    sendText(res, 200, WEBHOOK_ACK);
  };
}
