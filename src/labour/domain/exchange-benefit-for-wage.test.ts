import { describe, expect, it } from 'vitest';
import {
  baselineOre,
  coveredShare,
  personExchange,
  sumExchange,
  type ExchangeEmployment,
  type ExchangeFigures,
} from './exchange-benefit-for-wage.ts';

const job = (over: Partial<ExchangeEmployment> = {}): ExchangeEmployment => ({
  startsOn: '2026-04-01',
  endsOn: '2027-03-31',
  endedOn: null,
  monthlySalaryCostOre: 2_600_000,
  monthlySupportOre: 2_000_000,
  ...over,
});

describe('växla bidrag mot lön', () => {
  it('Borås 2017 (seed 003): salary cost 14 157 900 kr − support 8 993 866 kr = net 5 164 034 kr', () => {
    const figure = (salaryCostOre: number, supportOre: number): ExchangeFigures => ({
      salaryCostOre,
      supportOre,
      netCostOre: salaryCostOre - supportOre,
      monthsEmployed: 8,
      assistancePaidOre: 0,
      assistanceAvoidedOre: 0,
    });
    // The unit's sums over its persons (here split in two parts of the year's figures).
    const totals = sumExchange([figure(900_000_000, 600_000_000), figure(515_790_000, 299_386_600)]);
    expect(totals.salaryCostOre).toBe(1_415_790_000);
    expect(totals.supportOre).toBe(899_386_600);
    expect(totals.netCostOre).toBe(516_403_400);
    expect(totals.persons).toBe(2);
  });

  it('salary cost and support per month, pro rata for a part of a month', () => {
    expect(coveredShare(job({ startsOn: '2026-04-16' }), '2026-04')).toBe(0.5);
    const april = personExchange([job({ startsOn: '2026-04-16' })], { from: '2026-04', to: '2026-04' }, null);
    expect(april).toMatchObject({
      salaryCostOre: 1_300_000,
      supportOre: 1_000_000,
      netCostOre: 300_000,
      monthsEmployed: 0.5,
    });
    expect(april.assistanceAvoidedOre).toBeNull();
  });

  it('avoided assistance: the 3-month baseline × months employed − assistance still paid', () => {
    // Jan–Mar 2026 the household got 9 000, 10 000 and 11 000 kr: baseline 10 000 kr a month.
    const paid = new Map([
      ['2026-01', 900_000],
      ['2026-02', 1_000_000],
      ['2026-03', 1_100_000],
      // April: a top-up of 2 000 kr while the first salary was on its way
      ['2026-04', 200_000],
    ]);
    expect(baselineOre('2026-04-01', paid)).toBe(1_000_000);
    const ytd = personExchange([job()], { from: '2026-01', to: '2026-06' }, paid);
    expect(ytd.monthsEmployed).toBe(3);
    expect(ytd.salaryCostOre).toBe(7_800_000);
    expect(ytd.netCostOre).toBe(1_800_000);
    expect(ytd.assistancePaidOre).toBe(200_000);
    // 3 × 10 000 − 2 000 = 28 000 kr
    expect(ytd.assistanceAvoidedOre).toBe(2_800_000);
    // May alone: 10 000 kr avoided
    expect(personExchange([job()], { from: '2026-05', to: '2026-05' }, paid).assistanceAvoidedOre).toBe(
      1_000_000,
    );
  });

  it('a nystartsjobb after an extratjänst keeps the baseline from before the extratjänst', () => {
    const paid = new Map([
      ['2025-10', 1_200_000],
      ['2025-11', 1_200_000],
      ['2025-12', 1_200_000],
    ]);
    const extra = job({ startsOn: '2026-01-01', endsOn: '2026-12-31' });
    const nystart = job({ startsOn: '2027-01-01', endsOn: '2027-12-31' });
    const result = personExchange([extra, nystart], { from: '2027-01', to: '2027-02' }, paid);
    expect(result.assistanceAvoidedOre).toBe(2_400_000);
  });

  it('avoided assistance is never below 0', () => {
    const paid = new Map([
      ['2026-03', 300_000],
      ['2026-04', 1_500_000],
    ]);
    expect(personExchange([job()], { from: '2026-04', to: '2026-04' }, paid).assistanceAvoidedOre).toBe(0);
  });

  it('a person with no employment in the period is not counted in the unit', () => {
    const none = personExchange(
      [job({ startsOn: '2026-09-01' })],
      { from: '2026-01', to: '2026-06' },
      new Map(),
    );
    const some = personExchange([job()], { from: '2026-01', to: '2026-06' }, null);
    const totals = sumExchange([none, some]);
    expect(totals.persons).toBe(1);
    expect(totals.personsWithoutAssistanceData).toBe(1);
  });
});
