import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { FeedError } from '@ssc-monitor/core';

/**
 * Addresses a feed URL must not reach unless private networks are allowed: a plan (editable
 * through PUT /api/plan) could otherwise make the server fetch its own admin ports, the cloud
 * metadata service or the office network. IPv4-mapped IPv6 addresses match the IPv4 rules.
 */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved and broadcast
] as const)
  PRIVATE.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 96], // unspecified, loopback and the deprecated IPv4-compatible form (::127.0.0.1)
  ['64:ff9b::', 96], // NAT64 of IPv4 addresses
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const)
  PRIVATE.addSubnet(network, prefix, 'ipv6');

/** True for loopback, link-local, private, reserved and multicast addresses (and non-IPs). */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').split('%')[0] ?? '';
  const family = isIP(bare);
  if (family === 0) return true;
  return PRIVATE.check(bare, family === 4 ? 'ipv4' : 'ipv6');
}

function refused(host: string, address: string): FeedError {
  return new FeedError(
    'FEED_ERR_PRIVATE_ADDRESS',
    `${host} resolves to ${address}, a private or local address; feeds may only reach public hosts (see FEEDS_ALLOW_PRIVATE_NETWORKS)`,
  );
}

/** Refuses an IP-literal host up front: Node connects to those without any lookup. */
export function checkLiteralHost(hostname: string, allowPrivateNetworks: boolean): void {
  const bare = hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivateNetworks && isIP(bare) !== 0 && isPrivateAddress(bare)) throw refused(hostname, bare);
}

/**
 * A `lookup` for http.request that checks every address a name resolves to, at connect time,
 * so a DNS answer that changes between a check and the connection (rebinding) cannot slip by.
 */
export function guardedLookup(allowPrivateNetworks: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) {
        callback(error, '', 0);
        return;
      }
      const blocked = allowPrivateNetworks ? undefined : addresses.find((a) => isPrivateAddress(a.address));
      if (blocked !== undefined) {
        callback(refused(hostname, blocked.address), '', 0);
        return;
      }
      const [first] = addresses;
      if (options.all) callback(null, addresses);
      else if (first === undefined)
        callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
      else callback(null, first.address, first.family);
    });
  };
}
