import {
  ACCEPTED_CHANNELS,
  OFFLINE_CHANNELS,
  ONLINE_CHANNELS,
  PAY_CHANNELS,
  WEBHOOK_RETRY_OFFSETS_S,
  channelMatches,
  chinaDate,
  decodePara,
  encodePara,
  familyOf,
  isAcceptedBy,
  isKnownChannelName,
  md5Hex,
  refundNoProblem,
  resultMsgOf,
  returnUrlProblem,
  signAppRequest,
  signWebhook,
  signaturesEqual,
  titleBytes,
} from '../../src/wire/index.js';

describe('channels', () => {
  it('has the 45 pay channels of the final revision and the in-store API, each in a family', () => {
    expect(PAY_CHANNELS).toHaveLength(45);
    expect(ONLINE_CHANNELS).toHaveLength(40);
    expect(OFFLINE_CHANNELS).toEqual([
      'WX_NATIVE',
      'WX_SCAN',
      'ALI_OFFLINE_QRCODE',
      'ALI_SCAN',
      'BC_ALI_QRCODE',
      'BC_WX_SCAN',
      'BC_ALI_SCAN',
      'BC_SCAN',
    ]);
    expect(familyOf('APPLE')).toBe('APPLE');
    expect(familyOf('APPLE_TEST')).toBe('APPLE');
    expect(familyOf('BC_WX_SCAN')).toBe('BC');
    expect(familyOf('WX_APP')).toBe('WX');
    expect(familyOf('KUAIQIAN_WEB')).toBe('KUAIQIAN');
    expect(familyOf('ALI_OFFLINE_QRCODE')).toBe('ALI');
    expect(familyOf('PAYPAL_SANDBOX')).toBe('PAYPAL');
  });

  it('matches a family filter to its sub-channels only', () => {
    expect(channelMatches('WX_JSAPI', 'WX')).toBe(true);
    expect(channelMatches('WX_JSAPI', 'WX_JSAPI')).toBe(true);
    expect(channelMatches('WX_JSAPI', 'WX_APP')).toBe(false);
    expect(channelMatches('ALI_APP', 'WX')).toBe(false);
  });

  it('knows which names each endpoint accepts', () => {
    expect(isAcceptedBy('createBill', 'WX_APP')).toBe(true);
    expect(isAcceptedBy('createBill', 'WX')).toBe(false);
    expect(isAcceptedBy('createBill', 'WX_SCAN')).toBe(false);
    expect(isAcceptedBy('createRefund', 'PAYPAL')).toBe(false);
    expect(isAcceptedBy('refundStatus', 'ALI')).toBe(false);
    expect(ACCEPTED_CHANNELS.refundStatus).toEqual(['WX', 'YEE', 'KUAIQIAN', 'BD', 'BC']);
    expect(isAcceptedBy('offlineBill', 'WX_SCAN')).toBe(true);
    expect(isAcceptedBy('offlineBill', 'WX_APP')).toBe(false);
    expect(isKnownChannelName('WX_SCAN')).toBe(true);
    expect(isKnownChannelName('wx_app')).toBe(false);
  });
});

describe('result codes', () => {
  it('names every code 0-17 and nothing else', () => {
    expect(resultMsgOf(0)).toBe('OK');
    expect(resultMsgOf(12)).toBe('REFUND_AMOUNT_TOO_LARGE');
    expect(resultMsgOf(17)).toBe('BILL_NO_DUPLICATE');
    expect(resultMsgOf(18)).toBeUndefined();
  });
});

// Known-answer vectors: the expected digests were computed outside this code base
// (Python's hashlib.md5 over the documented concatenation), so a change to how the code
// builds or hashes the string fails here.
describe('signatures', () => {
  it('signs app requests as md5(app_id + timestamp + secret), lower-case', () => {
    expect(signAppRequest('a', 1435890533866, 's')).toBe('45dfbb8824418c187d1a13feeb564396');
    const app = 'c37d661d-7e61-49ea-96a5-68c34e83db3b';
    expect(signAppRequest(app, 1435890533866, app)).toBe('6b32361c227b7740cc7df5cc5b1a1b79');
  });

  it('signs webhooks over the fields in the documented order', () => {
    const fields = {
      app_id: 'A',
      transaction_id: 'B',
      transaction_type: 'PAY',
      channel_type: 'WX',
      transaction_fee: 1,
    };
    expect(signWebhook(fields, 'M')).toBe('b8647d448c9d5068b06b7b4d08184a1f');
  });

  it('compares signatures case-insensitively and refuses non-hex input', () => {
    const sign = '9dd4e461268c8034f5c8564e155c67a6'; // md5("x")
    expect(md5Hex('x')).toBe(sign);
    expect(signaturesEqual(sign, sign.toUpperCase())).toBe(true);
    expect(signaturesEqual(sign, '415290769594460e2e485922904f345d')).toBe(false);
    expect(signaturesEqual(sign, sign.slice(1))).toBe(false);
    expect(signaturesEqual(sign, 'z'.repeat(32))).toBe(false);
  });
});

describe('para', () => {
  it('round-trips a JSON object, unicode included', () => {
    const params = { title: '白开水 & +more', n: 1 };
    expect(decodePara(encodePara(params))).toEqual({ kind: 'ok', params });
  });

  it('reads + as a space, as a form value (the Python SDK sends +)', () => {
    expect(decodePara('para={"title":"a+b"}')).toEqual({ kind: 'ok', params: { title: 'a b' } });
    expect(decodePara('para={"title":"a%2Bb"}')).toEqual({ kind: 'ok', params: { title: 'a+b' } });
  });

  it('tells missing from invalid', () => {
    expect(decodePara('other=1')).toEqual({ kind: 'missing' });
    expect(decodePara('para=%7Bnope')).toMatchObject({ kind: 'invalid' });
    expect(decodePara('para=[1]')).toMatchObject({ kind: 'invalid', reason: 'para must be a JSON object' });
  });
});

describe('field rules', () => {
  it('counts title bytes as ASCII 1, anything else 2', () => {
    expect(titleBytes('abc')).toBe(3);
    expect(titleBytes('白开水')).toBe(6);
    expect(titleBytes('😀')).toBe(2);
  });

  it('dates refund numbers in China time', () => {
    // 2026-11-26 17:00 UTC is already the 27th in China.
    const at = Date.UTC(2026, 10, 26, 17, 0, 0);
    expect(chinaDate(at)).toBe('20261127');
    expect(refundNoProblem('20261127001', at)).toBeUndefined();
    expect(refundNoProblem('20261126001', at)).toMatch(/today's date in China time \(20261127\)/);
    expect(refundNoProblem('20261127000', at)).toMatch(/all zeros/);
    expect(refundNoProblem('2026112701', at)).toMatch(/8 digits of date/);
  });

  it('accepts return URLs without # or ?', () => {
    expect(returnUrlProblem('https://shop.example.com/return')).toBeUndefined();
    expect(returnUrlProblem('https://shop.example.com/r?x=1')).toBeDefined();
    expect(returnUrlProblem('https://shop.example.com/r#x')).toBeDefined();
    expect(returnUrlProblem('javascript:alert(1)')).toBeDefined();
  });

  it('resends webhooks 2, 4, … 2^17 s after the first attempt', () => {
    expect(WEBHOOK_RETRY_OFFSETS_S).toHaveLength(17);
    expect(WEBHOOK_RETRY_OFFSETS_S[0]).toBe(2);
    expect(WEBHOOK_RETRY_OFFSETS_S[16]).toBe(131072);
  });
});
