/** Inflow, outflow and closed long-term cases (the target board's figures), at month and year boundaries. */
import { describe, expect, it } from 'vitest';
import { computeIndicators, type IndicatorValue } from './compute.ts';
import { indicatorById } from './definitions.ts';
import { parsePeriod, type Period } from './periods.ts';
import type { AssistanceMonth, IndicatorRecords } from './records.ts';

const ADULT = { personId: 'p', birthDate: '1980-01-01', reasonGroup: null };

/** `count` consecutive months of assistance for a household from `from` (YYYY-MM). */
function months(householdId: string, from: string, count: number): AssistanceMonth[] {
  const start = Number(from.slice(0, 4)) * 12 + Number(from.slice(5)) - 1;
  return Array.from({ length: count }, (_, i) => {
    const n = start + i;
    const month = `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
    return {
      householdId,
      month,
      paidOre: 100_000,
      adults: [{ ...ADULT, personId: householdId }],
      children: [],
    };
  });
}

function value(
  assistance: AssistanceMonth[],
  id: string,
  period: string,
  throughMonth?: string,
): IndicatorValue {
  const records: IndicatorRecords = {
    assistance,
    population: [],
    referrals: [],
    labourExits: [],
    employments: [],
    ...(throughMonth ? { throughMonth } : {}),
  };
  return computeIndicators([indicatorById(id)!], records, [parsePeriod(period) as Period])[0]!;
}

const ids = (v: IndicatorValue) => v.subjects?.ids;

describe('long-term cases closed', () => {
  // ten months Jan–Oct 2024: long-term, ends in November
  const tenMonths = months('ten', '2024-01', 10);
  // nine months Feb–Oct 2024: not long-term, also ends in November
  const nineMonths = months('nine', '2024-02', 9);
  // Mar–Dec 2024: long-term, ends in January 2025, across the year boundary
  const acrossYear = months('across', '2024-03', 10);

  it('counts a household in the month its assistance ended, if it had 10 of the last 12 months', () => {
    const all = [...tenMonths, ...nineMonths, ...acrossYear];
    expect(ids(value(all, 'long_term_households_closed', '2024-11'))).toEqual(['ten']);
    expect(value(all, 'long_term_households_closed', '2024-10').value).toBe(0);
    expect(ids(value(all, 'households_outflow', '2024-11'))).toEqual(['nine', 'ten']);
  });

  it('puts an end in January in the new year, not the old', () => {
    const all = [...tenMonths, ...acrossYear];
    expect(ids(value(all, 'long_term_households_closed', '2024'))).toEqual(['ten']);
    expect(ids(value(all, 'long_term_households_closed', '2025'))).toEqual(['across']);
    expect(ids(value(all, 'long_term_households_closed', '2025-01'))).toEqual(['across']);
    expect(ids(value(all, 'households_outflow', '2025-T1'))).toEqual(['across']);
  });

  it('counts nothing as ended in months after the records are complete for', () => {
    // Assistance through November 2024, today is in November: December is not known yet.
    const ongoing = months('ongoing', '2024-01', 11);
    expect(value(ongoing, 'long_term_households_closed', '2024', '2024-11').value).toBe(0);
    expect(value(ongoing, 'households_outflow', '2024', '2024-11').value).toBe(0);
    // without the limit December would count
    expect(value(ongoing, 'households_outflow', '2024').value).toBe(1);
  });
});

describe('inflow', () => {
  it('counts a first month, and a return after a month without, but not a continuing household', () => {
    const assistance = [
      ...months('continuing', '2024-11', 4), // Nov 2024 – Feb 2025
      ...months('new', '2025-01', 2), // first month January 2025
      ...months('back', '2024-10', 1), // October 2024, then again from January 2025
      ...months('back', '2025-01', 1),
    ];
    expect(ids(value(assistance, 'households_inflow', '2025-01'))).toEqual(['back', 'new']);
    expect(value(assistance, 'households_inflow', '2025-02').value).toBe(0);
    expect(ids(value(assistance, 'households_inflow', '2024'))).toEqual(['back', 'continuing']);
    expect(ids(value(assistance, 'households_inflow', '2025'))).toEqual(['back', 'new']);
  });
});
