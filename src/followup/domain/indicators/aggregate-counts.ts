/**
 * Indicators from counts instead of records: at the scale of a year's or a country's statistics
 * the assistance indicators are counted in the database (followup/db/indicator-aggregates.ts) and
 * only their counts come back. This turns those counts into the same values the engine computes
 * from records (compute.ts), and leaves the small labour-market records (referrals, exits,
 * employments) to the engine itself. No drill-down: the subjects are left out.
 */
import { computeIndicators, indicatorValue, ratio, type IndicatorValue, type Result } from './compute.ts';
import type { FormulaKey, IndicatorDefinition } from './definitions.ts';
import { periodLabel, type Period } from './periods.ts';
import type { IndicatorRecords } from './records.ts';

/** What the database counts for one period; persons and households are counted once each. */
export interface AssistanceCounts {
  /** Households paid for a month of the period. */
  households: number;
  /** Paid for the months of the period, öre. */
  paidOre: number;
  /** Households paid in at least 10 of the 12 months ending with the period's last month. */
  longTermHouseholds: number;
  /** Households paid for a month of the period and not for the month before. */
  inflow: number;
  /** Households paid for a month and not for the next, that next month in the period (and known). */
  outflow: number;
  /** Of those, the ones paid in at least 10 of the 12 months up to their last month. */
  longTermClosed: number;
  /** Adults and children in households paid for a month of the period. */
  persons: number;
  adults: number;
  /** Adults with assistance in the 12 months ending with the period's last month … */
  adultsLast12: number;
  /** … and of them those with 10 or more of those months, and with 27 or more of the last 30. */
  longTermAdults: number;
  veryLongTermAdults: number;
  /** Adults whose assistance ended in the 12 months ending a year before the period's end … */
  exitedAdults: number;
  /** … and of them those not back within 12 months of the end. */
  notReactualisedAdults: number;
  /** Children under 18 on the period's last day. */
  children: number;
  /** Members aged 18–24 on the period's last day. */
  youngAdults: number;
  /** Adults of the period by the reason group of their latest month in it. */
  reasonUnemployment: number;
  reasonIllHealth: number;
  reasonSocial: number;
}

type Counted = (
  counts: AssistanceCounts,
  population: IndicatorRecords['population'][number] | undefined,
) => Result;

const counted = (value: number): Result => ({ value, numerator: value, denominator: null, subjects: null });
const shareOf = (numerator: number, denominator: number | null): Result => ({
  value: ratio(numerator, denominator),
  numerator,
  denominator,
  subjects: null,
});
const amountOf = (value: number | null, numerator: number | null, denominator: number | null): Result => ({
  value,
  numerator,
  denominator,
  subjects: null,
});

/** The assistance formulas of compute.ts, from counts. The others are computed from records. */
export const COUNTED_FORMULAS: Partial<Record<FormulaKey, Counted>> = {
  inhabitants_share: (c, population) => shareOf(c.persons, population?.total ?? null),
  households: (c) => counted(c.households),
  adults: (c) => counted(c.adults),
  long_term_adults_share: (c) => shareOf(c.longTermAdults, c.adultsLast12),
  very_long_term_adults_share: (c) => shareOf(c.veryLongTermAdults, c.adultsLast12),
  long_term_households: (c) => counted(c.longTermHouseholds),
  not_reactualised_share: (c) => shareOf(c.notReactualisedAdults, c.exitedAdults),
  children_share: (c, population) => shareOf(c.children, population?.children ?? null),
  young_adults_share: (c, population) => shareOf(c.youngAdults, population?.youngAdults ?? null),
  reason_unemployment_share: (c) => shareOf(c.reasonUnemployment, c.adults),
  reason_ill_health_share: (c) => shareOf(c.reasonIllHealth, c.adults),
  reason_social_share: (c) => shareOf(c.reasonSocial, c.adults),
  paid_per_inhabitant: (c, population) => {
    const inhabitants = population?.total ?? null;
    return amountOf(ratio(c.paidOre / 100, inhabitants, 1), c.paidOre / 100, inhabitants);
  },
  paid_per_household: (c) => amountOf(ratio(c.paidOre / 100, c.households, 1), c.paidOre / 100, c.households),
  long_term_households_closed: (c) => counted(c.longTermClosed),
  households_inflow: (c) => counted(c.inflow),
  households_outflow: (c) => counted(c.outflow),
};

/**
 * Who a counted figure counts: its numerator is that many households or persons (for suppression
 * and the drill-down), as the engine's subjects would list them. Amounts count no one.
 */
export const COUNTED_SUBJECTS: Partial<Record<FormulaKey, 'household' | 'person'>> = {
  inhabitants_share: 'person',
  households: 'household',
  adults: 'person',
  long_term_adults_share: 'person',
  very_long_term_adults_share: 'person',
  long_term_households: 'household',
  not_reactualised_share: 'person',
  children_share: 'person',
  young_adults_share: 'person',
  reason_unemployment_share: 'person',
  reason_ill_health_share: 'person',
  reason_social_share: 'person',
  long_term_households_closed: 'household',
  households_inflow: 'household',
  households_outflow: 'household',
};

/** The kind and number of subjects behind a value, from its list or, when counted, its numerator. */
export function subjectsBehind(
  value: IndicatorValue,
  definition: IndicatorDefinition | undefined,
): { kind: 'household' | 'person'; count: number } | null {
  if (value.subjects) return { kind: value.subjects.kind, count: value.subjects.ids.length };
  const kind = definition ? COUNTED_SUBJECTS[definition.formula] : undefined;
  return kind && value.numerator !== null ? { kind, count: value.numerator } : null;
}

/** Which part of the counting a counted definition needs: households' months or persons'. */
export const countedPart = (definition: IndicatorDefinition): 'household' | 'person' =>
  COUNTED_SUBJECTS[definition.formula] ?? 'household';

export const isCounted = (definition: IndicatorDefinition): boolean =>
  COUNTED_FORMULAS[definition.formula] !== undefined;

/**
 * The values of the definitions for the periods, in the engine's order (period by period, the
 * definitions in order): counted formulas from `counts` (one per period, by its label), the rest
 * from `records`, whose assistance months are not needed.
 */
export function indicatorsFromCounts(
  definitions: readonly IndicatorDefinition[],
  periods: readonly Period[],
  counts: ReadonlyMap<string, AssistanceCounts>,
  records: IndicatorRecords,
): IndicatorValue[] {
  const others = computeIndicators(
    definitions.filter((d) => !isCounted(d)),
    records,
    periods,
  );
  const other = new Map(others.map((v) => [`${v.period}|${v.id}`, v]));
  return periods.flatMap((period) => {
    const label = periodLabel(period);
    const population = records.population.find((p) => p.year === period.year);
    return definitions.map((definition) => {
      const formula = COUNTED_FORMULAS[definition.formula];
      if (formula) {
        const periodCounts = counts.get(label);
        if (!periodCounts) throw new Error(`no counts for ${label}`);
        return indicatorValue(definition, period, formula(periodCounts, population));
      }
      return other.get(`${label}|${definition.id}`)!;
    });
  });
}
