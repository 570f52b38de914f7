/** Reason codes per adult and month, and which adults of months with an application still lack one. */
import { sql } from 'kysely';
import type { Database } from '../../db/connection.ts';

export async function setReasonCode(
  db: Database,
  input: {
    municipalityId: string;
    caseId: string;
    personId: string;
    month: string; // YYYY-MM-01
    code: string;
    setBy: string;
    setAt: Date;
  },
): Promise<void> {
  await db
    .insertInto('reason_code')
    .values({
      municipality_id: input.municipalityId,
      person_id: input.personId,
      month: input.month,
      case_id: input.caseId,
      code: input.code,
      set_by: input.setBy,
      set_at: input.setAt,
    })
    .onConflict((oc) =>
      oc.columns(['municipality_id', 'person_id', 'month']).doUpdateSet({
        case_id: input.caseId,
        code: input.code,
        set_by: input.setBy,
        set_at: input.setAt,
      }),
    )
    .execute();
}

export async function listReasonCodes(
  db: Database,
  municipalityId: string,
  caseId: string,
  fromMonth: string,
) {
  return db
    .selectFrom('reason_code as r')
    .leftJoin('app_user as u', (j) =>
      j.onRef('u.municipality_id', '=', 'r.municipality_id').onRef('u.id', '=', 'r.set_by'),
    )
    .select(['r.month', 'r.person_id', 'r.code', 'u.display_name as set_by_name', 'r.set_at'])
    .where('r.municipality_id', '=', municipalityId)
    .where('r.case_id', '=', caseId)
    .where('r.month', '>=', fromMonth)
    .orderBy('r.month', 'desc')
    .orderBy('r.person_id')
    .execute();
}

/** Applicants and partners of the case's applications from a month on who have no reason code. */
export async function adultsWithoutReasonCode(
  db: Database,
  municipalityId: string,
  caseId: string,
  fromMonth: string,
): Promise<{ month: string; person_id: string }[]> {
  const rows = await sql<{ month: string; person_id: string }>`
    SELECT DISTINCT a.month, am.person_id
    FROM application a
    JOIN application_member am ON am.municipality_id = a.municipality_id AND am.application_id = a.id
    WHERE a.municipality_id = ${municipalityId} AND a.case_id = ${caseId} AND a.month >= ${fromMonth}::date
      AND a.status <> 'withdrawn' AND am.role IN ('applicant', 'partner')
      AND NOT EXISTS (SELECT 1 FROM reason_code r
                      WHERE r.municipality_id = am.municipality_id AND r.person_id = am.person_id
                        AND r.month = a.month)
    ORDER BY a.month DESC, am.person_id`.execute(db);
  return rows.rows;
}

/** The latest month the case has an application for (YYYY-MM-01), if any. */
export async function latestApplicationMonth(
  db: Database,
  municipalityId: string,
  caseId: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('application')
    .select((eb) => eb.fn.max('month').as('month'))
    .where('municipality_id', '=', municipalityId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return row?.month ?? null;
}
