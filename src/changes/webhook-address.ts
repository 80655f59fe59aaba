import net from 'node:net';
import type { AllowedHost } from '../config';

/**
 * Where a webhook may be delivered: which host names and which addresses. Pure (no DNS): the HTTP client resolves a
 * host, asks `check` about the name and every address it got, and connects only to an address checked here.
 */

/** Addresses that are not on the public internet: loopback, private, link-local, shared, reserved, multicast... */
const NON_PUBLIC: readonly (readonly [string, number, 'ipv4' | 'ipv6'])[] = [
  ['0.0.0.0', 8, 'ipv4'], // "this network"
  ['10.0.0.0', 8, 'ipv4'], // private
  ['100.64.0.0', 10, 'ipv4'], // carrier-grade NAT
  ['127.0.0.0', 8, 'ipv4'], // loopback
  ['169.254.0.0', 16, 'ipv4'], // link-local (cloud metadata at 169.254.169.254)
  ['172.16.0.0', 12, 'ipv4'], // private
  ['192.0.0.0', 24, 'ipv4'], // IETF protocol assignments
  ['192.0.2.0', 24, 'ipv4'], // documentation
  ['192.88.99.0', 24, 'ipv4'], // 6to4 relay
  ['192.168.0.0', 16, 'ipv4'], // private
  ['198.18.0.0', 15, 'ipv4'], // benchmarking
  ['198.51.100.0', 24, 'ipv4'], // documentation
  ['203.0.113.0', 24, 'ipv4'], // documentation
  ['224.0.0.0', 4, 'ipv4'], // multicast
  ['240.0.0.0', 4, 'ipv4'], // reserved, broadcast
  ['::', 128, 'ipv6'], // unspecified
  ['::1', 128, 'ipv6'], // loopback
  ['::', 96, 'ipv6'], // IPv4-compatible (deprecated)
  ['64:ff9b::', 96, 'ipv6'], // NAT64: reaches IPv4 addresses through a translator
  ['64:ff9b:1::', 48, 'ipv6'], // local-use NAT64
  ['100::', 64, 'ipv6'], // discard
  ['2001::', 23, 'ipv6'], // IETF protocol assignments (Teredo among them)
  ['2001:db8::', 32, 'ipv6'], // documentation
  ['2002::', 16, 'ipv6'], // 6to4: embeds any IPv4 address
  ['fc00::', 7, 'ipv6'], // unique local (private)
  ['fe80::', 10, 'ipv6'], // link-local
  ['fec0::', 10, 'ipv6'], // site-local (deprecated)
  ['ff00::', 8, 'ipv6'], // multicast
];

const nonPublic = new net.BlockList();
for (const [address, prefix, family] of NON_PUBLIC) nonPublic.addSubnet(address, prefix, family);

/** An address as checked: an IPv4-mapped IPv6 address (`::ffff:10.0.0.1`) is the IPv4 address it maps. */
export function normalizeAddress(address: string): { address: string; family: 'ipv4' | 'ipv6' } | null {
  const bare = address.replace(/^\[|\]$/g, '').toLowerCase();
  const version = net.isIP(bare);
  if (version === 4) return { address: bare, family: 'ipv4' };
  if (version !== 6) return null;
  const dotted = /^(?:0{0,4}:){0,5}:?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  if (dotted && net.isIPv4(dotted[1] as string)) return { address: dotted[1] as string, family: 'ipv4' };
  const hex = /^(?:0{0,4}:){0,5}:?ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(bare);
  if (hex) {
    const high = parseInt(hex[1] as string, 16);
    const low = parseInt(hex[2] as string, 16);
    return { address: `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`, family: 'ipv4' };
  }
  return { address: bare, family: 'ipv6' };
}

/** Whether an address is on the public internet (false for anything unparsable). */
export function isPublicAddress(address: string): boolean {
  const normal = normalizeAddress(address);
  return normal !== null && !nonPublic.check(normal.address, normal.family);
}

export type AddressVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** The allow-list (WEBHOOK_ALLOWED_HOSTS, parsed by the config) as a check on a host and the addresses it resolved to. */
export class HostAllowList {
  private readonly anyName: boolean;
  private readonly names: readonly { readonly name: string; readonly subdomains: boolean }[];
  private readonly networks = new net.BlockList();
  private readonly hasNetworks: boolean;

  constructor(readonly entries: readonly AllowedHost[]) {
    // No entry at all: any host name, public addresses only.
    this.anyName = entries.length === 0 || entries.some((entry) => entry.kind === 'any');
    this.names = entries.flatMap((entry) => (entry.kind === 'name' ? [entry] : []));
    let networks = 0;
    for (const entry of entries) {
      if (entry.kind !== 'network') continue;
      const normal = normalizeAddress(entry.address);
      if (!normal) continue;
      this.networks.addSubnet(normal.address, normal.family === entry.family ? entry.prefix : Math.max(0, entry.prefix - 96), normal.family);
      networks += 1;
    }
    this.hasNetworks = networks > 0;
  }

  /** Whether an address lies in a listed address or network. */
  listsAddress(address: string): boolean {
    const normal = normalizeAddress(address);
    return this.hasNetworks && normal !== null && this.networks.check(normal.address, normal.family);
  }

  /**
   * Whether a request to `host` may connect to `addresses` (every address the host resolved to; one is then used).
   * The host must be allowed (any name when the list is empty or holds `*`, else a listed name, or every address
   * listed), and every address must be public or listed: a private or loopback address only when listed.
   */
  check(host: string, addresses: readonly string[]): AddressVerdict {
    const name = host.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
    if (addresses.length === 0) return { ok: false, reason: `${name} resolves to no address` };
    for (const address of addresses) {
      if (normalizeAddress(address) === null) return { ok: false, reason: `${name} resolves to ${address}, which is not an IP address` };
      if (!isPublicAddress(address) && !this.listsAddress(address)) {
        return { ok: false, reason: `${name === address ? address : `${name} resolves to ${address}, which`} is a private, loopback or reserved address not listed in WEBHOOK_ALLOWED_HOSTS` };
      }
    }
    const nameListed = this.anyName || this.names.some((entry) => (entry.subdomains ? name.endsWith(`.${entry.name}`) : name === entry.name));
    if (!nameListed && !addresses.every((address) => this.listsAddress(address))) {
      return { ok: false, reason: `${name} is not in WEBHOOK_ALLOWED_HOSTS` };
    }
    return { ok: true };
  }
}
