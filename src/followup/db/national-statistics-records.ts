/**
 * Reads the plain records of one month for the delivery to Socialstyrelsen (HSLF-FS 2015:30):
 * the households with sent payments for the month (by the month the decision was for) with the
 * members of the month's application, their reason codes and whether they took part in a
 * municipal labour-market measure (a placement or a subsidised employment of the labour-market
 * unit that ran some day of the month), and the assistance cases closed in the month. The rules
 * stay in followup/domain/national-statistics.
 */
import { sql } from 'kysely';
import type { Database } from '../../db/connection.ts';
import type {
  MemberRole,
  StatisticsClosedCase,
  StatisticsHouseholdMonth,
  StatisticsMember,
  StatisticsMonthRecords,
} from '../domain/national-statistics/records.ts';

interface PaymentRow {
  case_id: string;
  household_id: string;
  payment_id: string;
  amount_ore: number;
  signed: boolean;
  application_id: string;
  decided_at: string;
}

interface MemberRow {
  key: string;
  person_id: string;
  role: string;
  personal_number: string;
  sex: 'female' | 'male';
  birth_date: string;
  protected_identity: boolean;
}

interface ClosedRow {
  case_id: string;
  household_id: string;
  closed_on: string;
  exit_reason: string | null;
}

const ROLE: Record<string, MemberRole> = {
  applicant: 'applicant',
  partner: 'co_applicant',
  co_applicant: 'co_applicant',
  child: 'child',
  other_adult: 'other_adult',
};

/** The last day of a month YYYY-MM. */
function lastDayOf(month: string): string {
  const d = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0));
  return d.toISOString().slice(0, 10);
}

