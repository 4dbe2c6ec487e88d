import type { IncomingMessage } from 'node:http';

/**
 * Whether the browser says another site (or a sibling subdomain) made this request
 * (`Sec-Fetch-Site`). Tools that send no such header are not from another site.
 */
export function fromAnotherSite(req: IncomingMessage): boolean {
  const fetchSite = req.headers['sec-fetch-site'];
  return fetchSite === 'cross-site' || fetchSite === 'same-site';
}
