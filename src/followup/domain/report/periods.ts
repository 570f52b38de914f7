/**
 * The periods of the four-month report: T1 covers January–April, T2 January–August (the seed's
 * "Utfall 2017-08") and 'year' the whole year (the annual accounts, årsbokslut). Outcomes are
 * accumulated from 1 January to the end of the period.
 */
export const REPORT_PERIODS = ['T1', 'T2', 'year'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

export const ASSIGNMENT_STATUSES = ['done', 'in_progress', 'not_done'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export function isReportPeriod(text: string): text is ReportPeriod {
  return (REPORT_PERIODS as readonly string[]).includes(text);
}

/** The last month (1–12) the period's outcome is accumulated to. */
export function lastMonthOf(period: ReportPeriod): number {
  return period === 'T1' ? 4 : period === 'T2' ? 8 : 12;
}

/** "2017-08": the month the outcome runs to, as the seed heads its columns. */
export function outcomeMonthLabel(year: number, period: ReportPeriod): string {
  return `${year}-${String(lastMonthOf(period)).padStart(2, '0')}`;
}
