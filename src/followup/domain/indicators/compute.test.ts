import { describe, expect, it } from 'vitest';
import { computeIndicators, type IndicatorValue } from './compute.ts';
import { indicatorById, INDICATORS } from './definitions.ts';
import { parsePeriod, type Period } from './periods.ts';
import type { AssistanceMonth, IndicatorRecords } from './records.ts';

const ANNA = { personId: 'anna', birthDate: '1980-05-01', reasonGroup: 'unemployment' as const };
const BO = { personId: 'bo', birthDate: '1982-02-01', reasonGroup: 'ill_health' as const };
const CARL = { personId: 'carl', birthDate: '2003-06-30', reasonGroup: 'social_reasons' as const };
const KID = { personId: 'kid', birthDate: '2015-01-01' };

/** A household month with assistance paid (1 000 kr unless given). */
function month(
  householdId: string,
  m: string,
  adults: AssistanceMonth['adults'],
  children: AssistanceMonth['children'] = [],
  paidOre = 100_000,
): AssistanceMonth {
  return { householdId, month: m, paidOre, adults, children };
}

function months(
  householdId: string,
  from: string,
  count: number,
  adults: AssistanceMonth['adults'],
  children: AssistanceMonth['children'] = [],
) {
  const start = Number(from.slice(0, 4)) * 12 + Number(from.slice(5)) - 1;
  return Array.from({ length: count }, (_, i) => {
    const n = start + i;
    return month(
      householdId,
      `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`,
      adults,
      children,
    );
  });
}

const empty: IndicatorRecords = {
  assistance: [],
  population: [],
  referrals: [],
  labourExits: [],
  employments: [],
};

function value(records: Partial<IndicatorRecords>, id: string, period: string): IndicatorValue {
  const definition = indicatorById(id)!;
  return computeIndicators([definition], { ...empty, ...records }, [parsePeriod(period) as Period])[0]!;
}

describe('indicator definitions', () => {
  it('are unique, cite a source and have a Swedish title', () => {
    expect(new Set(INDICATORS.map((i) => i.id)).size).toBe(INDICATORS.length);
    for (const indicator of INDICATORS) {
      expect(indicator.source.length).toBeGreaterThan(5);
      expect(indicator.title.sv.length).toBeGreaterThan(5);
    }
  });

  it('cover the Kolada ids of the referral initiators', () => {
    const ids = INDICATORS.map((i) => i.koladaId);
    for (const kolada of ['U40806', 'U40824', 'U40807', 'U40808', 'U40809']) expect(ids).toContain(kolada);
  });
});

describe('households and adults with assistance', () => {
  const assistance = [
    month('h1', '2024-04', [ANNA]),
    month('h1', '2024-05', [ANNA, BO]), // Bo moves in: the household changes composition
    month('h2', '2024-05', [CARL], [], 0), // nothing paid: not a recipient
    month('h2', '2024-06', [CARL]),
  ];

  it('counts a household once however many months, and only months with something paid', () => {
    expect(value({ assistance }, 'households_with_assistance', '2024-05').value).toBe(1);
    expect(value({ assistance }, 'households_with_assistance', '2024-T2').value).toBe(2);
    expect(value({ assistance }, 'households_with_assistance', '2024-T1').value).toBe(1);
    expect(value({ assistance }, 'households_with_assistance', '2024-T3').value).toBe(0);
  });

  it('counts each adult of the month they were a member (composition changes)', () => {
    expect(value({ assistance }, 'adults_with_assistance', '2024-04').subjects?.ids).toEqual(['anna']);
    expect(value({ assistance }, 'adults_with_assistance', '2024-05').subjects?.ids).toEqual(['anna', 'bo']);
    expect(value({ assistance }, 'adults_with_assistance', '2024').value).toBe(3);
  });

  it('respects the boundary between two years', () => {
    const turn = [month('h1', '2023-12', [ANNA]), month('h1', '2024-01', [BO])];
    expect(value({ assistance: turn }, 'adults_with_assistance', '2023').subjects?.ids).toEqual(['anna']);
    expect(value({ assistance: turn }, 'adults_with_assistance', '2024').subjects?.ids).toEqual(['bo']);
  });
});

describe('long-term assistance', () => {
  it('counts adults with assistance in 10 of the 12 months of the year, not 9', () => {
    const assistance = [...months('h1', '2024-01', 10, [ANNA]), ...months('h2', '2024-03', 9, [BO])];
    const result = value({ assistance }, 'long_term_adults_share', '2024');
    expect(result.subjects?.ids).toEqual(['anna']);
    expect(result.value).toBe(50);
  });

  it('for a month looks at the 12 months ending with it, across the year boundary', () => {
    const assistance = months('h1', '2023-07', 10, [ANNA]); // July 2023 – April 2024
    expect(value({ assistance }, 'long_term_adults_share', '2024-04').value).toBe(100);
    expect(value({ assistance }, 'long_term_adults_share', '2023').value).toBe(0);
    expect(value({ assistance }, 'long_term_households', '2024-04').value).toBe(1);
  });

  it('very long-term needs 27 of the last 30 months', () => {
    const assistance = [
      ...months('h1', '2022-07', 30, [ANNA]),
      ...months('h2', '2022-10', 25, [BO]),
      ...months('h2', '2024-12', 1, [BO]),
    ];
    const result = value({ assistance }, 'very_long_term_adults_share', '2024');
    expect(result.subjects?.ids).toEqual(['anna']);
    expect(result.denominator).toBe(2);
  });
});

