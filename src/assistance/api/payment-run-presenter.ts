/** Reads payment runs for the API and makes their bank file from the database, the same bytes every time. */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../../db/connection.ts';
import { catalogues } from '../../i18n/catalogue.ts';
import { AppError } from '../../shared/errors.ts';
import type { AssistanceSettings } from '../db/settings.ts';
import { buildPain001 } from '../domain/payments/pain001.ts';
import { validatePain001 } from '../payments/validate-pain001.ts';

export async function listPaymentRuns(db: Database, municipalityId: string) {
  const rows = await sql<{
    id: string;
    month: string;
    status: 'prepared' | 'approved' | 'cancelled';
    prepared_at: Date;
    count: string;
    total: string | null;
  }>`
    SELECT r.id, r.month, r.status, r.prepared_at,
           (SELECT count(*) FROM payment p WHERE p.municipality_id = r.municipality_id AND p.run_id = r.id
              AND p.status <> 'stopped')::text AS count,
           (SELECT sum(amount_ore) FROM payment p WHERE p.municipality_id = r.municipality_id AND p.run_id = r.id
              AND p.status <> 'stopped')::text AS total
    FROM payment_run r WHERE r.municipality_id = ${municipalityId}
    ORDER BY r.month DESC, r.prepared_at DESC LIMIT 60`.execute(db);
  return rows.rows.map((r) => ({
    id: r.id,
    month: r.month.slice(0, 7),
    status: r.status,
    count: Number(r.count),
    totalOre: Number(r.total ?? 0),
    preparedAt: new Date(r.prepared_at).toISOString(),
  }));
}

export async function loadPaymentRun(db: Database, municipalityId: string, runId: string) {
  const run = await db
    .selectFrom('payment_run as r')
    .innerJoin('app_user as pu', (j) =>
      j.onRef('pu.municipality_id', '=', 'r.municipality_id').onRef('pu.id', '=', 'r.prepared_by'),
    )
    .leftJoin('app_user as au', (j) =>
      j.onRef('au.municipality_id', '=', 'r.municipality_id').onRef('au.id', '=', 'r.approved_by'),
    )
    .selectAll('r')
    .select(['pu.display_name as prepared_name', 'au.display_name as approved_name'])
    .where('r.municipality_id', '=', municipalityId)
    .where('r.id', '=', runId)
    .executeTakeFirst();
  if (!run) return undefined;
  const payments = await db
    .selectFrom('payment')
    .select([
      'id',
      'case_id',
      'decision_id',
      'person_id',
      'amount_ore',
      'clearing_number',
      'account_number',
      'status',
      'status_reason',
    ])
    .where('municipality_id', '=', municipalityId)
    .where('run_id', '=', runId)
    .orderBy('end_to_end_id')
    .execute();
  const counted = payments.filter((p) => p.status !== 'stopped');
  return {
    id: run.id,
    month: run.month,
    payOn: run.pay_on,
    status: run.status,
    preparedBy: run.prepared_name,
    preparedAt: new Date(run.prepared_at).toISOString(),
    approvedBy: run.approved_name,
    approvedAt: run.approved_at ? new Date(run.approved_at).toISOString() : null,
    messageId: run.message_id,
    fileSha256: run.file_sha256,
    count: counted.length,
    totalOre: counted.reduce((sum, p) => sum + p.amount_ore, 0),
    payments: payments.map((p) => ({
      id: p.id,
      caseId: p.case_id,
      decisionId: p.decision_id,
      personId: p.person_id,
      amountOre: p.amount_ore,
      account: `${p.clearing_number}-…${p.account_number.slice(-4)}`,
      status: p.status,
      statusReason: p.status_reason,
    })),
  };
}

/** Stockholm wall-clock time without fractions, as the bank file states its creation time. */
function stockholmDateTime(at: Date): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  })
    .format(at)
    .replace(' ', 'T');
}

/**
 * The approved run's pain.001, built from the database and checked against the ISO 20022 schema;
 * its transaction count and control sum must equal the database's own totals.
 */
export async function bankFileOf(
  db: Database,
  municipalityId: string,
  runId: string,
  debtor: NonNullable<AssistanceSettings['debtor']>,
): Promise<{ xml: string; sha256: string; messageId: string }> {
  const run = await db
    .selectFrom('payment_run')
    .select(['status', 'month', 'pay_on', 'approved_at', 'message_id'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', runId)
    .executeTakeFirst();
  if (!run) throw new AppError('NOT_FOUND');
  if (run.status !== 'approved' || !run.approved_at || !run.message_id)
    throw new AppError('PAYMENT_RUN_NOT_PREPARED');
  const rows = await sql<{
    end_to_end_id: string;
    amount_ore: number;
    clearing_number: string;
    account_number: string;
    first_name: string;
    last_name: string;
  }>`
    SELECT p.end_to_end_id, p.amount_ore, p.clearing_number, p.account_number, pe.first_name, pe.last_name
    FROM payment p JOIN person pe ON pe.municipality_id = p.municipality_id AND pe.id = p.person_id
    WHERE p.municipality_id = ${municipalityId} AND p.run_id = ${runId} AND p.status IN ('sent', 'reversed')
    ORDER BY p.end_to_end_id`.execute(db);
  const totals = await sql<{ count: string; total: string | null }>`
    SELECT count(*)::text AS count, sum(amount_ore)::text AS total FROM payment
    WHERE municipality_id = ${municipalityId} AND run_id = ${runId} AND status IN ('sent', 'reversed')`.execute(
    db,
  );
  const monthName = new Date(`${run.month}T12:00:00Z`).toLocaleDateString('sv-SE', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const remittance = `${catalogues.sv.assistance.bankFileRemittance} ${monthName}`;
  const xml = buildPain001({
    messageId: run.message_id,
    createdAt: stockholmDateTime(new Date(run.approved_at)),
    executionDate: run.pay_on,
    paymentInfoId: run.message_id,
    debtor,
    payments: rows.rows.map((r) => ({
      endToEndId: r.end_to_end_id,
      amountOre: r.amount_ore,
      creditorName: `${r.first_name} ${r.last_name}`,
      clearingNumber: r.clearing_number,
      accountNumber: r.account_number,
      remittance,
    })),
  });
  const validation = await validatePain001(xml);
  const expectedCount = Number(totals.rows[0]!.count);
  const expectedTotal = Number(totals.rows[0]!.total ?? 0);
  const errors = [...validation.errors];
  if (validation.nbOfTxs !== expectedCount) errors.push(`NbOfTxs ${validation.nbOfTxs} ≠ ${expectedCount}`);
  if (validation.ctrlSumOre !== expectedTotal)
    errors.push(`CtrlSum ${validation.ctrlSumOre} ≠ ${expectedTotal}`);
  if (!validation.valid || errors.length > 0)
    throw new AppError('BANK_FILE_INVALID', { details: errors.slice(0, 3).join('; ') });
  return { xml, sha256: createHash('sha256').update(xml).digest('hex'), messageId: run.message_id };
}
