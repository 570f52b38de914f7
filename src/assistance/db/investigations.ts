/** Investigations of incorrect payments and their recovery decisions. */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Principal } from '../../access/domain/principal.ts';
import type { Database } from '../../db/connection.ts';
import type { InvestigationOutcome, Suspicion } from '../domain/control/investigations.ts';
import { caseVisibleTo } from './case-scope.ts';

export interface InvestigationRow {
  id: string;
  caseId: string;
  openedBy: string;
  openedOn: string;
  periodFrom: string;
  periodTo: string;
  suspicion: Suspicion;
  findings: string;
  status: 'open' | 'closed';
  outcome: InvestigationOutcome | null;
  closedOn: string | null;
}

export async function createInvestigation(
  db: Database,
  input: Omit<InvestigationRow, 'id' | 'findings' | 'status' | 'outcome' | 'closedOn'> & {
    municipalityId: string;
  },
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('investigation')
    .values({
      municipality_id: input.municipalityId,
      id,
      case_id: input.caseId,
      opened_by: input.openedBy,
      opened_on: input.openedOn,
      period_from: input.periodFrom,
      period_to: input.periodTo,
      suspicion: input.suspicion,
    })
    .execute();
  return id;
}

/** With `forUpdate` the row stays locked until the transaction ends (for a change). */
export async function loadInvestigation(
  db: Database,
  municipalityId: string,
  id: string,
  forUpdate = false,
): Promise<InvestigationRow | undefined> {
  let query = db
    .selectFrom('investigation')
    .select([
      'id',
      'case_id',
      'opened_by',
      'opened_on',
      'period_from',
      'period_to',
      'suspicion',
      'findings',
      'status',
      'outcome',
      'closed_on',
    ])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    caseId: row.case_id,
    openedBy: row.opened_by,
    openedOn: row.opened_on,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    suspicion: row.suspicion,
    findings: row.findings,
    status: row.status,
    outcome: row.outcome,
    closedOn: row.closed_on,
  };
}

export async function saveFindings(db: Database, municipalityId: string, id: string, findings: string) {
  await db
    .updateTable('investigation')
    .set({ findings })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .execute();
}

export async function closeInvestigation(
  db: Database,
  municipalityId: string,
  id: string,
  outcome: InvestigationOutcome,
  closedOn: string,
) {
  await db
    .updateTable('investigation')
    .set({ status: 'closed', outcome, closed_on: closedOn })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .execute();
}

export interface InvestigationListQuery {
  status?: 'open' | 'closed' | undefined;
  sort: 'opened' | '-opened';
  page: number;
  pageSize: number;
}

export interface InvestigationListRow {
  id: string;
  caseId: string;
  applicantId: string | null;
  /** null for a protected identity */
  applicantName: string | null;
  suspicion: Suspicion;
  status: 'open' | 'closed';
  outcome: InvestigationOutcome | null;
  openedOn: string;
  closedOn: string | null;
}

/** Investigations of the cases the user may open: open ones first, then by the day opened. */
export async function listInvestigations(
  db: Database,
  principal: Principal,
  query: InvestigationListQuery,
): Promise<{ total: number; rows: InvestigationListRow[] }> {
  const direction = query.sort === '-opened' ? sql`DESC` : sql`ASC`;
  const result = await sql<{
    id: string;
    case_id: string;
    applicant_id: string | null;
    applicant_name: string | null;
    suspicion: Suspicion;
    status: 'open' | 'closed';
    outcome: InvestigationOutcome | null;
    opened_on: string;
    closed_on: string | null;
    total: string;
  }>`
    SELECT i.id, i.case_id, a.person_id AS applicant_id,
           CASE WHEN p.protected_identity THEN NULL ELSE p.first_name || ' ' || p.last_name END AS applicant_name,
           i.suspicion, i.status, i.outcome, i.opened_on, i.closed_on, count(*) OVER () AS total
    FROM investigation i
    JOIN client_case c ON c.municipality_id = i.municipality_id AND c.id = i.case_id
    LEFT JOIN LATERAL (
      SELECT hm.person_id FROM household_member hm
      WHERE hm.municipality_id = c.municipality_id AND hm.household_id = c.household_id AND hm.role = 'applicant'
      ORDER BY hm.valid_to IS NULL DESC, hm.valid_from DESC LIMIT 1) a ON true
    LEFT JOIN person p ON p.municipality_id = i.municipality_id AND p.id = a.person_id
    WHERE i.municipality_id = ${principal.municipalityId}
      AND ${caseVisibleTo(principal, 'c')}
      ${query.status ? sql`AND i.status = ${query.status}` : sql``}
    ORDER BY i.status = 'open' DESC, i.opened_on ${direction}, i.id
    LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`.execute(db);
  return {
    total: Number(result.rows[0]?.total ?? (query.page > 1 ? await countVisible(db, principal, query) : 0)),
    rows: result.rows.map((r) => ({
      id: r.id,
      caseId: r.case_id,
      applicantId: r.applicant_id,
      applicantName: r.applicant_name,
      suspicion: r.suspicion,
      status: r.status,
      outcome: r.outcome,
      openedOn: r.opened_on,
      closedOn: r.closed_on,
    })),
  };
}

