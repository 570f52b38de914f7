/** Periods indicators are computed for: a month, a four-month period (tertial) or a year. */

export type Period =
  | { kind: 'month'; year: number; month: number }
  | { kind: 'tertial'; year: number; tertial: 1 | 2 | 3 }
  | { kind: 'year'; year: number };

/** Parses "2024-03", "2024-T2" or "2024"; undefined if it is none of them. */
export function parsePeriod(text: string): Period | undefined {
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
  if (month) return { kind: 'month', year: Number(month[1]), month: Number(month[2]) };
  const tertial = /^(\d{4})-T([123])$/.exec(text);
  if (tertial) return { kind: 'tertial', year: Number(tertial[1]), tertial: Number(tertial[2]) as 1 | 2 | 3 };
  if (/^\d{4}$/.test(text)) return { kind: 'year', year: Number(text) };
  return undefined;
}

export function periodLabel(period: Period): string {
  if (period.kind === 'month') return `${period.year}-${String(period.month).padStart(2, '0')}`;
  if (period.kind === 'tertial') return `${period.year}-T${period.tertial}`;
  return String(period.year);
}

/** A month as a number that counts months (for differences across years). */
export function monthNumber(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

export function monthFromNumber(n: number): string {
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
}

/** The months of the period, YYYY-MM, in order. */
export function monthsOf(period: Period): string[] {
  const first =
    period.kind === 'month' ? period.month : period.kind === 'tertial' ? (period.tertial - 1) * 4 + 1 : 1;
  const count = period.kind === 'month' ? 1 : period.kind === 'tertial' ? 4 : 12;
  const start = period.year * 12 + first - 1;
  return Array.from({ length: count }, (_, i) => monthFromNumber(start + i));
}

/** First and last day of the period, YYYY-MM-DD. */
export function periodDays(period: Period): { from: string; to: string } {
  const months = monthsOf(period);
  const last = months[months.length - 1]!;
  const end = new Date(Date.UTC(Number(last.slice(0, 4)), Number(last.slice(5, 7)), 0));
  return { from: `${months[0]}-01`, to: end.toISOString().slice(0, 10) };
}

/** Age in whole years on a day (YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
