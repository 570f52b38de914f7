/**
 * The monthly cost of financial assistance (utveckling av försörjningsstödet, seed 003 section
 * 4.1): month by month up to the end of the period for the report's year and the two years
 * before, the sum to date and the whole year of the earlier years (their annual accounts).
 * Amounts are öre, as paid.
 */
import { lastMonthOf, type ReportPeriod } from './periods.ts';

export interface MonthlyCostInput {
  year: number;
  /** öre paid per month, January first; 12 entries (missing months count as 0) */
  months: readonly number[];
}

export interface MonthlyCostTable {
  /** the report's year first, then the year before and the year before that */
  years: number[];
  /** months 1..the period's last month; amounts in the order of `years` */
  rows: { month: number; amounts: number[] }[];
  /** January to the period's last month */
  toDate: number[];
  /** the whole year; null for the report's year until the annual accounts */
  fullYear: (number | null)[];
  /** toDate of the report's year minus the year before (negative: lower cost) */
  changeFromPreviousYear: number;
}

export function computeMonthlyCost(
  year: number,
  period: ReportPeriod,
  inputs: readonly MonthlyCostInput[],
): MonthlyCostTable {
  const years = [year, year - 1, year - 2];
  const last = lastMonthOf(period);
  const monthsOf = (y: number) => {
    const found = inputs.find((input) => input.year === y)?.months ?? [];
    return Array.from({ length: 12 }, (_, i) => found[i] ?? 0);
  };
  const series = years.map(monthsOf);
  const sum = (values: number[], to: number) => values.slice(0, to).reduce((a, b) => a + b, 0);
  const rows = Array.from({ length: last }, (_, i) => ({
    month: i + 1,
    amounts: series.map((values) => values[i] ?? 0),
  }));
  const toDate = series.map((values) => sum(values, last));
  const fullYear = series.map((values, i) => (i === 0 && period !== 'year' ? null : sum(values, 12)));
  return { years, rows, toDate, fullYear, changeFromPreviousYear: (toDate[0] ?? 0) - (toDate[1] ?? 0) };
}
