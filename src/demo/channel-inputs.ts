import type { Channel, CreateBillInput } from '../../schema/generated/graphql.js';
import { BC_BANKS, BC_BANK_CODES, type ChannelField } from '../wire/channel-spec.js';
import { YEE_CARD_TYPES, channelSpec } from '../wire/channels.js';

/**
 * What each field a channel requires (src/wire's channel table) takes in this demo: its input,
 * a label, and a value the sandbox accepts, pre-filled; a list when the field has fixed values.
 */
const FIELD_INPUTS: Partial<
  Record<
    ChannelField,
    {
      input: keyof CreateBillInput;
      label: string;
      value: () => string;
      options?: ReadonlyArray<[string, string]>;
    }
  >
> = {
  return_url: { input: 'returnUrl', label: 'Return URL', value: () => new URL('/demo', location.href).href },
  openid: {
    input: 'openid',
    label: "Payer's openid (any, in the sandbox)",
    value: () => 'o-demo-payer-openid',
  },
  qr_pay_mode: {
    input: 'qrPayMode',
    label: 'QR layout',
    value: () => 'FRONT',
    options: [
      ['FRONT', 'front (300×600)'],
      ['MINI', 'mini (75×75)'],
      ['SIMPLE', 'simple (600×300)'],
    ],
  },
  identity_id: { input: 'identityId', label: 'Your user id (1-50 letters or digits)', value: () => 'demo42' },
  cardno: { input: 'cardNo', label: 'Prepaid card number', value: () => '1234567890123' },
  cardpwd: { input: 'cardPassword', label: 'Prepaid card password', value: () => '9876543210' },
  frqid: {
    input: 'cardType',
    label: 'Prepaid card type',
    value: () => YEE_CARD_TYPES[0],
    options: YEE_CARD_TYPES.map((type) => [type, type]),
  },
  analysis: { input: 'analysis', label: "Payer's IP (analysis.ip)", value: () => '127.0.0.1' },
  bank: {
    input: 'bank',
    label: "Payer's bank",
    value: () => BC_BANK_CODES[0]!,
    options: BC_BANK_CODES.map((code) => [code, `${code} — ${BC_BANKS[code]}`]),
  },
};

/** The inputs the chosen channel requires, from the channel table, pre-filled. */
export function showChannelInputs(container: HTMLElement, channel: Channel): void {
  container.replaceChildren(
    ...(channelSpec(channel).requires ?? []).flatMap((field) => {
      const spec = FIELD_INPUTS[field];
      if (!spec) return [];
      let control: HTMLInputElement | HTMLSelectElement = document.createElement('input');
      if (spec.options) {
        control = document.createElement('select');
        control.append(
          ...spec.options.map(([value, text]) =>
            Object.assign(document.createElement('option'), { value, textContent: text }),
          ),
        );
      }
      control.value = spec.value();
      control.dataset.testid = `input-${field}`;
      control.dataset.input = spec.input;
      const label = Object.assign(document.createElement('label'), { textContent: `${spec.label} ` });
      label.append(control);
      return [label];
    }),
  );
}

/** The channel's inputs as CreateBillInput fields. */
export function channelFields(container: HTMLElement): Partial<CreateBillInput> {
  const fields: Record<string, unknown> = {};
  container.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-input]').forEach((control) => {
    const name = control.dataset.input!;
    fields[name] = name === 'analysis' ? { ip: control.value } : control.value;
  });
  return fields as Partial<CreateBillInput>;
}
