import { createHash, randomBytes } from 'node:crypto';

/** A new random secret (session id, invite or API token): 32 random bytes, base64url, with a prefix. */
export function newSecret(prefix: string): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** A new short random id for a stored row ("acc_…", "thr_…"). */
export function newId(prefix: string): string {
  return prefix + randomBytes(12).toString('base64url');
}

/** How secrets are stored: a SHA-256 hash (they are random and long, so no salt or slow hash is needed). */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
