import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ObjectType, createUnionType } from 'type-graphql';
import { ONLINE_CHANNELS, channelSpec, type PayloadShape } from '../../wire/index.js';
import { Channel } from '../common/enums.js';

/**
 * What a client does next to pay, one type per answer shape of src/wire's channel table.
 * Every member carries `channel`, so a client can switch on the type name or the channel.
 * Each description names its channels from the table, so a channel added there shows here.
 */
@ObjectType()
abstract class PayloadBase {
  @Field(() => Channel, { description: 'The channel the bill was created on.' })
  channel!: Channel;
}

/** "WX_NATIVE, BC_NATIVE: …" for the channels of `shapes` ("BC_EXPRESS (authenticated)" for a mode's). */
const forShapes = (shapes: PayloadShape[], what: string) => {
  const channels = ONLINE_CHANNELS.flatMap((channel) => {
    const spec = channelSpec(channel);
    return [
      ...(shapes.includes(spec.online!) ? [spec.authenticated ? `${channel} (plain)` : channel] : []),
      ...(spec.authenticated && shapes.includes(spec.authenticated.online)
        ? [`${channel} (authenticated)`]
        : []),
    ];
  });
  return `${channels.join(', ')}: ${what}`;
};

/** BC_ALI_APP and BC_ALI_WAP (the channel table's alsoCodeUrl). */
const codeUrlDescription = () =>
  `${ONLINE_CHANNELS.filter((channel) => channelSpec(channel).alsoCodeUrl).join(', ')}: a URL to render as a QR ` +
  "code, as BeeCloud's production servers answered; null for the other channels of this type. Nullable where " +
  'WxNativePayload.codeUrl is not: a selection that asks both needs an alias for one (alipayCodeUrl: codeUrl).';

@ObjectType({
  simpleResolvers: true,
  description: forShapes(['WX_APP'], 'parameters for the WeChat SDK (PayReq).'),
})
export class WxAppPayload extends PayloadBase {
  @Field({ description: "WeChat's appid of the merchant app." }) appId!: string;
  @Field({ description: 'The WeChat Pay merchant number.' }) partnerId!: string;
  @Field({ description: 'Always Sign=WXPay.' }) package!: string;
  @Field({ description: 'A random string of the signature.' }) nonceStr!: string;
  @Field({ description: 'Milliseconds, 13 digits.' }) timestamp!: string;
  @Field({ description: 'The signature the SDK checks.' }) paySign!: string;
  @Field({ description: "WeChat's prepay id." }) prepayId!: string;
}

@ObjectType({
  simpleResolvers: true,
  description: forShapes(['CODE_URL'], 'a URL to render as a QR code for the customer to scan.'),
})
export class WxNativePayload extends PayloadBase {
  @Field({ description: 'Render as a QR code.' }) codeUrl!: string;
}

@ObjectType({
  simpleResolvers: true,
  description: forShapes(
    ['WX_JSAPI'],
    "parameters for WeixinJSBridge's getBrandWCPayRequest (or wx.requestPayment).",
  ),
})
export class WxJsapiPayload extends PayloadBase {
  @Field({ description: "WeChat's appid of the official account." }) appId!: string;
  @Field({ description: 'prepay_id=…' }) package!: string;
  @Field({ description: 'A random string of the signature.' }) nonceStr!: string;
  @Field({ description: 'Milliseconds, 13 digits.' }) timestamp!: string;
  @Field({ description: 'The signature WeChat checks.' }) paySign!: string;
  @Field({ description: 'Always MD5.' }) signType!: string;

  @Field(() => GraphQLJSONObject, {
    description:
      "The exact object WeChat's `WeixinJSBridge.invoke('getBrandWCPayRequest', …)` (and `wx.requestPayment`) " +
      'takes: `appId`, `timeStamp`, `nonceStr`, `package`, `signType`, `paySign`, with the values BeeCloud signed.',
  })
  jsapiParams!: Record<string, string>;
}

@ObjectType({
  simpleResolvers: true,
  description: forShapes(['ALI_APP'], 'the signed order string for the Alipay SDK.'),
})
export class AliAppPayload extends PayloadBase {
  @Field({ description: 'Hand to the Alipay SDK as is.' }) orderString!: string;
  @Field(() => String, { nullable: true, description: codeUrlDescription() }) codeUrl!: string | null;
}

