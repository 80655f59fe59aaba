import net from 'node:net';
import type http from 'node:http';
import type { TrustedNetwork } from '../config';
import { normalizeAddress } from '../changes/webhook-address';

/**
 * The address a request comes from. The peer's own address, unless the peer is a configured proxy (TRUSTED_PROXIES):
 * then X-Forwarded-For is read from its right end (what the nearest proxy added) leftwards, past every trusted proxy,
 * and the first address no trusted proxy could have added is the caller. Anything to its left was written by the
 * caller and is never believed, so a client cannot choose the address it is limited under.
 */
export function clientAddressOf(trusted: readonly TrustedNetwork[]): (req: http.IncomingMessage) => string {
  const proxies = new net.BlockList();
  for (const network of trusted) proxies.addSubnet(network.address, network.prefix, network.family);
  const isTrusted = (address: string | undefined) => {
    const normal = address === undefined ? null : normalizeAddress(address);
    return normal !== null && proxies.check(normal.address, normal.family);
  };
  const canonical = (address: string) => normalizeAddress(address)?.address ?? address;
  return (req) => {
    const peer = req.socket.remoteAddress ?? 'unknown';
    if (trusted.length === 0 || !isTrusted(peer)) return canonical(peer);
    const header = req.headers['x-forwarded-for'];
    const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
      .split(',')
      .map((hop) => hop.trim())
      .filter((hop) => hop.length > 0);
    let caller = peer;
    for (let i = hops.length - 1; i >= 0; i -= 1) {
      const hop = hops[i] as string;
      // A hop that is not an address (a proxy's "unknown", garbage) ends the trail: nothing left of it can be checked.
      if (normalizeAddress(hop) === null) break;
      caller = hop;
      if (!isTrusted(hop)) break;
    }
    return canonical(caller);
  };
}
