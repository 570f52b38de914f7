/** Everything on one assistance case, for the household page and its timeline. */
import { sql } from 'kysely';
import type { Database } from '../../db/connection.ts';

export async function loadCaseOverview(db: Database, municipalityId: string, caseId: string) {
  const header = await db
    .selectFrom('client_case as c')
    .innerJoin('unit as u', (j) =>
      j.onRef('u.municipality_id', '=', 'c.municipality_id').onRef('u.id', '=', 'c.unit_id'),
    )
    .leftJoin('app_user as w', (j) =>
      j.onRef('w.municipality_id', '=', 'c.municipality_id').onRef('w.id', '=', 'c.caseworker_id'),
    )
    .select([
      'c.id',
      'c.household_id',
      'c.opened_on',
      'c.closed_on',
      'c.exit_reason',
      'u.name as unit_name',
      'w.display_name as caseworker_name',
      'c.caseworker_id',
    ])
    .where('c.municipality_id', '=', municipalityId)
    .where('c.id', '=', caseId)
    .executeTakeFirstOrThrow();
  const m = municipalityId;
  const [members, applications, decisions, payments, visits, accounts] = await Promise.all([
    sql<{
      person_id: string;
      role: string;
      first_name: string;
      last_name: string;
      birth_date: string;
      protected_identity: boolean;
    }>`
      SELECT DISTINCT ON (hm.person_id) hm.person_id, hm.role, p.first_name, p.last_name, p.birth_date, p.protected_identity
      FROM household_member hm JOIN person p ON p.municipality_id = hm.municipality_id AND p.id = hm.person_id
      WHERE hm.municipality_id = ${m} AND hm.household_id = ${header.household_id} AND hm.valid_to IS NULL
      ORDER BY hm.person_id, hm.valid_from DESC`.execute(db),
    db
      .selectFrom('application')
      .select([
        'id',
        'month',
        'kind',
        'channel',
        'received_on',
        'complete_on',
        'status',
        'reactualised',
        'self_assessed_unemployed',
      ])
      .where('municipality_id', '=', m)
      .where('case_id', '=', caseId)
      .orderBy('month', 'desc')
      .orderBy('received_on', 'desc')
      .limit(120)
      .execute(),
    db
      .selectFrom('decision')
      .select([
        'id',
        'application_id',
        'month',
        'status',
        'decided_on',
        'signed_at',
        'granted_ore',
        'supersedes_id',
        'pay_on',
      ])
      // Decisions handed over from an earlier system carry no norm calculation to print.
      .select(sql<boolean>`norm ? 'lines'`.as('calculated'))
      .where('municipality_id', '=', m)
      .where('case_id', '=', caseId)
      .orderBy('month', 'desc')
      .orderBy('created_at', 'desc')
      .limit(120)
      .execute(),
    sql<{
      id: string;
      decision_id: string;
      amount_ore: number;
      status: string;
      status_reason: string | null;
      pay_on: string;
      month: string;
      run_status: string;
    }>`
      SELECT p.id, p.decision_id, p.amount_ore, p.status, p.status_reason, r.pay_on, r.month, r.status AS run_status
      FROM payment p JOIN payment_run r ON r.municipality_id = p.municipality_id AND r.id = p.run_id
      WHERE p.municipality_id = ${m} AND p.case_id = ${caseId}
      ORDER BY r.month DESC LIMIT 120`.execute(db),
    db
      .selectFrom('visit as v')
      .innerJoin('app_user as u', (j) =>
        j.onRef('u.municipality_id', '=', 'v.municipality_id').onRef('u.id', '=', 'v.caseworker_id'),
      )
      .select(['v.id', 'v.starts_at', 'v.status', 'u.display_name'])
      .where('v.municipality_id', '=', m)
      .where('v.case_id', '=', caseId)
      .orderBy('v.starts_at', 'desc')
      .limit(60)
      .execute(),
    sql<{
      id: string;
      person_id: string;
      clearing_number: string;
      account_number: string;
      status: string;
      requested_by: string;
    }>`
      SELECT ba.id, ba.person_id, ba.clearing_number, ba.account_number, ba.status, ba.requested_by
      FROM bank_account ba
      WHERE ba.municipality_id = ${m} AND ba.status IN ('pending', 'approved')
        AND ba.person_id IN (SELECT hm.person_id FROM household_member hm
                             WHERE hm.municipality_id = ${m} AND hm.household_id = ${header.household_id})
      ORDER BY ba.requested_at DESC`.execute(db),
  ]);
  return {
    header,
    members: members.rows,
    applications,
    decisions,
    payments: payments.rows,
    visits,
    accounts: accounts.rows,
  };
}
