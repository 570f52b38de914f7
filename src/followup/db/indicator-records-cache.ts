/**
 * The indicator records of a municipality, remembered for a minute per database handle. Reading
 * them is the costly part of every follow-up page (payments, members and reason codes of years);
 * the figures they give change when payments are made, a few times a month, so a page may show
 * figures up to a minute old. One read covers the last ten years up to the end of next year, so
 * the pages' different periods and series share it (the engine picks each period's months);
 * a range reaching further back is read on its own. Concurrent requests share one read, and a
 * failed read is not kept. The command line (`npx kedjan kpi`) reads afresh.
 */
import type { Database } from '../../db/connection.ts';
import type { IndicatorRecords } from '../domain/indicators/records.ts';
import { loadIndicatorRecords } from './indicator-records.ts';

export const INDICATOR_RECORDS_TTL_MS = 60_000;
const MAX_ENTRIES = 50;

interface Entry {
  value: Promise<IndicatorRecords>;
  validUntil: number;
}

const caches = new WeakMap<Database, Map<string, Entry>>();

/** `today` (YYYY-MM-DD) decides the span one read covers. */
export function cachedIndicatorRecords(
  db: Database,
  municipalityId: string,
  fromMonth: string,
  toMonth: string,
  today: string,
  now: () => number = () => performance.now(),
): Promise<IndicatorRecords> {
  const year = Number(today.slice(0, 4));
  const spanFrom = `${year - 10}-01`;
  const spanTo = `${year + 1}-12`;
  if (fromMonth < spanFrom || toMonth > spanTo)
    return loadIndicatorRecords(db, municipalityId, fromMonth, toMonth);
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const key = `${municipalityId}|${spanFrom}|${spanTo}`;
  const hit = cache.get(key);
  const time = now();
  if (hit && hit.validUntil > time) return hit.value;
  if (cache.size >= MAX_ENTRIES) {
    for (const [k, entry] of cache) if (entry.validUntil <= time) cache.delete(k);
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  }
  const value = loadIndicatorRecords(db, municipalityId, spanFrom, spanTo);
  const entry = { value, validUntil: time + INDICATOR_RECORDS_TTL_MS };
  cache.set(key, entry);
  value.catch(() => {
    if (cache.get(key) === entry) cache.delete(key);
  });
  return value;
}

/** Forgets what was read for the handle (tests, or after a change that must show at once). */
export function forgetIndicatorRecords(db: Database): void {
  caches.delete(db);
}
