/**
 * Parses and validates an import file, every row, before anything is written: the result is
 * either all rows, typed, or every problem with its line number (the header is line 1).
 */
import { catalogues, interpolate, type Locale } from '../../../i18n/catalogue.ts';
import { parsePersonalNumber, type PersonalNumber } from '../../../people/domain/personnummer.ts';
import { parseSyntheticPersonalNumber } from '../../../people/domain/synthetic-personal-number.ts';
import { readCsv } from './csv.ts';
import {
  CHANNEL_WORDS,
  COLUMNS,
  MAX_MONTHLY_ORE,
  ROLE_WORDS,
  YES_NO_WORDS,
  type HouseholdRole,
  type ImportKind,
} from './formats.ts';

export interface RowError {
  line: number;
  message: string;
}

export interface HouseholdRow {
  line: number;
  household: string;
  person: PersonalNumber;
  firstName: string;
  lastName: string;
  role: HouseholdRole;
  unit: string;
  openedOn: string;
  protectedIdentity: boolean;
  streetAddress: string | null;
  postalCode: string | null;
  city: string | null;
}

export interface ApplicationRow {
  line: number;
  personalNumber: string;
  /** YYYY-MM-01 */
  month: string;
  receivedOn: string;
  completeOn: string | null;
  channel: 'paper' | 'e_application';
  rentOre: number | null;
  otherCostsOre: number | null;
  incomesOre: number | null;
  address: string | null;
  apartment: string | null;
  contract: string | null;
}

export interface DecisionRow {
  line: number;
  personalNumber: string;
  month: string;
  decidedOn: string;
  grantedOre: number;
  payOn: string;
  reasons: string;
}

export interface PaymentRow {
  line: number;
  personalNumber: string;
  month: string;
  payOn: string;
  amountOre: number;
  clearingNumber: string;
  accountNumber: string;
}

export type ImportRows =
  | { kind: 'households'; rows: HouseholdRow[] }
  | { kind: 'applications'; rows: ApplicationRow[] }
  | { kind: 'decisions'; rows: DecisionRow[] }
  | { kind: 'payments'; rows: PaymentRow[] };

export type ImportValidation = { ok: true; data: ImportRows } | { ok: false; errors: RowError[] };

export interface ImportOptions {
  /** YYYY-MM-DD */
  today: string;
  /** Demo municipalities: accept the demo's synthetic personal identity numbers too. */
  allowSynthetic: boolean;
  locale?: Locale;
}

type Reasons = (typeof catalogues)['sv']['control']['importReasons'];

/** "rad 7: personnumret är inte giltigt: kontrollsiffran stämmer inte" */
export function formatRowError(error: RowError, locale: Locale = 'sv'): string {
  return interpolate(catalogues[locale].control.importTexts.rowError, {
    line: error.line,
    message: error.message,
  });
}

export function validateImport(kind: ImportKind, text: string, options: ImportOptions): ImportValidation {
  const locale = options.locale ?? 'sv';
  const reasons = catalogues[locale].control.importReasons;
  const say = (key: keyof Reasons, params?: Record<string, string | number>) =>
    interpolate(reasons[key], params);
  const csv = readCsv(text);
  if (!csv.ok)
    return { ok: false, errors: [{ line: csv.line, message: say('unreadable', { code: csv.code }) }] };

  const columns = COLUMNS[kind];
  const header = csv.header.map((name) => name.toLowerCase());
  const headerErrors: RowError[] = [];
  header.forEach((name, i) => {
    if (!columns.some((c) => c.name === name))
      headerErrors.push({ line: 1, message: say('unknownColumn', { column: csv.header[i] ?? name }) });
    else if (header.indexOf(name) !== i)
      headerErrors.push({ line: 1, message: say('duplicateColumn', { column: name }) });
  });
  for (const column of columns)
    if (column.required && !header.includes(column.name))
      headerErrors.push({ line: 1, message: say('missingColumn', { column: column.name }) });
  if (headerErrors.length > 0) return { ok: false, errors: headerErrors };
  if (csv.records.length === 0) return { ok: false, errors: [{ line: 1, message: say('empty') }] };

  const errors: RowError[] = [];
  const rows: unknown[] = [];
  for (const record of csv.records) {
    const problems: string[] = [];
    if (record.fields.length !== header.length) {
      errors.push({
        line: record.line,
        message: say('fieldCount', { count: record.fields.length, expected: header.length }),
      });
      continue;
    }
    const cell = new Cells(header, record.fields, columns, options, say, problems);
    const row = READERS[kind](cell, record.line);
    for (const message of problems) errors.push({ line: record.line, message });
    if (problems.length === 0) rows.push(row);
  }
  errors.push(...CROSS_CHECKS[kind](rows as never, say));
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  return { ok: true, data: { kind, rows } as ImportRows };
}

