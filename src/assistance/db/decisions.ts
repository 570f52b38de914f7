/** Decisions: drafted from an application's norm calculation, then signed (and never changed). */
import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/connection.ts';
import { AppError } from '../../shared/errors.ts';
import type { DecidedItem } from '../domain/decisions/decision-items.ts';
import type { NormResult } from '../domain/norm/calculate-norm.ts';

export interface NewDecision {
  municipalityId: string;
  caseId: string;
  applicationId: string;
  month: string;
  decidedOn: string;
  decidedBy: string;
  norm: NormResult;
  items: DecidedItem[];
  grantedOre: number;
  reduction: { amountOre: number; reason: string } | null;
  condition: { kind: 'practice' | 'skills_activity'; detail: string } | null;
  reasons: string;
  payeePersonId: string;
  payOn: string;
  supersedesId: string | null;
}

/** Must run in a transaction. */
export async function createDecision(db: Database, input: NewDecision): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('decision')
    .values({
      municipality_id: input.municipalityId,
      id,
      case_id: input.caseId,
      application_id: input.applicationId,
      month: input.month,
      decided_on: input.decidedOn,
      decided_by: input.decidedBy,
      norm: JSON.stringify(input.norm),
      granted_ore: input.grantedOre,
      reduction_ore: input.reduction?.amountOre ?? 0,
      reduction_reason: input.reduction?.reason ?? null,
      condition: input.condition?.kind ?? null,
      condition_detail: input.condition?.detail ?? null,
      reasons: input.reasons,
      payee_person_id: input.payeePersonId,
      pay_on: input.payOn,
      supersedes_id: input.supersedesId,
    })
    .execute();
  await db
    .insertInto('decision_item')
    .values(
      input.items.map((item) => ({
        municipality_id: input.municipalityId,
        decision_id: id,
        line_no: item.lineNo,
        item_type: item.itemType,
        applied_ore: item.applied,
        granted_ore: item.granted,
        outcome: item.outcome,
        provision: item.provision,
        reason: item.reason ?? null,
      })),
    )
    .execute();
  return id;
}

/** Signs a draft; the application is then decided. Must run in a transaction. */
export async function signDecision(
  db: Database,
  municipalityId: string,
  decisionId: string,
  userId: string,
  now: Date,
): Promise<{ applicationId: string; caseId: string; payeePersonId: string }> {
  const decision = await db
    .selectFrom('decision')
    .select(['status', 'decided_by', 'application_id', 'case_id', 'payee_person_id', 'supersedes_id'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', decisionId)
    .forUpdate()
    .executeTakeFirst();
  if (!decision) throw new AppError('NOT_FOUND');
  if (decision.status === 'signed') throw new AppError('DECISION_ALREADY_SIGNED');
  if (decision.decided_by !== userId) throw new AppError('FORBIDDEN');
  await db
    .updateTable('decision')
    .set({ status: 'signed', signed_at: now })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', decisionId)
    .execute();
  await db
    .updateTable('application')
    .set({ status: 'decided' })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', decision.application_id)
    .execute();
  return {
    applicationId: decision.application_id,
    caseId: decision.case_id,
    payeePersonId: decision.payee_person_id,
  };
}
