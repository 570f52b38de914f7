/**
 * Computes the indicators of definitions.ts for a period from plain records. Each value carries
 * its numerator and denominator and the ids of the households or persons counted, so that a
 * figure can be drilled down to who is behind it.
 */
import type { FormulaKey, IndicatorDefinition } from './definitions.ts';
import { ageOn, monthNumber, monthsOf, periodDays, periodLabel, type Period } from './periods.ts';
import type { AssistanceMonth, IndicatorRecords, ReasonGroupCode } from './records.ts';

export interface IndicatorValue {
  id: string;
  period: string;
  /** null when the denominator is zero or data (e.g. population) is missing. */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** Who is counted in the numerator (for drill-down). */
  subjects: { kind: 'household' | 'person'; ids: string[] } | null;
}

export type Result = Omit<IndicatorValue, 'id' | 'period'>;

/** Records indexed once, shared by every formula of a computation. */
export interface IndexedRecords {
  records: IndicatorRecords;
  /** month number → the household months paid for that month */
  byMonth: Map<number, AssistanceMonth[]>;
  /** person → the month numbers in which the person was an adult in a household with assistance */
  adultMonths: Map<string, Set<number>>;
  /** month number → the households paid for that month */
  householdsByMonth: Map<number, Set<string>>;
}

export function indexRecords(records: IndicatorRecords): IndexedRecords {
  const byMonth = new Map<number, AssistanceMonth[]>();
  const adultMonths = new Map<string, Set<number>>();
  for (const row of records.assistance) {
    if (row.paidOre <= 0) continue;
    const n = monthNumber(row.month);
    const list = byMonth.get(n);
    if (list) list.push(row);
    else byMonth.set(n, [row]);
    for (const adult of row.adults) {
      const months = adultMonths.get(adult.personId);
      if (months) months.add(n);
      else adultMonths.set(adult.personId, new Set([n]));
    }
  }
  const householdsByMonth = new Map(
    [...byMonth].map(([n, rows]) => [n, new Set(rows.map((r) => r.householdId))] as const),
  );
  return { records, byMonth, adultMonths, householdsByMonth };
}

function rowsIn(index: IndexedRecords, first: number, last: number): AssistanceMonth[] {
  const rows: AssistanceMonth[] = [];
  for (let n = first; n <= last; n++) rows.push(...(index.byMonth.get(n) ?? []));
  return rows;
}

export const ratio = (numerator: number, denominator: number | null, scale = 100): number | null =>
  denominator === null || denominator === 0 ? null : (numerator / denominator) * scale;

function share(ids: Set<string>, denominator: number | null, kind: 'household' | 'person'): Result {
  return {
    value: ratio(ids.size, denominator),
    numerator: ids.size,
    denominator,
    subjects: { kind, ids: [...ids].sort() },
  };
}

function count(ids: Set<string>, kind: 'household' | 'person'): Result {
  return {
    value: ids.size,
    numerator: ids.size,
    denominator: null,
    subjects: { kind, ids: [...ids].sort() },
  };
}

function amount(
  value: number | null,
  numerator: number | null = null,
  denominator: number | null = null,
): Result {
  return { value, numerator, denominator, subjects: null };
}

/** Adults with assistance in [first, last] and how many of those months each had. */
function adultsIn(index: IndexedRecords, first: number, last: number): Map<string, number> {
  const months = new Map<string, Set<number>>();
  for (const row of rowsIn(index, first, last)) {
    const n = monthNumber(row.month);
    for (const adult of row.adults) {
      const set = months.get(adult.personId);
      if (set) set.add(n);
      else months.set(adult.personId, new Set([n]));
    }
  }
  return new Map([...months].map(([id, set]) => [id, set.size]));
}

