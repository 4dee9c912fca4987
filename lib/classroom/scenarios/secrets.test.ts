import { describe, expect, it } from 'vitest';
import { hashSecret, newSecret, secretMatches } from './secrets';

describe('scenario secrets', () => {
  it('are 256 random bits in base64url, all different', () => {
    const secrets = new Set(Array.from({ length: 1000 }, newSecret));
    expect(secrets.size).toBe(1000);
    for (const s of secrets) expect(s).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('are stored as a SHA-256 hash that does not contain them', () => {
    const s = newSecret();
    expect(hashSecret(s)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSecret(s)).not.toContain(s);
  });

  it('match only the exact secret, and never without a stored hash', () => {
    const s = newSecret();
    const h = hashSecret(s);
    expect(secretMatches(s, h)).toBe(true);
    expect(secretMatches(`${s}x`, h)).toBe(false);
    expect(secretMatches(s.slice(1), h)).toBe(false);
    expect(secretMatches('', h)).toBe(false);
    expect(secretMatches(null, h)).toBe(false);
    expect(secretMatches(s, null)).toBe(false);
    expect(secretMatches(s, 'abc')).toBe(false);
  });
});
