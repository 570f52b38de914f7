/**
 * `npx kedjan kpi --from 2024-01 --to 2024-12 --period month|tertial|year --format json|csv`:
 * the indicators computed from the municipality's own records, small counts suppressed.
 */
import { openOwnerDatabase } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { DatabaseHandle } from '../db/connection.ts';
import { computeIndicatorsInDatabase } from '../followup/db/indicator-aggregates.ts';
import { INDICATORS } from '../followup/domain/indicators/definitions.ts';
import { monthsOf, parsePeriod, type Period } from '../followup/domain/indicators/periods.ts';
import { indicatorRowsToCsv, toIndicatorRows } from '../followup/domain/indicators/report.ts';

export interface KpiCommandOptions {
  from: string;
  to: string;
  period: 'month' | 'tertial' | 'year';
  format: 'json' | 'csv';
  municipality?: string | undefined;
  lang?: string | undefined;
}

export interface KpiCommandDeps {
  openDatabase: () => Promise<DatabaseHandle>;
  out: (text: string) => void;
  err: (line: string) => void;
}

const defaultDeps = (): KpiCommandDeps => ({
  openDatabase: () => openOwnerDatabase(loadConfig()),
  out: (text) => process.stdout.write(text),
  err: (line) => console.error(line),
});

/** The periods of the kind that lie wholly within from..to (months YYYY-MM). */
export function periodsBetween(from: string, to: string, kind: KpiCommandOptions['period']): Period[] {
  const periods: Period[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    const candidates =
      kind === 'year'
        ? [`${year}`]
        : kind === 'tertial'
          ? [1, 2, 3].map((t) => `${year}-T${t}`)
          : Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
    for (const text of candidates) {
      const period = parsePeriod(text)!;
      const months = monthsOf(period);
      if (months[0]! >= from && months[months.length - 1]! <= to) periods.push(period);
    }
  }
  return periods;
}

/** Returns the exit code. */
export async function runKpiCommand(
  options: KpiCommandOptions,
  deps: KpiCommandDeps = defaultDeps(),
): Promise<number> {
  const month = /^\d{4}-(0[1-9]|1[0-2])$/;
  if (!month.test(options.from) || !month.test(options.to) || options.from > options.to) {
    deps.err('Ange --from och --to som månader (ÅÅÅÅ-MM), --from före --to.');
    return 2;
  }
  const periods = periodsBetween(options.from, options.to, options.period);
  if (periods.length === 0) {
    deps.err(`Ingen hel period av typen ${options.period} ryms mellan ${options.from} och ${options.to}.`);
    return 2;
  }
  const handle = await deps.openDatabase();
  try {
    const municipalityId = options.municipality ?? (await defaultMunicipality(handle));
    if (!municipalityId) {
      deps.err('Ingen kommun finns i databasen; ange --municipality.');
      return 2;
    }
    const values = await computeIndicatorsInDatabase(handle.db, municipalityId, INDICATORS, periods);
    const rows = toIndicatorRows(values, options.lang === 'en' ? 'en' : 'sv');
    deps.out(
      options.format === 'csv'
        ? indicatorRowsToCsv(rows)
        : `${JSON.stringify({ municipalityId, from: options.from, to: options.to, indicators: rows }, null, 2)}\n`,
    );
    return 0;
  } finally {
    await handle.close();
  }
}

async function defaultMunicipality(handle: DatabaseHandle): Promise<string | undefined> {
  const rows = await handle.db
    .selectFrom('municipality')
    .select('id')
    .where('id', '<>', '0000')
    .orderBy('id')
    .execute();
  return rows.length === 1 ? rows[0]!.id : undefined;
}
