import { describe, expect, it } from 'vitest';
import { calculateNorm, type NormMember } from './calculate-norm.ts';
import { riksnormForYear } from './riksnorm-data.ts';
import { runNorm } from './run-norm.ts';

const table2026 = riksnormForYear(2026)!;
const table2021 = riksnormForYear(2021)!;
const kr = (ore: number) => ore / 100;
const adults = (partner: boolean): NormMember[] =>
  partner
    ? [
        { role: 'applicant', age: 40 },
        { role: 'partner', age: 38 },
      ]
    : [{ role: 'applicant', age: 40 }];

describe('the riksnorm amounts equal the published ones', () => {
  it('2026: the government’s totals — 5 220 kr for a single person and 8 510 kr for a couple (regeringen.se, nov 2025)', () => {
    expect(kr(calculateNorm(table2026, { members: adults(false), costs: [], incomes: [] }).riksnorm)).toBe(
      5220,
    );
    expect(kr(calculateNorm(table2026, { members: adults(true), costs: [], incomes: [] }).riksnorm)).toBe(
      8510,
    );
  });

  it.each([
    // age, lunch away, 2026 amount (SFS 2025:1046), 2021 amount (SFS 2020:1013)
    [0, false, 2740, 2180],
    [0, true, 2560, 2050],
    [2, false, 3060, 2440],
    [1, true, 2800, 2240],
    [3, false, 2720, 2170],
    [3, true, 2500, 1990],
    [5, false, 3060, 2440],
    [6, true, 2720, 2170],
    [7, false, 3820, 3060],
    [9, true, 3820, 3060], // schoolchildren have one amount: lunch at school is assumed
    [14, false, 4390, 3520],
    [18, false, 4960, 3970],
    [20, false, 5000, 4000],
  ])(
    'a child of %i (lunch away: %s) counts %i kr in 2026 and %i kr in 2021',
    (age, lunchAway, in2026, in2021) => {
      const members: NormMember[] = [...adults(false), { role: 'child', age, lunchAway }];
      for (const [table, expected] of [
        [table2026, in2026],
        [table2021, in2021],
      ] as const) {
        const line = calculateNorm(table, { members, costs: [], incomes: [] }).lines.find(
          (l) => l.code === 'child' || l.code === 'childWithoutLunch',
        );
        expect(kr(line!.amount)).toBe(expected);
      }
    },
  );

  it.each([
    [1, 1280, 1020],
    [2, 1410, 1130],
    [3, 1790, 1420],
    [4, 2030, 1610],
    [5, 2330, 1860],
    [6, 2640, 2100],
    [7, 2830, 2270],
    // more than seven: each further member adds the difference between seven and six persons
    [8, 3020, 2440],
    [10, 3400, 2780],
  ])('household-common costs for %i persons: %i kr in 2026, %i kr in 2021', (size, in2026, in2021) => {
    const members: NormMember[] = [
      ...adults(false),
      ...Array.from({ length: size - 1 }, () => ({ role: 'child' as const, age: 10 })),
    ];
    for (const [table, expected] of [
      [table2026, in2026],
      [table2021, in2021],
    ] as const) {
      const line = calculateNorm(table, { members, costs: [], incomes: [] }).lines.find(
        (l) => l.code === 'commonCosts',
      );
      expect(kr(line!.amount)).toBe(expected);
    }
  });
});

