/** Applications and their norm calculation. */
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../http/context.ts';
import { registerEndpoint } from '../../http/endpoint.ts';
import { catalogues, type Locale } from '../../i18n/catalogue.ts';
import { swedishToday } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import { createApplication, loadApplicationForNorm, type ApplicationForNorm } from '../db/applications.ts';
import { requireCase } from '../db/case-scope.ts';
import { activateDirectly } from '../../labour/db/direct-activation.ts';
import { personNames } from '../db/names.ts';
import { loadSettings } from '../db/settings.ts';
import { proposeItems } from '../domain/decisions/decision-items.ts';
import { citeProvision } from '../domain/law/provisions.ts';
import { calculateNorm, type NormResult } from '../domain/norm/calculate-norm.ts';
import { presentNormReceipt } from '../domain/norm/norm-receipt.ts';
import { RIKSNORM_YEARS, riksnormForYear } from '../domain/norm/riksnorm-data.ts';
import { runNorm } from '../domain/norm/run-norm.ts';
import type { Principal } from '../../access/domain/principal.ts';
import type { Database } from '../../db/connection.ts';
import {
  ApplicationNormResponse,
  CaseIdParams,
  CreatedResponse,
  IdParams,
  NewApplicationBody,
  NormPreviewBody,
  NormReceiptSchema,
} from './schemas.ts';

const tags = ['Ekonomiskt bistånd'];

export function registerApplicationRoutes(app: FastifyInstance, deps: ServerDeps): void {
  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/assistance/cases/:caseId/applications',
    action: 'application.create',
    permission: 'assistance:write',
    summary: 'Register an application for a household and a month (paper or e-application)',
    tags,
    params: CaseIdParams,
    body: NewApplicationBody,
    response: CreatedResponse,
    status: 201,
    write: true,
    personalData: true,
    handler: async ({ db, principal, params, body, audit, now }) => {
      const caseRef = await requireCase(db, principal, params.caseId);
      audit.caseIds.add(caseRef.id);
      if (caseRef.closedOn) throw new AppError('CASE_CLOSED');
      const month = `${body.month}-01`;
      const today = swedishToday({ now: () => now });
      if (body.receivedOn > today) throw new AppError('RECEIVED_IN_FUTURE');
      if (body.completeOn && body.completeOn < body.receivedOn)
        throw new AppError('COMPLETE_BEFORE_RECEIVED');
      const settings = await loadSettings(db, principal.municipalityId);
      const id = await createApplication(db, {
        municipalityId: principal.municipalityId,
        caseRef,
        month,
        channel: body.channel,
        receivedOn: body.receivedOn,
        completeOn: body.completeOn,
        selfAssessedUnemployed: body.selfAssessedUnemployed,
        housing: body.housing,
        members: body.members,
        costs: body.costs,
        incomes: body.incomes,
        createdBy: principal.userId,
        reactualisationMonths: settings.reactualisationMonths,
        followUpMonths: settings.followUpMonths,
      });
      const referral = await activateDirectly(db, {
        municipalityId: principal.municipalityId,
        applicationId: id,
        today,
        createdBy: principal.userId,
      });
      if (referral) audit.personIds.add(referral.personId);
      return { id };
    },
  });

  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/assistance/applications/:id/norm',
    action: 'application.norm',
    permission: 'assistance:read',
    summary: "The application's norm calculation as a receipt, and the items a decision is taken on",
    tags,
    params: IdParams,
    response: ApplicationNormResponse,
    personalData: true,
    handler: async ({ db, principal, params, audit, locale }) => {
      const application = await requireApplication(db, principal, params.id);
      audit.caseIds.add(application.caseId);
      const { result } = await normOf(db, principal.municipalityId, application);
      const names = await personNames(
        db,
        principal.municipalityId,
        application.members.map((m) => m.personId),
      );
      for (const member of application.members) audit.personIds.add(member.personId);
      return {
        applicationId: application.id,
        caseId: application.caseId,
        status: application.status,
        month: application.month.slice(0, 7),
        receipt: presentNormReceipt(result, riksnormForYear(result.year)!, application.month, locale),
        proposal: proposeItems(result).map((item) => ({
          lineNo: item.lineNo,
          itemType: item.itemType,
          label: itemLabel(item.itemType, locale),
          appliedOre: item.applied,
          acceptedOre: item.accepted,
          provision: citeProvision(item.provision, application.month, locale),
        })),
        incomesOre: result.incomes,
        members: application.members.map((m) => ({ ...m, name: names.get(m.personId) ?? null })),
      };
    },
  });

  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/assistance/norm/preview',
    action: 'norm.preview',
    permission: 'assistance:read',
    summary:
      'Calculate the norm for a household given as JSON (no personal data; the same as `npx kedjan norm`)',
    tags,
    body: NormPreviewBody,
    response: NormReceiptSchema,
    audit: false,
    handler: async ({ body, locale }) => {
      const outcome = runNorm(body, locale);
      if (!outcome.ok)
        throw new AppError(
          'VALIDATION_FAILED',
          { details: outcome.errors.map((e) => `${e.path}: ${e.message}`).join('; ') },
          outcome.errors,
        );
      return outcome.receipt;
    },
  });
}

export function itemLabel(itemType: string, locale: Locale): string {
  const texts = catalogues[locale].assistance;
  if (itemType === 'riksnorm') return texts.normSections.riksnorm;
  return texts.costTypes[itemType as keyof typeof texts.costTypes] ?? itemType;
}

export async function requireApplication(
  db: Database,
  principal: Principal,
  applicationId: string,
): Promise<ApplicationForNorm> {
  const application = await loadApplicationForNorm(db, principal.municipalityId, applicationId);
  if (!application) throw new AppError('NOT_FOUND');
  await requireCase(db, principal, application.caseId);
  return application;
}

/** The norm of an application with the riksnorm of its year and the municipality's guidelines. */
export async function normOf(
  db: Database,
  municipalityId: string,
  application: ApplicationForNorm,
): Promise<{ result: NormResult }> {
  const year = Number(application.month.slice(0, 4));
  const table = riksnormForYear(year);
  if (!table) throw new AppError('RIKSNORM_YEAR_MISSING', { year, years: RIKSNORM_YEARS.join(', ') });
  const settings = await loadSettings(db, municipalityId);
  return { result: calculateNorm(table, application.household, { costLimits: settings.costLimits }) };
}
