/**
 * The indicators' values as the follow-up pages show them: counted in the database
 * (indicator-aggregates.ts) and remembered for a minute per database handle and question. The
 * figures change when payments are made, a few times a month, so a page may show figures up to a
 * minute old; concurrent requests for the same figures share one computation.
 */
import type { Database } from '../../db/connection.ts';
import type { IndicatorValue } from '../domain/indicators/compute.ts';
import type { IndicatorDefinition } from '../domain/indicators/definitions.ts';
import { periodLabel, type Period } from '../domain/indicators/periods.ts';
import { computeIndicatorsInDatabase } from './indicator-aggregates.ts';
import { perDatabaseCache } from './per-database-cache.ts';

export const INDICATOR_VALUES_TTL_MS = 60_000;
const cache = perDatabaseCache(INDICATOR_VALUES_TTL_MS, 200);

/** `throughMonth` (YYYY-MM): the last month the records are complete for, usually this month. */
export function cachedIndicatorValues(
  db: Database,
  municipalityId: string,
  definitions: readonly IndicatorDefinition[],
  periods: readonly Period[],
  throughMonth: string,
): Promise<IndicatorValue[]> {
  const key = [
    municipalityId,
    throughMonth,
    definitions.map((d) => d.id).join(','),
    periods.map(periodLabel).join(','),
  ].join('|');
  return cache.get(db, key, () =>
    computeIndicatorsInDatabase(db, municipalityId, definitions, periods, throughMonth),
  );
}

/** Forgets the remembered values of the handle (tests, or after a change that must show at once). */
export function forgetIndicatorValues(db: Database): void {
  cache.forget(db);
}
