/**
 * Rebuilds the indicator facts (migrations 0012 and 0014) of the months marked stale: the household
 * months with assistance paid and their members with reason codes, read from the records exactly as
 * indicator-records.ts reads them for the engine, and then the year rows of those months' years.
 * One transaction; a month changed while it is rebuilt stays marked (its version moved on) and is
 * rebuilt the next time.
 */
import { sql } from 'kysely';
import type { Database } from '../../db/connection.ts';

/**
 * As for counting (indicator-aggregates.ts): a rebuild of years joins millions of rows. The rows
 * are inserted in the order of their primary key, so that its index grows at one end instead of
 * at random pages.
 */
const REBUILD_SETTINGS = `SET LOCAL work_mem = '64MB'; SET LOCAL jit = off`;

/** Rebuilds the stale months of the municipality; returns how many months were rebuilt. */
export async function refreshIndicatorFacts(db: Database, municipalityId: string): Promise<number> {
  const pending = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM indicator_stale_month WHERE municipality_id = ${municipalityId}`.execute(
    db,
  );
  if ((pending.rows[0]?.n ?? 0) === 0) return 0;
  return db.transaction().execute(async (trx) => {
    await sql.raw(REBUILD_SETTINGS).execute(trx);
    const stale = await sql<{ month: string; version: string }>`
      SELECT to_char(month, 'YYYY-MM-DD') AS month, version::text AS version
      FROM indicator_stale_month WHERE municipality_id = ${municipalityId}
      ORDER BY month FOR UPDATE`.execute(trx);
    if (stale.rows.length === 0) return 0;
    const months = stale.rows.map((r) => r.month);
    await sql`
      DELETE FROM indicator_member_month
      WHERE municipality_id = ${municipalityId} AND month = ANY(${months}::date[])`.execute(trx);
    await sql`
      DELETE FROM indicator_household_month
      WHERE municipality_id = ${municipalityId} AND month = ANY(${months}::date[])`.execute(trx);
    await sql`
      INSERT INTO indicator_household_month (municipality_id, month, household_id, paid_ore, application_id)
      SELECT p.municipality_id, d.month, c.household_id, sum(p.amount_ore),
             (array_agg(d.application_id ORDER BY d.created_at DESC))[1]
      FROM payment p
      JOIN decision d ON d.municipality_id = p.municipality_id AND d.id = p.decision_id
      JOIN client_case c ON c.municipality_id = p.municipality_id AND c.id = p.case_id
      JOIN unnest(${months}::date[]) AS stale(month) ON stale.month = d.month
      WHERE p.municipality_id = ${municipalityId} AND p.status = 'sent'
      GROUP BY p.municipality_id, d.month, c.household_id
      HAVING sum(p.amount_ore) > 0
      ORDER BY d.month, c.household_id`.execute(trx);
    // The members of the month's application; where it has none recorded (an older record), the
    // household's members on the first of the month.
    await sql`
      INSERT INTO indicator_member_month (municipality_id, month, person_id, adult, child, reason_code, birth_date)
      WITH facts AS (
        SELECT f.month, f.household_id, f.application_id FROM indicator_household_month f
        JOIN unnest(${months}::date[]) AS stale(month) ON stale.month = f.month
        WHERE f.municipality_id = ${municipalityId}),
      bare AS MATERIALIZED (
        SELECT f.month, f.household_id FROM facts f
        WHERE NOT EXISTS (SELECT 1 FROM application_member x
                          WHERE x.municipality_id = ${municipalityId} AND x.application_id = f.application_id)),
      members AS (
        SELECT f.month, am.person_id, am.role = 'child' AS is_child
        FROM facts f
        JOIN application_member am
          ON am.municipality_id = ${municipalityId} AND am.application_id = f.application_id AND am.included
        UNION ALL
        SELECT b.month, hm.person_id, hm.role = 'child'
        FROM bare b
        JOIN household_member hm
          ON hm.municipality_id = ${municipalityId} AND hm.household_id = b.household_id
         AND hm.valid_from <= b.month AND (hm.valid_to IS NULL OR hm.valid_to > b.month))
      SELECT ${municipalityId}, m.month, m.person_id, bool_or(NOT m.is_child), bool_or(m.is_child), min(rc.code),
             min(pe.birth_date)
      FROM members m
      JOIN person pe ON pe.municipality_id = ${municipalityId} AND pe.id = m.person_id
      LEFT JOIN reason_code rc
        ON rc.municipality_id = ${municipalityId} AND rc.person_id = m.person_id AND rc.month = m.month
      GROUP BY m.month, m.person_id
      ORDER BY m.month, m.person_id`.execute(trx);
    await rebuildYears(trx, municipalityId, [...new Set(months.map((m) => Number(m.slice(0, 4))))]);
    await sql`
      DELETE FROM indicator_stale_month s
      USING unnest(${months}::date[], ${stale.rows.map((r) => r.version)}::bigint[]) AS seen(month, version)
      WHERE s.municipality_id = ${municipalityId} AND s.month = seen.month AND s.version = seen.version`.execute(
      trx,
    );
    return months.length;
  });
}

/** How many years before its own a year row looks back on (0014_indicator_year_facts.sql). */
const HOUSEHOLD_YEARS_BACK = 1;
const PERSON_YEARS_BACK = 3;

/**
 * The long-term ends of a 24-month mask (0014_indicator_year_facts.sql): bit b (December of the
 * year before to November) when paid in b, not in b + 1, and in at least 10 of the 12 months to b.
 */
const longTermEnds = (paid: string) =>
  sql.raw(
    Array.from(
      { length: 12 },
      (_, i) =>
        `CASE WHEN (${paid} >> ${i + 11}) & 3 = 1 AND bit_count(((${paid} >> ${i}) & 4095)::bit(64)) >= 10
              THEN ${1 << (i + 11)} ELSE 0 END`,
    ).join(' + '),
  );

/**
 * The year rows (migration 0014) of the years whose months changed and of the years after them
 * that look back on those months, from the month facts: first each household's and person's
 * months per calendar year, then for each row's year those of the years it looks back on.
 */
async function rebuildYears(
  trx: Database,
  municipalityId: string,
  changed: readonly number[],
): Promise<void> {
  const touched = (back: number) => [
    ...new Set(changed.flatMap((y) => Array.from({ length: back + 1 }, (_, i) => y + i))),
  ];
  const households = touched(HOUSEHOLD_YEARS_BACK);
  const persons = touched(PERSON_YEARS_BACK);
  const firstMonth = (years: number[], back: number) => `${Math.min(...years) - back}-01-01`;
  const lastMonth = (years: number[]) => `${Math.max(...years)}-12-01`;
  await sql`DELETE FROM indicator_household_year
            WHERE municipality_id = ${municipalityId} AND year = ANY(${households}::int[])`.execute(trx);
  await sql`DELETE FROM indicator_person_year
            WHERE municipality_id = ${municipalityId} AND year = ANY(${persons}::int[])`.execute(trx);
  await sql`
    INSERT INTO indicator_household_year (municipality_id, year, household_id, paid_months, long_term_ends)
    WITH yearly AS (
      SELECT household_id, extract(year FROM month)::int AS year,
             bit_or(1::bigint << (extract(month FROM month)::int - 1)) AS paid
      FROM indicator_household_month
      WHERE municipality_id = ${municipalityId}
        AND month BETWEEN ${firstMonth(households, HOUSEHOLD_YEARS_BACK)}::date AND ${lastMonth(households)}::date
      GROUP BY household_id, year)
    SELECT ${municipalityId}, year, household_id, paid, ${longTermEnds('paid')}
    FROM (SELECT t.year, y.household_id,
                 bit_or(y.paid << (12 * (${HOUSEHOLD_YEARS_BACK} - t.year + y.year))) AS paid
          FROM unnest(${households}::int[]) AS t(year)
          JOIN yearly y ON y.year BETWEEN t.year - ${HOUSEHOLD_YEARS_BACK} AND t.year
          GROUP BY t.year, y.household_id) h
    ORDER BY year, household_id`.execute(trx);
  const codes = Array.from(
    { length: 12 },
    (_, i) => `min(reason_code) FILTER (WHERE adult AND mo = ${i + 1})`,
  ).join(', ');
  await sql`
    INSERT INTO indicator_person_year
      (municipality_id, year, person_id, adult_months, member_months, child_months, reason_codes, birth_day)
    WITH monthly AS (
      SELECT person_id, extract(year FROM month)::int AS year, extract(month FROM month)::int AS mo,
             adult, child, reason_code, birth_date
      FROM indicator_member_month
      WHERE municipality_id = ${municipalityId}
        AND month BETWEEN ${firstMonth(persons, PERSON_YEARS_BACK)}::date AND ${lastMonth(persons)}::date),
    yearly AS (
      SELECT person_id, year, bit_or(1 << (mo - 1)) AS member,
             coalesce(bit_or(1 << (mo - 1)) FILTER (WHERE adult), 0) AS adult,
             coalesce(bit_or(1 << (mo - 1)) FILTER (WHERE child), 0) AS child,
             CASE WHEN bool_or(adult AND reason_code IS NOT NULL) THEN ARRAY[${sql.raw(codes)}] END AS codes,
             min(birth_date) AS birth_date
      FROM monthly GROUP BY person_id, year)
    SELECT ${municipalityId}, t.year, y.person_id,
           bit_or(y.adult::bigint << (12 * (${PERSON_YEARS_BACK} - t.year + y.year))),
           coalesce(max(y.member) FILTER (WHERE y.year = t.year), 0),
           coalesce(max(y.child) FILTER (WHERE y.year = t.year), 0),
           max(y.codes) FILTER (WHERE y.year = t.year), to_char(min(y.birth_date), 'YYYYMMDD')::int
    FROM unnest(${persons}::int[]) AS t(year)
    JOIN yearly y ON y.year BETWEEN t.year - ${PERSON_YEARS_BACK} AND t.year
    GROUP BY t.year, y.person_id
    HAVING max(y.member) FILTER (WHERE y.year = t.year) IS NOT NULL OR bit_or(y.adult) <> 0
    ORDER BY t.year, y.person_id`.execute(trx);
}
