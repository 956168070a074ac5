import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// The per-run secret a peer must present first. It is compared in constant time, since a
// loopback TCP port lets any local user try guesses and time the answers.

/** How long a new connection has to present the token. Python connects when it is ready to send it. */
export const AUTHENTICATION_TIMEOUT_MS = 5_000;

export function newRunToken(): string {
  return randomBytes(24).toString('hex');
}

/** Constant-time equality; digests first so that a wrong length takes the same time too. */
export function sameToken(presented: unknown, expected: string): boolean {
  if (typeof presented !== 'string') return false;
  const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(expected));
}
