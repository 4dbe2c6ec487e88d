import { RESULT_CODES, type Envelope, type ResultMsg } from '../wire/index.js';

/**
 * The one way a sandbox handler refuses a request: a BeeCloud result name plus the
 * `err_detail` a developer reads. The server turns it into an HTTP 200 envelope (BeeCloud
 * answers business errors with 200), or into `httpStatus` for transport-level refusals.
 */
export class SandboxError extends Error {
  override readonly name = 'SandboxError';
  constructor(
    readonly resultMsg: Exclude<ResultMsg, 'OK'>,
    readonly detail: string,
    readonly httpStatus = 200,
  ) {
    super(`${resultMsg}: ${detail}`);
  }

  toEnvelope(): Envelope {
    return { result_code: RESULT_CODES[this.resultMsg], result_msg: this.resultMsg, err_detail: this.detail };
  }
}

export const missingParam = (name: string) => new SandboxError('MISS_PARAM', `${name} is required`);
export const invalidParam = (name: string, rule: string) =>
  new SandboxError('PARAM_INVALID', `${name} ${rule}`);

/** The success envelope, with the endpoint's own fields after it. */
export function ok<T extends object>(fields: T): Envelope & T {
  return { result_code: 0, result_msg: 'OK', err_detail: '', ...fields };
}