type Say = (key: keyof Reasons, params?: Record<string, string | number>) => string;

/** Reads one record's cells by column name, noting every problem in Swedish (or English). */
class Cells {
  constructor(
    private readonly header: string[],
    private readonly fields: string[],
    private readonly columns: (typeof COLUMNS)[ImportKind],
    private readonly options: ImportOptions,
    private readonly say: Say,
    private readonly problems: string[],
  ) {}

  /** The trimmed text, or null when empty; a required column that is empty is a problem. */
  text(column: string): string | null {
    const index = this.header.indexOf(column);
    const value = index < 0 ? '' : (this.fields[index] ?? '').trim();
    const spec = this.columns.find((c) => c.name === column);
    if (value === '') {
      if (spec?.required) this.problems.push(this.say('required', { column }));
      return null;
    }
    if (spec?.max !== undefined && value.length > spec.max) {
      this.problems.push(this.say('tooLong', { column, max: spec.max }));
      return null;
    }
    return value;
  }

  personalNumber(): PersonalNumber | null {
    const value = this.text('personnummer');
    if (value === null) return null;
    let parsed = parsePersonalNumber(value, this.options.today);
    if (!parsed.ok && parsed.reason === 'checksum' && this.options.allowSynthetic) {
      const synthetic = parseSyntheticPersonalNumber(value, this.options.today);
      if (synthetic.ok) parsed = synthetic;
    }
    if (parsed.ok) return parsed.value;
    const reason = catalogues[this.options.locale ?? 'sv'].personalNumberReasons[parsed.reason];
    this.problems.push(this.say('personalNumber', { reason }));
    return null;
  }

  date(column: string, { notFuture = false } = {}): string | null {
    const value = this.text(column);
    if (value === null) return null;
    if (!isIsoDate(value)) {
      this.problems.push(this.say('date', { column }));
      return null;
    }
    if (notFuture && value > this.options.today) {
      this.problems.push(this.say('future', { column }));
      return null;
    }
    return value;
  }

  month(column: string): string | null {
    const value = this.text(column);
    if (value === null) return null;
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) {
      this.problems.push(this.say('month', { column }));
      return null;
    }
    return `${value}-01`;
  }

  /** Kronor, with a decimal comma or point and spaces between thousands; returns öre. */
  kronor(column: string, { positive = false } = {}): number | null {
    const value = this.text(column);
    if (value === null) return null;
    const ore = parseKronor(value);
    if (ore === undefined) this.problems.push(this.say('amount', { column }));
    else if (ore > MAX_MONTHLY_ORE) this.problems.push(this.say('amountTooLarge', { column }));
    else if (positive && ore === 0) this.problems.push(this.say('amountZero', { column }));
    else return ore;
    return null;
  }

  choice<T>(column: string, words: Record<string, T>): T | null {
    const value = this.text(column);
    if (value === null) return null;
    const key = value.toLowerCase().replace(/[\s_]+/g, ' ');
    if (key in words) return words[key]!;
    this.problems.push(this.say('choice', { column, choices: Object.keys(words).join(', ') }));
    return null;
  }

  note(reason: keyof Reasons): void {
    this.problems.push(this.say(reason));
  }

  digits(column: string, pattern: RegExp, reason: keyof Reasons): string | null {
    const value = this.text(column);
    if (value === null) return null;
    const compact = value.replace(/[\s-]/g, '');
    if (pattern.test(compact)) return compact;
    this.problems.push(this.say(reason));
    return null;
  }
}

