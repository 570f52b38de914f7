/** Calls, types and React Query hooks of the action plans (handlingsplaner). */
import { useQuery } from '@tanstack/react-query';
import type { ActionStatus } from '../../../src/followup/domain/action-plans/status.ts';
import type { ProgressStatus } from '../../../src/followup/domain/action-plans/progress.ts';
import type { SmartWarning } from '../../../src/followup/domain/action-plans/smart.ts';
import { request } from './client.ts';

export type { ActionStatus, ProgressStatus, SmartWarning };

export interface PlanFields {
  id: string;
  title: string;
  description: string | null;
  periodFrom: string;
  periodTo: string;
  adoptedBy: string | null;
  adoptedOn: string | null;
  reference: string | null;
}

export interface PlanListItem extends PlanFields {
  goals: number;
  activities: number;
  followUps: number;
}

export type StatusCounts = Record<ActionStatus, number>;

export interface PlanGoal {
  id: string;
  number: number;
  text: string;
  indicatorId: string | null;
  indicator: { id: string; title: string; unit: string; koladaId: string | null } | null;
  targetValue: number | null;
  targetDate: string | null;
  baselineValue: number | null;
  responsibleUnitId: string | null;
  responsibleUnitName: string | null;
  smart: { measurable: boolean; warnings: SmartWarning[] };
  progress: {
    direction: 'increase' | 'decrease' | 'hold';
    status: ProgressStatus;
    shareOfWay: number | null;
    expectedShare: number | null;
    percent: number;
    baselineYear: number;
    baseline: number | null;
    baselineEntered: boolean;
    judgedYear: number | null;
    current: number | null;
    years: { year: number; value: number | null; suppressed: boolean; partial: boolean }[];
  } | null;
}

export interface PlanActivity {
  id: string;
  number: number;
  area: string;
  text: string;
  responsible: string | null;
  expectedEffect: string | null;
  goalId: string | null;
  units: { id: string; name: string }[];
  statuses: { followUpId: string; status: ActionStatus; comment: string | null; recordedAt: string }[];
}

export interface PlanDetail extends PlanFields {
  followUps: { id: string; date: string; label: string; counts: StatusCounts }[];
  goals: PlanGoal[];
  activities: PlanActivity[];
  areas: string[];
  indicatorChoices: { id: string; title: string; unit: string }[];
}

export interface NewPlan {
  title: string;
  periodFrom: string;
  periodTo: string;
  adoptedBy?: string | null;
  adoptedOn?: string | null;
  reference?: string | null;
  followUps: { date: string; label: string }[];
}

export interface NewGoal {
  number: number;
  text: string;
  indicatorId?: string | null;
  targetValue?: number | null;
  targetDate?: string | null;
}

export interface NewActivity {
  number: number;
  area: string;
  text: string;
  responsible?: string | null;
  expectedEffect?: string | null;
  goalId?: string | null;
}

const BASE = '/followup/action-plans';
const seg = encodeURIComponent;

export const actionPlansApi = {
  list: () => request<{ items: PlanListItem[] }>('GET', BASE),
  get: (id: string) => request<PlanDetail>('GET', `${BASE}/${seg(id)}`),
  create: (body: NewPlan) => request<{ id: string }>('POST', BASE, { body }),
  addGoal: (planId: string, body: NewGoal) =>
    request<{ id: string }>('POST', `${BASE}/${seg(planId)}/goals`, { body }),
  addActivity: (planId: string, body: NewActivity) =>
    request<{ id: string }>('POST', `${BASE}/${seg(planId)}/activities`, { body }),
  setStatus: (
    planId: string,
    activityId: string,
    followUpId: string,
    body: { status: ActionStatus; comment?: string | null },
  ) =>
    request<void>('PUT', `${BASE}/${seg(planId)}/activities/${seg(activityId)}/statuses/${seg(followUpId)}`, {
      body,
    }),
};

export const actionPlanKeys = {
  all: ['followup', 'action-plans'] as const,
  plan: (id: string) => ['followup', 'action-plans', id] as const,
};

export const useActionPlans = () => useQuery({ queryKey: actionPlanKeys.all, queryFn: actionPlansApi.list });

export const useActionPlan = (id: string) =>
  useQuery({ queryKey: actionPlanKeys.plan(id), queryFn: () => actionPlansApi.get(id) });
