/**
 * The indicators counted in the database equal the engine's from records, on a small demo
 * municipality's five years: every indicator, for months, tertials and years, including a
 * period after the records' last complete month (no outflow is counted there).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MUNICIPALITY_ID, generateDemo } from '../../src/demo/generate.ts';
import { loadDemo } from '../../src/demo/load.ts';
import { computeIndicatorsInDatabase } from '../../src/followup/db/indicator-aggregates.ts';
import { loadIndicatorRecords } from '../../src/followup/db/indicator-records.ts';
import { computeIndicators, type IndicatorValue } from '../../src/followup/domain/indicators/compute.ts';
import { INDICATORS } from '../../src/followup/domain/indicators/definitions.ts';
import { monthsOf, type Period } from '../../src/followup/domain/indicators/periods.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

const TODAY = '2026-11-22';
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await database.asOwner((db) => loadDemo(db, generateDemo({ today: TODAY, households: 160 })));
}, 120_000);

afterAll(async () => {
  await database?.close();
});

const withoutSubjects = (values: IndicatorValue[]) =>
  values.map(({ subjects: _subjects, ...value }) => value);

async function both(periods: Period[], throughMonth?: string) {
  const months = periods.flatMap(monthsOf).sort();
  const records = await loadIndicatorRecords(
    database.app.db,
    DEMO_MUNICIPALITY_ID,
    months[0]!,
    months[months.length - 1]!,
  );
  const engine = computeIndicators(INDICATORS, { ...records, throughMonth }, periods);
  const counted = await computeIndicatorsInDatabase(
    database.app.db,
    DEMO_MUNICIPALITY_ID,
    INDICATORS,
    periods,
    throughMonth,
  );
  return { engine: withoutSubjects(engine), counted: withoutSubjects(counted) };
}

describe('indicators counted in the database', () => {
  it('equal the engine’s for each year of the history', async () => {
    const years: Period[] = [2022, 2023, 2024, 2025, 2026].map((year) => ({ kind: 'year', year }));
    const { engine, counted } = await both(years, '2026-11');
    expect(counted).toEqual(engine);
    // The demo is not empty: every indicator has a value in some year, so equality means something.
    for (const definition of INDICATORS)
      expect(
        engine.some((v) => v.id === definition.id && v.value !== null && v.value !== 0),
        definition.id,
      ).toBe(true);
  });

  it('equal the engine’s for tertials and for every month of two years', async () => {
    const tertials: Period[] = [2024, 2025].flatMap((year) =>
      ([1, 2, 3] as const).map((tertial) => ({ kind: 'tertial' as const, year, tertial })),
    );
    const months: Period[] = [2025, 2026].flatMap((year) =>
      Array.from({ length: 12 }, (_, i) => ({ kind: 'month' as const, year, month: i + 1 })),
    );
    const first = await both(tertials);
    expect(first.counted).toEqual(first.engine);
    const second = await both(months, '2026-11');
    expect(second.counted).toEqual(second.engine);
  });
});
