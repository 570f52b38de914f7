/**
 * A small history imported from an "earlier system" the way a municipality brings its own:
 * households, then an application, a decision and a payment for each month of assistance, all
 * through importFile so the rows are what the import writes.
 */
import { importFile, type ImportRequest } from '../../src/assistance/db/import.ts';
import type { Database } from '../../src/db/connection.ts';
import { luhnCheckDigit } from '../../src/people/domain/personnummer.ts';
import { swedishToday } from '../../src/shared/clock.ts';
import { ids, M } from './fixture.ts';

/** A valid personnummer (YYYYMMDD-NNNC) for a birth date (YYYY-MM-DD) and a serial number. */
export function personnummer(birth: string, serial: number): string {
  const date = birth.replaceAll('-', '');
  const nnn = String(serial).padStart(3, '0');
  return `${date}-${nnn}${luhnCheckDigit(`${date.slice(2)}${nnn}`)}`;
}

/** Months from..to inclusive, YYYY-MM. */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let n = Number(from.slice(0, 4)) * 12 + Number(from.slice(5)) - 1; ; n++) {
    const month = `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
    out.push(month);
    if (month === to) return out;
  }
}

export interface HistoryPerson {
  pn: string;
  first: string;
  last: string;
}

export interface HistoryHousehold extends HistoryPerson {
  /** The unit's name (default: Försörjningsenheten Nord). */
  unit?: string;
  /** The day the case was opened (default: the first of the first month). */
  openedOn?: string;
  /** Months in which the applicant applied, was granted and was paid. */
  months: string[];
  /** Kronor granted and paid each month, as the file writes them (default: 8000). */
  amount?: string;
  /** Co-applicant and children: members of the household without rows of their own. */
  others?: (HistoryPerson & { role: 'medsökande' | 'barn' })[];
}

/**
 * Nora (with her son Emil) has assistance all of 2023 and comes back in December 2024, exactly 12
 * months after her last month; Ali, in Syd, has three months in 2023 and does not come back.
 */
export const NORA_AND_ALI: readonly HistoryHousehold[] = [
  {
    pn: '19900404-2389',
    first: 'Nora',
    last: 'Ek',
    openedOn: '2023-01-02',
    months: [...monthRange('2023-01', '2023-12'), '2024-12'],
    others: [{ pn: '20120303-2394', first: 'Emil', last: 'Ek', role: 'barn' }],
  },
  {
    pn: '198808083271',
    first: 'Ali',
    last: 'Berg',
    unit: 'Försörjningsenheten Syd',
    months: monthRange('2023-06', '2023-08'),
  },
];

/** Imports the households and their months; throws with the import's report if a file is refused. */
export async function importHistory(
  db: Database,
  households: readonly HistoryHousehold[],
  /** The import's time; its Swedish date is the import's today. */
  { now }: { now: Date },
): Promise<void> {
  const today = swedishToday({ now: () => now });
  const run = async (kind: ImportRequest['kind'], lines: string[]) => {
    const outcome = await importFile(db, {
      municipalityId: M,
      kind,
      text: `${lines.join('\n')}\n`,
      today,
      now,
      userId: ids.caseworkerNorth,
    });
    if (!outcome.ok) throw new Error(`import of ${kind} failed: ${JSON.stringify(outcome)}`);
  };
  await run('households', [
    'hushåll;personnummer;förnamn;efternamn;roll;enhet;ärende_öppnat',
    ...households.flatMap((h, i) => {
      const unit = h.unit ?? 'Försörjningsenheten Nord';
      const openedOn = h.openedOn ?? `${h.months[0]}-01`;
      return [{ ...h, role: 'sökande' }, ...(h.others ?? [])].map(
        (p) => `H${i};${p.pn};${p.first};${p.last};${p.role};${unit};${openedOn}`,
      );
    }),
  ]);
  const rows = households.flatMap((h) =>
    h.months.map((month) => ({ pn: h.pn, month, amount: h.amount ?? '8000' })),
  );
  await run('applications', [
    'personnummer;månad;inkommen;hyra',
    ...rows.map((r) => `${r.pn};${r.month};${r.month}-01;5000`),
  ]);
  await run('decisions', [
    'personnummer;månad;beslutsdatum;beviljat;utbetalningsdag',
    ...rows.map((r) => `${r.pn};${r.month};${r.month}-02;${r.amount};${r.month}-03`),
  ]);
  await run('payments', [
    'personnummer;månad;utbetalningsdag;belopp;clearingnummer;kontonummer',
    ...rows.map((r) => `${r.pn};${r.month};${r.month}-03;${r.amount};8327;9123456789`),
  ]);
}