/** "7 200,50" → 720050 öre; undefined when it is not an amount in kronor. */
export function parseKronor(text: string): number | undefined {
  const match = /^(\d+)(?:[,.](\d{1,2}))?$/.exec(text.replace(/[\s\u00a0\u202f]/g, ''));
  if (!match) return undefined;
  const ore = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(ore) ? ore : undefined;
}

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const READERS: Record<ImportKind, (cells: Cells, line: number) => unknown> = {
  households: (c, line): HouseholdRow => ({
    line,
    household: c.text('hushåll') ?? '',
    person: c.personalNumber()!,
    firstName: c.text('förnamn') ?? '',
    lastName: c.text('efternamn') ?? '',
    role: c.choice('roll', ROLE_WORDS)!,
    unit: c.text('enhet') ?? '',
    openedOn: c.date('ärende_öppnat', { notFuture: true }) ?? '',
    protectedIdentity: c.choice('skyddad_identitet', YES_NO_WORDS) ?? false,
    streetAddress: c.text('adress'),
    postalCode: c.text('postnummer'),
    city: c.text('ort'),
  }),
  applications: (c, line): ApplicationRow => {
    const receivedOn = c.date('inkommen', { notFuture: true });
    const completeOn = c.date('komplett', { notFuture: true });
    const row: ApplicationRow = {
      line,
      personalNumber: c.personalNumber()?.normalised ?? '',
      month: c.month('månad') ?? '',
      receivedOn: receivedOn ?? '',
      completeOn,
      channel: c.choice('kanal', CHANNEL_WORDS) ?? 'paper',
      rentOre: c.kronor('hyra'),
      otherCostsOre: c.kronor('övriga_kostnader'),
      incomesOre: c.kronor('inkomster'),
      address: c.text('adress'),
      apartment: c.text('lägenhet'),
      contract: c.text('kontrakt'),
    };
    if (receivedOn && completeOn && completeOn < receivedOn) c.note('completeBeforeReceived');
    return row;
  },
  decisions: (c, line): DecisionRow => ({
    line,
    personalNumber: c.personalNumber()?.normalised ?? '',
    month: c.month('månad') ?? '',
    decidedOn: c.date('beslutsdatum', { notFuture: true }) ?? '',
    grantedOre: c.kronor('beviljat') ?? 0,
    payOn: c.date('utbetalningsdag') ?? '',
    reasons: c.text('motivering') ?? '',
  }),
  payments: (c, line): PaymentRow => ({
    line,
    personalNumber: c.personalNumber()?.normalised ?? '',
    month: c.month('månad') ?? '',
    payOn: c.date('utbetalningsdag', { notFuture: true }) ?? '',
    amountOre: c.kronor('belopp', { positive: true }) ?? 0,
    clearingNumber: c.digits('clearingnummer', /^\d{4,5}$/, 'clearingNumber') ?? '',
    accountNumber: c.digits('kontonummer', /^\d{1,12}$/, 'accountNumber') ?? '',
  }),
};

/** Problems between rows: the same person twice, a household without exactly one applicant. */
const CROSS_CHECKS: Record<ImportKind, (rows: never[], say: Say) => RowError[]> = {
  households: (rows: HouseholdRow[], say) => {
    const errors: RowError[] = [];
    const seen = new Map<string, number>();
    const households = new Map<string, HouseholdRow[]>();
    for (const row of rows) {
      const earlier = seen.get(row.person.normalised);
      if (earlier !== undefined)
        errors.push({ line: row.line, message: say('duplicatePerson', { line: earlier }) });
      else seen.set(row.person.normalised, row.line);
      households.set(row.household, [...(households.get(row.household) ?? []), row]);
    }
    for (const [household, members] of households) {
      const first = members[0]!;
      for (const member of members.slice(1))
        if (member.unit !== first.unit || member.openedOn !== first.openedOn)
          errors.push({
            line: member.line,
            message: say('householdMismatch', { household, line: first.line }),
          });
      const applicants = members.filter((m) => m.role === 'applicant');
      if (applicants.length === 0)
        errors.push({ line: first.line, message: say('noApplicant', { household }) });
      for (const extra of applicants.slice(1))
        errors.push({
          line: extra.line,
          message: say('twoApplicants', { household, line: applicants[0]!.line }),
        });
    }
    return errors;
  },
  applications: (rows: ApplicationRow[], say) => oncePerMonth(rows, say),
  decisions: (rows: DecisionRow[], say) => oncePerMonth(rows, say),
  payments: (rows: PaymentRow[], say) => oncePerMonth(rows, say),
};

function oncePerMonth(rows: { line: number; personalNumber: string; month: string }[], say: Say): RowError[] {
  const seen = new Map<string, number>();
  const errors: RowError[] = [];
  for (const row of rows) {
    const key = `${row.personalNumber}/${row.month}`;
    const earlier = seen.get(key);
    if (earlier === undefined) seen.set(key, row.line);
    else
      errors.push({
        line: row.line,
        message: say('duplicateMonth', { month: row.month.slice(0, 7), line: earlier }),
      });
  }
  return errors;
}
