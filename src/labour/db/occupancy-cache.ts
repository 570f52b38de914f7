/**
 * The occupancy overview, remembered for a moment (1 s) so that a burst of requests costs one
 * aggregate over the unit's placements instead of one each (~2–3 ms of database time with 5 000
 * participants).
 *
 * It stays correct for the caller because:
 * - the overview depends on the municipality, the year and the day only — not on the user (the
 *   endpoint's permission, labour:read, is checked before) — and those are the key; every request
 *   is still audited;
 * - any write request on this server clears it once its transaction has committed (placements and
 *   interventions change only through write requests), and a read that overlapped a clear does not
 *   keep its result, so this server's own changes show at once;
 * - an entry is never older than `ttlMs`, counted from when its read began: a change made through
 *   another server shows within that time. (At once on every server would need a database
 *   notification on placement/intervention changes, as the session cache has for access changes.)
 *
 * Once an entry is half that old, the next request starts a new read in the background and is
 * answered from the entry meanwhile: under steady load no request waits for the aggregate (when
 * all of them waited for it once a second, that wait was the overview's slowest percent). Only an
 * entry older than `ttlMs`, or none, is waited for.
 *
 * One cache per database handle (each server has its own).
 */
import type { Database } from '../../db/connection.ts';

export const OCCUPANCY_CACHE_MS = 1_000;

interface Entry<T> {
  value: Promise<T>;
  validUntil: number;
  refreshAt: number;
  refreshing: boolean;
}

export class OccupancyCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly ttlMs = OCCUPANCY_CACHE_MS,
    private readonly now: () => number = () => performance.now(),
    private readonly maxEntries = 1_000,
  ) {}

  /** The value of the key if read less than `ttlMs` ago (or being read), else `load()`'s. */
  get(key: string, load: () => Promise<T>): Promise<T> {
    const now = this.now();
    const entry = this.entries.get(key);
    if (entry && now < entry.validUntil) {
      if (now >= entry.refreshAt && !entry.refreshing) this.refresh(key, entry, load, now);
      return entry.value;
    }
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    return this.read(key, load, now).value;
  }

  /** Forgets everything, including reads under way (callers already waiting still get theirs). */
  clear(): void {
    this.entries.clear();
  }

  private read(key: string, load: () => Promise<T>, now: number): Entry<T> {
    const value = load();
    // No background read while this one is under way.
    const fresh: Entry<T> = {
      value,
      validUntil: now + this.ttlMs,
      refreshAt: now + this.ttlMs / 2,
      refreshing: true,
    };
    this.entries.set(key, fresh);
    // A failed read is not kept. (A read that overlaps a clear is dropped by the clear itself.)
    value.then(
      () => {
        fresh.refreshing = false;
      },
      () => {
        if (this.entries.get(key) === fresh) this.entries.delete(key);
      },
    );
    return fresh;
  }

  /** Reads again in the background; the result replaces `entry` unless a clear came first. */
  private refresh(key: string, entry: Entry<T>, load: () => Promise<T>, now: number): void {
    entry.refreshing = true;
    const value = load();
    value.then(
      () => {
        if (this.entries.get(key) === entry)
          this.entries.set(key, {
            value,
            validUntil: now + this.ttlMs,
            refreshAt: now + this.ttlMs / 2,
            refreshing: false,
          });
      },
      // The entry stays as long as it is valid; the next request past `refreshAt` tries again.
      () => {
        entry.refreshing = false;
      },
    );
  }
}

const caches = new WeakMap<Database, OccupancyCache<unknown>>();

/** The cache of a server's database handle. */
export function occupancyCacheOf<T>(db: Database): OccupancyCache<T> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new OccupancyCache<unknown>();
    caches.set(db, cache);
  }
  return cache as OccupancyCache<T>;
}
