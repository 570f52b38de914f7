/**
 * Indicators from the municipality's own records: two households imported from an earlier system
 * (households, applications, decisions and payments, as a municipality would bring its history:
 * Nora and Ali of test/support/history.ts), then computed per year and printed by `npx kedjan kpi`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKpiCommand } from '../../src/cli/kpi-command.ts';
import { loadIndicatorRecords } from '../../src/followup/db/indicator-records.ts';
import { computeIndicators } from '../../src/followup/domain/indicators/compute.ts';
import { INDICATORS } from '../../src/followup/domain/indicators/definitions.ts';
import { parsePeriod, type Period } from '../../src/followup/domain/indicators/periods.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { loadFixture, M } from '../support/fixture.ts';
import { importHistory, NORA_AND_ALI } from '../support/history.ts';

const now = new Date('2026-11-20T09:00:00Z');
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await database.asOwner(async (db) => {
    await loadFixture(db);
    await db
      .insertInto('population')
      .values([
        { municipality_id: M, year: 2023, total: 1000, children: 200, young_adults: 100, source: 'test' },
        { municipality_id: M, year: 2024, total: 1000, children: 200, young_adults: 100, source: 'test' },
      ])
      .execute();
  });
  await importHistory(database.app.db, NORA_AND_ALI, { now });
});
afterAll(async () => database?.close());

async function yearValues(year: number) {
  const records = await loadIndicatorRecords(database.app.db, M, `${year}-01`, `${year}-12`);
  const values = computeIndicators(INDICATORS, records, [parsePeriod(String(year)) as Period]);
  return new Map(values.map((v) => [v.id, v]));
}

describe('indicators from imported records', () => {
  it('counts households, adults, paid amounts and long-term assistance of a year', async () => {
    const values = await yearValues(2023);
    expect(values.get('households_with_assistance')?.value).toBe(2);
    expect(values.get('adults_with_assistance')?.value).toBe(2);
    // Nora's 12 months are long-term, Ali's 3 are not
    expect(values.get('long_term_adults_share')?.value).toBe(50);
    expect(values.get('long_term_households')?.value).toBe(1);
    // 15 months of 8 000 kr among 1 000 inhabitants and 2 households
    expect(values.get('paid_per_inhabitant')?.value).toBe(120);
    expect(values.get('paid_per_household')?.value).toBe(60_000);
    // Nora, Emil and Ali of 1 000 inhabitants; Emil of 200 children
    expect(values.get('inhabitants_with_assistance_share')?.value).toBe(0.3);
    expect(values.get('children_in_households_share')?.value).toBe(0.5);
  });

  it('counts a return exactly 12 months after the last month as re-actualisation', async () => {
    const values = await yearValues(2024);
    expect(values.get('not_reactualised_share')).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
  });

  it('prints the indicators as CSV with small counts suppressed', async () => {
    let out = '';
    const code = await runKpiCommand(
      { from: '2023-01', to: '2023-12', period: 'year', format: 'csv', municipality: M },
      {
        openDatabase: async () => ({ ...database.app, close: async () => {} }),
        out: (text) => (out += text),
        err: (line) => (out += `ERR ${line}\n`),
      },
    );
    expect(code).toBe(0);
    const lines = out.trim().split('\r\n');
    expect(lines[0]).toBe('id;koladaId;title;period;unit;value;numerator;denominator;suppressed');
    const households = lines.find((l) => l.startsWith('households_with_assistance;'));
    expect(households).toBe(
      'households_with_assistance;;Hushåll med ekonomiskt bistånd, antal;2023;count;;;;true',
    );
    const perInhabitant = lines.find((l) => l.startsWith('paid_per_inhabitant;'));
    expect(perInhabitant).toBe(
      'paid_per_inhabitant;U31030;Utbetalt ekonomiskt bistånd, kr per invånare;2023;kr_per_inhabitant;120;120000;1000;false',
    );
  });

  it('refuses months that are not months', async () => {
    const errors: string[] = [];
    const code = await runKpiCommand(
      { from: '2023-13', to: '2023-12', period: 'year', format: 'json' },
      {
        openDatabase: () => Promise.reject(new Error('not opened')),
        out: () => {},
        err: (l) => errors.push(l),
      },
    );
    expect(code).toBe(2);
    expect(errors).toEqual(['Ange --from och --to som månader (ÅÅÅÅ-MM), --from före --to.']);
  });
});
