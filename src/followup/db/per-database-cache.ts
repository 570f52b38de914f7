/**
 * A short-lived memory of costly reads, per database handle: concurrent callers of the same key
 * share one read, a failed read is not kept, and at most `maxEntries` keys are remembered.
 */
import type { Database } from '../../db/connection.ts';

interface Entry {
  value: Promise<unknown>;
  validUntil: number;
}

export interface PerDatabaseCache {
  get<T>(db: Database, key: string, load: () => Promise<T>, now?: () => number): Promise<T>;
  forget(db: Database): void;
}

export function perDatabaseCache(ttlMs: number, maxEntries = 50): PerDatabaseCache {
  const caches = new WeakMap<Database, Map<string, Entry>>();
  return {
    get<T>(db: Database, key: string, load: () => Promise<T>, now = () => performance.now()): Promise<T> {
      let cache = caches.get(db);
      if (!cache) {
        cache = new Map();
        caches.set(db, cache);
      }
      const hit = cache.get(key);
      const time = now();
      if (hit && hit.validUntil > time) return hit.value as Promise<T>;
      if (cache.size >= maxEntries) {
        for (const [k, entry] of cache) if (entry.validUntil <= time) cache.delete(k);
        if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
      }
      const value = load();
      const entry = { value, validUntil: time + ttlMs };
      cache.set(key, entry);
      value.catch(() => {
        if (cache.get(key) === entry) cache.delete(key);
      });
      return value;
    },
    forget(db: Database): void {
      caches.delete(db);
    },
  };
}
