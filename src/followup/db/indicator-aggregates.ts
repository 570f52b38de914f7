/**
 * The assistance indicators counted in the database: one statement reads the household months
 * (sent payments by the month decided, as indicator-records.ts does), their members and reason
 * codes once, and returns per period only the counts of aggregate-counts.ts. This is how a year
 * or ten years of a large municipality are computed without bringing every household month into
 * memory; the values equal the engine's (indicator-aggregates.test.ts compares them), without the
 * drill-down lists.
 */
import { sql } from 'kysely';
import { REASON_CODES } from '../../assistance/domain/reason-codes/reason-code-list.ts';
import type { Database } from '../../db/connection.ts';
import {
  indicatorsFromCounts,
  isCounted,
  type AssistanceCounts,
} from '../domain/indicators/aggregate-counts.ts';
import type { IndicatorValue } from '../domain/indicators/compute.ts';
import type { IndicatorDefinition } from '../domain/indicators/definitions.ts';
import { monthNumber, monthsOf, periodDays, periodLabel, type Period } from '../domain/indicators/periods.ts';
import { loadOtherIndicatorRecords } from './indicator-records.ts';

/** The months before the first period the formulas look back (very long-term: 30 months). */
const HISTORY_MONTHS = 30;
const REASON_GROUP_NUMBER = { unemployment: 1, ill_health: 2, social_reasons: 3, other: 4 } as const;

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
): Promise<Map<string, AssistanceCounts>> {
  if (periods.length === 0) return new Map();
  const bounds = periods.map((period) => {
    const months = monthsOf(period).map(monthNumber);
    return { first: months[0]!, last: months[months.length - 1]!, end: periodDays(period).to };
  });
  const windowFirst = Math.min(...bounds.map((b) => b.first)) - HISTORY_MONTHS;
  const windowLast = Math.max(...bounds.map((b) => b.last));
  const through = throughMonth ? monthNumber(throughMonth) : windowLast + 1;
  const codes = REASON_CODES.map((c) => c.code);
  const result = await sql<CountRow>`
    WITH
    periods AS (
      SELECT * FROM unnest(${bounds.map((_, i) => i)}::int[], ${bounds.map((b) => b.first)}::int[],
                           ${bounds.map((b) => b.last)}::int[], ${bounds.map((b) => b.end)}::date[])
        AS x(pid, f, l, end_day)),
    reason_groups AS (
      SELECT * FROM unnest(${codes}::text[], ${REASON_CODES.map((c) => c.validFrom)}::date[],
                           ${REASON_CODES.map((c) => c.validTo ?? '9999-12-31')}::date[],
                           ${REASON_CODES.map((c) => REASON_GROUP_NUMBER[c.group])}::int[])
        AS x(code, valid_from, valid_to, grp)),
    paid AS MATERIALIZED (
      SELECT c.household_id AS h, d.month,
             (extract(year FROM d.month)::int * 12 + extract(month FROM d.month)::int - 1) AS n,
             sum(p.amount_ore)::bigint AS paid_ore,
             (array_agg(d.application_id ORDER BY d.created_at DESC))[1] AS app
      FROM payment p
      JOIN decision d ON d.municipality_id = p.municipality_id AND d.id = p.decision_id
      JOIN client_case c ON c.municipality_id = p.municipality_id AND c.id = p.case_id
      WHERE p.municipality_id = ${municipalityId} AND p.status = 'sent'
        AND d.month BETWEEN ${monthStart(windowFirst)}::date AND ${monthStart(windowLast)}::date
      GROUP BY c.household_id, d.month
      HAVING sum(p.amount_ore) > 0),
    household_months AS (
      SELECT h, n, paid_ore, lag(n) OVER w AS prev_n, lead(n) OVER w AS next_n,
             count(*) OVER (w RANGE BETWEEN 11 PRECEDING AND CURRENT ROW) AS paid_last12
      FROM paid WINDOW w AS (PARTITION BY h ORDER BY n)),
    household_periods AS (
      SELECT pr.pid, hm.h,
             bool_or(hm.n >= pr.f) AS paid_in,
             coalesce(sum(hm.paid_ore) FILTER (WHERE hm.n >= pr.f), 0) AS paid_ore,
             count(*) FILTER (WHERE hm.n >= pr.l - 11) AS months12,
             bool_or(hm.n >= pr.f AND (hm.prev_n IS NULL OR hm.prev_n < hm.n - 1)) AS started,
             bool_or(hm.n + 1 BETWEEN pr.f AND least(pr.l, ${through}::int)
                     AND (hm.next_n IS NULL OR hm.next_n > hm.n + 1)) AS ended,
             bool_or(hm.n + 1 BETWEEN pr.f AND least(pr.l, ${through}::int)
                     AND (hm.next_n IS NULL OR hm.next_n > hm.n + 1) AND hm.paid_last12 >= 10) AS ended_long
      FROM periods pr
      CROSS JOIN LATERAL generate_series(least(pr.f - 1, pr.l - 11), pr.l) AS pm(n)
      JOIN household_months hm ON hm.n = pm.n
      GROUP BY pr.pid, hm.h),
    household_counts AS (
      SELECT pid,
             count(*) FILTER (WHERE paid_in) AS households,
             sum(paid_ore) AS "paidOre",
             count(*) FILTER (WHERE months12 >= 10) AS "longTermHouseholds",
             count(*) FILTER (WHERE started) AS inflow,
             count(*) FILTER (WHERE ended) AS outflow,
             count(*) FILTER (WHERE ended_long) AS "longTermClosed"
      FROM household_periods GROUP BY pid),
    -- The members of the month's application; where it has none recorded (an older record), the
    -- household's members on the first of the month.
    members AS (
      SELECT paid.n, paid.month, am.person_id AS person, am.role = 'child' AS is_child
      FROM paid
      JOIN application_member am
        ON am.municipality_id = ${municipalityId} AND am.application_id = paid.app AND am.included
      UNION ALL
      SELECT paid.n, paid.month, hm.person_id, hm.role = 'child'
      FROM paid
      JOIN household_member hm
        ON hm.municipality_id = ${municipalityId} AND hm.household_id = paid.h
       AND hm.valid_from <= paid.month AND (hm.valid_to IS NULL OR hm.valid_to > paid.month)
      WHERE NOT EXISTS (SELECT 1 FROM application_member x
                        WHERE x.municipality_id = ${municipalityId} AND x.application_id = paid.app)),
    person_months AS (
      SELECT person, n, min(month) AS month, bool_or(NOT is_child) AS adult, bool_or(is_child) AS child
      FROM members GROUP BY person, n),
    person_sequences AS (
      SELECT pm.person, pm.n, pm.adult, pm.child, pe.birth_date,
             CASE WHEN rc.code IS NULL THEN 0 ELSE coalesce(rg.grp, 4) END AS reason,
             lead(pm.n) OVER (PARTITION BY pm.person, pm.adult ORDER BY pm.n) AS next_n
      FROM person_months pm
      JOIN person pe ON pe.municipality_id = ${municipalityId} AND pe.id = pm.person
      LEFT JOIN reason_code rc
        ON rc.municipality_id = ${municipalityId} AND rc.person_id = pm.person AND rc.month = pm.month
      LEFT JOIN reason_groups rg ON rg.code = rc.code AND pm.month BETWEEN rg.valid_from AND rg.valid_to),
    person_periods AS (
      SELECT pr.pid, ps.person,
             extract(year FROM age(min(pr.end_day), min(ps.birth_date)))::int AS age,
             bool_or(ps.n >= pr.f) AS member_in,
             bool_or(ps.child AND ps.n >= pr.f) AS child_in,
             bool_or(ps.adult AND ps.n >= pr.f) AS adult_in,
             bool_or(ps.adult AND ps.n >= pr.l - 11) AS adult12,
             count(*) FILTER (WHERE ps.adult AND ps.n >= pr.l - 11) AS adult_months12,
             count(*) FILTER (WHERE ps.adult) AS adult_months30,
             bool_or(ps.adult AND ps.n BETWEEN pr.l - 23 AND pr.l - 12
                     AND (ps.next_n IS NULL OR ps.next_n > ps.n + 1)) AS exited,
             bool_or(ps.adult AND ps.n BETWEEN pr.l - 23 AND pr.l - 12
                     AND (ps.next_n IS NULL OR ps.next_n > ps.n + 12)) AS not_back,
             max(ps.n * 8 + ps.reason) FILTER (WHERE ps.adult AND ps.n >= pr.f) % 8 AS reason
      FROM periods pr
      CROSS JOIN LATERAL generate_series(pr.l - 29, pr.l) AS pm(n)
      JOIN person_sequences ps ON ps.n = pm.n
      GROUP BY pr.pid, ps.person),
    person_counts AS (
      SELECT pid,
             count(*) FILTER (WHERE member_in) AS persons,
             count(*) FILTER (WHERE adult_in) AS adults,
             count(*) FILTER (WHERE adult12) AS "adultsLast12",
             count(*) FILTER (WHERE adult12 AND adult_months12 >= 10) AS "longTermAdults",
             count(*) FILTER (WHERE adult12 AND adult_months30 >= 27) AS "veryLongTermAdults",
             count(*) FILTER (WHERE exited) AS "exitedAdults",
             count(*) FILTER (WHERE not_back) AS "notReactualisedAdults",
             count(*) FILTER (WHERE child_in AND age < 18) AS children,
             count(*) FILTER (WHERE member_in AND age BETWEEN 18 AND 24) AS "youngAdults",
             count(*) FILTER (WHERE reason = 1) AS "reasonUnemployment",
             count(*) FILTER (WHERE reason = 2) AS "reasonIllHealth",
             count(*) FILTER (WHERE reason = 3) AS "reasonSocial"
      FROM person_periods GROUP BY pid)
    SELECT * FROM periods
    LEFT JOIN household_counts USING (pid)
    LEFT JOIN person_counts USING (pid)`.execute(db);

  const counts = new Map<string, AssistanceCounts>();
  for (const row of result.rows) {
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
  const [counts, records] = await Promise.all([
    definitions.some(isCounted)
      ? countAssistance(db, municipalityId, periods, throughMonth)
      : Promise.resolve(new Map<string, AssistanceCounts>()),
    loadOtherIndicatorRecords(db, municipalityId, months[0]!, months[months.length - 1]!),
  ]);
  return indicatorsFromCounts(definitions, periods, counts, { ...records, throughMonth });
}
