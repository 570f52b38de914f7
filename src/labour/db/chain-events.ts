/**
 * The whole-chain timeline kept per person (migration 0013_chain_events.sql): every event of the
 * person's chain, in both parts and all the person's cases, found by the timeline's own statement
 * (chain-event-sources.ts). Triggers on the records mark a person stale when a change touches
 * their events; the timeline rebuilds a stale person before reading them. Who may see what is
 * decided when reading, never here.
 */
import { sql } from 'kysely';
import type { Database } from '../../db/connection.ts';
import { eventsSql } from './chain-event-sources.ts';

/**
 * The event as the API sends it (`ChainResponse`'s events, `eventFields` of the domain): the
 * fields its kind uses, nulls left out, without the words of its codes (added per request in the
 * user's language). Built in the statement that keeps the events, so a read only sends text.
 */
const bodySql = sql`json_strip_nulls(json_build_object(
  'part', e.part, 'kind', e.kind, 'date', e.on_date, 'id', e.id, 'caseId', e.case_id, 'referralId', e.referral_id,
  'month', to_char(e.month, 'YYYY-MM'), 'code', e.code, 'status', e.status, 'review', e.review, 'name', e.name,
  'amountOre', e.amount, 'hours', e.hours, 'version', e.version, 'attended', e.attended, 'from', e.from_date,
  'to', e.to_date))::text`;

/**
 * Rebuilds the person's kept events if they are marked stale: all of the person's assistance
 * cases (of households they were a member of while the case was open) and referrals, as seen by
 * someone allowed to see everything. One transaction; the person's stale mark is locked, so two
 * requests never rebuild the same person at once, and a change made meanwhile leaves the person
 * marked (its version moved on) for the next read.
 */
export async function rebuildChainEvents(
  db: Database,
  municipalityId: string,
  personId: string,
): Promise<void> {
  const rebuild = async (trx: Database) => {
    const stale = await sql<{ version: string }>`
      SELECT version::text AS version FROM chain_stale_person
      WHERE municipality_id = ${municipalityId} AND person_id = ${personId} FOR UPDATE`.execute(trx);
    const seen = stale.rows[0];
    if (!seen) return;
    await sql`DELETE FROM chain_event WHERE municipality_id = ${municipalityId} AND person_id = ${personId}`.execute(
      trx,
    );
    await sql`
      WITH cases AS MATERIALIZED (
        SELECT DISTINCT c.id, c.opened_on, c.closed_on, c.exit_reason
        FROM household_member hm
        JOIN client_case c ON c.municipality_id = hm.municipality_id AND c.household_id = hm.household_id
        WHERE hm.municipality_id = ${municipalityId} AND hm.person_id = ${personId} AND c.kind = 'assistance'
          AND hm.valid_from <= COALESCE(c.closed_on, 'infinity'::date)
          AND COALESCE(hm.valid_to, 'infinity'::date) > c.opened_on
      ),
      k AS MATERIALIZED (
        SELECT ${municipalityId}::text AS m, ${personId}::uuid AS person, 'infinity'::date AS before,
               '-infinity'::date AS from_date, COALESCE((SELECT array_agg(id) FROM cases), '{}')::uuid[] AS ids
      ),
      refs AS MATERIALIZED (
        SELECT r.municipality_id, r.id, r.case_id, r.initiator, r.referred_on, r.intro_day, r.intro_attended,
               r.exit_on, r.exit_result
        FROM referral r
        JOIN client_case c ON c.municipality_id = r.municipality_id AND c.id = r.case_id
        WHERE r.municipality_id = ${municipalityId} AND r.person_id = ${personId}
      ),
      plans AS MATERIALIZED (
        SELECT pl.municipality_id, pl.id, pl.referral_id, pl.version, pl.starts_on, pl.ends_on, pl.status
        FROM refs r JOIN personal_plan pl ON pl.municipality_id = r.municipality_id AND pl.referral_id = r.id
      )
      INSERT INTO chain_event (municipality_id, person_id, on_date, part, kind, id, scope_case_id, case_id,
                               month, code, body)
      SELECT ${municipalityId}, ${personId}, e.on_date, e.part, e.kind, e.id,
             CASE WHEN e.part = 'assistance' THEN e.case_id ELSE r.case_id END, e.case_id, e.month, e.code,
             ${bodySql}
      FROM (${eventsSql()}) e
      LEFT JOIN refs r ON e.part = 'labour' AND r.id = e.referral_id`.execute(trx);
    await sql`
      DELETE FROM chain_stale_person
      WHERE municipality_id = ${municipalityId} AND person_id = ${personId}
        AND version = ${seen.version}::bigint`.execute(trx);
  };
  if (db.isTransaction) await rebuild(db);
  else await db.transaction().execute(rebuild);
}
