/**
 * The indicators counted in the database equal the engine's from records, on a small demo
 * municipality's five years: every indicator, for months, tertials and years, including a
 * period after the records' last complete month (no outflow is counted there) — and still after
 * the records change (a payment reversed, a reason code changed, a member left out): the facts
 * they are counted from follow.
 */
import { sql } from 'kysely';
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
    // One definition asks only its part of the statement (households' or persons' months).
    for (const id of ['long_term_households', 'long_term_adults_share']) {
      const definition = INDICATORS.filter((d) => d.id === id);
      const alone = await computeIndicatorsInDatabase(
        database.app.db,
        DEMO_MUNICIPALITY_ID,
        definition,
        months,
        '2026-11',
      );
      expect(withoutSubjects(alone)).toEqual(second.engine.filter((v) => v.id === id));
    }
  });

  it('follow the records when a payment is reversed, a reason code changed and a child left out', async () => {
    // 2026 looks back on 2025's months (inflow in January, very long-term adults, re-actualisation).
    const year: Period[] = [
      { kind: 'year', year: 2025 },
      { kind: 'year', year: 2026 },
    ];
    const before = await both(year);
    expect(before.counted).toEqual(before.engine);
    const value = (values: typeof before.counted, id: string, period = '2025') =>
      values.find((v) => v.id === id && v.period === period)?.numerator;
    await database.asOwner(async (db) => {
      // Every payment of one long-term household in 2025, and one adult's reason codes that year.
      const household = await sql<{ household_id: string }>`
        SELECT household_id FROM indicator_household_month
        WHERE municipality_id = ${DEMO_MUNICIPALITY_ID} AND month >= '2025-01-01' AND month < '2026-01-01'
        GROUP BY household_id HAVING count(*) >= 10 ORDER BY household_id LIMIT 1`.execute(db);
      const householdId = household.rows[0]!.household_id;
      await sql`
        UPDATE payment p SET status = 'reversed', status_reason = 'Test: återbetald'
        FROM decision d, client_case c
        WHERE p.municipality_id = ${DEMO_MUNICIPALITY_ID} AND d.municipality_id = p.municipality_id
          AND d.id = p.decision_id AND c.municipality_id = p.municipality_id AND c.id = p.case_id
          AND c.household_id = ${householdId} AND d.month >= '2025-01-01' AND d.month < '2026-01-01'
          AND p.status = 'sent'`.execute(db);
      await sql`
        UPDATE reason_code SET code = 'sick_with_certificate'
        WHERE municipality_id = ${DEMO_MUNICIPALITY_ID} AND month >= '2025-01-01' AND month < '2026-01-01'
          AND code LIKE 'unemployed%'
          AND person_id = (SELECT person_id FROM reason_code
                           WHERE municipality_id = ${DEMO_MUNICIPALITY_ID} AND month = '2025-12-01'
                             AND code LIKE 'unemployed%' ORDER BY person_id LIMIT 1)`.execute(db);
      await sql`
        UPDATE application_member SET included = false
        WHERE municipality_id = ${DEMO_MUNICIPALITY_ID} AND role = 'child'
          AND application_id = (SELECT am.application_id FROM application_member am
                                JOIN application a ON a.municipality_id = am.municipality_id AND a.id = am.application_id
                                WHERE am.municipality_id = ${DEMO_MUNICIPALITY_ID} AND am.role = 'child'
                                  AND a.month = '2025-06-01' ORDER BY am.application_id LIMIT 1)`.execute(db);
    });
    const after = await both(year);
    expect(after.counted).toEqual(after.engine);
    expect(value(after.counted, 'long_term_households')).toBe(
      value(before.counted, 'long_term_households')! - 1,
    );
    expect(value(after.counted, 'reason_ill_health_share')).toBe(
      value(before.counted, 'reason_ill_health_share')! + 1,
    );
    // The household's next year changed with it: it came back in January 2026 as new.
    expect(value(after.counted, 'households_inflow', '2026')).toBe(
      value(before.counted, 'households_inflow', '2026')! + 1,
    );
  });
});