describe('worked examples', () => {
  it('the issue’s family of three with rent and a salary (2026): 11 610 norm + 7 200 rent − 3 000 salary = 15 810 kr', () => {
    const result = calculateNorm(table2026, {
      members: [...adults(true), { role: 'child', age: 4, lunchAway: true }],
      costs: [{ type: 'rent', amount: 720_000 }],
      incomes: [{ type: 'salary', amount: 300_000 }],
    });
    expect(kr(result.riksnorm)).toBe(7100 + 2720 + 1790);
    expect(kr(result.total)).toBe(15_810);
    expect(result.lines.map((l) => [l.code, kr(l.amount)])).toEqual([
      ['cohabitingAdults', 7100],
      ['childWithoutLunch', 2720],
      ['commonCosts', 1790],
      ['cost', 7200],
      ['income', -3000],
    ]);
  });

  it('Socialstyrelsen’s example of an adult sharing a five-person household without being a partner: single adult + a fifth of the common costs', () => {
    // Socialstyrelsen (2014 amounts): 1 710 kr ÷ 5 + 2 950 kr = 3 292 kr; the same rule with 2026 amounts:
    const lodgers: NormMember[] = Array.from({ length: 4 }, () => ({
      role: 'otherAdult',
      age: 30,
      included: false,
    }));
    const result = calculateNorm(table2026, {
      members: [...adults(false), ...lodgers],
      costs: [],
      incomes: [],
    });
    expect(kr(result.riksnorm)).toBe(3940 + 2330 / 5);
    expect(result.lines.at(-1)).toMatchObject({
      code: 'commonCostsShare',
      householdSize: 5,
      includedSize: 1,
    });
  });

  it('never pays a negative amount: incomes above the need leave a surplus and nothing to pay', () => {
    const result = calculateNorm(table2026, {
      members: adults(false),
      costs: [{ type: 'rent', amount: 500_000 }],
      incomes: [{ type: 'salary', amount: 2_000_000 }],
    });
    expect(result.total).toBe(0);
    expect(kr(result.balance)).toBe(5220 + 5000 - 20_000);
  });

  it('disregards a quarter of the salary under the job stimulus, and only of salary', () => {
    const result = calculateNorm(table2026, {
      members: adults(false),
      costs: [],
      incomes: [
        { type: 'salary', amount: 1_000_000, jobStimulus: true },
        { type: 'childBenefit', amount: 125_000 },
      ],
    });
    expect(kr(result.incomes)).toBe(7500 + 1250);
    expect(result.lines.find((l) => l.code === 'incomeJobStimulus')).toMatchObject({ disregarded: 250_000 });
  });

  it('caps a cost at the municipality’s reasonable level and says so on the receipt', () => {
    const result = calculateNorm(
      table2026,
      { members: adults(false), costs: [{ type: 'rent', amount: 950_000 }], incomes: [] },
      { costLimits: { rent: 800_000 } },
    );
    expect(kr(result.costs)).toBe(8000);
    expect(result.lines.find((l) => l.section === 'cost')).toMatchObject({
      code: 'costCapped',
      appliedFor: 950_000,
      limit: 800_000,
    });
  });
});

describe('the household as JSON', () => {
  const issueExample = {
    year: 2026,
    members: [
      { role: 'applicant', age: 34 },
      { role: 'partner', age: 33 },
      { role: 'child', age: 4, lunchAway: true },
    ],
    costs: [{ type: 'rent', amount: 7200 }],
    incomes: [{ type: 'salary', amount: 3000 }],
  };

  it('gives riksnorm, total and lines with a Swedish label and the rule with its source', () => {
    const outcome = runNorm(issueExample, 'sv');
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.receipt).toMatchObject({
      riksnorm: 11_610,
      total: 15_810,
      reasonableCosts: 7200,
      incomes: 3000,
    });
    expect(outcome.receipt.lines[1]).toMatchObject({
      label: 'Barn 4 år, utan lunch 5 dagar/vecka',
      amount: 2720,
    });
    expect(outcome.receipt.lines[0]!.rule).toContain('12 kap. 2 § socialtjänstförordningen (2025:468)');
    expect(outcome.receipt.lines[3]!.rule).toContain('12 kap. 7 § socialtjänstlagen (2025:400)');
  });

  it('cites the old act for a month before 1 July 2025', () => {
    const outcome = runNorm({ ...issueExample, year: 2021, month: '2021-06' }, 'sv');
    if (!outcome.ok) throw new Error('expected a receipt');
    expect(outcome.receipt.lines[3]!.rule).toContain('4 kap. 3 § socialtjänstlagen (2001:453)');
  });

  it('refuses bad input with a message per field', () => {
    const outcome = runNorm(
      {
        year: 1999,
        members: [{ role: 'child', age: 25 }],
        costs: [{ type: 'rent', amount: -5 }],
        incomes: [{ type: 'childBenefit', amount: 1250, jobStimulus: true }],
      },
      'sv',
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors).toEqual(
      expect.arrayContaining([
        { path: 'year', message: 'riksnormen för det året finns inte registrerad i Kedjan' },
        { path: 'costs.0.amount', message: 'för kort eller för litet' },
      ]),
    );
  });

  it('refuses a household without an applicant or with an adult under 18', () => {
    const outcome = runNorm({ year: 2026, members: [{ role: 'partner', age: 17 }] }, 'sv');
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.map((e) => e.message)).toEqual(
      expect.arrayContaining(['hushållet ska ha exakt en sökande', 'en vuxen är minst 18 år']),
    );
  });
});
