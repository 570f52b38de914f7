/**
 * Subsidised employments (arbetsmarknadsanställningar): registering one with its form, employer and
 * amounts; the union's review; start (with a notice to the assistance caseworker), end and cancel;
 * the a-kassa warning; and the unit's overview with "växla bidrag mot lön".
 */
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../http/context.ts';
import { registerEndpoint } from '../../http/endpoint.ts';
import { catalogues, interpolate, type Locale } from '../../i18n/catalogue.ts';
import { formatDate } from '../../i18n/format.ts';
import { swedishToday } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import {
  insertEmployment,
  loadEmployment,
  lockPerson,
  personEmployments,
  recordUnionReview,
  setEmploymentStatus,
  countsPerForm,
  employmentsEnding,
  type EmploymentRow,
} from '../db/employments.ts';
import { exchangeBenefitForWage } from '../db/exchange-benefit.ts';
import { assistanceCaseToNotify, notifyAssistance } from '../db/notices.ts';
import { requireOpen, requireReferral } from '../db/referral-scope.ts';
import { EMPLOYMENT_FORMS, employmentFormOn } from '../domain/employment-forms.ts';
import {
  addDays,
  checkCancel,
  checkEnd,
  checkNewEmployment,
  checkStart,
  checkUnionReview,
  type RuleViolation,
} from '../domain/employment-rules.ts';
import {
  unemploymentInsuranceWarning,
  type UnemploymentInsuranceWarning,
} from '../domain/unemployment-insurance-warning.ts';
import {
  CreatedEmploymentResponse,
  EmploymentChangedResponse,
  EmploymentIdParams,
  EmploymentListResponse,
  EndEmploymentBody,
  NewEmploymentBody,
  OverviewQuery,
  OverviewResponse,
  ReferralIdParams,
  StartedResponse,
  UnionReviewBody,
} from './employment-schemas.ts';

const tags = ['Arbetsmarknadsenheten'];

/** Employments ending within this many days are shown on the overview. */
export const ENDING_WITHIN_DAYS = 60;

function formLabel(locale: Locale, code: string): string {
  const labels = catalogues[locale].labour.employmentForms as Record<string, string>;
  return labels[code] ?? code;
}

function fail(violation: RuleViolation | null): void {
  if (violation) throw new AppError(violation.code, violation.params);
}

function presentWarning(warning: UnemploymentInsuranceWarning | null, locale: Locale) {
  if (!warning) return null;
  const qualifyingForms = warning.qualifyingForms.map((code) => ({ code, label: formLabel(locale, code) }));
  return {
    employmentId: warning.employmentId,
    form: warning.form,
    formLabel: formLabel(locale, warning.form),
    startsOn: warning.startsOn,
    endsOn: warning.endsOn,
    qualifyingForms,
    message: interpolate(catalogues[locale].employmentsUi.akassaWarning, {
      form: formLabel(locale, warning.form),
      startsOn: formatDate(warning.startsOn, locale),
      endsOn: formatDate(warning.endsOn, locale),
      forms: qualifyingForms.map((f) => f.label).join(', '),
    }),
  };
}

