/**
 * Seed 003 (/work/shared/seeds/003_5310600e6ecc234d.txt): Borås Stad, Arbetslivsnämnden,
 * tertialrapport 2 2017, section "4.2 Budgetavvikelse och verksamhetsanalys", table
 * "Verksamheternas nettokostnader" — the Intäkt and Kostnad rows of each activity, in tkr, columns
 * Utfall 2016-08, Utfall 2017-08, Budget 2017, Prognos 2017. Used by the tests only.
 */
import type { BudgetActivityInput, BudgetFigures } from './budget.ts';

/** [Utfall 2016-08, Utfall 2017-08, Budget 2017, Prognos 2017] */
export type Columns = [number, number, number, number];
export const figures = ([previousOutcome, outcome, budget, forecast]: Columns): BudgetFigures => ({
  previousOutcome,
  outcome,
  budget,
  forecast,
});
export const activity = (name: string, income: Columns, cost: Columns): BudgetActivityInput => ({
  activity: name,
  income: figures(income),
  cost: figures(cost),
});

/** Seed 003, section 4.2, "Verksamheternas nettokostnader": the Intäkt and Kostnad rows per activity. */
export const SEED_003_ACTIVITIES: BudgetActivityInput[] = [
  activity('Central administration', [1036, 1338, 1050, 1050], [-7794, -8383, -15127, -15127]),
  activity('Politisk verksamhet', [0, 0, 0, 0], [-849, -774, -1476, -1476]),
  activity(
    'IFO ekonomiskt bistånd exkl. försörjningsstöd',
    [11690, 12370, 21993, 21993],
    [-49993, -57325, -90353, -88353],
  ),
  activity('Försörjningsstöd', [4392, 4630, 5850, 5850], [-49997, -43725, -72350, -69350]),
  activity('Integration', [30053, 14887, 26641, 26641], [-31249, -17746, -30665, -30665]),
  activity('Arbetsmarknadsinsatser', [54116, 72411, 69550, 70550], [-87306, -104909, -120620, -124884]),
  activity('Feriearbeten', [220, 231, 155, 155], [-10969, -10829, -15155, -15155]),
  activity('Övrigt', [1008, 1411, 1512, 1512], [-3690, -4102, -5141, -5141]),
  activity('Buffert', [0, 0, 0, 0], [0, 0, -2264, 0]),
];
