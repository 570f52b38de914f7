/**
 * Control: the fraud investigator's investigations of incorrect payments, recovery decisions with
 * a repayment plan, and the double-rent check.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Principal } from '../../access/domain/principal.ts';
import type { Database } from '../../db/connection.ts';
import type { ServerDeps } from '../../http/context.ts';
import { registerEndpoint, type AuditNotes } from '../../http/endpoint.ts';
import { catalogues, type Locale } from '../../i18n/catalogue.ts';
import { swedishToday } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import { requireCase } from '../db/case-scope.ts';
import { rentClaimsOfMonth, type RentClaimRow } from '../db/double-rent.ts';
import {
  caseApplicant,
  closeInvestigation,
  createInvestigation,
  createRecovery,
  listInvestigations,
  loadInvestigation,
  paymentsInPeriod,
  recoveriesOf,
  saveFindings,
  type InvestigationRow,
  type RecoveryRow,
} from '../db/investigations.ts';
import { findDoubleRent } from '../domain/control/double-rent.ts';
import { daysOpen, INVESTIGATION_OUTCOMES, SUSPICIONS } from '../domain/control/investigations.ts';
import {
  instalmentCount,
  MAX_INSTALMENTS,
  recoveryProvision,
  repaymentPlan,
} from '../domain/control/recovery.ts';
import { citeProvision } from '../domain/law/provisions.ts';
import { CaseIdParams, IdParams } from './schemas.ts';

const tags = ['Kontroll'];
const isoDate = z.iso.date();
/** A recovery can span many months of assistance; the column is a 32-bit integer. */
const recoveryOre = z.number().int().min(1).max(2_000_000_000);
/** The earliest date the recovery provisions can be cited for (SoL 2001:453 in force). */
const FIRST_RECOVERY_DATE = '2002-01-01';

