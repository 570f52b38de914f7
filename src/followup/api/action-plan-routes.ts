/**
 * Action plans (handlingsplaner) like Uppsala's 26-point plan (seed 002): plans with goals and
 * numbered activities by area, follow-up occasions and a status per activity at each of them (a
 * comment is required on deviation). Goals get a SMART check and progress from the indicator
 * engine. Reading needs followup:read (managers, analysts), changing followup:write (managers).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServerDeps } from '../../http/context.ts';
import { registerEndpoint } from '../../http/endpoint.ts';
import { errorMessage } from '../../i18n/catalogue.ts';
import { swedishToday } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import { measureGoals } from '../db/action-plan-progress.ts';
import {
  activityAndFollowUpInPlan,
  addActivity,
  addFollowUp,
  addGoal,
  createPlan,
  listPlans,
  planActivities,
  planFollowUps,
  planGoals,
  planStatuses,
  requirePlan,
  setStatus,
} from '../db/action-plans.ts';
import { ACTION_STATUSES, checkStatusComment } from '../domain/action-plans/status.ts';
import { INDICATORS, indicatorById } from '../domain/indicators/definitions.ts';

const tags = ['Uppföljning'];
const BASE = '/api/v1/followup/action-plans';

const IsoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'ÅÅÅÅ-MM-DD' });
const Text = (max: number) => z.string().trim().min(1).max(max);
const Optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
const Number_ = z.number().int().min(1).max(999);
const Status = z.enum(ACTION_STATUSES);

const PlanParams = z.object({ planId: z.uuid() });
const StatusParams = z.object({ planId: z.uuid(), activityId: z.uuid(), followUpId: z.uuid() });
const Created = z.object({ id: z.string() });

const FollowUpBody = z.strictObject({ date: IsoDate, label: Text(100) });
const PlanBody = z.strictObject({
  title: Text(300),
  description: Optional(4000),
  periodFrom: IsoDate,
  periodTo: IsoDate,
  adoptedBy: Optional(200),
  adoptedOn: IsoDate.nullish().transform((v) => v ?? null),
  reference: Optional(100),
  followUps: z.array(FollowUpBody).max(40).default([]),
});
const GoalBody = z.strictObject({
  number: Number_,
  text: Text(2000),
  indicatorId: z
    .string()
    .min(1)
    .max(100)
    .nullish()
    .transform((v) => v ?? null),
  targetValue: z
    .number()
    .finite()
    .nullish()
    .transform((v) => v ?? null),
  targetDate: IsoDate.nullish().transform((v) => v ?? null),
  baselineValue: z
    .number()
    .finite()
    .nullish()
    .transform((v) => v ?? null),
  responsibleUnitId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
});
const ActivityBody = z.strictObject({
  number: Number_,
  area: Text(200),
  text: Text(4000),
  responsible: Optional(300),
  expectedEffect: Optional(2000),
  goalId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  unitIds: z.array(z.uuid()).max(20).default([]),
});
const StatusBody = z.strictObject({ status: Status, comment: z.string().max(2000).nullish() });

const PlanFields = {
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  periodFrom: z.string(),
  periodTo: z.string(),
  adoptedBy: z.string().nullable(),
  adoptedOn: z.string().nullable(),
  reference: z.string().nullable(),
};
const StatusCounts = z.object({
  done: z.number().int(),
  on_plan: z.number().int(),
  partly_on_plan: z.number().int(),
  deviating: z.number().int(),
  stopped: z.number().int(),
});

const PlanListResponse = z.object({
  items: z.array(
    z.object({
      ...PlanFields,
      goals: z.number().int(),
      activities: z.number().int(),
      followUps: z.number().int(),
    }),
  ),
});

const YearValue = z.object({
  year: z.number().int(),
  value: z.number().nullable(),
  suppressed: z.boolean(),
  partial: z.boolean(),
});

const PlanDetailResponse = z.object({
  ...PlanFields,
  followUps: z.array(z.object({ id: z.string(), date: z.string(), label: z.string(), counts: StatusCounts })),
  goals: z.array(
    z.object({
      id: z.string(),
      number: z.number().int(),
      text: z.string(),
      indicatorId: z.string().nullable(),
      indicator: z
        .object({ id: z.string(), title: z.string(), unit: z.string(), koladaId: z.string().nullable() })
        .nullable(),
      targetValue: z.number().nullable(),
      targetDate: z.string().nullable(),
      baselineValue: z.number().nullable(),
      responsibleUnitId: z.string().nullable(),
      responsibleUnitName: z.string().nullable(),
      smart: z.object({ measurable: z.boolean(), warnings: z.array(z.string()) }),
      progress: z
        .object({
          direction: z.enum(['increase', 'decrease', 'hold']),
          status: z.enum(['achieved', 'on_track', 'behind', 'missed', 'no_data']),
          shareOfWay: z.number().nullable(),
          expectedShare: z.number().nullable(),
          percent: z.number(),
          baselineYear: z.number().int(),
          baseline: z.number().nullable(),
          baselineEntered: z.boolean(),
          judgedYear: z.number().int().nullable(),
          current: z.number().nullable(),
          years: z.array(YearValue),
        })
        .nullable(),
    }),
  ),
  activities: z.array(
    z.object({
      id: z.string(),
      number: z.number().int(),
      area: z.string(),
      text: z.string(),
      responsible: z.string().nullable(),
      expectedEffect: z.string().nullable(),
      goalId: z.string().nullable(),
      units: z.array(z.object({ id: z.string(), name: z.string() })),
      statuses: z.array(
        z.object({
          followUpId: z.string(),
          status: Status,
          comment: z.string().nullable(),
          recordedAt: z.string(),
        }),
      ),
    }),
  ),
  /** Areas in the order of their first activity. */
  areas: z.array(z.string()),
  /** Indicators a goal can be tied to. */
  indicatorChoices: z.array(z.object({ id: z.string(), title: z.string(), unit: z.string() })),
});