function reasonShare(index: IndexedRecords, first: number, last: number, group: ReasonGroupCode): Result {
  const latest = new Map<string, { month: number; group: ReasonGroupCode | null }>();
  for (const row of rowsIn(index, first, last)) {
    const n = monthNumber(row.month);
    for (const adult of row.adults) {
      const seen = latest.get(adult.personId);
      if (!seen || seen.month < n) latest.set(adult.personId, { month: n, group: adult.reasonGroup });
    }
  }
  const ids = new Set([...latest].filter(([, v]) => v.group === group).map(([id]) => id));
  return share(ids, latest.size, 'person');
}

function referralShare(records: IndicatorRecords, from: string, to: string, initiator: string): Result {
  const inPeriod = records.referrals.filter((r) => r.referredOn >= from && r.referredOn <= to);
  const ids = new Set(inPeriod.filter((r) => r.initiator === initiator).map((r) => r.personId));
  const matching = inPeriod.filter((r) => r.initiator === initiator).length;
  return {
    value: ratio(matching, inPeriod.length || null),
    numerator: matching,
    denominator: inPeriod.length,
    subjects: { kind: 'person', ids: [...ids].sort() },
  };
}

function exitShare(records: IndicatorRecords, from: string, to: string, categories: string[]): Result {
  const inPeriod = records.labourExits.filter((e) => e.exitOn >= from && e.exitOn <= to);
  const matching = inPeriod.filter((e) => categories.includes(e.category));
  return {
    value: ratio(matching.length, inPeriod.length || null),
    numerator: matching.length,
    denominator: inPeriod.length,
    subjects: { kind: 'person', ids: [...new Set(matching.map((e) => e.personId))].sort() },
  };
}

const DAY_MS = 86_400_000;
const dayNumber = (day: string): number => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

/** Days of [startsOn, endsOn] inside [from, to], inclusive. */
function overlapDays(startsOn: string, endsOn: string, from: string, to: string): number {
  const start = Math.max(dayNumber(startsOn), dayNumber(from));
  const end = Math.min(dayNumber(endsOn), dayNumber(to));
  return end < start ? 0 : end - start + 1;
}

type Formula = (index: IndexedRecords, period: Period) => Result;

/** Month numbers of the period that are known (not after the records' `throughMonth`). */
function knownMonths(index: IndexedRecords, period: Period): number[] {
  const through = index.records.throughMonth ? monthNumber(index.records.throughMonth) : Infinity;
  return monthsOf(period)
    .map(monthNumber)
    .filter((n) => n <= through);
}

const NO_HOUSEHOLDS: ReadonlySet<string> = new Set();
const householdsPaidIn = (index: IndexedRecords, n: number): ReadonlySet<string> =>
  index.householdsByMonth.get(n) ?? NO_HOUSEHOLDS;

/**
 * Households whose assistance ended in a month of the period: paid for the month before, not for
 * the month itself. With `minMonths`, only those paid in at least that many of the 12 months
 * ending with their last month (long-term cases).
 */
function endedIn(index: IndexedRecords, period: Period, minMonths = 0): Set<string> {
  const ended = new Set<string>();
  for (const n of knownMonths(index, period)) {
    const now = householdsPaidIn(index, n);
    for (const householdId of householdsPaidIn(index, n - 1)) {
      if (now.has(householdId)) continue;
      if (minMonths > 0) {
        let paid = 0;
        for (let m = n - 12; m <= n - 1; m++) if (householdsPaidIn(index, m).has(householdId)) paid++;
        if (paid < minMonths) continue;
      }
      ended.add(householdId);
    }
  }
  return ended;
}

function populationOf(index: IndexedRecords, year: number) {
  return index.records.population.find((p) => p.year === year);
}

