import type { IncomingMessage } from 'node:http';
import { addressBucket, clientAddress, trustedProxies } from '../../src/node-http/client-address.js';

const request = (remoteAddress: string, forwardedFor?: string) =>
  ({
    socket: { remoteAddress },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  }) as unknown as IncomingMessage;

describe('clientAddress', () => {
  it('is the connection’s peer, whatever X-Forwarded-For says, unless a proxy is trusted', () => {
    expect(clientAddress(request('203.0.113.9', '198.51.100.1'), undefined)).toBe('203.0.113.9');
    expect(clientAddress(request('203.0.113.9', '198.51.100.1'), trustedProxies(['127.0.0.1']))).toBe(
      '203.0.113.9',
    );
  });

  it('reads X-Forwarded-For from the right behind trusted proxies, never believing what the client wrote', () => {
    const oneProxy = trustedProxies(['127.0.0.1']);
    // The client wrote "1.1.1.1"; the proxy appended the peer it saw.
    expect(clientAddress(request('127.0.0.1', '1.1.1.1, 198.51.100.7'), oneProxy)).toBe('198.51.100.7');
    const twoProxies = trustedProxies(['127.0.0.1', '10.0.0.0/8']);
    expect(clientAddress(request('127.0.0.1', '1.1.1.1, 198.51.100.7, 10.1.2.3'), twoProxies)).toBe(
      '198.51.100.7',
    );
    // Only proxies all the way: the leftmost is the client.
    expect(clientAddress(request('127.0.0.1', '10.0.0.1'), twoProxies)).toBe('10.0.0.1');
    // No header, or garbage where an address should be: the last hop a trusted proxy vouched for.
    expect(clientAddress(request('127.0.0.1'), oneProxy)).toBe('127.0.0.1');
    expect(clientAddress(request('127.0.0.1', 'not-an-address'), oneProxy)).toBe('127.0.0.1');
  });

  it('reads IPv4-mapped peers as IPv4', () => {
    expect(clientAddress(request('::ffff:127.0.0.1', '198.51.100.7'), trustedProxies(['127.0.0.1']))).toBe(
      '198.51.100.7',
    );
  });
});

describe('addressBucket', () => {
  it('is the address for IPv4 and the /64 network for IPv6', () => {
    expect(addressBucket('198.51.100.7')).toBe('198.51.100.7');
    expect(addressBucket('2001:db8:0:1:aaaa::1')).toBe('2001:db8:0:1::/64');
    expect(addressBucket('2001:db8:0:1:ffff:1:2:3')).toBe('2001:db8:0:1::/64');
    expect(addressBucket('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressBucket('::1')).toBe('0:0:0:0::/64');
  });
});

describe('trustedProxies', () => {
  it('refuses an entry that is not an address or a CIDR range, naming TRUST_PROXY', () => {
    for (const entry of ['localhost', '10.0.0.0/33', '10.0.0.0/x', '::1/129'])
      expect(() => trustedProxies([entry])).toThrow(
        `TRUST_PROXY: ${JSON.stringify(entry)} is not an address`,
      );
    expect(() => trustedProxies(['10.0.0.0/8', '::1', 'fd00::/8'])).not.toThrow();
  });
});
