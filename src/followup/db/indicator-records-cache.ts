/**
 * The indicator records of a municipality, remembered for a minute per database handle, for the
 * drill-down behind a figure (the only use that needs who is counted; the figures themselves are
 * counted in the database, indicator-values.ts). One read covers the last ten years up to the end
 * of next year, so drill-downs of different periods share it; a range reaching further back is
 * read on its own.
 */
import type { Database } from '../../db/connection.ts';
import type { IndicatorRecords } from '../domain/indicators/records.ts';
import { loadIndicatorRecords } from './indicator-records.ts';
import { perDatabaseCache } from './per-database-cache.ts';

export const INDICATOR_RECORDS_TTL_MS = 60_000;
const cache = perDatabaseCache(INDICATOR_RECORDS_TTL_MS);

/** `today` (YYYY-MM-DD) decides the span one read covers. */
export function cachedIndicatorRecords(
  db: Database,
  municipalityId: string,
  fromMonth: string,
  toMonth: string,
  today: string,
  now?: () => number,
): Promise<IndicatorRecords> {
  const year = Number(today.slice(0, 4));
  const spanFrom = `${year - 10}-01`;
  const spanTo = `${year + 1}-12`;
  if (fromMonth < spanFrom || toMonth > spanTo)
    return loadIndicatorRecords(db, municipalityId, fromMonth, toMonth);
  return cache.get(
    db,
    `${municipalityId}|${spanFrom}|${spanTo}`,
    () => loadIndicatorRecords(db, municipalityId, spanFrom, spanTo),
    now,
  );
}

/** Forgets what was read for the handle (tests, or after a change that must show at once). */
export function forgetIndicatorRecords(db: Database): void {
  cache.forget(db);
}
