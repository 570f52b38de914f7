/** Reading referrals: the unit's participants list and one referral with its mapping and plans. */
import { sql } from 'kysely';
import type { Principal } from '../../access/domain/principal.ts';
import { caseVisibleTo } from '../../assistance/db/case-scope.ts';
import type { Database } from '../../db/connection.ts';
import type { ExitResult, ReferralInitiator } from '../domain/terms.ts';

export interface PersonRow {
  id: string;
  firstName: string;
  lastName: string;
  protectedIdentity: boolean;
}

export interface ReferralListRow {
  id: string;
  person: PersonRow;
  initiator: ReferralInitiator;
  referredOn: string;
  introDay: string | null;
  capacityHours: number | null;
  activePlan: { goal: string; startsOn: string; endsOn: string; followUpOn: string } | null;
  exitOn: string | null;
  exitResult: ExitResult | null;
}

/** A person row as the lists show it (the name is hidden client-side for a protected identity). */
export const personOf = (r: {
  person_id: string;
  first_name: string;
  last_name: string;
  protected_identity: boolean;
}): PersonRow => ({
  id: r.person_id,
  firstName: r.first_name,
  lastName: r.last_name,
  protectedIdentity: r.protected_identity,
});

/**
 * The referrals of a municipality with their person, active plan and latest mapped capacity:
 * the base that the participants list and the case's labour section narrow down.
 */
export function referralSummaryQuery(db: Database, municipalityId: string) {
  return db
    .selectFrom('referral as r')
    .innerJoin('person as p', (j) =>
      j.onRef('p.municipality_id', '=', 'r.municipality_id').onRef('p.id', '=', 'r.person_id'),
    )
    .leftJoin('personal_plan as pl', (j) =>
      j
        .onRef('pl.municipality_id', '=', 'r.municipality_id')
        .onRef('pl.referral_id', '=', 'r.id')
        .on('pl.status', '=', 'active'),
    )
    .select([
      'r.id',
      'r.person_id',
      'p.first_name',
      'p.last_name',
      'p.protected_identity',
      'r.initiator',
      'r.referred_on',
      'r.intro_day',
      'r.exit_on',
      'r.exit_result',
      'pl.goal',
      'pl.starts_on',
      'pl.ends_on',
      'pl.follow_up_on',
    ])
    .select((eb) =>
      eb
        .selectFrom('labour_mapping as m')
        .select('m.capacity_hours')
        .whereRef('m.municipality_id', '=', 'r.municipality_id')
        .whereRef('m.referral_id', '=', 'r.id')
        .orderBy('m.mapped_on', 'desc')
        .orderBy('m.created_at', 'desc')
        .limit(1)
        .as('capacity_hours'),
    )
    .where('r.municipality_id', '=', municipalityId);
}

/** The referrals of the user's units, newest first (at most `limit`). */
export async function listReferrals(
  db: Database,
  principal: Principal,
  filter: { status?: 'open' | 'closed' | undefined; q?: string | undefined; limit: number },
): Promise<ReferralListRow[]> {
  let query = referralSummaryQuery(db, principal.municipalityId)
    .innerJoin('client_case as c', (j) =>
      j.onRef('c.municipality_id', '=', 'r.municipality_id').onRef('c.id', '=', 'r.case_id'),
    )
    .where(caseVisibleTo(principal, 'c'));
  if (filter.status === 'open') query = query.where('r.exit_on', 'is', null);
  if (filter.status === 'closed') query = query.where('r.exit_on', 'is not', null);
  const q = filter.q?.trim();
  if (q) {
    // A protected identity is never found by name.
    const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query
      .where('p.protected_identity', '=', false)
      .where(sql<boolean>`lower(p.first_name || ' ' || p.last_name) LIKE ${pattern}`);
  }
  const rows = await query.orderBy('r.referred_on', 'desc').orderBy('r.id').limit(filter.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    person: personOf(r),
    initiator: r.initiator,
    referredOn: r.referred_on,
    introDay: r.intro_day,
    capacityHours: r.capacity_hours ?? null,
    activePlan:
      r.goal && r.starts_on && r.ends_on && r.follow_up_on
        ? { goal: r.goal, startsOn: r.starts_on, endsOn: r.ends_on, followUpOn: r.follow_up_on }
        : null,
    exitOn: r.exit_on,
    exitResult: r.exit_result,
  }));
}

