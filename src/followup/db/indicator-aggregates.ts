/**
 * The assistance indicators counted in the database: one statement reads the indicator facts
 * (household months with assistance paid, their members with reason codes: indicator-facts.ts,
 * rebuilt first where stale) once, and returns per period only the counts of aggregate-counts.ts. This is how a year
 * or ten years of a large municipality are computed without bringing every household month into
 * memory; the values equal the engine's (indicator-aggregates.test.ts compares them), without the
 * drill-down lists.
 */
import { sql } from 'kysely';
import { REASON_CODES } from '../../assistance/domain/reason-codes/reason-code-list.ts';
import type { Database } from '../../db/connection.ts';
import {
  countedPart,
  indicatorsFromCounts,
  isCounted,
  type AssistanceCounts,
} from '../domain/indicators/aggregate-counts.ts';
import type { IndicatorValue } from '../domain/indicators/compute.ts';
import type { IndicatorDefinition } from '../domain/indicators/definitions.ts';
import { monthNumber, monthsOf, periodDays, periodLabel, type Period } from '../domain/indicators/periods.ts';
import { refreshIndicatorFacts } from './indicator-facts.ts';
import { loadOtherIndicatorRecords } from './indicator-records.ts';

const REASON_GROUP_NUMBER = { unemployment: 1, ill_health: 2, social_reasons: 3, other: 4 } as const;

/**
 * For the counting statement only: its hashes fit in memory; no JIT (compiling it took longer than
 * running it, 1.5 s on PostgreSQL 15); the facts hashed against the few periods, never sorted to
 * be merged with them.
 */
const COUNTING_SETTINGS = `SET LOCAL work_mem = '64MB'; SET LOCAL jit = off; SET LOCAL enable_mergejoin = off`;

type CountRow = { [K in keyof AssistanceCounts]: string | number | null } & { pid: number };

const monthStart = (n: number): string => `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}-01`;

/**
 * Counts for each period. `throughMonth` (YYYY-MM) is the last month the records are complete for:
 * no assistance is said to have ended in a later month.
 */
export async function countAssistance(
  db: Database,
  municipalityId: string,
  periods: readonly Period[],
  throughMonth?: string,
  parts: CountedParts = { households: true, persons: true },
): Promise<Map<string, AssistanceCounts>> {
  if (periods.length === 0) return new Map();
  const bounds = periods.map((period) => {
    const months = monthsOf(period).map(monthNumber);
    return { first: months[0]!, last: months[months.length - 1]!, end: periodDays(period).to };
  });
  const through = throughMonth ? monthNumber(throughMonth) : Math.max(...bounds.map((b) => b.last)) + 1;
  await refreshIndicatorFacts(db, municipalityId);
  const query = assistanceCountsQuery(municipalityId, bounds, through, parts);
  const result = await db.transaction().execute(async (trx) => {
    await sql.raw(COUNTING_SETTINGS).execute(trx);
    return query.execute(trx);
  });
  return toCounts(result.rows, periods);
}

/** The parts of the statement to run (a part not asked for is not computed: its counts are 0). */
export interface CountedParts {
  households: boolean;
  persons: boolean;
}

interface PeriodBounds {
  /** First and last month number, and last day. */
  first: number;
  last: number;
  end: string;
}

/** Bits a..b (month numbers) of a mask whose bit 0 is month `base`; 0 when b < a. */
const bits = (a: number, b: number, base: number): string =>
  b < a ? '0' : (((1n << BigInt(b - a + 1)) - 1n) << BigInt(a - base)).toString();

/** How many months before the first a household's mask starts (long-term cases closed). */
const HOUSEHOLD_LOOKBACK = 12;
/** A person's mask: the 30 months ending with the period's last (very long-term). */
const PERSON_MONTHS = 30;

/**
 * The one statement (exported to EXPLAIN it when tuning). Each household and person gets, per
 * period, a bit mask of its months (bit 0 = the mask's first month), so that "paid the month
 * before", "not back within 12 months" and "10 of 12 months" are bit operations on one row each
 * instead of window functions over sorted months. The masks are put together from the year facts
 * (migration 0014): a household's two years, a person's three.
 */
