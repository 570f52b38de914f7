/**
 * The monthly payment run. Preparing collects every signed, standing decision of the month that is
 * not yet paid into payments in one INSERT … SELECT; the unique key on payment(decision_id) is what
 * guarantees that a re-run, a concurrent run or a run after a crash never pays a decision twice.
 * Approving (by someone else) sends the payments and fixes the bank file.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../../db/connection.ts';
import { AppError } from '../../shared/errors.ts';

export interface PreparedRun {
  id: string;
  count: number;
  totalOre: number;
}

/** Must run in a transaction. `month` is YYYY-MM-01. */
export async function preparePaymentRun(
  db: Database,
  input: {
    municipalityId: string;
    month: string;
    payOn: string;
    preparedBy: string;
    visitRequired: boolean;
  },
): Promise<PreparedRun> {
  const existing = await db
    .selectFrom('payment_run')
    .select('id')
    .where('municipality_id', '=', input.municipalityId)
    .where('month', '=', input.month)
    .where('status', '<>', 'cancelled')
    .executeTakeFirst();
  if (existing) throw new AppError('PAYMENT_RUN_EXISTS', { month: input.month.slice(0, 7) });
  const id = randomUUID();
  await db
    .insertInto('payment_run')
    .values({
      municipality_id: input.municipalityId,
      id,
      month: input.month,
      pay_on: input.payOn,
      prepared_by: input.preparedBy,
    })
    .execute();
  const inserted = await sql<{ count: string; total: string | null }>`
    WITH due AS (${dueDecisions(input.municipalityId, input.month, input.visitRequired)}),
    added AS (
      INSERT INTO payment (municipality_id, id, run_id, decision_id, case_id, person_id, amount_ore,
                           clearing_number, account_number, end_to_end_id)
      SELECT ${input.municipalityId}, gen_random_uuid(), ${id}, due.decision_id, due.case_id, due.person_id,
             due.amount_ore, due.clearing_number, due.account_number, due.end_to_end_id
      FROM due WHERE due.withheld IS NULL
      ON CONFLICT (municipality_id, decision_id) DO NOTHING
      RETURNING amount_ore)
    SELECT count(*)::text AS count, sum(amount_ore)::text AS total FROM added`.execute(db);
  const row = inserted.rows[0]!;
  return { id, count: Number(row.count), totalOre: Number(row.total ?? 0) };
}

/**
 * Signed decisions of the month that stand (not superseded by a signed decision), pay something
 * and are not paid yet — with the reason a payment is withheld, if it is.
 */
function dueDecisions(municipalityId: string, month: string, visitRequired: boolean) {
  return sql`
    SELECT d.id AS decision_id, d.case_id, d.payee_person_id AS person_id, d.granted_ore AS amount_ore,
           ba.clearing_number, ba.account_number,
           'KJ' || replace(d.id::text, '-', '') AS end_to_end_id,
           CASE
             WHEN ba.id IS NULL THEN 'no_bank_account'
             WHEN ${visitRequired} AND NOT EXISTS (
               SELECT 1 FROM visit v
               WHERE v.municipality_id = d.municipality_id AND v.case_id = d.case_id AND v.status = 'held'
                 AND v.starts_at >= (${month}::date - interval '1 month')
                 AND v.starts_at < (${month}::date + interval '1 month')) THEN 'no_visit'
           END AS withheld
    FROM decision d
    LEFT JOIN bank_account ba
      ON ba.municipality_id = d.municipality_id AND ba.person_id = d.payee_person_id AND ba.status = 'approved'
    WHERE d.municipality_id = ${municipalityId} AND d.month = ${month}::date
      AND d.status = 'signed' AND d.granted_ore > 0
      AND NOT EXISTS (SELECT 1 FROM decision later
                      WHERE later.municipality_id = d.municipality_id AND later.supersedes_id = d.id
                        AND later.status = 'signed')
      AND NOT EXISTS (SELECT 1 FROM payment p WHERE p.municipality_id = d.municipality_id AND p.decision_id = d.id)`;
}

