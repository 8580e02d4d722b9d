import { createHash, randomBytes } from 'node:crypto';

/** A new random secret (session or API token), URL-safe, 256 bits. */
export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** Tokens are stored as SHA-256 hashes only, so a database leak does not leak sessions. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
