/**
 * "Växla bidrag mot lön" (exchange benefit for wage): a person living on financial assistance gets
 * a subsidised job instead; the municipality pays the salary cost less the state support, and no
 * longer pays the assistance. Seed 003 (Borås, Arbetslivsnämnden, T2 2017, "Växla bidrag mot lön"):
 * "Till och med augusti har personalkostnaden varit 14 157 900 kr och arbetsmarknadsstödet
 * 8 993 866 kr, nettot har då varit 5 164 034 kr. Under samma period har minskningen av utbetalning
 * av försörjningsstöd varit 4 623 320 kr" — 85 persons.
 *
 * Per person and period (a month, or the year to date):
 * - salary cost and support: the monthly amounts of each employment, pro rata by the days of the
 *   month it covers; net cost = salary cost − support;
 * - assistance avoided: the household's average monthly paid assistance in the 3 months before the
 *   person's employment started (the baseline; employments following each other within a month
 *   share the baseline taken before the first of them) × the months employed in the period, less the
 *   assistance actually paid to the household for those months; never below 0.
 * Unit figures are the sums over the persons. Money is integer öre.
 */
import { addDays, effectiveEnd } from './employment-rules.ts';

export const BASELINE_MONTHS = 3;

export interface ExchangeEmployment {
  startsOn: string;
  endsOn: string;
  endedOn: string | null;
  monthlySalaryCostOre: number;
  monthlySupportOre: number;
}

/** A month as YYYY-MM. */
export type Month = string;

export interface ExchangePeriod {
  from: Month;
  to: Month;
}

export interface ExchangeFigures {
  salaryCostOre: number;
  supportOre: number;
  netCostOre: number;
  /** Months employed in the period (days covered ÷ days of the month, summed), two decimals. */
  monthsEmployed: number;
  /** null when the assistance records may not be used (no consent or legal basis). */
  assistancePaidOre: number | null;
  assistanceAvoidedOre: number | null;
}

export function monthsOf(period: ExchangePeriod): Month[] {
  const out: Month[] = [];
  let [y, m] = period.from.split('-').map(Number) as [number, number];
  for (;;) {
    const month = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
    if (month > period.to) break;
    out.push(month);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

export function shiftMonth(month: Month, by: number): Month {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + by;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function daysIn(month: Month): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The share of the month (0–1) an employment covers. */
export function coveredShare(e: ExchangeEmployment, month: Month): number {
  const first = `${month}-01`;
  const last = `${month}-${String(daysIn(month)).padStart(2, '0')}`;
  const from = e.startsOn > first ? e.startsOn : first;
  const endDay = effectiveEnd(e);
  const to = endDay < last ? endDay : last;
  if (from > to) return 0;
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  return days / daysIn(month);
}

/** The household's average monthly paid assistance in the 3 months before `startsOn`, in öre. */
export function baselineOre(startsOn: string, paidByMonth: ReadonlyMap<Month, number>): number {
  const startMonth = startsOn.slice(0, 7);
  let sum = 0;
  for (let i = 1; i <= BASELINE_MONTHS; i += 1) sum += paidByMonth.get(shiftMonth(startMonth, -i)) ?? 0;
  return Math.round(sum / BASELINE_MONTHS);
}

/** Days between employments that still count as one run (the baseline is taken before a run). */
export const RUN_GAP_DAYS = 31;

/**
 * Each employment mapped to the start of its run: employments following each other (an extratjänst
 * and the nystartsjobb after it) share the baseline taken before the first of them.
 */
export function employmentRuns(employments: readonly ExchangeEmployment[]): Map<ExchangeEmployment, string> {
  const sorted = [...employments].sort((a, b) =>
    a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : 0,
  );
  const out = new Map<ExchangeEmployment, string>();
  let runStart: string | null = null;
  let runEnd: string | null = null;
  for (const e of sorted) {
    if (runStart === null || runEnd === null || e.startsOn > addDays(runEnd, RUN_GAP_DAYS)) {
      runStart = e.startsOn;
      runEnd = effectiveEnd(e);
    } else if (effectiveEnd(e) > runEnd) runEnd = effectiveEnd(e);
    out.set(e, runStart);
  }
  return out;
}

/**
 * One person's figures for a period. `paidByMonth` is the assistance paid to the person's household
 * per month the assistance was for, or null when the assistance records may not be used.
 */
export function personExchange(
  employments: readonly ExchangeEmployment[],
  period: ExchangePeriod,
  paidByMonth: ReadonlyMap<Month, number> | null,
): ExchangeFigures {
  let salary = 0;
  let support = 0;
  let months = 0;
  let paid = 0;
  let expected = 0;
  const runs = employmentRuns(employments);
  for (const month of monthsOf(period)) {
    let share = 0;
    let runStart: string | null = null;
    for (const e of employments) {
      const s = coveredShare(e, month);
      if (s === 0) continue;
      salary += Math.round(e.monthlySalaryCostOre * s);
      support += Math.round(e.monthlySupportOre * s);
      share += s;
      runStart ??= runs.get(e) ?? e.startsOn;
    }
    if (share === 0) continue;
    share = Math.min(share, 1);
    months += share;
    if (paidByMonth !== null && runStart !== null) {
      paid += paidByMonth.get(month) ?? 0;
      expected += baselineOre(runStart, paidByMonth) * share;
    }
  }
  const avoided = paidByMonth === null ? null : Math.max(0, Math.round(expected) - paid);
  return {
    salaryCostOre: salary,
    supportOre: support,
    netCostOre: salary - support,
    monthsEmployed: Math.round(months * 100) / 100,
    assistancePaidOre: paidByMonth === null ? null : paid,
    assistanceAvoidedOre: avoided,
  };
}

export interface ExchangeTotals {
  persons: number;
  salaryCostOre: number;
  supportOre: number;
  netCostOre: number;
  /** Sum over the persons whose assistance records may be used. */
  assistanceAvoidedOre: number;
  /** Persons left out of the avoided assistance (no consent or legal basis). */
  personsWithoutAssistanceData: number;
}

/** The unit's figures: sums over the persons employed in the period. */
export function sumExchange(figures: readonly ExchangeFigures[]): ExchangeTotals {
  const employed = figures.filter((f) => f.monthsEmployed > 0 || f.salaryCostOre > 0);
  const totals: ExchangeTotals = {
    persons: employed.length,
    salaryCostOre: 0,
    supportOre: 0,
    netCostOre: 0,
    assistanceAvoidedOre: 0,
    personsWithoutAssistanceData: 0,
  };
  for (const f of employed) {
    totals.salaryCostOre += f.salaryCostOre;
    totals.supportOre += f.supportOre;
    totals.netCostOre += f.netCostOre;
    if (f.assistanceAvoidedOre === null) totals.personsWithoutAssistanceData += 1;
    else totals.assistanceAvoidedOre += f.assistanceAvoidedOre;
  }
  return totals;
}
