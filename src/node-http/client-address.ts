import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';

/**
 * TRUST_PROXY: the proxies (addresses or CIDR ranges) whose `X-Forwarded-For` is believed.
 * Throws naming the entry that is neither.
 */
export function trustedProxies(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const family = isIP(address);
    const bits = prefix === undefined ? undefined : Number(prefix);
    const max = family === 6 ? 128 : 32;
    if (!family || (bits !== undefined && !(Number.isInteger(bits) && bits >= 0 && bits <= max)))
      throw new Error(
        `TRUST_PROXY: ${JSON.stringify(entry)} is not an address or a CIDR range like 10.0.0.0/8`,
      );
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, bits, type);
  }
  return list;
}

/**
 * The address of the client that sent `req`: the connection's peer, unless that peer is a
 * trusted proxy; then `X-Forwarded-For` is read from the right (each proxy appends the peer it
 * saw), skipping trusted proxies, and the first address that is not one is the client. Entries
 * left of it were written by the client itself and are never believed.
 */
export function clientAddress(req: IncomingMessage, trusted: BlockList | undefined): string {
  let client = plain(req.socket.remoteAddress ?? '');
  if (!trusted || !isTrusted(trusted, client)) return client;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',');
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = plain(hops[i]!.trim());
    if (!isIP(hop)) break; // garbage: keep the last hop a trusted proxy vouched for
    client = hop;
    if (!isTrusted(trusted, hop)) break;
  }
  return client;
}

/**
 * The rate-limit bucket of an anonymous client: its IPv4 address, or the /64 network of an
 * IPv6 one (a single host is commonly handed a whole /64, so one address each would let it
 * spend 2^64 budgets).
 */
export function addressBucket(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}

/** An IPv4 address as such when it arrives IPv4-mapped (`::ffff:127.0.0.1`). */
const plain = (address: string) =>
  address.toLowerCase().startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;

const isTrusted = (list: BlockList, address: string) => {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
};
