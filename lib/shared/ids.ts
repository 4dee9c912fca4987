import { randomBytes } from 'node:crypto';

/**
 * A URL-safe random id: `bytes` random bytes in base64url. 12 bytes give 16
 * characters and 96 bits, far beyond guessing.
 */
export function randomId(bytes = 12): string {
  return randomBytes(bytes).toString('base64url');
}

/** Ids this app hands out: base64url, 10 to 64 characters. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{10,64}$/;
