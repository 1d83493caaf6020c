// The webhook signature scheme (documented in the README under "Webhooks"):
//
//   x-leadscore-timestamp: <unix seconds at the attempt>
//   x-leadscore-signature: v1=<lower-case hex HMAC-SHA256(key = the secret's UTF-8 bytes,
//                                                         message = "<timestamp>.<raw body>")>
//
// A receiver recomputes the HMAC over the raw body bytes it received (before any
// JSON parsing), compares in constant time, and rejects a timestamp too far
// from its clock (5 minutes is suggested) to refuse replays. Every attempt is
// signed afresh, with its own timestamp.

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-leadscore-signature';
export const TIMESTAMP_HEADER = 'x-leadscore-timestamp';
export const DELIVERY_HEADER = 'x-leadscore-delivery';
export const SIGNATURE_VERSION = 'v1';

/** A new signing secret: "whsec_" and 32 random bytes in base64url (the whole string is the key). */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** The signature header value for a body sent at `timestamp` (unix seconds). */
export function signPayload(secret: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
  return `${SIGNATURE_VERSION}=${mac}`;
}

/**
 * What a receiver does: true when `signature` is a v1 signature of `body` at
 * `timestamp` by `secret` and the timestamp is within `toleranceSeconds` of `nowSeconds`.
 */
export function verifySignature(
  secret: string,
  timestamp: string,
  body: string,
  signature: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  if (!/^\d{1,12}$/.test(timestamp)) return false;
  const sentAt = Number(timestamp);
  if (Math.abs(nowSeconds - sentAt) > toleranceSeconds) return false;
  const expected = Buffer.from(signPayload(secret, sentAt, body), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
