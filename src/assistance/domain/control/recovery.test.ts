import { describe, expect, it } from 'vitest';
import { MAX_INSTALMENTS, recoveryProvision, repaymentPlan } from './recovery.ts';

describe('repaymentPlan', () => {
  it('gives monthly instalments with the remainder last', () => {
    expect(repaymentPlan(1_000_000, 300_000, '2026-12-28')).toEqual([
      { no: 1, dueOn: '2026-12-28', amountOre: 300_000 },
      { no: 2, dueOn: '2027-01-28', amountOre: 300_000 },
      { no: 3, dueOn: '2027-02-28', amountOre: 300_000 },
      { no: 4, dueOn: '2027-03-28', amountOre: 100_000 },
    ]);
  });

  it('has no remainder instalment when the amount divides evenly', () => {
    const plan = repaymentPlan(600_000, 200_000, '2027-01-15');
    expect(plan.map((i) => i.amountOre)).toEqual([200_000, 200_000, 200_000]);
  });

  it('is one instalment when the monthly amount is the whole amount', () => {
    expect(repaymentPlan(12_345, 12_345, '2027-05-01')).toEqual([
      { no: 1, dueOn: '2027-05-01', amountOre: 12_345 },
    ]);
  });

  it('moves a due day the month lacks to its last day, and back again', () => {
    const dates = repaymentPlan(500, 100, '2027-01-31').map((i) => i.dueOn);
    expect(dates).toEqual(['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30', '2027-05-31']);
    expect(repaymentPlan(200, 100, '2028-01-30').map((i) => i.dueOn)).toEqual(['2028-01-30', '2028-02-29']);
  });

  it('always adds up to the amount', () => {
    for (const [amount, monthly] of [
      [1, 1],
      [999_999, 10_000],
      [100_001, 50_000],
    ] as const) {
      const plan = repaymentPlan(amount, monthly, '2027-03-10');
      expect(plan.reduce((sum, i) => sum + i.amountOre, 0)).toBe(amount);
      expect(plan.every((i) => i.amountOre > 0 && i.amountOre <= monthly)).toBe(true);
    }
  });

  it('refuses amounts that make no plan', () => {
    expect(() => repaymentPlan(0, 1, '2027-01-01')).toThrow(RangeError);
    expect(() => repaymentPlan(100, 200, '2027-01-01')).toThrow(RangeError);
    expect(() => repaymentPlan(100, 0, '2027-01-01')).toThrow(RangeError);
    expect(() => repaymentPlan(MAX_INSTALMENTS + 1, 1, '2027-01-01')).toThrow(RangeError);
  });
});

describe('recoveryProvision', () => {
  it('cites the act in force when the assistance was granted', () => {
    expect(recoveryProvision('2025-06-30')).toBe('SFS 2001:453 9 kap. 1 §');
    expect(recoveryProvision('2025-07-01')).toBe('SFS 2025:400 33 kap. 1 §');
    expect(recoveryProvision('1999-01-01')).toBeUndefined();
  });
});
