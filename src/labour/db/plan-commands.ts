/**
 * Changes to a referral's way through the unit: the introduction day's attendance, mappings,
 * personal plans (a new plan revises the active one) with follow-ups, and the exit. Each runs in
 * the endpoint's transaction.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Principal } from '../../access/domain/principal.ts';
import type { Database } from '../../db/connection.ts';
import { AppError } from '../../shared/errors.ts';
import { followUpWithin, validatePlan } from '../domain/plan-rules.ts';
import type { ExitResult } from '../domain/terms.ts';
import { assistanceCaseToNotify, notifyAssistance } from './notices.ts';
import { requireOpen, requireReferral, type ReferralRef } from './referral-scope.ts';

export async function setIntroAttended(
  db: Database,
  municipalityId: string,
  referral: ReferralRef,
  attended: boolean,
): Promise<void> {
  requireOpen(referral);
  await db
    .updateTable('referral')
    .set({ intro_attended: attended })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', referral.id)
    .execute();
}

export interface NewMapping {
  mappedOn: string;
  capacityHours: number;
  education?: string | undefined;
  workExperience?: string | undefined;
  obstacles?: string | undefined;
  summary?: string | undefined;
}

const text = (value: string | undefined) => (value?.trim() ? value.trim() : null);

export async function createMapping(
  db: Database,
  municipalityId: string,
  referral: ReferralRef,
  mapping: NewMapping,
  userId: string,
): Promise<string> {
  requireOpen(referral);
  const id = randomUUID();
  await db
    .insertInto('labour_mapping')
    .values({
      municipality_id: municipalityId,
      id,
      referral_id: referral.id,
      mapped_on: mapping.mappedOn,
      capacity_hours: mapping.capacityHours,
      education: text(mapping.education),
      work_experience: text(mapping.workExperience),
      obstacles: text(mapping.obstacles),
      summary: text(mapping.summary),
      mapped_by: userId,
    })
    .execute();
  return id;
}

export interface NewPlan {
  goal: string;
  startsOn: string;
  endsOn: string;
  followUpOn: string;
}

/** A new plan; an active one is kept as 'revised' and the new one gets the next version. */
export async function createPlan(
  db: Database,
  municipalityId: string,
  referral: ReferralRef,
  plan: NewPlan,
  userId: string,
): Promise<{ id: string; version: number }> {
  requireOpen(referral);
  const error = validatePlan(plan);
  if (error) throw new AppError(error, { ...plan });
  const mapping = await db
    .selectFrom('labour_mapping')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('referral_id', '=', referral.id)
    .executeTakeFirst();
  if (!mapping) throw new AppError('MAPPING_REQUIRED');
  const latest = await db
    .selectFrom('personal_plan')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('municipality_id', '=', municipalityId)
    .where('referral_id', '=', referral.id)
    .executeTakeFirst();
  const version = Number(latest?.version ?? 0) + 1;
  await db
    .updateTable('personal_plan')
    .set({ status: 'revised' })
    .where('municipality_id', '=', municipalityId)
    .where('referral_id', '=', referral.id)
    .where('status', '=', 'active')
    .execute();
  const id = randomUUID();
  await db
    .insertInto('personal_plan')
    .values({
      municipality_id: municipalityId,
      id,
      referral_id: referral.id,
      version,
      goal: plan.goal.trim(),
      starts_on: plan.startsOn,
      ends_on: plan.endsOn,
      follow_up_on: plan.followUpOn,
      status: 'active',
      created_by: userId,
    })
    .execute();
  return { id, version };
}

/** The plan and its referral, if the user may open the referral (404/403 otherwise). */
export async function requirePlan(
  db: Database,
  principal: Principal,
  planId: string,
): Promise<{
  plan: { id: string; startsOn: string; endsOn: string; followUpOn: string; status: string };
  referral: ReferralRef;
}> {
  const row = await db
    .selectFrom('personal_plan')
    .select(['id', 'referral_id', 'starts_on', 'ends_on', 'follow_up_on', 'status'])
    .where('municipality_id', '=', principal.municipalityId)
    .where('id', '=', planId)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  const referral = await requireReferral(db, principal, row.referral_id);
  return {
    plan: {
      id: row.id,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      followUpOn: row.follow_up_on,
      status: row.status,
    },
    referral,
  };
}

export interface NewFollowUp {
  doneOn: string;
  comment: string;
  nextFollowUpOn?: string | undefined;
}

