import { describe, expect, it } from 'vitest';
import type { Principal } from '../domain/principal.ts';
import { SessionCache } from './session-cache.ts';

const principal = { userId: 'u1' } as Principal;
const at = (ms: number) => new Date(1_800_000_000_000 + ms);

describe('the session cache', () => {
  it('is bypassed until the server listens for access changes', () => {
    const cache = new SessionCache(2000);
    cache.set('k', principal, at(0), at(60_000));
    expect(cache.get('k', at(1))).toBeUndefined();
    cache.enable();
    cache.set('k', principal, at(0), at(60_000));
    expect(cache.get('k', at(1))).toBe(principal);
  });

  it('forgets an entry after its time to live or its session’s end, whichever is first', () => {
    const cache = new SessionCache(2000);
    cache.enable();
    cache.set('k', principal, at(0), at(60_000));
    expect(cache.get('k', at(1999))).toBe(principal);
    expect(cache.get('k', at(2000))).toBeUndefined();
    cache.set('k', principal, at(0), at(500));
    expect(cache.get('k', at(500))).toBeUndefined();
  });

  it('drops everything on an access change and when switched off', () => {
    const cache = new SessionCache(2000);
    cache.enable();
    cache.set('k', principal, at(0), at(60_000));
    cache.clear();
    expect(cache.get('k', at(1))).toBeUndefined();
    cache.set('k', principal, at(0), at(60_000));
    cache.disable();
    cache.enable();
    expect(cache.get('k', at(1))).toBeUndefined();
  });
});
