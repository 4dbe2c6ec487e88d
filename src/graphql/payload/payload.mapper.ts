import type { CreateBillResponse, PayChannel } from '../../wire/index.js';
import { UpstreamError } from '../../upstream/upstream-error.js';
import {
  AliAppPayload,
  AliOfflineQrcodePayload,
  AliQrcodePayload,
  AliWebPayload,
  BdAppPayload,
  HtmlFormPayload,
  NoClientStepPayload,
  RedirectPayload,
  UnAppPayload,
  WxAppPayload,
  WxJsapiPayload,
  WxNativePayload,
  type ChannelPayload,
} from './payload.type.js';

/** The union member for a channel's `POST /bill` answer. */
export function payloadFromWire(channel: PayChannel, answer: CreateBillResponse): ChannelPayload {
  const field = (name: keyof CreateBillResponse): string => {
    const value = answer[name];
    if (typeof value !== 'string') {
      throw new UpstreamError(
        'UPSTREAM_BAD_RESPONSE',
        `the payment service answered ${channel} without ${name}`,
      );
    }
    return value;
  };
  const make = <T extends ChannelPayload>(type: new () => T, fields: Omit<T, 'channel'>): T =>
    Object.assign(new type(), { channel, ...fields });

  switch (channel) {
    case 'WX_APP':
      return make(WxAppPayload, {
        appId: field('app_id'),
        partnerId: field('partner_id'),
        package: field('package'),
        nonceStr: field('nonce_str'),
        timestamp: field('timestamp'),
        paySign: field('pay_sign'),
        prepayId: field('prepay_id'),
      });
    case 'WX_NATIVE':
      return make(WxNativePayload, { codeUrl: field('code_url') });
    case 'WX_JSAPI':
      return make(WxJsapiPayload, {
        appId: field('app_id'),
        package: field('package'),
        nonceStr: field('nonce_str'),
        timestamp: field('timestamp'),
        paySign: field('pay_sign'),
        signType: field('sign_type'),
      });
    case 'ALI_APP':
      return make(AliAppPayload, { orderString: field('order_string') });
    case 'ALI_WEB':
    case 'ALI_WAP':
      return make(AliWebPayload, { html: field('html'), url: field('url') });
    case 'ALI_QRCODE':
      return make(AliQrcodePayload, { html: field('html'), url: field('url') });
    case 'ALI_OFFLINE_QRCODE':
      return make(AliOfflineQrcodePayload, { qrCode: field('qr_code') });
    case 'UN_APP':
      return make(UnAppPayload, { tn: field('tn') });
    case 'UN_WEB':
    case 'JD_WAP':
    case 'JD_WEB':
    case 'KUAIQIAN_WAP':
    case 'KUAIQIAN_WEB':
      return make(HtmlFormPayload, { html: field('html') });
    case 'YEE_WAP':
    case 'YEE_WEB':
    case 'BD_WAP':
    case 'BD_WEB':
      return make(RedirectPayload, { url: field('url') });
    case 'BD_APP':
      return make(BdAppPayload, { orderInfo: field('orderInfo') });
    case 'PAYPAL_SANDBOX':
    case 'PAYPAL_LIVE':
    case 'YEE_NOBANKCARD':
      return make(NoClientStepPayload, {});
  }
}