/** The total when the page asked for lies beyond the last one (the window count has no row then). */
async function countVisible(db: Database, principal: Principal, query: InvestigationListQuery) {
  const row = await sql<{ n: string }>`
    SELECT count(*) AS n FROM investigation i
    JOIN client_case c ON c.municipality_id = i.municipality_id AND c.id = i.case_id
    WHERE i.municipality_id = ${principal.municipalityId} AND ${caseVisibleTo(principal, 'c')}
      ${query.status ? sql`AND i.status = ${query.status}` : sql``}`.execute(db);
  return row.rows[0]?.n ?? 0;
}

export interface PeriodPayment {
  id: string;
  decisionId: string;
  /** YYYY-MM-01: the month the assistance was for */
  month: string;
  payOn: string;
  personId: string;
  amountOre: number;
  status: 'planned' | 'sent' | 'stopped' | 'reversed';
}

/** Payments to the case of assistance for the months from `from` to `to`. */
export async function paymentsInPeriod(
  db: Database,
  municipalityId: string,
  caseId: string,
  from: string,
  to: string,
): Promise<PeriodPayment[]> {
  const rows = await db
    .selectFrom('payment as p')
    .innerJoin('decision as d', (j) =>
      j.onRef('d.municipality_id', '=', 'p.municipality_id').onRef('d.id', '=', 'p.decision_id'),
    )
    .innerJoin('payment_run as r', (j) =>
      j.onRef('r.municipality_id', '=', 'p.municipality_id').onRef('r.id', '=', 'p.run_id'),
    )
    .select(['p.id', 'p.decision_id', 'd.month', 'r.pay_on', 'p.person_id', 'p.amount_ore', 'p.status'])
    .where('p.municipality_id', '=', municipalityId)
    .where('p.case_id', '=', caseId)
    .where('d.month', '>=', sql<string>`date_trunc('month', ${from}::date)::date`)
    .where('d.month', '<=', to)
    .orderBy('d.month')
    .orderBy('r.pay_on')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    decisionId: r.decision_id,
    month: r.month,
    payOn: r.pay_on,
    personId: r.person_id,
    amountOre: r.amount_ore,
    status: r.status,
  }));
}

export interface RecoveryRow {
  id: string;
  decidedBy: string;
  decidedOn: string;
  amountOre: number;
  grantedFrom: string;
  provision: string;
  monthlyOre: number;
  firstDueOn: string;
  reasons: string;
}

export async function recoveriesOf(
  db: Database,
  municipalityId: string,
  investigationId: string,
): Promise<RecoveryRow[]> {
  const rows = await db
    .selectFrom('recovery')
    .select([
      'id',
      'decided_by',
      'decided_on',
      'amount_ore',
      'granted_from',
      'provision',
      'monthly_ore',
      'first_due_on',
      'reasons',
    ])
    .where('municipality_id', '=', municipalityId)
    .where('investigation_id', '=', investigationId)
    .orderBy('decided_on')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    decidedBy: r.decided_by,
    decidedOn: r.decided_on,
    amountOre: r.amount_ore,
    grantedFrom: r.granted_from,
    provision: r.provision,
    monthlyOre: r.monthly_ore,
    firstDueOn: r.first_due_on,
    reasons: r.reasons,
  }));
}

export async function createRecovery(
  db: Database,
  input: Omit<RecoveryRow, 'id'> & { municipalityId: string; investigationId: string; caseId: string },
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('recovery')
    .values({
      municipality_id: input.municipalityId,
      id,
      investigation_id: input.investigationId,
      case_id: input.caseId,
      decided_by: input.decidedBy,
      decided_on: input.decidedOn,
      amount_ore: input.amountOre,
      granted_from: input.grantedFrom,
      provision: input.provision,
      monthly_ore: input.monthlyOre,
      first_due_on: input.firstDueOn,
      reasons: input.reasons,
    })
    .execute();
  return id;
}

/** The case's applicant now (the latest applicant membership of its household). */
export async function caseApplicant(
  db: Database,
  municipalityId: string,
  caseId: string,
): Promise<{ personId: string; name: string | null } | undefined> {
  const row = await sql<{ person_id: string; name: string; protected_identity: boolean }>`
    SELECT hm.person_id, p.first_name || ' ' || p.last_name AS name, p.protected_identity
    FROM client_case c
    JOIN household_member hm ON hm.municipality_id = c.municipality_id AND hm.household_id = c.household_id
    JOIN person p ON p.municipality_id = hm.municipality_id AND p.id = hm.person_id
    WHERE c.municipality_id = ${municipalityId} AND c.id = ${caseId} AND hm.role = 'applicant'
    ORDER BY hm.valid_to IS NULL DESC, hm.valid_from DESC LIMIT 1`.execute(db);
  const first = row.rows[0];
  return first && { personId: first.person_id, name: first.protected_identity ? null : first.name };
}