export function assistanceCountsQuery(
  municipalityId: string,
  bounds: readonly PeriodBounds[],
  through: number,
  parts: CountedParts,
) {
  const codes = REASON_CODES.map((c) => c.code);
  const column = <T>(pick: (b: PeriodBounds, i: number) => T) => bounds.map(pick);
  const householdBase = (b: PeriodBounds) => b.first - HOUSEHOLD_LOOKBACK;
  const personBase = (b: PeriodBounds) => b.last - PERSON_MONTHS + 1;
  const yearOf = (n: number) => Math.floor(n / 12);
  // Where a year row's masks start (0014_indicator_year_facts.sql): January, one or three years before.
  const householdFrom = (b: PeriodBounds) => (yearOf(b.last) - 1) * 12;
  const personFrom = (b: PeriodBounds) => (yearOf(b.last) - 3) * 12;
  // The small lists are not materialised: a materialised CTE keeps the big scans from running in
  // parallel.
  return sql<CountRow>`
    WITH
    periods AS NOT MATERIALIZED (
      SELECT * FROM unnest(
        ${column((_, i) => i)}::int[], ${column((b) => b.first)}::int[], ${column((b) => b.last)}::int[],
        ${column((b) => Number(b.end.replaceAll('-', '')))}::int[], ${column((b) => yearOf(b.last))}::int[],
        ${column((b) => monthStart(b.first))}::date[],
        ${column((b) => bits(b.first - yearOf(b.last) * 12, b.last - yearOf(b.last) * 12, 0))}::int[],
        ${column((b) => householdBase(b) - householdFrom(b))}::int[],
        ${column((b) => bits(b.first, b.last, householdBase(b)))}::bigint[],
        ${column((b) => bits(b.last - 11, b.last, householdBase(b)))}::bigint[],
        ${column((b) => bits(b.first - 1, Math.min(b.last, through) - 1, householdBase(b)))}::bigint[],
        ${column((b) => personBase(b) - personFrom(b))}::int[],
        ${column((b) => bits(b.first, b.last, personBase(b)))}::bigint[],
        ${column((b) => bits(b.last - 11, b.last, personBase(b)))}::bigint[],
        ${column((b) => bits(b.last - 23, b.last - 12, personBase(b)))}::bigint[])
      AS x(pid, f, l, end_day_number, y, first_month, y_period,
           h_shift, h_period, h_last12, h_end, p_shift, p_period, p_last12, p_exit)),
    reason_groups AS NOT MATERIALIZED (
      SELECT * FROM unnest(${codes}::text[], ${REASON_CODES.map((c) => c.validFrom)}::date[],
                           ${REASON_CODES.map((c) => c.validTo ?? '9999-12-31')}::date[],
                           ${REASON_CODES.map((c) => REASON_GROUP_NUMBER[c.group])}::int[])
        AS x(code, valid_from, valid_to, grp)),
    household_periods AS (
      SELECT pr.pid, hy.paid_months >> pr.h_shift AS mask, hy.long_term_ends >> pr.h_shift AS long_term_ends
      FROM periods pr
      JOIN indicator_household_year hy ON hy.municipality_id = ${municipalityId} AND hy.year = pr.y),
    household_flags AS (
      SELECT hp.pid,
             hp.mask & pr.h_period <> 0 AS paid_in,
             hp.long_term_ends & pr.h_end <> 0 AS long_term_closed,
             bit_count((hp.mask & pr.h_last12)::bit(64)) AS months12,
             hp.mask & ~(hp.mask << 1) & pr.h_period <> 0 AS started,
             hp.mask & ~(hp.mask >> 1) & pr.h_end <> 0 AS ended
      FROM household_periods hp JOIN periods pr USING (pid)),
    -- summed per month first, so that the periods are joined to a few rows by equality
    household_paid AS (
      SELECT pr.pid, sum(pm.paid_ore) AS "paidOre"
      FROM periods pr
      JOIN (SELECT month, sum(paid_ore) AS paid_ore FROM indicator_household_month
            WHERE municipality_id = ${municipalityId}
              AND month BETWEEN ${monthStart(Math.min(...bounds.map((b) => b.first)))}::date
                            AND ${monthStart(Math.max(...bounds.map((b) => b.last)))}::date
            GROUP BY month) pm
        ON pm.month >= pr.first_month AND pm.month < pr.first_month + make_interval(months => pr.l - pr.f + 1)
      GROUP BY pr.pid),
    household_counts AS (
      SELECT pid,
             count(*) FILTER (WHERE paid_in) AS households,
             count(*) FILTER (WHERE months12 >= 10) AS "longTermHouseholds",
             count(*) FILTER (WHERE started) AS inflow,
             count(*) FILTER (WHERE ended) AS outflow,
             count(*) FILTER (WHERE long_term_closed) AS "longTermClosed"
      FROM household_flags GROUP BY pid),
    person_periods AS (
      SELECT pr.pid, py.birth_day,
             (py.adult_months >> pr.p_shift) & ${(1n << BigInt(PERSON_MONTHS)) - 1n}::bigint AS adult_mask,
             py.member_months & pr.y_period <> 0 AS member_in,
             py.child_months & pr.y_period <> 0 AS child_in,
             -- the period's last adult month (0 = January) and its reason code
             la.month AS last_adult, py.reason_codes[la.month + 1] AS code
      FROM periods pr
      JOIN indicator_person_year py ON py.municipality_id = ${municipalityId} AND py.year = pr.y
      CROSS JOIN LATERAL (
        SELECT CASE WHEN (py.adult_months >> 36) & pr.y_period <> 0
                    THEN 32 - position('1' IN ((py.adult_months >> 36)::int & pr.y_period)::bit(32)::text)
               END AS month) la),
    person_flags AS (
      SELECT pp.pid, pp.member_in, pp.child_in,
             CASE WHEN pp.code IS NULL THEN 0 ELSE coalesce(rg.grp, 4) END AS reason,
             pr.end_day_number / 10000 - pp.birth_day / 10000
               - CASE WHEN pr.end_day_number % 10000 < pp.birth_day % 10000 THEN 1 ELSE 0 END AS age,
             pp.adult_mask & pr.p_period <> 0 AS adult_in,
             pp.adult_mask & pr.p_last12 <> 0 AS adult12,
             bit_count((pp.adult_mask & pr.p_last12)::bit(64)) AS months12,
             bit_count(pp.adult_mask::bit(64)) AS months30,
             pp.adult_mask & ~(pp.adult_mask >> 1) & pr.p_exit AS exits, pp.adult_mask
      FROM person_periods pp JOIN periods pr USING (pid)
      LEFT JOIN reason_groups rg
        ON rg.code = pp.code AND make_date(pr.y, pp.last_adult + 1, 1) BETWEEN rg.valid_from AND rg.valid_to),
    person_counts AS (
      SELECT pid,
             count(*) FILTER (WHERE member_in) AS persons,
             count(*) FILTER (WHERE adult_in) AS adults,
             count(*) FILTER (WHERE adult12) AS "adultsLast12",
             count(*) FILTER (WHERE adult12 AND months12 >= 10) AS "longTermAdults",
             count(*) FILTER (WHERE adult12 AND months30 >= 27) AS "veryLongTermAdults",
             count(*) FILTER (WHERE exits <> 0) AS "exitedAdults",
             -- not back within 12 months of the last end in the window (an earlier end was followed
             -- by a return within 12 months: that later month)
             count(*) FILTER (WHERE exits <> 0 AND (adult_mask >> (${PERSON_MONTHS + 1} - strpos(exits::bit(${sql.raw(String(PERSON_MONTHS))})::text, '1'))) & 4095 = 0)
               AS "notReactualisedAdults",
             count(*) FILTER (WHERE child_in AND age < 18) AS children,
             count(*) FILTER (WHERE member_in AND age BETWEEN 18 AND 24) AS "youngAdults",
             count(*) FILTER (WHERE adult_in AND reason = 1) AS "reasonUnemployment",
             count(*) FILTER (WHERE adult_in AND reason = 2) AS "reasonIllHealth",
             count(*) FILTER (WHERE adult_in AND reason = 3) AS "reasonSocial"
      FROM person_flags GROUP BY pid)
    SELECT * FROM periods
    ${parts.households ? sql`LEFT JOIN household_counts USING (pid) LEFT JOIN household_paid USING (pid)` : sql``}
    ${parts.persons ? sql`LEFT JOIN person_counts USING (pid)` : sql``}`;
}