export function registerActionPlanRoutes(app: FastifyInstance, deps: ServerDeps): void {
  registerEndpoint(app, deps, {
    method: 'GET',
    url: BASE,
    action: 'followup.action-plans-list',
    permission: 'followup:read',
    summary: "The municipality's action plans",
    tags,
    response: PlanListResponse,
    handler: async ({ db, principal }) => ({ items: await listPlans(db, principal.municipalityId) }),
  });

  registerEndpoint(app, deps, {
    method: 'POST',
    url: BASE,
    action: 'followup.action-plan-create',
    permission: 'followup:write',
    summary: 'Create an action plan, optionally with its follow-up occasions',
    tags,
    body: PlanBody,
    response: Created,
    status: 201,
    write: true,
    handler: async ({ db, principal, body, now }) => {
      if (body.periodTo < body.periodFrom)
        throw new AppError('ACTION_PLAN_PERIOD', { from: body.periodFrom, to: body.periodTo });
      const id = await createPlan(db, principal.municipalityId, body, principal.userId, now);
      return { id };
    },
  });

  registerEndpoint(app, deps, {
    method: 'GET',
    url: `${BASE}/:planId`,
    action: 'followup.action-plan-read',
    permission: 'followup:read',
    summary:
      'A plan with its follow-ups, goals (SMART check and progress from the indicators) and activities with their statuses',
    tags,
    params: PlanParams,
    response: PlanDetailResponse,
    handler: async ({ db, principal, params, locale, now }) => {
      const m = principal.municipalityId;
      const plan = await requirePlan(db, m, params.planId);
      const [goals, activities, followUps, statuses] = await Promise.all([
        planGoals(db, m, plan.id),
        planActivities(db, m, plan.id),
        planFollowUps(db, m, plan.id),
        planStatuses(db, m, plan.id),
      ]);
      const measured = await measureGoals(db, m, plan, goals, swedishToday({ now: () => now }), locale);
      const areas: string[] = [];
      for (const a of activities) if (!areas.includes(a.area)) areas.push(a.area);
      return {
        ...plan,
        followUps: followUps.map((f) => {
          const counts = { done: 0, on_plan: 0, partly_on_plan: 0, deviating: 0, stopped: 0 };
          for (const s of statuses) if (s.followUpId === f.id) counts[s.status] += 1;
          return { ...f, counts };
        }),
        goals: goals.map((g) => {
          const m = measured.get(g.id)!;
          return { ...g, smart: m.smart, indicator: m.indicator, progress: m.progress };
        }),
        activities: activities.map((a) => ({
          ...a,
          statuses: statuses
            .filter((s) => s.activityId === a.id)
            .map((s) => ({
              followUpId: s.followUpId,
              status: s.status,
              comment: s.comment,
              recordedAt: new Date(s.recordedAt).toISOString(),
            })),
        })),
        areas,
        indicatorChoices: INDICATORS.map((i) => ({ id: i.id, title: i.title[locale], unit: i.unit })),
      };
    },
  });

  registerEndpoint(app, deps, {
    method: 'POST',
    url: `${BASE}/:planId/goals`,
    action: 'followup.action-plan-goal-create',
    permission: 'followup:write',
    summary: 'Add a goal: SMART when tied to an indicator, a target value and a target date',
    tags,
    params: PlanParams,
    body: GoalBody,
    response: Created,
    status: 201,
    write: true,
    handler: async ({ db, principal, params, body, now }) => {
      await requirePlan(db, principal.municipalityId, params.planId);
      if (body.indicatorId && !indicatorById(body.indicatorId))
        throw new AppError('ACTION_INDICATOR_UNKNOWN', { indicatorId: body.indicatorId });
      return { id: await addGoal(db, principal.municipalityId, params.planId, body, now) };
    },
  });

  registerEndpoint(app, deps, {
    method: 'POST',
    url: `${BASE}/:planId/activities`,
    action: 'followup.action-plan-activity-create',
    permission: 'followup:write',
    summary: 'Add a numbered activity in an area, with responsible units and expected effect',
    tags,
    params: PlanParams,
    body: ActivityBody,
    response: Created,
    status: 201,
    write: true,
    handler: async ({ db, principal, params, body, now }) => {
      await requirePlan(db, principal.municipalityId, params.planId);
      return { id: await addActivity(db, principal.municipalityId, params.planId, body, now) };
    },
  });

  registerEndpoint(app, deps, {
    method: 'POST',
    url: `${BASE}/:planId/follow-ups`,
    action: 'followup.action-plan-followup-create',
    permission: 'followup:write',
    summary: 'Add a follow-up occasion (e.g. April, August, year-end)',
    tags,
    params: PlanParams,
    body: FollowUpBody,
    response: Created,
    status: 201,
    write: true,
    handler: async ({ db, principal, params, body }) => {
      await requirePlan(db, principal.municipalityId, params.planId);
      return { id: await addFollowUp(db, principal.municipalityId, params.planId, body) };
    },
  });

  registerEndpoint(app, deps, {
    method: 'PUT',
    url: `${BASE}/:planId/activities/:activityId/statuses/:followUpId`,
    action: 'followup.action-plan-status-set',
    permission: 'followup:write',
    summary:
      "Record an activity's status at a follow-up; deviating, partly on plan and stopped need a comment",
    tags,
    params: StatusParams,
    body: StatusBody,
    write: true,
    handler: async ({ db, principal, params, body, locale, now }) => {
      const m = principal.municipalityId;
      await requirePlan(db, m, params.planId);
      if (!(await activityAndFollowUpInPlan(db, m, params.planId, params.activityId, params.followUpId)))
        throw new AppError('NOT_FOUND');
      const checked = checkStatusComment(body.status, body.comment);
      if (!checked.ok) {
        const message = errorMessage(locale, 'ACTION_STATUS_COMMENT_REQUIRED');
        throw new AppError('ACTION_STATUS_COMMENT_REQUIRED', {}, [{ path: '/comment', message }]);
      }
      await setStatus(db, m, {
        activityId: params.activityId,
        followUpId: params.followUpId,
        status: body.status,
        comment: checked.comment,
        userId: principal.userId,
        now,
      });
      return undefined;
    },
  });
}