export interface WithheldPayment {
  decisionId: string;
  caseId: string;
  personId: string;
  amountOre: number;
  reason: 'no_visit' | 'no_bank_account';
}

/** What the run left out, and why (shown in the preview so that it can be put right). */
export async function withheldPayments(
  db: Database,
  municipalityId: string,
  month: string,
  visitRequired: boolean,
): Promise<WithheldPayment[]> {
  const rows = await sql<{
    decision_id: string;
    case_id: string;
    person_id: string;
    amount_ore: number;
    withheld: 'no_visit' | 'no_bank_account';
  }>`
    SELECT decision_id, case_id, person_id, amount_ore, withheld
    FROM (${dueDecisions(municipalityId, month, visitRequired)}) due
    WHERE withheld IS NOT NULL ORDER BY decision_id LIMIT 1000`.execute(db);
  return rows.rows.map((r) => ({
    decisionId: r.decision_id,
    caseId: r.case_id,
    personId: r.person_id,
    amountOre: r.amount_ore,
    reason: r.withheld,
  }));
}

/** Must run in a transaction: sends the run's planned payments. */
export async function approvePaymentRun(
  db: Database,
  municipalityId: string,
  runId: string,
  userId: string,
  now: Date,
): Promise<{ month: string; payOn: string }> {
  const run = await db
    .selectFrom('payment_run')
    .select(['status', 'prepared_by', 'month', 'pay_on'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', runId)
    .forUpdate()
    .executeTakeFirst();
  if (!run) throw new AppError('NOT_FOUND');
  if (run.status !== 'prepared') throw new AppError('PAYMENT_RUN_NOT_PREPARED');
  if (run.prepared_by === userId) throw new AppError('FOUR_EYES_REQUIRED');
  await db
    .updateTable('payment_run')
    .set({
      status: 'approved',
      approved_by: userId,
      approved_at: now,
      message_id: messageId(run.month, runId),
    })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', runId)
    .execute();
  await db
    .updateTable('payment')
    .set({ status: 'sent' })
    .where('municipality_id', '=', municipalityId)
    .where('run_id', '=', runId)
    .where('status', '=', 'planned')
    .execute();
  return { month: run.month, payOn: run.pay_on };
}

export function messageId(month: string, runId: string): string {
  return `KJ-${month.slice(0, 7)}-${runId.slice(0, 8)}`;
}

export async function recordBankFile(
  db: Database,
  municipalityId: string,
  runId: string,
  sha256: string,
): Promise<void> {
  await db
    .updateTable('payment_run')
    .set({ file_sha256: sha256 })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', runId)
    .execute();
}

/** Stopping (before the run is approved) or reversing (after) one payment, with a reason. */
export async function changePayment(
  db: Database,
  input: {
    municipalityId: string;
    paymentId: string;
    to: 'stopped' | 'reversed';
    reason: string;
    userId: string;
    now: Date;
  },
): Promise<{ caseId: string; personId: string }> {
  const payment = await db
    .selectFrom('payment')
    .select(['status', 'case_id', 'person_id'])
    .where('municipality_id', '=', input.municipalityId)
    .where('id', '=', input.paymentId)
    .forUpdate()
    .executeTakeFirst();
  if (!payment) throw new AppError('NOT_FOUND');
  const allowedFrom = input.to === 'stopped' ? 'planned' : 'sent';
  if (payment.status !== allowedFrom)
    throw new AppError(input.to === 'stopped' ? 'PAYMENT_NOT_STOPPABLE' : 'PAYMENT_NOT_REVERSIBLE');
  await db
    .updateTable('payment')
    .set({
      status: input.to,
      status_reason: input.reason,
      status_changed_by: input.userId,
      status_changed_at: input.now,
    })
    .where('municipality_id', '=', input.municipalityId)
    .where('id', '=', input.paymentId)
    .execute();
  return { caseId: payment.case_id, personId: payment.person_id };
}