const OpenInvestigationBody = z.strictObject({
  suspicion: z.enum(SUSPICIONS),
  openedOn: isoDate.optional().describe('Defaults to today'),
  periodFrom: isoDate
    .optional()
    .describe('First day of the period under suspicion; defaults to the day the case opened'),
  periodTo: isoDate.optional().describe('Last day of the period under suspicion; defaults to openedOn'),
});
const FindingsBody = z.strictObject({ findings: z.string().trim().max(20000) });
const CloseBody = z.strictObject({ outcome: z.enum(INVESTIGATION_OUTCOMES), closedOn: isoDate });
const ListQuery = z.strictObject({
  status: z.enum(['open', 'closed']).optional(),
  sort: z
    .enum(['opened', '-opened'])
    .default('opened')
    .describe('opened: oldest first; -opened: newest first'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
const RecoveryBody = z.strictObject({
  amountOre: recoveryOre,
  monthlyOre: recoveryOre,
  firstDueOn: isoDate,
  reasons: z.string().trim().min(1).max(10000),
  grantedFrom: isoDate.describe('When the recovered assistance was granted: decides which act applies'),
});
const DoubleRentQuery = z.strictObject({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM') });

const Status = z.enum(['open', 'closed']);
const Outcome = z.enum(INVESTIGATION_OUTCOMES);

const InvestigationListResponse = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      caseId: z.uuid(),
      applicantName: z.string().nullable().describe('null for a protected identity'),
      suspicion: z.enum(SUSPICIONS),
      suspicionLabel: z.string(),
      status: Status,
      outcome: Outcome.nullable(),
      openedOn: z.string(),
      closedOn: z.string().nullable(),
      daysOpen: z.number().int(),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

const RecoveryResponse = z.object({
  id: z.uuid(),
  decidedOn: z.string(),
  amountOre: z.number().int(),
  monthlyOre: z.number().int(),
  firstDueOn: z.string(),
  grantedFrom: z.string(),
  provision: z.string().describe('the recovery provision in force when the assistance was granted'),
  reasons: z.string(),
  plan: z.array(z.object({ no: z.number().int(), dueOn: z.string(), amountOre: z.number().int() })),
});

const InvestigationResponse = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  applicantName: z.string().nullable().describe('null for a protected identity'),
  suspicion: z.enum(SUSPICIONS),
  suspicionLabel: z.string(),
  status: Status,
  outcome: Outcome.nullable(),
  outcomeLabel: z.string().nullable(),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  daysOpen: z.number().int(),
  periodFrom: z.string(),
  periodTo: z.string(),
  findings: z.string(),
  payments: z
    .array(
      z.object({
        id: z.uuid(),
        decisionId: z.uuid(),
        month: z.string(),
        payOn: z.string(),
        amountOre: z.number().int(),
        status: z.enum(['planned', 'sent', 'stopped', 'reversed']),
      }),
    )
    .describe('payments of assistance for the months of the period'),
  paidOre: z.number().int().describe('the sum of the payments sent'),
  recoveries: z.array(RecoveryResponse),
});

const DoubleRentResponse = z.object({
  month: z.string(),
  groups: z.array(
    z.object({
      matchedBy: z.array(z.enum(['address', 'contract'])),
      address: z.string().nullable(),
      apartment: z.string().nullable(),
      contract: z.string().nullable(),
      claims: z.array(
        z.object({
          caseId: z
            .uuid()
            .nullable()
            .describe('null for a protected identity, unless the user has clearance'),
          applicationId: z.uuid().nullable(),
          unitName: z.string().nullable(),
          applicantName: z
            .string()
            .nullable()
            .describe('only for cases of the user’s units, never protected'),
          protectedIdentity: z.boolean(),
          inMyUnits: z.boolean(),
          rentOre: z.number().int(),
        }),
      ),
    }),
  ),
});

export function registerControlRoutes(app: FastifyInstance, deps: ServerDeps): void {
  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/assistance/cases/:caseId/investigations',
    action: 'investigation.open',
    permission: 'investigation:manage',
    summary: 'Open an investigation of incorrect payments on a case',
    tags,
    params: CaseIdParams,
    body: OpenInvestigationBody,
    response: z.object({ id: z.uuid() }),
    status: 201,
    write: true,
    handler: async ({ db, principal, params, body, audit, now }) => {
      audit.purpose = 'fraud_investigation';
      const caseRef = await requireCase(db, principal, params.caseId);
      audit.caseIds.add(caseRef.id);
      const today = swedishToday({ now: () => now });
      const openedOn = body.openedOn ?? today;
      requireBetween(openedOn, caseRef.openedOn, today);
      const periodFrom = body.periodFrom ?? caseRef.openedOn;
      const periodTo = body.periodTo ?? openedOn;
      requireBetween(periodTo, periodFrom, today);
      const id = await createInvestigation(db, {
        municipalityId: principal.municipalityId,
        caseId: caseRef.id,
        openedBy: principal.userId,
        openedOn,
        periodFrom,
        periodTo,
        suspicion: body.suspicion,
      });
      return { id };
    },
  });

  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/assistance/investigations',
    action: 'investigation.list',
    permission: 'investigation:manage',
    summary: "The investigator's investigations: open first, then by the day opened",
    tags,
    query: ListQuery,
    response: InvestigationListResponse,
    personalData: true,
    handler: async ({ db, principal, query, audit, locale, now }) => {
      audit.purpose = 'fraud_investigation';
      const today = swedishToday({ now: () => now });
      const { total, rows } = await listInvestigations(db, principal, query);
      const labels = catalogues[locale].control.suspicions;
      for (const row of rows) {
        audit.caseIds.add(row.caseId);
        if (row.applicantId) audit.personIds.add(row.applicantId);
      }
      return {
        items: rows.map((row) => ({
          id: row.id,
          caseId: row.caseId,
          applicantName: row.applicantName,
          suspicion: row.suspicion,
          suspicionLabel: labels[row.suspicion],
          status: row.status,
          outcome: row.outcome,
          openedOn: row.openedOn,
          closedOn: row.closedOn,
          daysOpen: daysOpen(row.openedOn, row.closedOn, today),
        })),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },
  });

  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/assistance/investigations/:id',
    action: 'investigation.read',
    permission: 'investigation:manage',
    summary: "An investigation: findings, the case's payments in the period, and recovery decisions",
    tags,
    params: IdParams,
    response: InvestigationResponse,
    personalData: true,
    handler: async ({ db, principal, params, audit, locale, now }) => {
      const investigation = await requireInvestigation(db, principal, params.id, audit);
      const today = swedishToday({ now: () => now });
      const m = principal.municipalityId;
      const [applicant, payments, recoveries] = await Promise.all([
        caseApplicant(db, m, investigation.caseId),
        paymentsInPeriod(db, m, investigation.caseId, investigation.periodFrom, investigation.periodTo),
        recoveriesOf(db, m, investigation.id),
      ]);
      if (applicant) audit.personIds.add(applicant.personId);
      for (const payment of payments) audit.personIds.add(payment.personId);
      const texts = catalogues[locale].control;
      return {
        id: investigation.id,
        caseId: investigation.caseId,
        applicantName: applicant?.name ?? null,
        suspicion: investigation.suspicion,
        suspicionLabel: texts.suspicions[investigation.suspicion],
        status: investigation.status,
        outcome: investigation.outcome,
        outcomeLabel: investigation.outcome ? texts.outcomes[investigation.outcome] : null,
        openedOn: investigation.openedOn,
        closedOn: investigation.closedOn,
        daysOpen: daysOpen(investigation.openedOn, investigation.closedOn, today),
        periodFrom: investigation.periodFrom,
        periodTo: investigation.periodTo,
        findings: investigation.findings,
        payments: payments.map((p) => ({
          id: p.id,
          decisionId: p.decisionId,
          month: p.month.slice(0, 7),
          payOn: p.payOn,
          amountOre: p.amountOre,
          status: p.status,
        })),
        paidOre: payments.filter((p) => p.status === 'sent').reduce((sum, p) => sum + p.amountOre, 0),
        recoveries: recoveries.map((r) => presentRecovery(r, locale)),
      };
    },
  });

  registerEndpoint(app, deps, {
    method: 'PUT',
    url: '/api/v1/assistance/investigations/:id/findings',
    action: 'investigation.findings',
    permission: 'investigation:manage',
    summary: "Save the investigation's findings (while it is open)",
    tags,
    params: IdParams,
    body: FindingsBody,
    write: true,
    handler: async ({ db, principal, params, body, audit }) => {
      const investigation = await requireInvestigation(db, principal, params.id, audit, true);
      if (investigation.status !== 'open') throw new AppError('INVESTIGATION_CLOSED');
      await saveFindings(db, principal.municipalityId, investigation.id, body.findings);
      return undefined;
    },
  });

  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/assistance/investigations/:id/close',
    action: 'investigation.close',
    permission: 'investigation:manage',
    summary: 'Close the investigation with its outcome',
    tags,
    params: IdParams,
    body: CloseBody,
    write: true,
    handler: async ({ db, principal, params, body, audit, now }) => {
      const investigation = await requireInvestigation(db, principal, params.id, audit, true);
      if (investigation.status !== 'open') throw new AppError('INVESTIGATION_CLOSED');
      requireBetween(body.closedOn, investigation.openedOn, swedishToday({ now: () => now }));
      await closeInvestigation(db, principal.municipalityId, investigation.id, body.outcome, body.closedOn);
      return undefined;
    },
  });

  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/assistance/investigations/:id/recoveries',
    action: 'recovery.decide',
    permission: 'investigation:manage',
    summary:
      'Decide a recovery (återkrav) with a monthly repayment plan; the provision is the one in force when the assistance was granted',
    tags,
    params: IdParams,
    body: RecoveryBody,
    response: RecoveryResponse,
    status: 201,
    write: true,
    handler: async ({ db, principal, params, body, audit, locale, now }) => {
      const investigation = await requireInvestigation(db, principal, params.id, audit, true);
      if (investigation.outcome === 'no_incorrect_payment') throw new AppError('RECOVERY_NOT_ALLOWED');
      if (body.monthlyOre > body.amountOre) throw new AppError('RECOVERY_MONTHLY_ABOVE_AMOUNT');
      if (instalmentCount(body.amountOre, body.monthlyOre) > MAX_INSTALMENTS)
        throw new AppError('RECOVERY_PLAN_TOO_LONG', { max: MAX_INSTALMENTS });
      const today = swedishToday({ now: () => now });
      requireBetween(body.grantedFrom, FIRST_RECOVERY_DATE, today);
      requireBetween(body.firstDueOn, today, addYears(today, 1));
      const provision = recoveryProvision(body.grantedFrom)!;
      const recovery: RecoveryRow = {
        id: '',
        decidedBy: principal.userId,
        decidedOn: today,
        amountOre: body.amountOre,
        grantedFrom: body.grantedFrom,
        provision,
        monthlyOre: body.monthlyOre,
        firstDueOn: body.firstDueOn,
        reasons: body.reasons,
      };
      recovery.id = await createRecovery(db, {
        ...recovery,
        municipalityId: principal.municipalityId,
        investigationId: investigation.id,
        caseId: investigation.caseId,
      });
      return presentRecovery(recovery, locale);
    },
  });

  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/assistance/checks/double-rent',
    action: 'control.double-rent',
    permission: 'control:read',
    summary:
      'Households claiming rent for the same flat (address and apartment, or contract) in the same month',
    tags,
    query: DoubleRentQuery,
    response: DoubleRentResponse,
    personalData: true,
    handler: async ({ db, principal, query, audit }) => {
      audit.criteria = { month: query.month };
      const claims = await rentClaimsOfMonth(db, principal, `${query.month}-01`);
      const groups = findDoubleRent(claims).filter((g) => g.claims.some((c) => (c as RentClaimRow).visible));
      return {
        month: query.month,
        groups: groups.map((group) => {
          const rows = group.claims as RentClaimRow[];
          // A protected household's address is never shown: the group is described by the others'.
          const open = rows.filter((r) => !r.protectedIdentity);
          const byAddress = open.find((r) => r.address);
          const byContract = open.find((r) => r.contract);
          return {
            matchedBy: group.matchedBy,
            address: group.matchedBy.includes('address') ? (byAddress?.address ?? null) : null,
            apartment: group.matchedBy.includes('address') ? (byAddress?.apartment ?? null) : null,
            contract: group.matchedBy.includes('contract') ? (byContract?.contract ?? null) : null,
            claims: rows.map((row) => presentClaim(row, principal, audit)),
          };
        }),
      };
    },
  });
}

