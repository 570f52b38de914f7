import { describe, expect, it } from 'vitest';
import { OccupancyCache } from './occupancy-cache.ts';

describe('the occupancy overview kept for a moment', () => {
  const setup = () => {
    let now = 0;
    let reads = 0;
    const cache = new OccupancyCache<number>(1_000, () => now);
    const read = (key = '0001|2026|2026-11-20') =>
      cache.get(key, async () => {
        reads++;
        return reads;
      });
    return { cache, read, reads: () => reads, advance: (ms: number) => (now += ms) };
  };

  it('answers a burst of requests with one read', async () => {
    const { read, reads } = setup();
    expect(await Promise.all([read(), read(), read()])).toEqual([1, 1, 1]);
    expect(await read()).toBe(1);
    expect(reads()).toBe(1);
  });

  it('waits for a new read once the entry is as old as the time kept, counted from when its read began', async () => {
    const { read, reads, advance } = setup();
    await read();
    advance(499);
    expect(await read()).toBe(1);
    advance(501);
    expect(await read()).toBe(2);
    expect(reads()).toBe(2);
  });

  it('from half that age, answers from the entry while one new read runs in the background', async () => {
    const { read, reads, advance } = setup();
    await read();
    advance(500);
    expect(await Promise.all([read(), read()])).toEqual([1, 1]);
    expect(reads()).toBe(2);
    await Promise.resolve();
    expect(await read()).toBe(2);
    // The new entry is counted from when its read began.
    advance(999);
    expect(await read()).toBe(2);
    expect(reads()).toBe(3);
  });

  it('does not keep a background read that was under way when a write cleared it', async () => {
    const { cache, read, reads, advance } = setup();
    await read();
    advance(500);
    expect(await read()).toBe(1);
    cache.clear();
    await Promise.resolve();
    expect(await read()).toBe(3);
    expect(reads()).toBe(3);
  });

  it('starts no background read while the first read is under way', async () => {
    let now = 0;
    let reads = 0;
    let finish = () => {};
    const cache = new OccupancyCache<number>(1_000, () => now);
    const slow = () =>
      cache.get('k', () => {
        reads++;
        return new Promise<number>((resolve) => (finish = () => resolve(reads)));
      });
    const first = slow();
    now = 600;
    const second = slow();
    expect(reads).toBe(1);
    finish();
    expect(await Promise.all([first, second])).toEqual([1, 1]);
  });

  it('reads again at once after a write cleared it', async () => {
    const { cache, read } = setup();
    await read();
    cache.clear();
    expect(await read()).toBe(2);
  });

  it('does not keep a read that was under way when a write cleared it', async () => {
    const { cache, read } = setup();
    const underWay = read();
    cache.clear();
    expect(await underWay).toBe(1);
    expect(await read()).toBe(2);
  });

  it('keeps each municipality, year and day apart', async () => {
    const { read } = setup();
    expect(await read('0001|2026|2026-11-20')).toBe(1);
    expect(await read('0001|2027|2026-11-20')).toBe(2);
    expect(await read('0001|2026|2026-11-21')).toBe(3);
    expect(await read('0002|2026|2026-11-20')).toBe(4);
    expect(await read('0001|2026|2026-11-20')).toBe(1);
  });

  it('does not keep a failed read', async () => {
    const cache = new OccupancyCache<number>(1_000, () => 0);
    await expect(cache.get('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('k', async () => 7)).toBe(7);
  });
});