const FORMULAS: Record<FormulaKey, Formula> = {
  inhabitants_share: (index, period) => {
    const [first, last] = bounds(period);
    const persons = new Set<string>();
    for (const row of rowsIn(index, first, last)) {
      for (const adult of row.adults) persons.add(adult.personId);
      for (const child of row.children) persons.add(child.personId);
    }
    return share(persons, populationOf(index, period.year)?.total ?? null, 'person');
  },
  households: (index, period) => {
    const [first, last] = bounds(period);
    return count(new Set(rowsIn(index, first, last).map((r) => r.householdId)), 'household');
  },
  adults: (index, period) => {
    const [first, last] = bounds(period);
    return count(new Set(adultsIn(index, first, last).keys()), 'person');
  },
  long_term_adults_share: (index, period) => {
    const last = bounds(period)[1];
    const adults = adultsIn(index, last - 11, last);
    const ids = new Set([...adults].filter(([, months]) => months >= 10).map(([id]) => id));
    return share(ids, adults.size, 'person');
  },
  very_long_term_adults_share: (index, period) => {
    const last = bounds(period)[1];
    const recipients = adultsIn(index, last - 11, last);
    const ids = new Set(
      [...recipients.keys()].filter((id) => {
        const months = index.adultMonths.get(id) ?? new Set<number>();
        let inWindow = 0;
        for (let n = last - 29; n <= last; n++) if (months.has(n)) inWindow++;
        return inWindow >= 27;
      }),
    );
    return share(ids, recipients.size, 'person');
  },
  long_term_households: (index, period) => {
    const last = bounds(period)[1];
    const months = new Map<string, number>();
    for (const row of rowsIn(index, last - 11, last))
      months.set(row.householdId, (months.get(row.householdId) ?? 0) + 1);
    return count(new Set([...months].filter(([, n]) => n >= 10).map(([id]) => id)), 'household');
  },
  not_reactualised_share: (index, period) => {
    const windowEnd = bounds(period)[1] - 12;
    const exited = new Set<string>();
    const notBack = new Set<string>();
    for (const [personId, months] of index.adultMonths) {
      for (const month of months) {
        if (month < windowEnd - 11 || month > windowEnd || months.has(month + 1)) continue;
        exited.add(personId);
        let back = false;
        for (let n = month + 1; n <= month + 12; n++) if (months.has(n)) back = true;
        if (!back) notBack.add(personId);
      }
    }
    return share(notBack, exited.size, 'person');
  },
  children_share: (index, period) => {
    const [first, last] = bounds(period);
    const end = periodDays(period).to;
    const children = new Set<string>();
    for (const row of rowsIn(index, first, last))
      for (const child of row.children) if (ageOn(child.birthDate, end) < 18) children.add(child.personId);
    return share(children, populationOf(index, period.year)?.children ?? null, 'person');
  },
  young_adults_share: (index, period) => {
    const [first, last] = bounds(period);
    const end = periodDays(period).to;
    const young = new Set<string>();
    for (const row of rowsIn(index, first, last))
      for (const member of [...row.adults, ...row.children]) {
        const age = ageOn(member.birthDate, end);
        if (age >= 18 && age <= 24) young.add(member.personId);
      }
    return share(young, populationOf(index, period.year)?.youngAdults ?? null, 'person');
  },
  reason_unemployment_share: (index, period) => reasonShare(index, ...bounds(period), 'unemployment'),
  reason_ill_health_share: (index, period) => reasonShare(index, ...bounds(period), 'ill_health'),
  reason_social_share: (index, period) => reasonShare(index, ...bounds(period), 'social_reasons'),
  paid_per_inhabitant: (index, period) => {
    const [first, last] = bounds(period);
    const paidKr = rowsIn(index, first, last).reduce((sum, r) => sum + r.paidOre, 0) / 100;
    const inhabitants = populationOf(index, period.year)?.total ?? null;
    return amount(ratio(paidKr, inhabitants, 1), paidKr, inhabitants);
  },
  paid_per_household: (index, period) => {
    const [first, last] = bounds(period);
    const rows = rowsIn(index, first, last);
    const paidKr = rows.reduce((sum, r) => sum + r.paidOre, 0) / 100;
    const households = new Set(rows.map((r) => r.householdId)).size;
    return amount(ratio(paidKr, households, 1), paidKr, households);
  },
  referrals_employment_service_share: (index, period) =>
    referralShare(index.records, periodDays(period).from, periodDays(period).to, 'employment_service'),
  referrals_employment_service_with_social_services_share: (index, period) =>
    referralShare(
      index.records,
      periodDays(period).from,
      periodDays(period).to,
      'employment_service_with_social_services',
    ),
  referrals_social_insurance_share: (index, period) =>
    referralShare(index.records, periodDays(period).from, periodDays(period).to, 'social_insurance'),
  referrals_individual_share: (index, period) =>
    referralShare(index.records, periodDays(period).from, periodDays(period).to, 'individual'),
  referrals_social_services_share: (index, period) =>
    referralShare(index.records, periodDays(period).from, periodDays(period).to, 'social_services'),
  exits_work_or_studies_share: (index, period) =>
    exitShare(index.records, periodDays(period).from, periodDays(period).to, ['A', 'B']),
  exits_other_authority_share: (index, period) =>
    exitShare(index.records, periodDays(period).from, periodDays(period).to, ['C']),
  subsidised_persons: (index, period) => {
    const { from, to } = periodDays(period);
    const ids = new Set(
      index.records.employments
        .filter((e) => overlapDays(e.startsOn, e.endsOn, from, to) > 0)
        .map((e) => e.personId),
    );
    return count(ids, 'person');
  },
  subsidised_fte: (index, period) => {
    const { from, to } = periodDays(period);
    const days = overlapDays(from, to, from, to);
    const fte = index.records.employments.reduce(
      (sum, e) => sum + (overlapDays(e.startsOn, e.endsOn, from, to) / days) * (e.hoursPerWeek / 40),
      0,
    );
    return amount(Math.round(fte * 100) / 100);
  },
  exchange_net_cost: (index, period) => {
    let netOre = 0;
    for (const month of monthsOf(period)) {
      const { from, to } = periodDays({
        kind: 'month',
        year: Number(month.slice(0, 4)),
        month: Number(month.slice(5)),
      });
      const days = overlapDays(from, to, from, to);
      for (const e of index.records.employments) {
        const share = overlapDays(e.startsOn, e.endsOn, from, to) / days;
        netOre += share * (e.monthlySalaryCostOre - e.monthlySupportOre);
      }
    }
    return amount(Math.round(netOre) / 100);
  },
  long_term_households_closed: (index, period) => count(endedIn(index, period, 10), 'household'),
  households_inflow: (index, period) => {
    const started = new Set<string>();
    for (const n of monthsOf(period).map(monthNumber)) {
      const before = householdsPaidIn(index, n - 1);
      for (const householdId of householdsPaidIn(index, n))
        if (!before.has(householdId)) started.add(householdId);
    }
    return count(started, 'household');
  },
  households_outflow: (index, period) => count(endedIn(index, period), 'household'),
};

/** The first and last month number of the period. */
function bounds(period: Period): [number, number] {
  const months = monthsOf(period);
  return [monthNumber(months[0]!), monthNumber(months[months.length - 1]!)];
}

export function computeIndicator(
  definition: IndicatorDefinition,
  index: IndexedRecords,
  period: Period,
): IndicatorValue {
  return indicatorValue(definition, period, FORMULAS[definition.formula](index, period));
}

/** A formula's result as the indicator's value of the period, rounded to two decimals. */
export function indicatorValue(
  definition: IndicatorDefinition,
  period: Period,
  result: Result,
): IndicatorValue {
  const value = result.value === null ? null : Math.round(result.value * 100) / 100;
  return { id: definition.id, period: periodLabel(period), ...result, value };
}

export function computeIndicators(
  definitions: readonly IndicatorDefinition[],
  records: IndicatorRecords,
  periods: readonly Period[],
): IndicatorValue[] {
  const index = indexRecords(records);
  return periods.flatMap((period) => definitions.map((d) => computeIndicator(d, index, period)));
}
