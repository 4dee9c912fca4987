import 'server-only';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Manage keys and resume tokens: 32 random bytes (256 bits) in base64url.
 * Only a SHA-256 hash is stored; a presented secret is hashed and compared
 * with `timingSafeEqual`, so the comparison takes the same time wherever the
 * first differing byte is.
 */
export const SECRET_BYTES = 32;

export function newSecret(): string {
  return randomBytes(SECRET_BYTES).toString('base64url');
}

/** Hex SHA-256 of a secret: what the database keeps. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

// Compared against when there is no stored hash (unknown scenario), so that a
// missing scenario costs the same work as a wrong key.
const DECOY_HASH = hashSecret(newSecret());

/** Whether `presented` hashes to `storedHash`, in constant time. */
export function secretMatches(presented: string | null | undefined, storedHash: string | null | undefined): boolean {
  const expected = Buffer.from(storedHash ?? DECOY_HASH, 'hex');
  const actual = createHash('sha256')
    .update(presented ?? '', 'utf8')
    .digest();
  if (expected.length !== actual.length) return false;
  const same = timingSafeEqual(expected, actual);
  return same && storedHash != null && presented != null && presented !== '';
}
