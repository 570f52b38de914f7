import { describe, expect, it } from 'vitest';
import { LOGIN_STATE_TTL_MS, openLoginState, sealLoginState } from './login-state.ts';

const secret = 'a-test-secret-that-is-long-enough-0123456789';
const pending = { state: 'state-1', nonce: 'nonce-1', codeVerifier: 'verifier-1' };
const now = new Date('2025-03-01T10:00:00Z');

describe('the OIDC login state cookie', () => {
  it('gives back what was sealed', () => {
    expect(openLoginState(sealLoginState(pending, secret, now), secret, now)).toEqual(pending);
  });

  it('refuses a value sealed with another secret', () => {
    expect(openLoginState(sealLoginState(pending, secret, now), `${secret}-other`, now)).toBeNull();
  });

  it('refuses an altered payload', () => {
    const [version, , signature] = sealLoginState(pending, secret, now).split('.');
    const forged = Buffer.from(
      JSON.stringify({ s: 'attacker', n: 'nonce-1', v: 'verifier-1', x: now.getTime() + 60_000 }),
    ).toString('base64url');
    expect(openLoginState(`${version}.${forged}.${signature}`, secret, now)).toBeNull();
  });

  it('refuses an altered or truncated signature', () => {
    const sealed = sealLoginState(pending, secret, now);
    const flipped = sealed.slice(0, -1) + (sealed.endsWith('A') ? 'B' : 'A');
    expect(openLoginState(flipped, secret, now)).toBeNull();
    expect(openLoginState(sealed.slice(0, -4), secret, now)).toBeNull();
  });

  it('expires after ten minutes', () => {
    const sealed = sealLoginState(pending, secret, now);
    expect(openLoginState(sealed, secret, new Date(now.getTime() + LOGIN_STATE_TTL_MS - 1))).toEqual(pending);
    expect(openLoginState(sealed, secret, new Date(now.getTime() + LOGIN_STATE_TTL_MS))).toBeNull();
  });

  it('refuses absent and malformed values', () => {
    for (const value of [
      undefined,
      '',
      'v1',
      'v1..',
      'v2.e30.AAAA',
      'v1.not base64.AAAA',
      'x'.repeat(5000),
    ]) {
      expect(openLoginState(value, secret, now)).toBeNull();
    }
  });
});
