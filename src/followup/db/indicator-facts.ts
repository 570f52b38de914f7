/**
 * Rebuilds the indicator facts (migration 0012) of the months marked stale: the household months
 * with assistance paid and their members with reason codes, read from the records exactly as
 * indicator-records.ts reads them for the engine. One transaction; a month changed while it is
 * rebuilt stays marked (its version moved on) and is rebuilt the next time.
 */
import { sql } from 'kysely';
import type { Database } from '../../db/connection.ts';

/** As for counting (indicator-aggregates.ts): a rebuild of years joins millions of rows. */
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
      HAVING sum(p.amount_ore) > 0`.execute(trx);
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
      GROUP BY m.month, m.person_id`.execute(trx);
    await sql`
      DELETE FROM indicator_stale_month s
      USING unnest(${months}::date[], ${stale.rows.map((r) => r.version)}::bigint[]) AS seen(month, version)
      WHERE s.municipality_id = ${municipalityId} AND s.month = seen.month AND s.version = seen.version`.execute(
      trx,
    );
    return months.length;
  });
}