/** Records a follow-up of the active plan and, if given, moves its next follow-up (within the plan). */
export async function createFollowUp(
  db: Database,
  municipalityId: string,
  target: Awaited<ReturnType<typeof requirePlan>>,
  followUp: NewFollowUp,
  userId: string,
): Promise<string> {
  requireOpen(target.referral);
  const { plan } = target;
  if (plan.status !== 'active') throw new AppError('PLAN_NOT_ACTIVE');
  if (followUp.nextFollowUpOn !== undefined && !followUpWithin(plan, followUp.nextFollowUpOn))
    throw new AppError('PLAN_FOLLOW_UP_OUTSIDE', {
      followUpOn: followUp.nextFollowUpOn,
      startsOn: plan.startsOn,
      endsOn: plan.endsOn,
    });
  const id = randomUUID();
  await db
    .insertInto('plan_follow_up')
    .values({
      municipality_id: municipalityId,
      id,
      plan_id: plan.id,
      done_on: followUp.doneOn,
      comment: followUp.comment.trim(),
      done_by: userId,
    })
    .execute();
  if (followUp.nextFollowUpOn !== undefined)
    await db
      .updateTable('personal_plan')
      .set({ follow_up_on: followUp.nextFollowUpOn })
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', plan.id)
      .execute();
  return id;
}

export interface ReferralExitInput {
  exitOn: string;
  result: ExitResult;
  comment?: string | undefined;
}

/**
 * Closes the referral: the active plan is closed, the labour case is closed if the household has
 * no other open referral in it, and assistance is told (if the flow stands). Returns the
 * assistance case told, if any.
 */
export async function exitReferral(
  db: Database,
  municipalityId: string,
  referral: ReferralRef,
  exit: ReferralExitInput,
  today: string,
  now: Date,
): Promise<{ noticeCaseId: string | null; labourCaseClosed: boolean }> {
  requireOpen(referral);
  if (exit.exitOn < referral.referredOn)
    throw new AppError('EXIT_BEFORE_REFERRAL', { exitOn: exit.exitOn, referredOn: referral.referredOn });
  await db
    .updateTable('referral')
    .set({ exit_on: exit.exitOn, exit_result: exit.result, exit_comment: text(exit.comment) })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', referral.id)
    .execute();
  await db
    .updateTable('personal_plan')
    .set({ status: 'closed' })
    .where('municipality_id', '=', municipalityId)
    .where('referral_id', '=', referral.id)
    .where('status', '=', 'active')
    .execute();
  await endWhatTheReferralHolds(db, municipalityId, referral.id, exit.exitOn);
  const others = await db
    .selectFrom('referral')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('case_id', '=', referral.caseId)
    .where('exit_on', 'is', null)
    .executeTakeFirst();
  let labourCaseClosed = false;
  if (!others) {
    const closed = await db
      .updateTable('client_case')
      .set({ closed_on: sql<string>`GREATEST(opened_on, ${exit.exitOn}::date)` })
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', referral.caseId)
      .where('closed_on', 'is', null)
      .executeTakeFirst();
    labourCaseClosed = Number(closed.numUpdatedRows) > 0;
  }
  const assistanceCaseId = await assistanceCaseToNotify(db, municipalityId, referral, today);
  const told = await notifyAssistance(db, {
    municipalityId,
    referralId: referral.id,
    personId: referral.personId,
    assistanceCaseId,
    kind: 'exit',
    detail: { result: exit.result },
    day: today,
    now,
  });
  return { noticeCaseId: told ? assistanceCaseId : null, labourCaseClosed };
}

/**
 * Leaving the unit ends its interventions: places in the queue and places not yet begun are
 * cancelled (freeing them for others), places under way end on the exit day, and employments
 * still only planned are cancelled. An employment already begun is a contract of its own and
 * runs on.
 */
async function endWhatTheReferralHolds(
  db: Database,
  municipalityId: string,
  referralId: string,
  exitOn: string,
): Promise<void> {
  await db
    .updateTable('placement')
    .set({ status: 'cancelled' })
    .where('municipality_id', '=', municipalityId)
    .where('referral_id', '=', referralId)
    .where((eb) =>
      eb.or([
        eb('status', '=', 'waiting'),
        eb.and([eb('status', '=', 'active'), eb('starts_on', '>', exitOn)]),
      ]),
    )
    .execute();
  await db
    .updateTable('placement')
    .set({ status: 'ended', ended_on: sql<string>`LEAST(ends_on, ${exitOn}::date)` })
    .where('municipality_id', '=', municipalityId)
    .where('referral_id', '=', referralId)
    .where('status', '=', 'active')
    .execute();
  await db
    .updateTable('subsidised_employment')
    .set({ status: 'cancelled' })
    .where('municipality_id', '=', municipalityId)
    .where('referral_id', '=', referralId)
    .where('status', '=', 'planned')
    .execute();
}