function presentClaim(row: RentClaimRow, principal: Principal, audit: AuditNotes) {
  const hidden = row.protectedIdentity && !principal.protectedIdentityClearance;
  if (!hidden) audit.caseIds.add(row.caseId);
  const named = row.visible && !row.protectedIdentity && row.applicantName !== null;
  if (named && row.applicantId) audit.personIds.add(row.applicantId);
  return {
    caseId: hidden ? null : row.caseId,
    applicationId: hidden ? null : row.applicationId,
    unitName: hidden ? null : row.unitName,
    applicantName: named ? row.applicantName : null,
    protectedIdentity: row.protectedIdentity,
    inMyUnits: row.visible,
    rentOre: row.rentOre,
  };
}

async function requireInvestigation(
  db: Database,
  principal: Principal,
  id: string,
  audit: AuditNotes,
  forUpdate = false,
): Promise<InvestigationRow> {
  audit.purpose = 'fraud_investigation';
  const investigation = await loadInvestigation(db, principal.municipalityId, id, forUpdate);
  if (!investigation) throw new AppError('NOT_FOUND');
  await requireCase(db, principal, investigation.caseId);
  audit.caseIds.add(investigation.caseId);
  return investigation;
}

function requireBetween(date: string, from: string, to: string): void {
  if (date < from || date > to) throw new AppError('DATE_NOT_IN_RANGE', { date, from, to });
}

function addYears(date: string, years: number): string {
  return `${Number(date.slice(0, 4)) + years}${date.slice(4) === '-02-29' ? '-02-28' : date.slice(4)}`;
}

function presentRecovery(r: RecoveryRow, locale: Locale) {
  return {
    id: r.id,
    decidedOn: r.decidedOn,
    amountOre: r.amountOre,
    monthlyOre: r.monthlyOre,
    firstDueOn: r.firstDueOn,
    grantedFrom: r.grantedFrom,
    provision: citeProvision('recovery', r.grantedFrom, locale),
    reasons: r.reasons,
    plan: repaymentPlan(r.amountOre, r.monthlyOre, r.firstDueOn),
  };
}