function toCounts(rows: readonly CountRow[], periods: readonly Period[]): Map<string, AssistanceCounts> {
  const counts = new Map<string, AssistanceCounts>();
  for (const row of rows) {
    const value = (key: keyof AssistanceCounts) => Number(row[key] ?? 0);
    counts.set(periodLabel(periods[row.pid]!), {
      households: value('households'),
      paidOre: value('paidOre'),
      longTermHouseholds: value('longTermHouseholds'),
      inflow: value('inflow'),
      outflow: value('outflow'),
      longTermClosed: value('longTermClosed'),
      persons: value('persons'),
      adults: value('adults'),
      adultsLast12: value('adultsLast12'),
      longTermAdults: value('longTermAdults'),
      veryLongTermAdults: value('veryLongTermAdults'),
      exitedAdults: value('exitedAdults'),
      notReactualisedAdults: value('notReactualisedAdults'),
      children: value('children'),
      youngAdults: value('youngAdults'),
      reasonUnemployment: value('reasonUnemployment'),
      reasonIllHealth: value('reasonIllHealth'),
      reasonSocial: value('reasonSocial'),
    });
  }
  return counts;
}

/** The definitions' values for the periods, counted in the database (no drill-down lists). */
export async function computeIndicatorsInDatabase(
  db: Database,
  municipalityId: string,
  definitions: readonly IndicatorDefinition[],
  periods: readonly Period[],
  throughMonth?: string,
): Promise<IndicatorValue[]> {
  if (periods.length === 0) return [];
  const months = periods.flatMap(monthsOf).sort();
  const counted = definitions.filter(isCounted);
  const parts = {
    households: counted.some((d) => countedPart(d) === 'household'),
    persons: counted.some((d) => countedPart(d) === 'person'),
  };
  const [counts, records] = await Promise.all([
    counted.length > 0
      ? countAssistance(db, municipalityId, periods, throughMonth, parts)
      : Promise.resolve(new Map<string, AssistanceCounts>()),
    loadOtherIndicatorRecords(db, municipalityId, months[0]!, months[months.length - 1]!),
  ]);
  return indicatorsFromCounts(definitions, periods, counts, { ...records, throughMonth });
}
