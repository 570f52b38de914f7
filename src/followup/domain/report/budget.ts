/**
 * The budget table of the report (seed 003, "Verksamheternas nettokostnader"): per activity its
 * income, cost and net — outcome last year to the same month, outcome this year, budget, forecast
 * for the year and the deviation (forecast − budget). Amounts are whole thousands of kronor (tkr);
 * income is positive and cost negative, as printed in the seed, so that net = income + cost and a
 * positive deviation is always better than budget.
 */

/** One figure of the table in each column (tkr, signed). */
export interface BudgetFigures {
  /** outcome of the previous year up to the same month; null when there is no such line */
  previousOutcome: number | null;
  outcome: number | null;
  budget: number;
  forecast: number | null;
}

export interface BudgetFigureRow extends BudgetFigures {
  /** forecast − budget; null when there is no forecast yet */
  deviation: number | null;
}

export interface BudgetActivityInput {
  activity: string;
  income: BudgetFigures;
  /** negative (or zero) amounts */
  cost: BudgetFigures;
}

export interface BudgetActivityRow {
  activity: string;
  income: BudgetFigureRow;
  cost: BudgetFigureRow;
  net: BudgetFigureRow;
}

export interface BudgetTable {
  activities: BudgetActivityRow[];
  total: { income: BudgetFigureRow; cost: BudgetFigureRow; net: BudgetFigureRow };
}

const addNullable = (a: number | null, b: number | null): number | null =>
  a === null && b === null ? null : (a ?? 0) + (b ?? 0);

function withDeviation(figures: BudgetFigures): BudgetFigureRow {
  return { ...figures, deviation: figures.forecast === null ? null : figures.forecast - figures.budget };
}

function sumFigures(rows: readonly BudgetFigures[]): BudgetFigures {
  return rows.reduce<BudgetFigures>(
    (sum, row) => ({
      previousOutcome: addNullable(sum.previousOutcome, row.previousOutcome),
      outcome: addNullable(sum.outcome, row.outcome),
      budget: sum.budget + row.budget,
      forecast: addNullable(sum.forecast, row.forecast),
    }),
    { previousOutcome: null, outcome: null, budget: 0, forecast: null },
  );
}

/** Net, deviations and the totals of the table, from its activity rows. */
export function computeBudgetTable(inputs: readonly BudgetActivityInput[]): BudgetTable {
  const activities = inputs.map((input) => ({
    activity: input.activity,
    income: withDeviation(input.income),
    cost: withDeviation(input.cost),
    net: withDeviation(sumFigures([input.income, input.cost])),
  }));
  const income = sumFigures(inputs.map((input) => input.income));
  const cost = sumFigures(inputs.map((input) => input.cost));
  return {
    activities,
    total: {
      income: withDeviation(income),
      cost: withDeviation(cost),
      net: withDeviation(sumFigures([income, cost])),
    },
  };
}

/**
 * The result after the municipal allocation (kommunbidrag): net + allocation, per column. The
 * allocation has its own figure per column (the outcomes hold the allocation received to date).
 */
export function resultAfterAllocation(net: BudgetFigureRow, allocation: BudgetFigures): BudgetFigureRow {
  return withDeviation(sumFigures([net, allocation]));
}

/** The activities whose forecast net deviates from budget, largest first (for the summary). */
export function deviatingActivities(table: BudgetTable): { activity: string; deviation: number }[] {
  return table.activities
    .filter((row) => row.net.deviation !== null && row.net.deviation !== 0)
    .map((row) => ({ activity: row.activity, deviation: row.net.deviation as number }))
    .sort((a, b) => Math.abs(b.deviation) - Math.abs(a.deviation) || a.activity.localeCompare(b.activity));
}

/** Öre to whole thousands of kronor, rounded half away from zero. */
export function oreToTkr(ore: number): number {
  const tkr = Math.abs(ore) / 100_000;
  return Math.sign(ore) * Math.round(tkr) || 0;
}
