/**
 * `npx kedjan import <kind> <file.csv> --municipality <code>`: the file is validated in full
 * before the database is opened; every bad row is reported and nothing is written unless the
 * whole file is good.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { openOwnerDatabase } from '../app.ts';
import { importFile } from '../assistance/db/import.ts';
import { IMPORT_KINDS, type ImportKind } from '../assistance/domain/import/formats.ts';
import { formatRowError, validateImport, type RowError } from '../assistance/domain/import/validate.ts';
import { loadConfig } from '../config.ts';
import type { DatabaseHandle } from '../db/connection.ts';
import { catalogues, interpolate, type Locale } from '../i18n/catalogue.ts';
import { swedishToday, systemClock, type Clock } from '../shared/clock.ts';

export { IMPORT_KINDS };

export interface ImportCommandOptions {
  municipality: string;
  user?: string | undefined;
  lang?: string | undefined;
}

export interface ImportCommandDeps {
  openDatabase: () => Promise<DatabaseHandle>;
  clock: Clock;
  out: (line: string) => void;
  err: (line: string) => void;
}

const defaultDeps = (): ImportCommandDeps => ({
  openDatabase: () => openOwnerDatabase(loadConfig()),
  clock: systemClock,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});

/** Returns the exit code: 0 when the file was imported, 1 when nothing was. */
export async function runImportCommand(
  kind: ImportKind,
  file: string,
  options: ImportCommandOptions,
  deps: ImportCommandDeps = defaultDeps(),
): Promise<number> {
  const locale: Locale = options.lang === 'en' ? 'en' : 'sv';
  const texts = catalogues[locale].control.importTexts;
  let bytes: Buffer;
  let text: string;
  try {
    bytes = await readFile(file);
  } catch (error) {
    deps.err(interpolate(texts.fileUnreadable, { file, details: (error as Error).message }));
    return 1;
  }
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    deps.err(interpolate(texts.notUtf8, { file }));
    return 1;
  }
  const now = deps.clock.now();
  const today = swedishToday({ now: () => now });
  const reject = (errors: RowError[], problem?: string) => {
    for (const error of errors) deps.err(formatRowError(error, locale));
    if (problem) deps.err(problem);
    if (errors.length > 0)
      deps.err(interpolate(texts.rejected, { count: new Set(errors.map((e) => e.line)).size }));
    return 1;
  };
  // Whether the demo's synthetic numbers are allowed depends on the municipality, which only the
  // database knows: they pass here and are checked again once it is open.
  const early = validateImport(kind, text, { today, allowSynthetic: true, locale });
  if (!early.ok) return reject(early.errors);
  if ((kind === 'decisions' || kind === 'payments') && !options.user) return reject([], texts.userRequired);

  const handle = await deps.openDatabase();
  try {
    const outcome = await importFile(handle.db, {
      municipalityId: options.municipality,
      kind,
      text,
      today,
      now,
      userId: options.user ?? null,
      locale,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    if (!outcome.ok) return reject(outcome.errors, outcome.problem);
    deps.out(outcome.summary);
    return 0;
  } finally {
    await handle.close();
  }
}
