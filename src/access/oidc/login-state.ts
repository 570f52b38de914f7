/**
 * What a login in progress must remember between `/auth/login` and `/auth/callback` — the state,
 * the nonce and the PKCE code verifier — kept in the browser in one cookie whose value is
 * authenticated with an HMAC of the server secret, so that it cannot be forged or altered, and
 * which carries its own expiry. The cookie binds the provider's answer to the browser that
 * started the login (the state must match), which is what protects against login CSRF.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** How long a login may take from the redirect to the provider to the callback. */
export const LOGIN_STATE_TTL_MS = 10 * 60_000;

const VERSION = 'v1';
const B64URL = /^[A-Za-z0-9_-]+$/;
const MAX_LENGTH = 2048;

/** A key of its own for this purpose, derived from the server secret. */
const keyOf = (secret: string) => createHmac('sha256', secret).update('kedjan/oidc-login-state/v1').digest();

const mac = (secret: string, payload: string) =>
  createHmac('sha256', keyOf(secret)).update(`${VERSION}.${payload}`).digest();

/** The cookie value: `v1.<base64url JSON>.<base64url HMAC-SHA256>`. */
export function sealLoginState(pending: PendingLogin, secret: string, now: Date): string {
  const body = {
    s: pending.state,
    n: pending.nonce,
    v: pending.codeVerifier,
    x: now.getTime() + LOGIN_STATE_TTL_MS,
  };
  const payload = Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
  return `${VERSION}.${payload}.${mac(secret, payload).toString('base64url')}`;
}

/** The pending login, or null when the value is absent, altered, malformed or expired. */
export function openLoginState(value: string | undefined, secret: string, now: Date): PendingLogin | null {
  if (!value || value.length > MAX_LENGTH) return null;
  const parts = value.split('.');
  if (parts.length !== 3) return null;
  const [version, payload, signature] = parts as [string, string, string];
  if (version !== VERSION || !B64URL.test(payload) || !B64URL.test(signature)) return null;
  const expected = mac(secret, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!isBody(body) || body.x <= now.getTime()) return null;
  return { state: body.s, nonce: body.n, codeVerifier: body.v };
}

function isBody(value: unknown): value is { s: string; n: string; v: string; x: number } {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.s === 'string' &&
    v.s.length > 0 &&
    typeof v.n === 'string' &&
    v.n.length > 0 &&
    typeof v.v === 'string' &&
    v.v.length > 0 &&
    typeof v.x === 'number' &&
    Number.isFinite(v.x)
  );
}
