/** Decisions: drafted per cost item from the norm, signed, read, and printed as a letter. */
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../../access/domain/principal.ts';
import type { Database } from '../../db/connection.ts';
import type { ServerDeps } from '../../http/context.ts';
import { registerEndpoint } from '../../http/endpoint.ts';
import { catalogues, type Locale } from '../../i18n/catalogue.ts';
import { swedishToday } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import { requireCase } from '../db/case-scope.ts';
import { createDecision, signDecision } from '../db/decisions.ts';
import { decideItems, decisionTotal, proposeItems } from '../domain/decisions/decision-items.ts';
import { citeProvision, type ProvisionKey } from '../domain/law/provisions.ts';
import { itemLabel, normOf, requireApplication } from './application-routes.ts';
import { CreatedResponse, DecisionResponse, IdParams, NewDecisionBody } from './schemas.ts';

const tags = ['Ekonomiskt bistånd'];

type DecisionRule = keyof (typeof catalogues)['sv']['assistance']['decisionRules'];

function ruleError(locale: Locale, rule: DecisionRule, line: number | string = '–'): AppError {
  return new AppError('DECISION_RULE', { rule: catalogues[locale].assistance.decisionRules[rule], line });
}

export function registerDecisionRoutes(app: FastifyInstance, deps: ServerDeps): void {
  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/assistance/applications/:id/decisions',
    action: 'decision.create',
    permission: 'assistance:write',
    summary: 'Draft a decision on an application: granted, partly granted or refused per item',
    tags,
    params: IdParams,
    body: NewDecisionBody,
    response: CreatedResponse,
    status: 201,
    write: true,
    personalData: true,
    handler: async ({ db, principal, params, body, audit, locale, now }) => {
      const application = await requireApplication(db, principal, params.id);
      audit.caseIds.add(application.caseId);
      if (application.status !== 'received' && !body.supersedesId) throw new AppError('APPLICATION_NOT_OPEN');
      if (body.payOn.slice(0, 7) > application.month.slice(0, 7))
        throw ruleError(locale, 'pay_on_after_month');
      if (body.supersedesId) await checkSupersedes(db, principal, body.supersedesId, application.id, locale);

      const { result } = await normOf(db, principal.municipalityId, application);
      const decided = decideItems(
        proposeItems(result),
        body.items.map((i) => ({ lineNo: i.lineNo, granted: i.grantedOre, reason: i.reason })),
      );
      if ('error' in decided) throw ruleError(locale, decided.error, decided.lineNo);

      const adults = application.members.filter((m) => m.role === 'applicant' || m.role === 'partner');
      const payee = body.payeePersonId ?? application.members.find((m) => m.role === 'applicant')!.personId;
      if (!adults.some((m) => m.personId === payee)) throw ruleError(locale, 'payee_not_member');
      for (const member of application.members) audit.personIds.add(member.personId);

      const id = await createDecision(db, {
        municipalityId: principal.municipalityId,
        caseId: application.caseId,
        applicationId: application.id,
        month: application.month,
        decidedOn: swedishToday({ now: () => now }),
        decidedBy: principal.userId,
        norm: result,
        items: decided.items,
        grantedOre: decisionTotal(decided.items, result.incomes, body.reduction?.amountOre ?? 0),
        reduction: body.reduction,
        condition: body.condition,
        reasons: body.reasons,
        payeePersonId: payee,
        payOn: body.payOn,
        supersedesId: body.supersedesId,
      });
      return { id };
    },
  });

  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/assistance/decisions/:id/sign',
    action: 'decision.sign',
    permission: 'assistance:write',
    summary: 'Sign a drafted decision; from then on it never changes',
    tags,
    params: IdParams,
    write: true,
    handler: async ({ db, principal, params, audit, now }) => {
      const decision = await requireDecision(db, principal, params.id);
      audit.caseIds.add(decision.caseId);
      const signed = await signDecision(db, principal.municipalityId, params.id, principal.userId, now);
      audit.personIds.add(signed.payeePersonId);
      return undefined;
    },
  });

  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/assistance/decisions/:id',
    action: 'decision.read',
    permission: 'assistance:read',
    summary: 'A decision with its items, legal basis per item and totals',
    tags,
    params: IdParams,
    response: DecisionResponse,
    personalData: true,
    handler: async ({ db, principal, params, audit, locale }) => {
      const decision = await requireDecision(db, principal, params.id);
      audit.caseIds.add(decision.caseId);
      return presentDecision(db, principal.municipalityId, params.id, locale);
    },
  });
}

async function checkSupersedes(
  db: Database,
  principal: Principal,
  supersedesId: string,
  applicationId: string,
  locale: Locale,
): Promise<void> {
  const old = await db
    .selectFrom('decision as d')
    .leftJoin('payment as p', (j) =>
      j
        .onRef('p.municipality_id', '=', 'd.municipality_id')
        .onRef('p.decision_id', '=', 'd.id')
        .on('p.status', 'in', ['planned', 'sent']),
    )
    .select(['d.application_id', 'd.status', 'p.id as payment_id'])
    .where('d.municipality_id', '=', principal.municipalityId)
    .where('d.id', '=', supersedesId)
    .executeTakeFirst();
  if (!old) throw new AppError('NOT_FOUND');
  if (old.status !== 'signed') throw new AppError('DECISION_NOT_SIGNED');
  if (old.application_id !== applicationId) throw ruleError(locale, 'supersedes_other_application');
  if (old.payment_id) throw ruleError(locale, 'supersedes_paid');
}

export async function requireDecision(
  db: Database,
  principal: Principal,
  decisionId: string,
): Promise<{ caseId: string }> {
  const row = await db
    .selectFrom('decision')
    .select('case_id')
    .where('municipality_id', '=', principal.municipalityId)
    .where('id', '=', decisionId)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  await requireCase(db, principal, row.case_id);
  return { caseId: row.case_id };
}

export async function presentDecision(
  db: Database,
  municipalityId: string,
  decisionId: string,
  locale: Locale,
) {
  const d = await db
    .selectFrom('decision as d')
    .innerJoin('app_user as u', (j) =>
      j.onRef('u.municipality_id', '=', 'd.municipality_id').onRef('u.id', '=', 'd.decided_by'),
    )
    .selectAll('d')
    .select('u.display_name')
    .where('d.municipality_id', '=', municipalityId)
    .where('d.id', '=', decisionId)
    .executeTakeFirstOrThrow();
  const items = await db
    .selectFrom('decision_item')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('decision_id', '=', decisionId)
    .orderBy('line_no')
    .execute();
  return {
    id: d.id,
    caseId: d.case_id,
    applicationId: d.application_id,
    month: d.month.slice(0, 7),
    status: d.status,
    decidedOn: d.decided_on,
    decidedBy: d.display_name,
    signedAt: d.signed_at ? new Date(d.signed_at).toISOString() : null,
    grantedOre: d.granted_ore,
    reductionOre: d.reduction_ore,
    reductionReason: d.reduction_reason,
    condition: d.condition,
    conditionDetail: d.condition_detail,
    reasons: d.reasons,
    payOn: d.pay_on,
    supersedesId: d.supersedes_id,
    items: items.map((item) => ({
      lineNo: item.line_no,
      itemType: item.item_type,
      label: itemLabel(item.item_type, locale),
      appliedOre: item.applied_ore,
      grantedOre: item.granted_ore,
      outcome: item.outcome,
      provision: citeProvision(item.provision as ProvisionKey, d.decided_on, locale),
      reason: item.reason,
    })),
  };
}