describe('re-actualisation one year after exit', () => {
  // Anna's last month of assistance is March 2023 (exit), counted for the year 2024.
  const exit = months('h1', '2023-01', 3, [ANNA]);

  it('counts an adult who did not come back within 12 months as not re-actualised', () => {
    const result = value({ assistance: exit }, 'not_reactualised_share', '2024');
    expect(result).toMatchObject({ value: 100, numerator: 1, denominator: 1 });
  });

  it('counts a return exactly 12 months after the last month as re-actualised', () => {
    const back = [...exit, month('h1', '2024-03', [ANNA])];
    expect(value({ assistance: back }, 'not_reactualised_share', '2024').value).toBe(0);
  });

  it('does not count a return 13 months after', () => {
    const back = [...exit, month('h1', '2024-04', [ANNA])];
    expect(value({ assistance: back }, 'not_reactualised_share', '2024').value).toBe(100);
  });

  it('has no value when nobody left in the year before', () => {
    expect(
      value({ assistance: months('h1', '2024-01', 3, [ANNA]) }, 'not_reactualised_share', '2024').value,
    ).toBeNull();
  });
});

describe('shares of the population', () => {
  const population = [{ year: 2024, total: 1000, children: 200, youngAdults: 100, source: 'test' }];
  const assistance = [month('h1', '2024-02', [ANNA, CARL], [KID])];

  it('counts inhabitants, children and young adults against the population of the year', () => {
    expect(value({ assistance, population }, 'inhabitants_with_assistance_share', '2024').value).toBe(0.3);
    expect(value({ assistance, population }, 'children_in_households_share', '2024').value).toBe(0.5);
    // Carl is 21 at the end of 2024
    expect(value({ assistance, population }, 'young_adults_share', '2024').subjects?.ids).toEqual(['carl']);
  });

  it('has no value without population figures for the year', () => {
    expect(value({ assistance }, 'inhabitants_with_assistance_share', '2024').value).toBeNull();
  });

  it('gives paid assistance per inhabitant and per household', () => {
    const paid = [month('h1', '2024-02', [ANNA], [], 600_000), month('h2', '2024-02', [BO], [], 400_000)];
    expect(value({ assistance: paid, population }, 'paid_per_inhabitant', '2024').value).toBe(10);
    expect(value({ assistance: paid, population }, 'paid_per_household', '2024').value).toBe(5000);
  });
});

describe('reason codes', () => {
  it('takes each adult’s reason of the last month in the period', () => {
    const changed = { ...ANNA, reasonGroup: 'ill_health' as const };
    const assistance = [
      month('h1', '2024-01', [ANNA]),
      month('h1', '2024-02', [changed]),
      month('h2', '2024-02', [BO]),
    ];
    expect(value({ assistance }, 'reason_ill_health_share', '2024').value).toBe(100);
    expect(value({ assistance }, 'reason_unemployment_share', '2024-01').value).toBe(100);
  });
});

describe('labour-market indicators', () => {
  it('shares referrals by initiator within the period', () => {
    const referrals = [
      { personId: 'a', referredOn: '2024-01-31', initiator: 'employment_service' },
      { personId: 'b', referredOn: '2024-02-01', initiator: 'social_services' },
      { personId: 'c', referredOn: '2024-02-15', initiator: 'social_services' },
      { personId: 'd', referredOn: '2024-03-01', initiator: 'individual' },
    ];
    expect(value({ referrals }, 'referrals_social_services_share', '2024-02').value).toBe(100);
    expect(value({ referrals }, 'referrals_social_services_share', '2024-T1').value).toBe(50);
    expect(value({ referrals }, 'referrals_employment_service_share', '2024-T1').value).toBe(25);
  });

  it('shares exits to work or studies and to another authority', () => {
    const labourExits = [
      { personId: 'a', exitOn: '2024-05-02', category: 'A' as const },
      { personId: 'b', exitOn: '2024-05-03', category: 'B' as const },
      { personId: 'c', exitOn: '2024-05-04', category: 'C' as const },
      { personId: 'd', exitOn: '2024-05-05', category: 'E' as const },
    ];
    expect(value({ labourExits }, 'exits_work_or_studies_share', '2024').value).toBe(50);
    expect(value({ labourExits }, 'exits_other_authority_share', '2024').value).toBe(25);
  });

  it('counts persons and full-time equivalents in subsidised employment by days in the period', () => {
    const employments = [
      {
        personId: 'a',
        startsOn: '2024-01-01',
        endsOn: '2024-12-31',
        hoursPerWeek: 40,
        monthlySalaryCostOre: 3_000_000,
        monthlySupportOre: 2_000_000,
      },
      {
        personId: 'b',
        startsOn: '2024-07-01',
        endsOn: '2025-06-30',
        hoursPerWeek: 20,
        monthlySalaryCostOre: 1_500_000,
        monthlySupportOre: 1_000_000,
      },
    ];
    expect(value({ employments }, 'subsidised_employment_persons', '2024-T1').value).toBe(1);
    expect(value({ employments }, 'subsidised_employment_persons', '2024').value).toBe(2);
    // b: 184 of 366 days at half time
    expect(value({ employments }, 'subsidised_employment_fte', '2024').value).toBe(1.25);
    // a: 12 × 10 000 kr; b: 6 × 5 000 kr
    expect(value({ employments }, 'exchange_benefit_for_wage_net_cost', '2024').value).toBe(150_000);
  });
});
