import {
  answerShape,
  channelSpec,
  type CreateBillResponse,
  type PayChannel,
  type PayloadShape,
} from '../../wire/index.js';
import { UpstreamError } from '../../upstream/upstream-error.js';
import { PAYLOAD_TYPE_BY_SHAPE, type ChannelPayload } from './payload.type.js';

type Member<S extends PayloadShape> = InstanceType<(typeof PAYLOAD_TYPE_BY_SHAPE)[S]>;
type Field = (name: keyof CreateBillResponse) => string;

/** BC_ALI_APP's and BC_ALI_WAP's `code_url` (the channel table's alsoCodeUrl); null for the others. */
const alsoCodeUrl = (field: Field, channel: PayChannel) =>
  channelSpec(channel).alsoCodeUrl ? field('code_url') : null;

/** Each shape's fields from BeeCloud's answer (`field` refuses a missing one). */
const FIELDS: {
  [S in PayloadShape]: (field: Field, channel: PayChannel) => Omit<Member<S>, 'channel'>;
} = {
  WX_APP: (field) => ({
    appId: field('app_id'),
    partnerId: field('partner_id'),
    package: field('package'),
    nonceStr: field('nonce_str'),
    timestamp: field('timestamp'),
    paySign: field('pay_sign'),
    prepayId: field('prepay_id'),
  }),
  CODE_URL: (field) => ({ codeUrl: field('code_url') }),
  WX_JSAPI: (field) => {
    const params = {
      appId: field('app_id'),
      package: field('package'),
      nonceStr: field('nonce_str'),
      timestamp: field('timestamp'),
      paySign: field('pay_sign'),
      signType: field('sign_type'),
    };
    // WeChat spells it timeStamp; the value stays the one BeeCloud signed.
    const { appId, timestamp: timeStamp, nonceStr, package: pkg, signType, paySign } = params;
    return Object.assign({}, params, {
      jsapiParams: { appId, timeStamp, nonceStr, package: pkg, signType, paySign },
    });
  },
  ALI_APP: (field, channel) => ({ orderString: field('order_string'), codeUrl: alsoCodeUrl(field, channel) }),
  ALI_FORM: (field, channel) => ({
    html: field('html'),
    url: field('url'),
    codeUrl: alsoCodeUrl(field, channel),
  }),
  ALI_QRCODE: (field) => ({ html: field('html'), url: field('url') }),
  QR_CODE: (field) => ({ qrCode: field('qr_code') }),
  UN_APP: (field) => ({ tn: field('tn') }),
  HTML_FORM: (field) => ({ html: field('html') }),
  REDIRECT: (field) => ({ url: field('url') }),
  BD_APP: (field) => ({ orderInfo: field('orderInfo') }),
  BC_EXPRESS: (field) => ({ token: field('token') }),
  NONE: () => ({}),
};

/**
 * The union member for a channel's `POST /bill` answer, by the channel's shape in src/wire; a
 * channel with an authenticated mode (BC_EXPRESS) is read as that mode when the answer is
 * that mode's (it carries a `token`), so the answer, not the channel alone, decides.
 */
export function payloadFromWire(channel: PayChannel, answer: CreateBillResponse): ChannelPayload {
  const shape = answerShape(channel, answer.token !== undefined);
  if (shape === undefined) throw new Error(`${channel} is not an online channel`);
  const field: Field = (name) => {
    const value = answer[name];
    if (typeof value !== 'string') {
      throw new UpstreamError(
        'UPSTREAM_BAD_RESPONSE',
        `the payment service answered ${channel} without ${name}`,
      );
    }
    return value;
  };
  return Object.assign(new PAYLOAD_TYPE_BY_SHAPE[shape](), { channel, ...FIELDS[shape](field, channel) });
}
