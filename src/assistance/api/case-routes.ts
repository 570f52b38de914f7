/** The household's assistance case: overview with timeline, visits, bank accounts and exit. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServerDeps } from '../../http/context.ts';
import { registerEndpoint } from '../../http/endpoint.ts';
import { swedishToday } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import { requireCase } from '../db/case-scope.ts';
import { loadCaseOverview } from '../db/case-overview.ts';
import { loadSettings } from '../db/settings.ts';
import { EXIT_REASONS } from '../domain/exit-reasons.ts';
import { stockholmDayStart, stockholmParts, visitOutsideRoutine } from '../domain/visits/visit-routine.ts';
import { catalogues } from '../../i18n/catalogue.ts';
import {
  CaseIdParams,
  CreatedResponse,
  ExitBody,
  IdParams,
  NewBankAccountBody,
  NewVisitBody,
  VisitStatusBody,
} from './schemas.ts';

const tags = ['Ekonomiskt bistånd'];

const TimelineEvent = z.object({
  at: z.string().describe('date or date-time'),
  kind: z.enum([
    'case_opened',
    'application_received',
    'decision_signed',
    'payment_sent',
    'payment_stopped',
    'payment_reversed',
    'visit_held',
    'visit_no_show',
    'case_closed',
  ]),
  refId: z.string().nullable(),
  amountOre: z.number().int().nullable(),
});

const CaseOverview = z.object({
  id: z.uuid(),
  householdId: z.uuid(),
  unitName: z.string(),
  caseworker: z.object({ id: z.uuid().nullable(), name: z.string().nullable() }),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  exitReason: z.enum(EXIT_REASONS).nullable(),
  members: z.array(
    z.object({
      personId: z.uuid(),
      name: z.string().nullable(),
      role: z.enum(['applicant', 'co_applicant', 'child', 'other_adult']),
      birthYear: z.number().int(),
      protectedIdentity: z.boolean(),
    }),
  ),
  applications: z.array(
    z.object({
      id: z.uuid(),
      month: z.string(),
      kind: z.enum(['first', 'recurring']),
      channel: z.enum(['paper', 'e_application']),
      receivedOn: z.string(),
      completeOn: z.string().nullable(),
      status: z.enum(['received', 'decided', 'withdrawn']),
      reactualised: z.boolean(),
      selfAssessedUnemployed: z.boolean(),
    }),
  ),
  decisions: z.array(
    z.object({
      id: z.uuid(),
      applicationId: z.uuid(),
      month: z.string(),
      status: z.enum(['draft', 'signed']),
      decidedOn: z.string(),
      grantedOre: z.number().int(),
      supersedesId: z.uuid().nullable(),
      payOn: z.string(),
      letterAvailable: z.boolean().describe('false for decisions handed over from an earlier system'),
    }),
  ),
  payments: z.array(
    z.object({
      id: z.uuid(),
      decisionId: z.uuid(),
      month: z.string(),
      payOn: z.string(),
      amountOre: z.number().int(),
      status: z.enum(['planned', 'sent', 'stopped', 'reversed']),
      statusReason: z.string().nullable(),
    }),
  ),
  visits: z.array(
    z.object({
      id: z.uuid(),
      startsAt: z.string(),
      status: z.enum(['booked', 'held', 'cancelled', 'no_show']),
      caseworkerName: z.string(),
    }),
  ),
  bankAccounts: z.array(
    z.object({
      id: z.uuid(),
      personId: z.uuid(),
      account: z.string(),
      status: z.enum(['pending', 'approved', 'rejected', 'replaced']),
      requestedByMe: z.boolean(),
    }),
  ),
  timeline: z.array(TimelineEvent),
});

export function registerCaseRoutes(app: FastifyInstance, deps: ServerDeps): void {
  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/assistance/cases/:caseId',
    action: 'case.read',
    permission: 'assistance:read',
    summary:
      'The assistance case of a household: members, applications, decisions, payments, visits, timeline',
    tags,
    params: CaseIdParams,
    response: CaseOverview,
    personalData: true,
    handler: async ({ db, principal, params, audit }) => {
      await requireCase(db, principal, params.caseId);
      audit.caseIds.add(params.caseId);
      const o = await loadCaseOverview(db, principal.municipalityId, params.caseId);
      for (const member of o.members) audit.personIds.add(member.person_id);
      const iso = (value: Date | string) => new Date(value).toISOString();
      type Event = z.infer<typeof TimelineEvent>;
      const timeline: Event[] = [
        { at: o.header.opened_on, kind: 'case_opened' as const, refId: null, amountOre: null },
        ...o.applications.map((a): Event => ({
          at: a.received_on,
          kind: 'application_received',
          refId: a.id,
          amountOre: null,
        })),
        ...o.decisions
          .filter((d) => d.signed_at)
          .map((d): Event => ({
            at: iso(d.signed_at!),
            kind: 'decision_signed',
            refId: d.id,
            amountOre: d.granted_ore,
          })),
        ...o.payments
          .filter((p) => p.status !== 'planned')
          .map((p): Event => ({
            at: p.pay_on,
            kind:
              p.status === 'stopped'
                ? 'payment_stopped'
                : p.status === 'reversed'
                  ? 'payment_reversed'
                  : 'payment_sent',
            refId: p.id,
            amountOre: p.amount_ore,
          })),
        ...o.visits
          .filter((v) => v.status === 'held' || v.status === 'no_show')
          .map((v): Event => ({
            at: iso(v.starts_at),
            kind: v.status === 'held' ? 'visit_held' : 'visit_no_show',
            refId: v.id,
            amountOre: null,
          })),
        ...(o.header.closed_on
          ? [{ at: o.header.closed_on, kind: 'case_closed' as const, refId: null, amountOre: null }]
          : []),
      ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
      return {
        id: o.header.id,
        householdId: o.header.household_id,
        unitName: o.header.unit_name,
        caseworker: { id: o.header.caseworker_id, name: o.header.caseworker_name },
        openedOn: o.header.opened_on,
        closedOn: o.header.closed_on,
        exitReason: o.header.exit_reason,
        members: o.members.map((m) => ({
          personId: m.person_id,
          name: m.protected_identity ? null : `${m.first_name} ${m.last_name}`,
          role: m.role as 'applicant',
          birthYear: Number(m.birth_date.slice(0, 4)),
          protectedIdentity: m.protected_identity,
        })),
        applications: o.applications.map((a) => ({
          id: a.id,
          month: a.month.slice(0, 7),
          kind: a.kind,
          channel: a.channel,
          receivedOn: a.received_on,
          completeOn: a.complete_on,
          status: a.status,
          reactualised: a.reactualised,
          selfAssessedUnemployed: a.self_assessed_unemployed,
        })),
        decisions: o.decisions.map((d) => ({
          id: d.id,
          applicationId: d.application_id,
          month: d.month.slice(0, 7),
          status: d.status,
          decidedOn: d.decided_on,
          grantedOre: d.granted_ore,
          supersedesId: d.supersedes_id,
          payOn: d.pay_on,
          letterAvailable: d.status === 'signed' && d.calculated,
        })),
        payments: o.payments.map((p) => ({
          id: p.id,
          decisionId: p.decision_id,
          month: p.month.slice(0, 7),
          payOn: p.pay_on,
          amountOre: p.amount_ore,
          status: p.status as 'sent',
          statusReason: p.status_reason,
        })),
        visits: o.visits.map((v) => ({
          id: v.id,
          startsAt: iso(v.starts_at),
          status: v.status,
          caseworkerName: v.display_name,
        })),
        bankAccounts: o.accounts.map((a) => ({
          id: a.id,
          personId: a.person_id,
          account: `${a.clearing_number}-…${a.account_number.slice(-4)}`,
          status: a.status as 'pending',
          requestedByMe: a.requested_by === principal.userId,
        })),
        timeline,
      };
    },
  });

  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/assistance/cases/:caseId/visits',
    action: 'visit.book',
    permission: 'assistance:write',
    summary: "Book a personal visit within the municipality's visit routine",
    tags,
    params: CaseIdParams,
    body: NewVisitBody,
    response: CreatedResponse,
    status: 201,
    write: true,
    handler: async ({ db, principal, params, body, audit, locale }) => {
      const caseRef = await requireCase(db, principal, params.caseId);
      audit.caseIds.add(caseRef.id);
      const caseworkerId = body.caseworkerId ?? caseRef.caseworkerId ?? principal.userId;
      const settings = await loadSettings(db, principal.municipalityId);
      const startsAt = new Date(body.startsAt);
      const day = stockholmParts(startsAt).date;
      const next = new Date(`${day}T12:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      const booked = await db
        .selectFrom('visit')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('municipality_id', '=', principal.municipalityId)
        .where('caseworker_id', '=', caseworkerId)
        .where('status', '<>', 'cancelled')
        .where('starts_at', '>=', stockholmDayStart(day))
        .where('starts_at', '<', stockholmDayStart(next.toISOString().slice(0, 10)))
        .executeTakeFirstOrThrow();
      if (visitOutsideRoutine(startsAt, Number(booked.n), settings)) {
        const names = catalogues[locale].assistance.weekdays;
        throw new AppError('VISIT_OUTSIDE_ROUTINE', {
          days: settings.visitWeekdays.map((d) => names[d - 1]).join(', '),
          slots: settings.visitSlotsPerDay,
        });
      }
      const clash = await db
        .selectFrom('visit')
        .select('id')
        .where('municipality_id', '=', principal.municipalityId)
        .where('caseworker_id', '=', caseworkerId)
        .where('starts_at', '=', startsAt)
        .where('status', '<>', 'cancelled')
        .executeTakeFirst();
      if (clash) throw new AppError('VISIT_SLOT_TAKEN');
      const id = randomUUID();
      await db
        .insertInto('visit')
        .values({
          municipality_id: principal.municipalityId,
          id,
          case_id: caseRef.id,
          caseworker_id: caseworkerId,
          starts_at: startsAt,
        })
        .execute();
      return { id };
    },
  });

  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/assistance/visits/:id/status',
    action: 'visit.update',
    permission: 'assistance:write',
    summary: 'Record that a visit was held, cancelled or that the person did not come',
    tags,
    params: IdParams,
    body: VisitStatusBody,
    write: true,
    handler: async ({ db, principal, params, body, audit }) => {
      const visit = await db
        .selectFrom('visit')
        .select(['case_id', 'status'])
        .where('municipality_id', '=', principal.municipalityId)
        .where('id', '=', params.id)
        .executeTakeFirst();
      if (!visit) throw new AppError('NOT_FOUND');
      await requireCase(db, principal, visit.case_id);
      audit.caseIds.add(visit.case_id);
      if (visit.status !== 'booked') throw new AppError('CONFLICT');
      await db
        .updateTable('visit')
        .set({ status: body.status })
        .where('municipality_id', '=', principal.municipalityId)
        .where('id', '=', params.id)
        .execute();
      return undefined;
    },
  });

  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/assistance/cases/:caseId/exit',
    action: 'case.exit',
    permission: 'assistance:write',
    summary: 'Close the case with the way out of assistance',
    tags,
    params: CaseIdParams,
    body: ExitBody,
    write: true,
    handler: async ({ db, principal, params, body, audit, now }) => {
      const caseRef = await requireCase(db, principal, params.caseId);
      audit.caseIds.add(caseRef.id);
      if (caseRef.closedOn) throw new AppError('CASE_CLOSED');
      if (body.exitOn < caseRef.openedOn || body.exitOn > swedishToday({ now: () => now }))
        throw new AppError('DATE_OUTSIDE_MONTH', { field: body.exitOn, month: caseRef.openedOn.slice(0, 7) });
      await db
        .updateTable('client_case')
        .set({ closed_on: body.exitOn, exit_reason: body.reason })
        .where('municipality_id', '=', principal.municipalityId)
        .where('id', '=', caseRef.id)
        .execute();
      return undefined;
    },
  });

  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/assistance/bank-accounts',
    action: 'payee.account-request',
    permission: 'assistance:write',
    summary: "Register a payee's new bank account; it applies when a second person approves it",
    tags,
    body: NewBankAccountBody,
    response: CreatedResponse,
    status: 201,
    write: true,
    handler: async ({ db, principal, body, audit }) => {
      await requirePersonInScope(db, principal, body.personId);
      audit.personIds.add(body.personId);
      const id = randomUUID();
      await db
        .insertInto('bank_account')
        .values({
          municipality_id: principal.municipalityId,
          id,
          person_id: body.personId,
          clearing_number: body.clearingNumber,
          account_number: body.accountNumber,
          requested_by: principal.userId,
        })
        .execute();
      return { id };
    },
  });

  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/assistance/bank-accounts/:id/approve',
    action: 'payee.account-approve',
    permission: 'assistance:write',
    summary: 'Approve a requested bank account (not by the one who requested it); the old one is replaced',
    tags,
    params: IdParams,
    write: true,
    handler: async ({ db, principal, params, audit, now }) => {
      const account = await db
        .selectFrom('bank_account')
        .select(['person_id', 'status', 'requested_by'])
        .where('municipality_id', '=', principal.municipalityId)
        .where('id', '=', params.id)
        .forUpdate()
        .executeTakeFirst();
      if (!account) throw new AppError('NOT_FOUND');
      await requirePersonInScope(db, principal, account.person_id);
      audit.personIds.add(account.person_id);
      if (account.requested_by === principal.userId) throw new AppError('FOUR_EYES_REQUIRED');
      if (account.status !== 'pending') throw new AppError('CONFLICT');
      await db
        .updateTable('bank_account')
        .set({ status: 'replaced' })
        .where('municipality_id', '=', principal.municipalityId)
        .where('person_id', '=', account.person_id)
        .where('status', '=', 'approved')
        .execute();
      await db
        .updateTable('bank_account')
        .set({ status: 'approved', reviewed_by: principal.userId, reviewed_at: now })
        .where('municipality_id', '=', principal.municipalityId)
        .where('id', '=', params.id)
        .execute();
      return undefined;
    },
  });
}

async function requirePersonInScope(
  db: Parameters<typeof requireCase>[0],
  principal: Parameters<typeof requireCase>[1],
  personId: string,
): Promise<void> {
  const row = await db
    .selectFrom('household_member as hm')
    .innerJoin('client_case as c', (j) =>
      j.onRef('c.municipality_id', '=', 'hm.municipality_id').onRef('c.household_id', '=', 'hm.household_id'),
    )
    .select('c.id')
    .where('hm.municipality_id', '=', principal.municipalityId)
    .where('hm.person_id', '=', personId)
    .where('c.kind', '=', 'assistance')
    .orderBy('c.opened_on', 'desc')
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  await requireCase(db, principal, row.id);
}
