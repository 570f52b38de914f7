/** Personal plans (genomförandeplaner): a new plan revises the active one; follow-ups move the next date. */
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../http/context.ts';
import { registerEndpoint } from '../../http/endpoint.ts';
import { createFollowUp, createPlan, requirePlan } from '../db/plan-commands.ts';
import { requireReferral } from '../db/referral-scope.ts';
import {
  CreatedPlanResponse,
  CreatedResponse,
  NewFollowUpBody,
  NewPlanBody,
  PlanIdParams,
  ReferralIdParams,
} from './referral-schemas.ts';

const tags = ['Arbetsmarknadsenheten'];

export function registerPlanRoutes(app: FastifyInstance, deps: ServerDeps): void {
  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/labour/referrals/:id/plans',
    action: 'plan.create',
    permission: 'labour:write',
    summary:
      'A personal plan with goal, period and follow-up date; needs a mapping; revises the active plan (kept as an earlier version)',
    tags,
    params: ReferralIdParams,
    body: NewPlanBody,
    response: CreatedPlanResponse,
    status: 201,
    write: true,
    handler: async ({ db, principal, params, body, audit }) => {
      const ref = await requireReferral(db, principal, params.id, audit);
      return createPlan(db, principal.municipalityId, ref, body, principal.userId);
    },
  });

  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/labour/plans/:planId/follow-ups',
    action: 'plan.followup',
    permission: 'labour:write',
    summary: 'A follow-up of the active plan; optionally the next follow-up date (within the plan)',
    tags,
    params: PlanIdParams,
    body: NewFollowUpBody,
    response: CreatedResponse,
    status: 201,
    write: true,
    handler: async ({ db, principal, params, body, audit }) => {
      const target = await requirePlan(db, principal, params.planId);
      audit.personIds.add(target.referral.personId);
      audit.caseIds.add(target.referral.caseId);
      const id = await createFollowUp(db, principal.municipalityId, target, body, principal.userId);
      return { id };
    },
  });
}
