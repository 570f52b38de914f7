/**
 * The report generator must reproduce the sums of seed 003's budget table from its rows (issue 5).
 * The rows below are copied from /work/shared/seeds/003_5310600e6ecc234d.txt — Borås Stad,
 * Arbetslivsnämnden, tertialrapport 2 2017 — section "4.2 Budgetavvikelse och verksamhetsanalys",
 * table "Verksamheternas nettokostnader" (tkr; columns Utfall 2016-08, Utfall 2017-08, Budget 2017,
 * Prognos 2017; the printed Avvikelse and the Nettokostnad and Totalt rows are what is computed),
 * and section "4.1 Resultat", table "Ekonomiskt sammandrag".
 */
import { describe, expect, it } from 'vitest';
import { computeBudgetTable, deviatingActivities, oreToTkr, resultAfterAllocation } from './budget.ts';
import { activity, figures, SEED_003_ACTIVITIES, type Columns } from './seed-003.fixture.ts';

const row = (r: {
  previousOutcome: number | null;
  outcome: number | null;
  budget: number;
  forecast: number | null;
  deviation: number | null;
}) => [r.previousOutcome, r.outcome, r.budget, r.forecast, r.deviation];

describe('the budget table of seed 003 (Borås, tertialrapport 2 2017)', () => {
  const table = computeBudgetTable(SEED_003_ACTIVITIES);

  it('reproduces the printed totals (Totalt: Intäkt, Kostnad, Nettokostnad) from the rows', () => {
    expect(row(table.total.income)).toEqual([102515, 107278, 126751, 127751, 1000]);
    expect(row(table.total.cost)).toEqual([-241847, -247793, -353151, -350151, 3000]);
    expect(row(table.total.net)).toEqual([-139332, -140515, -226400, -222400, 4000]);
  });

  it('reproduces each activity’s printed net cost and deviation', () => {
    const net = Object.fromEntries(table.activities.map((a) => [a.activity, row(a.net)]));
    expect(net).toEqual({
      'Central administration': [-6758, -7045, -14077, -14077, 0],
      'Politisk verksamhet': [-849, -774, -1476, -1476, 0],
      'IFO ekonomiskt bistånd exkl. försörjningsstöd': [-38303, -44955, -68360, -66360, 2000],
      Försörjningsstöd: [-45605, -39095, -66500, -63500, 3000],
      Integration: [-1196, -2859, -4024, -4024, 0],
      Arbetsmarknadsinsatser: [-33190, -32498, -51070, -54334, -3264],
      Feriearbeten: [-10749, -10598, -15000, -15000, 0],
      Övrigt: [-2682, -2691, -3629, -3629, 0],
      Buffert: [0, 0, -2264, 0, 2264],
    });
    const cost = table.activities.find((a) => a.activity === 'Arbetsmarknadsinsatser')!.cost;
    expect(cost.deviation).toBe(-4264);
  });

  it('names the deviations of the result analysis, largest first', () => {
    // "underskott med - 3 264 tkr arbetsmarknadsinsatser, + 2 000 tkr övrigt IFO, 3 000 tkr
    // försörjningsstöd samt buffert + 2 264 tkr"
    expect(deviatingActivities(table)).toEqual([
      { activity: 'Arbetsmarknadsinsatser', deviation: -3264 },
      { activity: 'Försörjningsstöd', deviation: 3000 },
      { activity: 'Buffert', deviation: 2264 },
      { activity: 'IFO ekonomiskt bistånd exkl. försörjningsstöd', deviation: 2000 },
    ]);
  });

  it('reproduces the summary by kind (Ekonomiskt sammandrag, section 4.1) and the result after the allocation', () => {
    const zero: Columns = [0, 0, 0, 0];
    const kinds = computeBudgetTable([
      activity('Sålda platser', [8224, 6928, 11262, 11262], zero),
      activity('Statsbidrag', [82354, 87264, 93266, 94266], zero),
      activity('Avgifter och övriga intäkter', [11937, 13086, 22223, 22223], zero),
      activity('Personal', zero, [-143814, -165120, -215375, -217639]),
      activity('Lokaler', zero, [-8076, -8268, -12401, -12401]),
      activity('Försörjningsstöd', zero, [-49985, -43704, -72300, -69300]),
      activity('Övrigt', zero, [-39972, -30701, -50811, -50811]),
      activity('Kapitalkostnader', zero, zero),
    ]);
    expect(row(kinds.total.income)).toEqual([102515, 107278, 126751, 127751, 1000]);
    expect(row(kinds.total.cost)).toEqual([-241847, -247793, -350887, -350151, 736]);
    // The buffer is budgeted apart ("Buffert (endast i budget)") and enters the net cost.
    const withBuffer = computeBudgetTable([
      ...kinds.activities.map((a) => ({ activity: a.activity, income: a.income, cost: a.cost })),
      activity('Buffert (endast i budget)', zero, [0, 0, -2264, 0]),
    ]);
    expect(row(withBuffer.total.net)).toEqual([-139332, -140515, -226400, -222400, 4000]);
    const result = resultAfterAllocation(withBuffer.total.net, figures([147896, 154429, 226400, 226400]));
    expect(row(result)).toEqual([8564, 13914, 0, 4000, 4000]);
  });
});

describe('budget arithmetic', () => {
  it('leaves the deviation empty until there is a forecast', () => {
    const table = computeBudgetTable([
      {
        activity: 'Ny verksamhet',
        income: { previousOutcome: null, outcome: 10, budget: 100, forecast: null },
        cost: { previousOutcome: null, outcome: -40, budget: -300, forecast: null },
      },
    ]);
    expect(row(table.total.net)).toEqual([null, -30, -200, null, null]);
    expect(deviatingActivities(table)).toEqual([]);
  });

  it('rounds öre to whole thousands of kronor', () => {
    expect(oreToTkr(4_523_000_00)).toBe(4523);
    expect(oreToTkr(49_950)).toBe(0);
    expect(oreToTkr(50_000)).toBe(1);
    expect(oreToTkr(-150_000)).toBe(-2);
  });
});
