import { describe, expect, it } from 'vitest';
import { resolveClientAddress } from './client-address';

describe('the client address the app server hands the app', () => {
  it('is the connection’s peer by default, whatever X-Forwarded-For says', () => {
    expect(resolveClientAddress(undefined, '203.0.113.5', 0)).toBe('203.0.113.5');
    expect(resolveClientAddress('6.6.6.6', '203.0.113.5', 0)).toBe('203.0.113.5');
    expect(resolveClientAddress(['6.6.6.6', '7.7.7.7, 8.8.8.8'], '203.0.113.5', 0)).toBe('203.0.113.5');
  });

  it('behind one proxy, is the entry that proxy appended, not one the client wrote in front of it', () => {
    // The client forged "6.6.6.6"; the load balancer (10.0.0.2) appended the client's real address.
    expect(resolveClientAddress('6.6.6.6, 198.51.100.7', '10.0.0.2', 1)).toBe('198.51.100.7');
    expect(resolveClientAddress('198.51.100.7', '10.0.0.2', 1)).toBe('198.51.100.7');
    // Two proxies: the outer one saw 198.51.100.7, the inner one saw the outer one.
    expect(resolveClientAddress('6.6.6.6, 198.51.100.7, 10.0.0.9', '10.0.0.2', 2)).toBe('198.51.100.7');
  });

  it('takes the leftmost address when the chain is shorter than the proxies configured', () => {
    expect(resolveClientAddress(undefined, '10.0.0.2', 1)).toBe('10.0.0.2');
    expect(resolveClientAddress(' , ', '10.0.0.2', 2)).toBe('10.0.0.2');
    expect(resolveClientAddress('198.51.100.7', '10.0.0.2', 3)).toBe('198.51.100.7');
  });

  it('shows IPv4-mapped peers as IPv4 and never hands over an unbounded string', () => {
    expect(resolveClientAddress(undefined, '::ffff:127.0.0.1', 0)).toBe('127.0.0.1');
    expect(resolveClientAddress(undefined, '::1', 0)).toBe('::1');
    expect(resolveClientAddress(undefined, undefined, 0)).toBe('unknown');
    expect(resolveClientAddress(`${'x'.repeat(5000)}`, '10.0.0.2', 1)).toHaveLength(64);
  });
});
