import { Field, ObjectType, createUnionType } from 'type-graphql';
import { Channel } from '../common/enums.js';

/**
 * What a client does next to pay, one type per shape BeeCloud answers with. Every member
 * carries `channel`, so a client can switch on the type name or the channel.
 */
@ObjectType()
abstract class PayloadBase {
  @Field(() => Channel)
  channel!: Channel;
}

@ObjectType({ simpleResolvers: true, description: 'WX_APP: parameters for the WeChat SDK (PayReq).' })
export class WxAppPayload extends PayloadBase {
  @Field() appId!: string;
  @Field() partnerId!: string;
  @Field() package!: string;
  @Field() nonceStr!: string;
  @Field({ description: 'Milliseconds, 13 digits.' }) timestamp!: string;
  @Field() paySign!: string;
  @Field() prepayId!: string;
}

@ObjectType({
  simpleResolvers: true,
  description: 'WX_NATIVE: a URL to render as a QR code for WeChat to scan.',
})
export class WxNativePayload extends PayloadBase {
  @Field() codeUrl!: string;
}

@ObjectType({
  simpleResolvers: true,
  description: "WX_JSAPI: parameters for WeixinJSBridge's getBrandWCPayRequest.",
})
export class WxJsapiPayload extends PayloadBase {
  @Field() appId!: string;
  @Field() package!: string;
  @Field() nonceStr!: string;
  @Field() timestamp!: string;
  @Field() paySign!: string;
  @Field() signType!: string;
}

@ObjectType({ simpleResolvers: true, description: 'ALI_APP: the signed order string for the Alipay SDK.' })
export class AliAppPayload extends PayloadBase {
  @Field() orderString!: string;
}

@ObjectType({
  description: 'ALI_WEB and ALI_WAP: redirect to `url`, or render the auto-submitting `html` form.',
})
export class AliWebPayload extends PayloadBase {
  @Field() html!: string;
  @Field() url!: string;
}

@ObjectType({
  simpleResolvers: true,
  description: 'ALI_QRCODE: `url` is the QR page to embed in an iframe; `html` submits to it.',
})
export class AliQrcodePayload extends PayloadBase {
  @Field() html!: string;
  @Field() url!: string;
}

@ObjectType({ simpleResolvers: true, description: 'ALI_OFFLINE_QRCODE: a string to render as a QR code.' })
export class AliOfflineQrcodePayload extends PayloadBase {
  @Field() qrCode!: string;
}

@ObjectType({
  simpleResolvers: true,
  description: 'UN_APP: the UnionPay transaction number for the UnionPay SDK.',
})
export class UnAppPayload extends PayloadBase {
  @Field() tn!: string;
}

@ObjectType({
  description: 'UN_WEB, JD_WAP, JD_WEB, KUAIQIAN_WAP, KUAIQIAN_WEB: an auto-submitting HTML form to render.',
})
export class HtmlFormPayload extends PayloadBase {
  @Field() html!: string;
}

@ObjectType({
  simpleResolvers: true,
  description: 'YEE_WAP, YEE_WEB, BD_WAP, BD_WEB: send the browser to `url`.',
})
export class RedirectPayload extends PayloadBase {
  @Field() url!: string;
}

@ObjectType({ simpleResolvers: true, description: 'BD_APP: the order info for the Baidu wallet SDK.' })
export class BdAppPayload extends PayloadBase {
  @Field() orderInfo!: string;
}

@ObjectType({
  description: 'PAYPAL_*, YEE_NOBANKCARD: nothing for the client to do; wait for the bill to be paid.',
})
export class NoClientStepPayload extends PayloadBase {}

export const PAYLOAD_TYPES = [
  WxAppPayload,
  WxNativePayload,
  WxJsapiPayload,
  AliAppPayload,
  AliWebPayload,
  AliQrcodePayload,
  AliOfflineQrcodePayload,
  UnAppPayload,
  HtmlFormPayload,
  RedirectPayload,
  BdAppPayload,
  NoClientStepPayload,
] as const;

export const ChannelPayload = createUnionType({
  name: 'ChannelPayload',
  description: 'The channel-specific step that completes a payment.',
  types: () => PAYLOAD_TYPES,
});
export type ChannelPayload = InstanceType<(typeof PAYLOAD_TYPES)[number]>;