function presentEmployment(e: EmploymentRow, all: readonly EmploymentRow[], locale: Locale) {
  const extension = all.find((o) => o.extendsId === e.id && o.status !== 'cancelled');
  return {
    id: e.id,
    referralId: e.referralId,
    form: e.form,
    formLabel: formLabel(locale, e.form),
    qualifiesForUnemploymentInsurance:
      employmentFormOn(e.form, e.startsOn)?.qualifiesForUnemploymentInsurance ?? false,
    employer: e.employer,
    workplace: e.workplace,
    startsOn: e.startsOn,
    endsOn: e.endsOn,
    hoursPerWeek: e.hoursPerWeek,
    monthlySalaryCostOre: e.monthlySalaryCostOre,
    monthlySupportOre: e.monthlySupportOre,
    extendsId: e.extendsId,
    extendedBy: extension?.id ?? null,
    unionReview: e.unionReview,
    unionReason: e.unionReason,
    unionReviewedOn: e.unionReviewedOn,
    status: e.status,
    statusLabel: catalogues[locale].labour.employmentStatuses[e.status],
    endedOn: e.endedOn,
  };
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function registerEmploymentRoutes(app: FastifyInstance, deps: ServerDeps): void {
  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/labour/referrals/:id/employments',
    action: 'employment.create',
    permission: 'labour:write',
    summary:
      'Register a subsidised employment (form, employer, dates, hours, salary cost and support; optionally the extension of an earlier one); answers with the a-kassa warning if any',
    tags,
    params: ReferralIdParams,
    body: NewEmploymentBody,
    response: CreatedEmploymentResponse,
    status: 201,
    write: true,
    personalData: true,
    handler: async ({ db, principal, params, body, audit, locale, now }) => {
      const referral = await requireReferral(db, principal, params.id, audit);
      requireOpen(referral);
      const m = principal.municipalityId;
      // Two concurrent registrations for one person are checked for overlap one after the other.
      await lockPerson(db, m, referral.personId);
      const others = await personEmployments(db, m, referral.personId);
      const extendsId = body.extendsId ?? null;
      if (extendsId && !others.some((o) => o.id === extendsId)) throw new AppError('NOT_FOUND');
      const input = {
        form: body.form,
        startsOn: body.startsOn,
        endsOn: body.endsOn,
        monthlySalaryCostOre: body.monthlySalaryCostOre,
        monthlySupportOre: body.monthlySupportOre,
        extendsId,
      };
      fail(
        checkNewEmployment(input, others, (code) => {
          const label = formLabel(locale, code);
          return locale === 'sv' ? label.charAt(0).toLowerCase() + label.slice(1) : label;
        }),
      );
      const id = await insertEmployment(db, {
        municipalityId: m,
        referralId: referral.id,
        personId: referral.personId,
        form: body.form,
        employer: body.employer,
        workplace: body.workplace || null,
        startsOn: body.startsOn,
        endsOn: body.endsOn,
        hoursPerWeek: body.hoursPerWeek,
        monthlySalaryCostOre: body.monthlySalaryCostOre,
        monthlySupportOre: body.monthlySupportOre,
        extendsId,
        createdBy: principal.userId,
        now,
      });
      const warning = unemploymentInsuranceWarning([
        ...others,
        { id, ...input, endedOn: null, status: 'planned' },
      ]);
      return { id, warning: presentWarning(warning, locale) };
    },
  });

  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/labour/referrals/:id/employments',
    action: 'employment.list',
    permission: 'labour:read',
    summary:
      "The person's subsidised employments (form, qualifies for a-kassa, union review, status), the a-kassa warning and växla bidrag mot lön for the person",
    tags,
    params: ReferralIdParams,
    response: EmploymentListResponse,
    personalData: true,
    handler: async ({ db, principal, params, audit, locale, now }) => {
      const referral = await requireReferral(db, principal, params.id, audit);
      const today = swedishToday({ now: () => now });
      const employments = await personEmployments(db, principal.municipalityId, referral.personId);
      const month = today.slice(0, 7);
      const exchange =
        employments.length > 0
          ? await exchangeBenefitForWage(db, principal, { month, today, personId: referral.personId })
          : null;
      const mine = exchange?.persons[0];
      return {
        referralId: referral.id,
        personId: referral.personId,
        closed: referral.exitOn !== null,
        employments: employments.map((e) => presentEmployment(e, employments, locale)),
        warning: presentWarning(unemploymentInsuranceWarning(employments), locale),
        exchange: mine
          ? {
              month,
              thisMonth: mine.month,
              yearToDate: mine.yearToDate,
              assistanceAllowed: mine.assistanceAllowed,
            }
          : null,
      };
    },
  });

  /** Loads and locks the employment, checks the user's access to its referral and that it is open. */
  async function changeable(
    db: Parameters<typeof loadEmployment>[0],
    principal: Parameters<typeof requireReferral>[1],
    id: string,
    audit: { personIds: Set<string>; caseIds: Set<string> },
  ) {
    const employment = await loadEmployment(db, principal.municipalityId, id, true);
    const referral = await requireReferral(db, principal, employment.referralId);
    audit.personIds.add(employment.personId);
    audit.caseIds.add(referral.caseId);
    requireOpen(referral);
    return { employment, referral };
  }

  async function changedResponse(
    db: Parameters<typeof loadEmployment>[0],
    municipalityId: string,
    employment: EmploymentRow,
    status: EmploymentRow['status'],
    locale: Locale,
  ) {
    const all = await personEmployments(db, municipalityId, employment.personId);
    return {
      id: employment.id,
      status,
      warning: presentWarning(unemploymentInsuranceWarning(all), locale),
    };
  }

  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/labour/employments/:id/union-review',
    action: 'employment.union-review',
    permission: 'labour:write',
    summary: "Record the union's review of a planned placement: approved, or refused with a reason",
    tags,
    params: EmploymentIdParams,
    body: UnionReviewBody,
    response: EmploymentChangedResponse,
    write: true,
    personalData: true,
    handler: async ({ db, principal, params, body, audit, locale }) => {
      const { employment } = await changeable(db, principal, params.id, audit);
      fail(checkUnionReview(employment));
      await recordUnionReview(db, principal.municipalityId, employment.id, {
        decision: body.decision,
        reason: body.reason?.trim() || null,
        reviewedOn: body.reviewedOn,
      });
      return changedResponse(db, principal.municipalityId, employment, employment.status, locale);
    },
  });

  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/labour/employments/:id/start',
    action: 'employment.start',
    permission: 'labour:write',
    summary:
      'Start a planned employment the union has approved; the assistance caseworker is told if the labour-to-assistance flow stands',
    tags,
    params: EmploymentIdParams,
    response: StartedResponse,
    write: true,
    personalData: true,
    handler: async ({ db, principal, params, audit, locale, now }) => {
      const { employment, referral } = await changeable(db, principal, params.id, audit);
      fail(checkStart(employment));
      const m = principal.municipalityId;
      await setEmploymentStatus(db, m, employment.id, 'started');
      const today = swedishToday({ now: () => now });
      const assistanceCaseId = await assistanceCaseToNotify(db, m, referral, today);
      const notified = await notifyAssistance(db, {
        municipalityId: m,
        referralId: referral.id,
        personId: employment.personId,
        assistanceCaseId,
        kind: 'employment_started',
        detail: { form: employment.form, hoursPerWeek: employment.hoursPerWeek },
        day: today,
        now,
      });
      if (notified && assistanceCaseId) audit.caseIds.add(assistanceCaseId);
      return {
        ...(await changedResponse(db, m, employment, 'started', locale)),
        assistanceNotified: notified,
      };
    },
  });

  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/labour/employments/:id/end',
    action: 'employment.end',
    permission: 'labour:write',
    summary: 'End a started employment on a day within its period',
    tags,
    params: EmploymentIdParams,
    body: EndEmploymentBody,
    response: EmploymentChangedResponse,
    write: true,
    personalData: true,
    handler: async ({ db, principal, params, body, audit, locale }) => {
      const { employment } = await changeable(db, principal, params.id, audit);
      fail(checkEnd(employment, body.endedOn));
      await setEmploymentStatus(db, principal.municipalityId, employment.id, 'ended', body.endedOn);
      return changedResponse(db, principal.municipalityId, employment, 'ended', locale);
    },
  });

  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/labour/employments/:id/cancel',
    action: 'employment.cancel',
    permission: 'labour:write',
    summary: 'Cancel a planned employment that has not started',
    tags,
    params: EmploymentIdParams,
    response: EmploymentChangedResponse,
    write: true,
    personalData: true,
    handler: async ({ db, principal, params, audit, locale }) => {
      const { employment } = await changeable(db, principal, params.id, audit);
      fail(checkCancel(employment));
      await setEmploymentStatus(db, principal.municipalityId, employment.id, 'cancelled');
      return changedResponse(db, principal.municipalityId, employment, 'cancelled', locale);
    },
  });

  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/labour/employments/overview',
    action: 'employment.overview',
    permission: 'labour:read',
    summary:
      "The unit's employments per form in the month, those ending within 60 days, and växla bidrag mot lön for the month and the year to date",
    tags,
    query: OverviewQuery,
    response: OverviewResponse,
    personalData: true,
    handler: async ({ db, principal, query, audit, locale, now }) => {
      const today = swedishToday({ now: () => now });
      const month = query.month ?? today.slice(0, 7);
      const [y, mo] = month.split('-').map(Number) as [number, number];
      const monthEnd = `${month}-${String(new Date(Date.UTC(y, mo, 0)).getUTCDate()).padStart(2, '0')}`;
      const [counts, ending, exchange] = await Promise.all([
        countsPerForm(db, principal, `${month}-01`, monthEnd),
        employmentsEnding(db, principal, today, addDays(today, ENDING_WITHIN_DAYS)),
        exchangeBenefitForWage(db, principal, { month, today }),
      ]);
      for (const e of ending) audit.personIds.add(e.personId);
      for (const p of exchange.persons) audit.personIds.add(p.personId);
      const order = EMPLOYMENT_FORMS.map((f) => f.code);
      const byForm = counts
        .map((c) => ({
          form: c.form,
          label: formLabel(locale, c.form),
          qualifies: employmentFormOn(c.form, `${month}-01`)?.qualifiesForUnemploymentInsurance ?? false,
          count: c.count,
        }))
        .sort((a, b) => b.count - a.count || order.indexOf(a.form) - order.indexOf(b.form));
      return {
        month,
        today,
        byForm,
        totalEmployed: byForm.reduce((sum, f) => sum + f.count, 0),
        ending: ending.map((e) => ({
          id: e.id,
          referralId: e.referralId,
          personId: e.personId,
          name: e.protectedIdentity ? null : `${e.firstName} ${e.lastName}`,
          protectedIdentity: e.protectedIdentity,
          form: e.form,
          formLabel: formLabel(locale, e.form),
          employer: e.employer,
          startsOn: e.startsOn,
          endsOn: e.endsOn,
          daysLeft: daysBetween(today, e.endsOn),
          status: e.status,
        })),
        exchange: {
          month: exchange.totals.month,
          yearToDate: exchange.totals.yearToDate,
          persons: exchange.persons.map((p) => ({
            personId: p.personId,
            referralId: p.referralId,
            name: p.protectedIdentity ? null : `${p.firstName} ${p.lastName}`,
            protectedIdentity: p.protectedIdentity,
            assistanceAllowed: p.assistanceAllowed,
            thisMonth: p.month,
            yearToDate: p.yearToDate,
          })),
        },
      };
    },
  });
}
