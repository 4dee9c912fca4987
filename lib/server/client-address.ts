/**
 * The client's address, as the app server (scripts/serve.ts) works it out
 * from the connection and hands it to the app. Free of server imports.
 */

/**
 * The request header the app server sets to the client's address. Any copy
 * a client sends is replaced, so the app can trust it.
 */
export const CLIENT_ADDRESS_HEADER = 'x-scalelab-client-address';

/** Longest address kept; anything longer is not an address. */
const MAX_ADDRESS_CHARS = 64;

/**
 * The client's address from the socket's peer address and X-Forwarded-For,
 * trusting `hops` proxies in front (TRUSTED_PROXY_HOPS).
 *
 * The chain is [X-Forwarded-For entries…, socket address]: each proxy
 * appends the address it was connected from, and the socket is the last
 * proxy (or the client itself). With no proxy (0) the socket address is the
 * client; with N proxies the entry N places left of the socket is what the
 * outermost trusted proxy saw. Entries further left were written by the
 * client and can say anything. When the chain is shorter than `hops`, its
 * leftmost entry is used (every entry came from a trusted proxy).
 */
export function resolveClientAddress(forwardedFor: string | string[] | undefined, socketAddress: string | undefined, hops: number): string {
  const socket = normalize(socketAddress ?? '') || 'unknown';
  if (hops <= 0) return socket;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  const chain = [
    ...header
      .split(',')
      .map((s) => normalize(s))
      .filter(Boolean),
    socket,
  ];
  return chain[Math.max(0, chain.length - 1 - hops)];
}

/** One address: trimmed, IPv4-mapped IPv6 (`::ffff:10.0.0.1`) shown as IPv4, cut to a sane length. */
function normalize(address: string): string {
  const a = address.trim();
  return (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(a) ? a.slice(7) : a).slice(0, MAX_ADDRESS_CHARS);
}