export interface ReferralDetailRow {
  id: string;
  person: PersonRow;
  caseId: string;
  initiator: ReferralInitiator;
  ownerName: string;
  ownerUserId: string | null;
  assistanceCaseId: string | null;
  applicationId: string | null;
  referredOn: string;
  reason: string | null;
  introDay: string | null;
  introAttended: boolean | null;
  exitOn: string | null;
  exitResult: ExitResult | null;
  exitComment: string | null;
  mappings: {
    id: string;
    mappedOn: string;
    capacityHours: number;
    education: string | null;
    workExperience: string | null;
    obstacles: string | null;
    summary: string | null;
    mappedByName: string;
  }[];
  plans: {
    id: string;
    version: number;
    goal: string;
    startsOn: string;
    endsOn: string;
    followUpOn: string;
    status: 'active' | 'revised' | 'closed';
    createdByName: string;
    followUps: { id: string; doneOn: string; comment: string; doneByName: string }[];
  }[];
}

/** One referral with its mappings (newest first) and plans (newest version first). */
export async function loadReferralDetail(
  db: Database,
  municipalityId: string,
  referralId: string,
): Promise<ReferralDetailRow> {
  const r = await db
    .selectFrom('referral as r')
    .innerJoin('person as p', (j) =>
      j.onRef('p.municipality_id', '=', 'r.municipality_id').onRef('p.id', '=', 'r.person_id'),
    )
    .selectAll('r')
    .select(['p.first_name', 'p.last_name', 'p.protected_identity'])
    .where('r.municipality_id', '=', municipalityId)
    .where('r.id', '=', referralId)
    .executeTakeFirstOrThrow();
  const mappings = await db
    .selectFrom('labour_mapping as m')
    .innerJoin('app_user as u', (j) =>
      j.onRef('u.municipality_id', '=', 'm.municipality_id').onRef('u.id', '=', 'm.mapped_by'),
    )
    .selectAll('m')
    .select('u.display_name')
    .where('m.municipality_id', '=', municipalityId)
    .where('m.referral_id', '=', referralId)
    .orderBy('m.mapped_on', 'desc')
    .orderBy('m.created_at', 'desc')
    .execute();
  const plans = await db
    .selectFrom('personal_plan as pl')
    .innerJoin('app_user as u', (j) =>
      j.onRef('u.municipality_id', '=', 'pl.municipality_id').onRef('u.id', '=', 'pl.created_by'),
    )
    .selectAll('pl')
    .select('u.display_name')
    .where('pl.municipality_id', '=', municipalityId)
    .where('pl.referral_id', '=', referralId)
    .orderBy('pl.version', 'desc')
    .execute();
  const followUps =
    plans.length === 0
      ? []
      : await db
          .selectFrom('plan_follow_up as f')
          .innerJoin('app_user as u', (j) =>
            j.onRef('u.municipality_id', '=', 'f.municipality_id').onRef('u.id', '=', 'f.done_by'),
          )
          .select(['f.id', 'f.plan_id', 'f.done_on', 'f.comment', 'u.display_name'])
          .where('f.municipality_id', '=', municipalityId)
          .where(
            'f.plan_id',
            'in',
            plans.map((p) => p.id),
          )
          .orderBy('f.done_on', 'desc')
          .orderBy('f.created_at', 'desc')
          .execute();
  return {
    id: r.id,
    person: personOf(r),
    caseId: r.case_id,
    initiator: r.initiator,
    ownerName: r.owner_name,
    ownerUserId: r.owner_user_id,
    assistanceCaseId: r.assistance_case_id,
    applicationId: r.application_id,
    referredOn: r.referred_on,
    reason: r.reason,
    introDay: r.intro_day,
    introAttended: r.intro_attended,
    exitOn: r.exit_on,
    exitResult: r.exit_result,
    exitComment: r.exit_comment,
    mappings: mappings.map((m) => ({
      id: m.id,
      mappedOn: m.mapped_on,
      capacityHours: m.capacity_hours,
      education: m.education,
      workExperience: m.work_experience,
      obstacles: m.obstacles,
      summary: m.summary,
      mappedByName: m.display_name,
    })),
    plans: plans.map((p) => ({
      id: p.id,
      version: p.version,
      goal: p.goal,
      startsOn: p.starts_on,
      endsOn: p.ends_on,
      followUpOn: p.follow_up_on,
      status: p.status,
      createdByName: p.display_name,
      followUps: followUps
        .filter((f) => f.plan_id === p.id)
        .map((f) => ({ id: f.id, doneOn: f.done_on, comment: f.comment, doneByName: f.display_name })),
    })),
  };
}
