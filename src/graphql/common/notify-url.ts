import { notifyUrlProblem } from '../../wire/index.js';

/**
 * Why a `notifyUrl` cannot be used, or undefined: BeeCloud's format, then the gateway's
 * NOTIFY_URL_PREFIXES (a webhook sent elsewhere never reaches the gateway).
 */
export function notifyUrlRefusal(url: string, prefixes: readonly string[]): string | undefined {
  return (
    notifyUrlProblem(url) ??
    (prefixes.some((prefix) => url.startsWith(prefix))
      ? undefined
      : "is not under this gateway's NOTIFY_URL_PREFIXES")
  );
}
