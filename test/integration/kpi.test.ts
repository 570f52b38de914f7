/**
 * Indicators from the municipality's own records: two households imported from an earlier system
 * (households, applications, decisions and payments, as a municipality would bring its history),
 * then computed per year and printed by `npx kedjan kpi`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile, type ImportRequest } from '../../src/assistance/db/import.ts';
import { runKpiCommand } from '../../src/cli/kpi-command.ts';
import { loadIndicatorRecords } from '../../src/followup/db/indicator-records.ts';
import { computeIndicators } from '../../src/followup/domain/indicators/compute.ts';
import { INDICATORS } from '../../src/followup/domain/indicators/definitions.ts';
import { parsePeriod, type Period } from '../../src/followup/domain/indicators/periods.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { ids, loadFixture, M } from '../support/fixture.ts';

const now = new Date('2026-11-20T09:00:00Z');
let database: TestDatabase;

const NORA = '19900404-2389';
const ALI = '198808083271';

/** Months from..to inclusive, YYYY-MM. */
function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let n = Number(from.slice(0, 4)) * 12 + Number(from.slice(5)) - 1; ; n++) {
    const month = `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
    out.push(month);
    if (month === to) return out;
  }
}

/** Nora (with her son) has assistance all of 2023 and comes back in December 2024, exactly 12
 * months after her last month; Ali has three months in 2023 and does not come back. */
const history: [string, string[]][] = [
  [NORA, [...monthRange('2023-01', '2023-12'), '2024-12']],
  [ALI, monthRange('2023-06', '2023-08')],
];

async function importAll(): Promise<void> {
  const run = async (kind: ImportRequest['kind'], lines: string[]) => {
    const outcome = await importFile(database.app.db, {
      municipalityId: M,
      kind,
      text: `${lines.join('\n')}\n`,
      today: '2026-11-20',
      now,
      userId: ids.caseworkerNorth,
    });
    if (!outcome.ok) throw new Error(`import of ${kind} failed: ${JSON.stringify(outcome)}`);
  };
  await run('households', [
    'hushåll;personnummer;förnamn;efternamn;roll;enhet;ärende_öppnat',
    `A;${NORA};Nora;Ek;sökande;Försörjningsenheten Nord;2023-01-02`,
    'A;20120303-2394;Emil;Ek;barn;Försörjningsenheten Nord;2023-01-02',
    `B;${ALI};Ali;Berg;sökande;Försörjningsenheten Syd;2023-06-01`,
  ]);
  const rows = history.flatMap(([pn, months]) => months.map((month) => ({ pn, month })));
  await run('applications', [
    'personnummer;månad;inkommen;hyra',
    ...rows.map((r) => `${r.pn};${r.month};${r.month}-01;5000`),
  ]);
  await run('decisions', [
    'personnummer;månad;beslutsdatum;beviljat;utbetalningsdag',
    ...rows.map((r) => `${r.pn};${r.month};${r.month}-02;8000;${r.month}-03`),
  ]);
  await run('payments', [
    'personnummer;månad;utbetalningsdag;belopp;clearingnummer;kontonummer',
    ...rows.map((r) => `${r.pn};${r.month};${r.month}-03;8000;8327;9123456789`),
  ]);
}

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
  await importAll();
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
