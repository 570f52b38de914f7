/**
 * Action plans (handlingsplaner): plans, their goals, activities with responsible units,
 * follow-up occasions and the status of each activity at each follow-up. The rules (SMART check,
 * comment on deviation, progress) are the pure followup/domain/action-plans; here they are stored.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../../db/connection.ts';
import { AppError } from '../../shared/errors.ts';
import type { ActionStatus } from '../domain/action-plans/status.ts';

export interface PlanRow {
  id: string;
  title: string;
  description: string | null;
  periodFrom: string;
  periodTo: string;
  adoptedBy: string | null;
  adoptedOn: string | null;
  reference: string | null;
}

export interface PlanListRow extends PlanRow {
  goals: number;
  activities: number;
  followUps: number;
}

export interface GoalRow {
  id: string;
  number: number;
  text: string;
  indicatorId: string | null;
  targetValue: number | null;
  targetDate: string | null;
  baselineValue: number | null;
  responsibleUnitId: string | null;
  responsibleUnitName: string | null;
}

export interface ActivityRow {
  id: string;
  number: number;
  area: string;
  text: string;
  responsible: string | null;
  expectedEffect: string | null;
  goalId: string | null;
  units: { id: string; name: string }[];
}

export interface FollowUpRow {
  id: string;
  date: string;
  label: string;
}

export interface StatusRow {
  activityId: string;
  followUpId: string;
  status: ActionStatus;
  comment: string | null;
  recordedAt: Date;
  recordedBy: string | null;
}

const planColumns = [
  'p.id',
  'p.title',
  'p.description',
  'p.period_from as periodFrom',
  'p.period_to as periodTo',
  'p.adopted_by as adoptedBy',
  'p.adopted_on as adoptedOn',
  'p.reference',
] as const;

export async function listPlans(db: Database, municipalityId: string): Promise<PlanListRow[]> {
  return db
    .selectFrom('action_plan as p')
    .select(planColumns)
    .select([
      sql<number>`(SELECT count(*) FROM action_plan_goal g WHERE g.municipality_id = p.municipality_id AND g.plan_id = p.id)::int`.as(
        'goals',
      ),
      sql<number>`(SELECT count(*) FROM action_plan_activity a WHERE a.municipality_id = p.municipality_id AND a.plan_id = p.id)::int`.as(
        'activities',
      ),
      sql<number>`(SELECT count(*) FROM action_plan_followup f WHERE f.municipality_id = p.municipality_id AND f.plan_id = p.id)::int`.as(
        'followUps',
      ),
    ])
    .where('p.municipality_id', '=', municipalityId)
    .orderBy('p.period_from', 'desc')
    .orderBy('p.title')
    .execute();
}

/** The plan, or 404. */
export async function requirePlan(db: Database, municipalityId: string, planId: string): Promise<PlanRow> {
  const row = await db
    .selectFrom('action_plan as p')
    .select(planColumns)
    .where('p.municipality_id', '=', municipalityId)
    .where('p.id', '=', planId)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export interface NewPlan {
  title: string;
  description: string | null;
  periodFrom: string;
  periodTo: string;
  adoptedBy: string | null;
  adoptedOn: string | null;
  reference: string | null;
  followUps: { date: string; label: string }[];
}

export async function createPlan(
  db: Database,
  municipalityId: string,
  plan: NewPlan,
  userId: string,
  now: Date,
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('action_plan')
    .values({
      municipality_id: municipalityId,
      id,
      title: plan.title,
      description: plan.description,
      period_from: plan.periodFrom,
      period_to: plan.periodTo,
      adopted_by: plan.adoptedBy,
      adopted_on: plan.adoptedOn,
      reference: plan.reference,
      created_by: userId,
      created_at: now,
    })
    .execute();
  for (const followUp of plan.followUps) await addFollowUp(db, municipalityId, id, followUp);
  return id;
}

export async function planGoals(db: Database, municipalityId: string, planId: string): Promise<GoalRow[]> {
  return db
    .selectFrom('action_plan_goal as g')
    .leftJoin('unit as u', (join) =>
      join.onRef('u.municipality_id', '=', 'g.municipality_id').onRef('u.id', '=', 'g.responsible_unit_id'),
    )
    .select([
      'g.id',
      'g.number',
      'g.text',
      'g.indicator_id as indicatorId',
      'g.target_value as targetValue',
      'g.target_date as targetDate',
      'g.baseline_value as baselineValue',
      'g.responsible_unit_id as responsibleUnitId',
      'u.name as responsibleUnitName',
    ])
    .where('g.municipality_id', '=', municipalityId)
    .where('g.plan_id', '=', planId)
    .orderBy('g.number')
    .execute();
}

export async function planActivities(
  db: Database,
  municipalityId: string,
  planId: string,
): Promise<ActivityRow[]> {
  const rows = await db
    .selectFrom('action_plan_activity as a')
    .select([
      'a.id',
      'a.number',
      'a.area',
      'a.text',
      'a.responsible',
      'a.expected_effect as expectedEffect',
      'a.goal_id as goalId',
    ])
    .where('a.municipality_id', '=', municipalityId)
    .where('a.plan_id', '=', planId)
    .orderBy('a.number')
    .execute();
  const units = await db
    .selectFrom('action_plan_activity_unit as au')
    .innerJoin('action_plan_activity as a', (join) =>
      join.onRef('a.municipality_id', '=', 'au.municipality_id').onRef('a.id', '=', 'au.activity_id'),
    )
    .innerJoin('unit as u', (join) =>
      join.onRef('u.municipality_id', '=', 'au.municipality_id').onRef('u.id', '=', 'au.unit_id'),
    )
    .select(['au.activity_id as activityId', 'u.id', 'u.name'])
    .where('au.municipality_id', '=', municipalityId)
    .where('a.plan_id', '=', planId)
    .orderBy('u.name')
    .execute();
  return rows.map((row) => ({
    ...row,
    units: units.filter((u) => u.activityId === row.id).map((u) => ({ id: u.id, name: u.name })),
  }));
}

export async function planFollowUps(
  db: Database,
  municipalityId: string,
  planId: string,
): Promise<FollowUpRow[]> {
  return db
    .selectFrom('action_plan_followup')
    .select(['id', 'follow_up_on as date', 'label'])
    .where('municipality_id', '=', municipalityId)
    .where('plan_id', '=', planId)
    .orderBy('follow_up_on')
    .execute();
}

export async function planStatuses(
  db: Database,
  municipalityId: string,
  planId: string,
): Promise<StatusRow[]> {
  return db
    .selectFrom('action_plan_status as s')
    .innerJoin('action_plan_followup as f', (join) =>
      join.onRef('f.municipality_id', '=', 's.municipality_id').onRef('f.id', '=', 's.followup_id'),
    )
    .select([
      's.activity_id as activityId',
      's.followup_id as followUpId',
      's.status',
      's.comment',
      's.recorded_at as recordedAt',
      's.recorded_by as recordedBy',
    ])
    .where('s.municipality_id', '=', municipalityId)
    .where('f.plan_id', '=', planId)
    .execute();
}

/** Refuses unit ids that are not units of the municipality. */
export async function requireUnits(db: Database, municipalityId: string, unitIds: string[]): Promise<void> {
  if (unitIds.length === 0) return;
  const found = await db
    .selectFrom('unit')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('id', 'in', unitIds)
    .execute();
  if (found.length !== new Set(unitIds).size) throw new AppError('ACTION_UNIT_UNKNOWN');
}

export interface NewGoal {
  number: number;
  text: string;
  indicatorId: string | null;
  targetValue: number | null;
  targetDate: string | null;
  baselineValue: number | null;
  responsibleUnitId: string | null;
}

/** Goals and activities are numbered within their plan, each number once. */
async function requireFreeNumber(
  db: Database,
  table: 'action_plan_goal' | 'action_plan_activity',
  municipalityId: string,
  planId: string,
  number: number,
): Promise<void> {
  const taken = await db
    .selectFrom(table)
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('plan_id', '=', planId)
    .where('number', '=', number)
    .executeTakeFirst();
  if (taken) throw new AppError('ACTION_NUMBER_TAKEN', { number });
}

export async function addGoal(
  db: Database,
  municipalityId: string,
  planId: string,
  goal: NewGoal,
  now: Date,
): Promise<string> {
  await requireFreeNumber(db, 'action_plan_goal', municipalityId, planId, goal.number);
  if (goal.responsibleUnitId) await requireUnits(db, municipalityId, [goal.responsibleUnitId]);
  const id = randomUUID();
  await db
    .insertInto('action_plan_goal')
    .values({
      municipality_id: municipalityId,
      id,
      plan_id: planId,
      number: goal.number,
      text: goal.text,
      indicator_id: goal.indicatorId,
      target_value: goal.targetValue,
      target_date: goal.targetDate,
      baseline_value: goal.baselineValue,
      responsible_unit_id: goal.responsibleUnitId,
      created_at: now,
    })
    .execute();
  return id;
}

export interface NewActivity {
  number: number;
  area: string;
  text: string;
  responsible: string | null;
  expectedEffect: string | null;
  goalId: string | null;
  unitIds: string[];
}

export async function addActivity(
  db: Database,
  municipalityId: string,
  planId: string,
  activity: NewActivity,
  now: Date,
): Promise<string> {
  await requireFreeNumber(db, 'action_plan_activity', municipalityId, planId, activity.number);
  if (activity.goalId) {
    const goal = await db
      .selectFrom('action_plan_goal')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .where('plan_id', '=', planId)
      .where('id', '=', activity.goalId)
      .executeTakeFirst();
    if (!goal) throw new AppError('ACTION_GOAL_UNKNOWN');
  }
  const unitIds = [...new Set(activity.unitIds)];
  await requireUnits(db, municipalityId, unitIds);
  const id = randomUUID();
  await db
    .insertInto('action_plan_activity')
    .values({
      municipality_id: municipalityId,
      id,
      plan_id: planId,
      number: activity.number,
      area: activity.area,
      text: activity.text,
      responsible: activity.responsible,
      expected_effect: activity.expectedEffect,
      goal_id: activity.goalId,
      created_at: now,
    })
    .execute();
  if (unitIds.length > 0)
    await db
      .insertInto('action_plan_activity_unit')
      .values(
        unitIds.map((unitId) => ({ municipality_id: municipalityId, activity_id: id, unit_id: unitId })),
      )
      .execute();
  return id;
}

export async function addFollowUp(
  db: Database,
  municipalityId: string,
  planId: string,
  followUp: { date: string; label: string },
): Promise<string> {
  const existing = await db
    .selectFrom('action_plan_followup')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('plan_id', '=', planId)
    .where('follow_up_on', '=', followUp.date)
    .executeTakeFirst();
  if (existing) throw new AppError('ACTION_FOLLOWUP_EXISTS', { date: followUp.date });
  const id = randomUUID();
  await db
    .insertInto('action_plan_followup')
    .values({
      municipality_id: municipalityId,
      id,
      plan_id: planId,
      follow_up_on: followUp.date,
      label: followUp.label,
    })
    .execute();
  return id;
}

/** Whether the activity and the follow-up both belong to the plan. */
export async function activityAndFollowUpInPlan(
  db: Database,
  municipalityId: string,
  planId: string,
  activityId: string,
  followUpId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('action_plan_activity as a')
    .innerJoin('action_plan_followup as f', (join) =>
      join.onRef('f.municipality_id', '=', 'a.municipality_id').onRef('f.plan_id', '=', 'a.plan_id'),
    )
    .select('a.id')
    .where('a.municipality_id', '=', municipalityId)
    .where('a.plan_id', '=', planId)
    .where('a.id', '=', activityId)
    .where('f.id', '=', followUpId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Records (or replaces) the activity's status at the follow-up. */
export async function setStatus(
  db: Database,
  municipalityId: string,
  input: {
    activityId: string;
    followUpId: string;
    status: ActionStatus;
    comment: string | null;
    userId: string;
    now: Date;
  },
): Promise<void> {
  const values = {
    status: input.status,
    comment: input.comment,
    recorded_by: input.userId,
    recorded_at: input.now,
  };
  await db
    .insertInto('action_plan_status')
    .values({
      municipality_id: municipalityId,
      activity_id: input.activityId,
      followup_id: input.followUpId,
      ...values,
    })
    .onConflict((oc) => oc.columns(['municipality_id', 'activity_id', 'followup_id']).doUpdateSet(values))
    .execute();
}
