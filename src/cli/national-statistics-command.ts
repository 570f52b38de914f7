/**
 * `npx kedjan statistik --month 2026-10 [--out file] [--check-only] [--force]`: the month's
 * delivery to Socialstyrelsen (HSLF-FS 2015:30) from the municipality's records, with the
 * validation report. Exit code 1 when there are errors; the file is then not written unless
 * --force is given. The report names cases by a reference, never persons.
 */
import { writeFile } from 'node:fs/promises';
import { openOwnerDatabase } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { DatabaseHandle } from '../db/connection.ts';
import { loadNationalStatisticsRecords } from '../followup/db/national-statistics-records.ts';
import {
  buildDelivery,
  findingMessage,
  validateDelivery,
} from '../followup/domain/national-statistics/delivery.ts';
import { deliveryFileName, recordsToFile } from '../followup/domain/national-statistics/format.ts';
import { catalogues, interpolate } from '../i18n/catalogue.ts';

export interface NationalStatisticsCommandOptions {
  month: string;
  out?: string | undefined;
  checkOnly?: boolean | undefined;
  force?: boolean | undefined;
  municipality?: string | undefined;
  lang?: string | undefined;
}

export interface NationalStatisticsCommandDeps {
  openDatabase: () => Promise<DatabaseHandle>;
  writeFile: (path: string, text: string) => Promise<void>;
  out: (line: string) => void;
  err: (line: string) => void;
}

const defaultDeps = (): NationalStatisticsCommandDeps => ({
  openDatabase: () => openOwnerDatabase(loadConfig()),
  writeFile: (path, text) => writeFile(path, text, 'utf8'),
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});

/** Returns the exit code: 0 fine, 1 errors found, 2 bad arguments. */
export async function runNationalStatisticsCommand(
  options: NationalStatisticsCommandOptions,
  deps: NationalStatisticsCommandDeps = defaultDeps(),
): Promise<number> {
  const locale = options.lang === 'en' ? 'en' : 'sv';
  const texts = catalogues[locale].nationalStatisticsUi;
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(options.month)) {
    deps.err(texts.cli.monthFormat);
    return 2;
  }
  const handle = await deps.openDatabase();
  try {
    const municipalityId = options.municipality ?? (await onlyMunicipality(handle));
    if (!municipalityId) {
      deps.err(texts.cli.noMunicipality);
      return 2;
    }
    const records = await loadNationalStatisticsRecords(handle.db, municipalityId, options.month);
    const delivery = buildDelivery(records);
    const findings = validateDelivery(records);
    const s = delivery.summary;
    deps.out(
      interpolate(texts.cli.summary, {
        month: s.month,
        households: s.households,
        adults: s.adults,
        children: s.children,
        paid: Math.round(s.paidOre / 100),
        closed: s.closedCases,
        due: s.dueOn,
      }),
    );
    for (const f of findings) {
      deps.out(
        `${texts.severity[f.severity].toUpperCase()} ${f.caseRef} (${f.caseId}): ${findingMessage(f, locale)}`,
      );
    }
    const errors = findings.filter((f) => f.severity === 'error').length;
    deps.out(interpolate(texts.cli.findings, { errors, warnings: findings.length - errors }));

    if (options.checkOnly) {
      deps.out(texts.cli.checkOnly);
    } else if (errors > 0 && !options.force) {
      deps.err(texts.cli.notWritten);
    } else {
      const file = options.out ?? deliveryFileName(municipalityId, options.month);
      await deps.writeFile(file, recordsToFile(delivery.records));
      deps.out(interpolate(texts.cli.written, { file, rows: s.rows }));
      if (errors > 0) deps.err(texts.cli.forced);
    }
    return errors > 0 ? 1 : 0;
  } finally {
    await handle.close();
  }
}

async function onlyMunicipality(handle: DatabaseHandle): Promise<string | undefined> {
  const rows = await handle.db
    .selectFrom('municipality')
    .select('id')
    .where('id', '<>', '0000')
    .orderBy('id')
    .execute();
  return rows.length === 1 ? rows[0]!.id : undefined;
}