export async function loadNationalStatisticsRecords(
  db: Database,
  municipalityId: string,
  month: string,
): Promise<StatisticsMonthRecords> {
  const m = municipalityId;
  const first = `${month}-01`;
  const last = lastDayOf(month);

  const payments = await sql<PaymentRow>`
    SELECT p.case_id, c.household_id, p.id AS payment_id, p.amount_ore,
           (d.status = 'signed') AS signed, d.application_id, d.created_at::text AS decided_at
    FROM payment p
    JOIN decision d ON d.municipality_id = p.municipality_id AND d.id = p.decision_id
    JOIN client_case c ON c.municipality_id = p.municipality_id AND c.id = p.case_id
    WHERE p.municipality_id = ${m} AND p.status = 'sent' AND d.month = ${first}::date
    ORDER BY p.case_id, d.created_at`.execute(db);

  // The application of the month's latest decision per case gives the members.
  const applicationOf = new Map<string, string>();
  const households = new Map<
    string,
    StatisticsHouseholdMonth & { payments: StatisticsHouseholdMonth['payments'][number][] }
  >();
  for (const row of payments.rows) {
    applicationOf.set(row.case_id, row.application_id);
    let h = households.get(row.case_id);
    if (!h) {
      h = { householdId: row.household_id, caseId: row.case_id, payments: [], members: [] };
      households.set(row.case_id, h);
    }
    h.payments.push({
      paymentId: row.payment_id,
      amountOre: Number(row.amount_ore),
      decisionSigned: row.signed,
    });
  }

  const closed = await sql<ClosedRow>`
    SELECT id AS case_id, household_id, to_char(closed_on, 'YYYY-MM-DD') AS closed_on, exit_reason
    FROM client_case
    WHERE municipality_id = ${m} AND kind = 'assistance' AND closed_on BETWEEN ${first}::date AND ${last}::date
    ORDER BY closed_on, id`.execute(db);

  const caseIds = [...households.keys()];
  const applicationIds = caseIds.map((id) => applicationOf.get(id)!);
  const closedCaseIds = closed.rows.map((r) => r.case_id);

  // Members keyed by case id: the application's included members, or, for an application with
  // none recorded, the household's members on the first of the month; for closed cases the
  // household's members on the day it closed.
  const members = await sql<MemberRow>`
    WITH app AS (
      SELECT * FROM unnest(${caseIds}::uuid[], ${applicationIds}::uuid[]) AS t(case_id, application_id)),
    rows AS (
      SELECT app.case_id::text AS key, am.person_id, am.role
      FROM app
      JOIN application_member am
        ON am.municipality_id = ${m} AND am.application_id = app.application_id AND am.included
      UNION ALL
      SELECT app.case_id::text, hm.person_id, hm.role
      FROM app
      JOIN client_case c ON c.municipality_id = ${m} AND c.id = app.case_id
      JOIN household_member hm
        ON hm.municipality_id = ${m} AND hm.household_id = c.household_id
       AND hm.valid_from <= ${first}::date AND (hm.valid_to IS NULL OR hm.valid_to > ${first}::date)
      WHERE NOT EXISTS (SELECT 1 FROM application_member x
                        WHERE x.municipality_id = ${m} AND x.application_id = app.application_id)
      UNION ALL
      SELECT 'closed:' || c.id::text, hm.person_id, hm.role
      FROM client_case c
      JOIN household_member hm
        ON hm.municipality_id = ${m} AND hm.household_id = c.household_id
       AND hm.valid_from <= c.closed_on AND (hm.valid_to IS NULL OR hm.valid_to >= c.closed_on)
      WHERE c.municipality_id = ${m} AND c.id = ANY(${closedCaseIds}::uuid[]))
    SELECT DISTINCT ON (rows.key, rows.person_id)
           rows.key, rows.person_id, rows.role, pe.personal_number, pe.sex,
           to_char(pe.birth_date, 'YYYY-MM-DD') AS birth_date, pe.protected_identity
    FROM rows
    JOIN person pe ON pe.municipality_id = ${m} AND pe.id = rows.person_id
    ORDER BY rows.key, rows.person_id`.execute(db);

  const personIds = [...new Set(members.rows.map((r) => r.person_id))];
  const [reasons, measures] = await Promise.all([
    sql<{ person_id: string; code: string }>`
      SELECT person_id, code FROM reason_code
      WHERE municipality_id = ${m} AND month = ${first}::date AND person_id = ANY(${personIds}::uuid[])`.execute(
      db,
    ),
    sql<{ person_id: string }>`
      SELECT r.person_id FROM placement pl
      JOIN referral r ON r.municipality_id = pl.municipality_id AND r.id = pl.referral_id
      WHERE pl.municipality_id = ${m} AND pl.status IN ('active', 'ended')
        AND r.person_id = ANY(${personIds}::uuid[])
        AND pl.starts_on <= ${last}::date AND coalesce(pl.ended_on, pl.ends_on) >= ${first}::date
      UNION
      SELECT se.person_id FROM subsidised_employment se
      WHERE se.municipality_id = ${m} AND se.status IN ('started', 'ended')
        AND se.person_id = ANY(${personIds}::uuid[])
        AND se.starts_on <= ${last}::date AND coalesce(se.ended_on, se.ends_on) >= ${first}::date`.execute(
      db,
    ),
  ]);
  const reasonOf = new Map(reasons.rows.map((r) => [r.person_id, r.code]));
  const inMeasure = new Set(measures.rows.map((r) => r.person_id));

  const byKey = new Map<string, StatisticsMember[]>();
  for (const row of members.rows) {
    const list = byKey.get(row.key) ?? [];
    list.push({
      personId: row.person_id,
      personalNumber: row.personal_number,
      role: ROLE[row.role] ?? 'other_adult',
      sex: row.sex,
      birthDate: row.birth_date,
      protectedIdentity: row.protected_identity,
      reasonCode: reasonOf.get(row.person_id) ?? null,
      inMunicipalMeasure: inMeasure.has(row.person_id),
    });
    byKey.set(row.key, list);
  }

  const closedCases: StatisticsClosedCase[] = closed.rows.map((r) => ({
    caseId: r.case_id,
    householdId: r.household_id,
    closedOn: r.closed_on,
    exitReason: r.exit_reason,
    members: byKey.get(`closed:${r.case_id}`) ?? [],
  }));

  return {
    municipalityId,
    month,
    households: [...households.values()].map((h) => ({ ...h, members: byKey.get(h.caseId) ?? [] })),
    closedCases,
  };
}
