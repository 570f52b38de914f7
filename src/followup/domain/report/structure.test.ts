import { describe, expect, it } from 'vitest';
import { computeMonthlyCost } from './monthly-cost.ts';
import { assembleReport, REPORT_SECTIONS } from './structure.ts';

const months = (perMonth: number) => Array.from({ length: 12 }, () => perMonth);

describe('the monthly cost of financial assistance', () => {
  it('compares January–August with the two years before and gives their whole years', () => {
    const table = computeMonthlyCost(2017, 'T2', [
      { year: 2017, months: [...months(100).slice(0, 8), 0, 0, 0, 0] },
      { year: 2016, months: months(120) },
      { year: 2015, months: months(130) },
    ]);
    expect(table.years).toEqual([2017, 2016, 2015]);
    expect(table.rows).toHaveLength(8);
    expect(table.rows[7]).toEqual({ month: 8, amounts: [100, 120, 130] });
    expect(table.toDate).toEqual([800, 960, 1040]);
    expect(table.fullYear).toEqual([null, 1440, 1560]);
    expect(table.changeFromPreviousYear).toBe(-160);
  });

  it('counts missing years and months as nothing paid; the annual report has the whole year', () => {
    const table = computeMonthlyCost(2026, 'year', [{ year: 2026, months: [5] }]);
    expect(table.rows).toHaveLength(12);
    expect(table.toDate).toEqual([5, 0, 0]);
    expect(table.fullYear).toEqual([5, 0, 0]);
  });
});

describe('the report', () => {
  it('has the sections of seed 003 in its order and sums up its parts', () => {
    const report = assembleReport({
      municipalityName: 'Älvstad kommun',
      year: 2026,
      period: 'T2',
      generatedOn: '2026-09-15',
      indicators: [],
      budget: [
        {
          activity: 'Försörjningsstöd',
          income: { previousOutcome: 10, outcome: 10, budget: 20, forecast: 20 },
          cost: { previousOutcome: -500, outcome: -400, budget: -700, forecast: -650 },
        },
      ],
      allocation: null,
      monthlyCost: [],
      volumes: [],
      assignments: [
        { id: 'a', givenBy: 'council', text: 'X', status: 'done', comment: '' },
        { id: 'b', givenBy: 'board', text: 'Y', status: null, comment: '' },
      ],
      risks: [
        {
          id: 'r',
          process: 'Försörjningsstöd',
          risk: 'Felaktiga utbetalningar',
          likelihood: 4,
          consequence: 4,
          controlActivity: 'Kontroll',
          followUp: null,
        },
      ],
    });
    expect(report.sections).toEqual([
      'summary',
      'indicators',
      'budget',
      'monthlyCost',
      'volumes',
      'assignments',
      'internalControl',
    ]);
    expect(REPORT_SECTIONS).toBe(report.sections);
    expect(report.summary.forecastDeviation).toBe(50);
    expect(report.summary.assignments).toEqual({ done: 1, in_progress: 0, not_done: 0, unreported: 1 });
    expect(report.summary.risksToBoard).toBe(1);
    expect(report.resultAfterAllocation).toBeNull();
  });
});
