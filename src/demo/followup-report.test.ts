import { describe, expect, it } from 'vitest';
import { computeBudgetTable } from '../followup/domain/report/budget.ts';
import { generateDemo } from './generate.ts';

describe('the demo four-month report', () => {
  const data = generateDemo({ today: '2026-11-22', households: 120 });

  it('has budget, assignments and risks for last year and this, followed up at the periods passed', () => {
    const lines = data.report_budget_line;
    expect(new Set(lines.map((l) => l.year))).toEqual(new Set([2025, 2026]));
    const periodsOf = (year: number) =>
      new Set(
        data.report_budget_follow_up
          .filter((f) => lines.find((l) => l.id === f.line_id)?.year === year)
          .map((f) => f.period),
      );
    expect(periodsOf(2025)).toEqual(new Set(['T1', 'T2', 'year']));
    expect(periodsOf(2026)).toEqual(new Set(['T1', 'T2']));
    expect(data.report_assignment.filter((a) => a.year === 2026)).toHaveLength(3);
    expect(data.report_control_risk.some((r) => r.likelihood * r.consequence === 16)).toBe(true);
  });

  it('books the payments of the demo as the outcome of financial assistance', () => {
    const month = new Map(data.decision.map((d) => [d.id, d.month.slice(0, 7)]));
    let paidToAugust = 0;
    for (const p of data.payment) {
      const m = month.get(p.decision_id) ?? '';
      if (p.status === 'sent' && m >= '2026-01' && m <= '2026-08') paidToAugust += p.amount_ore;
    }
    const line = data.report_budget_line.find((l) => l.year === 2026 && l.activity === 'Försörjningsstöd')!;
    const t2 = data.report_budget_follow_up.find((f) => f.line_id === line.id && f.period === 'T2')!;
    expect(t2.outcome_cost_tkr).toBe(Math.round(paidToAugust / 100_000));
    const table = computeBudgetTable(
      data.report_budget_line
        .filter((l) => l.year === 2026)
        .map((l) => ({
          activity: l.activity,
          income: { previousOutcome: null, outcome: null, budget: l.budget_income_tkr, forecast: null },
          cost: { previousOutcome: null, outcome: null, budget: -l.budget_cost_tkr, forecast: null },
        })),
    );
    expect(table.total.net.budget).toBeLessThan(0);
  });
});