@ObjectType({
  description: forShapes(['ALI_FORM'], 'redirect to `url`, or render the auto-submitting `html` form.'),
})
export class AliWebPayload extends PayloadBase {
  @Field({ description: 'An auto-submitting form.' }) html!: string;
  @Field({ description: 'The same request as a URL.' }) url!: string;
  @Field(() => String, { nullable: true, description: codeUrlDescription() }) codeUrl!: string | null;
}

@ObjectType({
  simpleResolvers: true,
  description: forShapes(['ALI_QRCODE'], '`url` is the QR page to embed in an iframe; `html` submits to it.'),
})
export class AliQrcodePayload extends PayloadBase {
  @Field({ description: 'An auto-submitting form.' }) html!: string;
  @Field({ description: 'The QR page to embed.' }) url!: string;
}

@ObjectType({
  simpleResolvers: true,
  description: forShapes(['QR_CODE'], 'a string to render as a QR code.'),
})
export class AliOfflineQrcodePayload extends PayloadBase {
  @Field({ description: 'Render as a QR code.' }) qrCode!: string;
}

@ObjectType({
  simpleResolvers: true,
  description: forShapes(['UN_APP'], 'the UnionPay transaction number for the UnionPay SDK.'),
})
export class UnAppPayload extends PayloadBase {
  @Field({ description: 'The transaction number.' }) tn!: string;
}

@ObjectType({ description: forShapes(['HTML_FORM'], 'an auto-submitting HTML form to render.') })
export class HtmlFormPayload extends PayloadBase {
  @Field({ description: 'An auto-submitting form.' }) html!: string;
}

@ObjectType({ simpleResolvers: true, description: forShapes(['REDIRECT'], 'send the browser to `url`.') })
export class RedirectPayload extends PayloadBase {
  @Field({ description: "The provider's payment page." }) url!: string;
}

@ObjectType({
  simpleResolvers: true,
  description: forShapes(['BD_APP'], 'the order info for the Baidu wallet SDK.'),
})
export class BdAppPayload extends PayloadBase {
  @Field({ description: 'Hand to the Baidu wallet SDK as is.' }) orderInfo!: string;
}

@ObjectType({
  simpleResolvers: true,
  description: forShapes(
    ['BC_EXPRESS'],
    'an SMS code went to the payer; send it with `token` to confirmExpressPayment. Keep the token for the buyer: ' +
      'it stands for the card next time (expressPayer.token).',
  ),
})
export class BcExpressPayload extends PayloadBase {
  @Field({ description: "The payer's authorization token." }) token!: string;
}

@ObjectType({
  description: forShapes(
    ['NONE'],
    'nothing for the client to do here (or the provider SDK takes the bill id).',
  ),
})
export class NoClientStepPayload extends PayloadBase {}

/** The union member of each answer shape: a shape added to the table without one does not compile. */
export const PAYLOAD_TYPE_BY_SHAPE = {
  WX_APP: WxAppPayload,
  CODE_URL: WxNativePayload,
  WX_JSAPI: WxJsapiPayload,
  ALI_APP: AliAppPayload,
  ALI_FORM: AliWebPayload,
  ALI_QRCODE: AliQrcodePayload,
  QR_CODE: AliOfflineQrcodePayload,
  UN_APP: UnAppPayload,
  HTML_FORM: HtmlFormPayload,
  REDIRECT: RedirectPayload,
  BD_APP: BdAppPayload,
  BC_EXPRESS: BcExpressPayload,
  NONE: NoClientStepPayload,
} as const satisfies Record<PayloadShape, new () => PayloadBase>;

const PAYLOAD_TYPES = Object.values(PAYLOAD_TYPE_BY_SHAPE);

export const ChannelPayload = createUnionType({
  name: 'ChannelPayload',
  description: 'The channel-specific step that completes a payment.',
  types: () => PAYLOAD_TYPES,
});
export type ChannelPayload = InstanceType<(typeof PAYLOAD_TYPES)[number]>;
