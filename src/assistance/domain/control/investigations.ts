/** Investigations of incorrect payments (felaktiga utbetalningar): their codes and dates. */

export const SUSPICIONS = [
  'undeclared_income',
  'undeclared_cohabitation',
  'double_rent',
  'wrong_household',
  'not_resident',
  'other',
] as const;
export type Suspicion = (typeof SUSPICIONS)[number];

export const INVESTIGATION_OUTCOMES = ['incorrect_payment', 'no_incorrect_payment', 'police_report'] as const;
export type InvestigationOutcome = (typeof INVESTIGATION_OUTCOMES)[number];

/** Whole days between two dates (YYYY-MM-DD); negative when `to` is before `from`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** How long an investigation has been (or was) open: to today, or to the day it was closed. */
export function daysOpen(openedOn: string, closedOn: string | null, today: string): number {
  return Math.max(0, daysBetween(openedOn, closedOn ?? today));
}
