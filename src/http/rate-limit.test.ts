import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.ts';

describe('RateLimiter', () => {
  it('allows the budget within the window, then refuses until the oldest attempt has aged out', () => {
    const limiter = new RateLimiter(3, 1000);
    expect([0, 100, 200].map((at) => limiter.take('a', at))).toEqual([true, true, true]);
    expect(limiter.take('a', 900)).toBe(false);
    expect(limiter.take('b', 900)).toBe(true);
    // The refused attempt was not counted: at 1001 only the first attempt has left the window.
    expect(limiter.take('a', 1001)).toBe(true);
    expect(limiter.take('a', 1002)).toBe(false);
  });

  it('forgets the least recently used keys beyond its capacity', () => {
    const limiter = new RateLimiter(1, 1000, 2);
    expect(limiter.take('a', 0)).toBe(true);
    expect(limiter.take('b', 0)).toBe(true);
    expect(limiter.take('c', 0)).toBe(true);
    // 'a' was forgotten, so it gets a new budget; 'c' is still remembered.
    expect(limiter.take('a', 1)).toBe(true);
    expect(limiter.take('c', 1)).toBe(false);
  });
});
