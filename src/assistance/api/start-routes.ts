/** The caseworker's start page: today's visits, applications waiting, steps due, caseload. */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import type { ServerDeps } from '../../http/context.ts';
import { registerEndpoint } from '../../http/endpoint.ts';
import { swedishToday } from '../../shared/clock.ts';
import { loadSettings } from '../db/settings.ts';
import { addWorkingDays } from '../domain/service-norms.ts';
import { stockholmDayStart } from '../domain/visits/visit-routine.ts';

const Name = z.string().nullable().describe('null for a protected identity');

const MyDay = z.object({
  today: z.string(),
  caseload: z.object({ open: z.number().int(), limit: z.number().int(), over: z.boolean() }),
  visitsToday: z.array(
    z.object({ id: z.uuid(), caseId: z.uuid(), startsAt: z.string(), applicant: Name, status: z.string() }),
  ),
  waitingApplications: z.array(
    z.object({
      id: z.uuid(),
      caseId: z.uuid(),
      month: z.string(),
      receivedOn: z.string(),
      dueOn: z.string().nullable().describe('decision due by the service norm, from the day it was complete'),
      overdue: z.boolean(),
      applicant: Name,
    }),
  ),
  stepsDue: z.array(
    z.object({
      caseId: z.uuid(),
      step: z.string(),
      dueOn: z.string(),
      overdue: z.boolean(),
      applicant: Name,
    }),
  ),
  noVisitThisMonth: z.array(z.object({ caseId: z.uuid(), applicant: Name })),
});

export function registerStartRoutes(app: FastifyInstance, deps: ServerDeps): void {
  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/assistance/my-day',
    action: 'assistance.my-day',
    permission: 'assistance:read',
    summary: "The caseworker's start page",
    tags: ['Ekonomiskt bistånd'],
    response: MyDay,
    personalData: true,
    handler: async ({ db, principal, now, audit }) => {
      const today = swedishToday({ now: () => now });
      const settings = await loadSettings(db, principal.municipalityId);
      const m = principal.municipalityId;
      const me = principal.userId;
      const applicantName = sql<string | null>`(
        SELECT CASE WHEN p.protected_identity THEN NULL ELSE p.first_name || ' ' || p.last_name END
        FROM household_member hm JOIN person p ON p.municipality_id = hm.municipality_id AND p.id = hm.person_id
        WHERE hm.municipality_id = c.municipality_id AND hm.household_id = c.household_id AND hm.role = 'applicant'
        ORDER BY hm.valid_from DESC LIMIT 1)`;
      const tomorrow = new Date(`${today}T12:00:00Z`);
      tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
      const monthStart = `${today.slice(0, 7)}-01`;
      const [open, visits, waiting, steps, noVisit] = await Promise.all([
        db
          .selectFrom('client_case')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('municipality_id', '=', m)
          .where('caseworker_id', '=', me)
          .where('kind', '=', 'assistance')
          .where('closed_on', 'is', null)
          .executeTakeFirstOrThrow(),
        sql<{ id: string; case_id: string; starts_at: Date; status: string; applicant: string | null }>`
          SELECT v.id, v.case_id, v.starts_at, v.status, ${applicantName} AS applicant
          FROM visit v JOIN client_case c ON c.municipality_id = v.municipality_id AND c.id = v.case_id
          WHERE v.municipality_id = ${m} AND v.caseworker_id = ${me} AND v.status <> 'cancelled'
            AND v.starts_at >= ${stockholmDayStart(today)} AND v.starts_at < ${stockholmDayStart(tomorrow.toISOString().slice(0, 10))}
          ORDER BY v.starts_at`.execute(db),
        sql<{
          id: string;
          case_id: string;
          month: string;
          received_on: string;
          complete_on: string | null;
          applicant: string | null;
        }>`
          SELECT a.id, a.case_id, a.month, a.received_on, a.complete_on, ${applicantName} AS applicant
          FROM application a JOIN client_case c ON c.municipality_id = a.municipality_id AND c.id = a.case_id
          WHERE a.municipality_id = ${m} AND a.status = 'received' AND c.caseworker_id = ${me}
          ORDER BY a.received_on LIMIT 100`.execute(db),
        sql<{ case_id: string; step: string; due_on: string; applicant: string | null }>`
          SELECT s.case_id, s.step, s.due_on, ${applicantName} AS applicant
          FROM intake_step s JOIN client_case c ON c.municipality_id = s.municipality_id AND c.id = s.case_id
          WHERE s.municipality_id = ${m} AND s.done_on IS NULL AND coalesce(s.owner_id, c.caseworker_id) = ${me}
            AND s.due_on <= ${today}::date + 7
          ORDER BY s.due_on LIMIT 100`.execute(db),
        sql<{ case_id: string; applicant: string | null }>`
          SELECT c.id AS case_id, ${applicantName} AS applicant
          FROM client_case c
          WHERE c.municipality_id = ${m} AND c.caseworker_id = ${me} AND c.kind = 'assistance' AND c.closed_on IS NULL
            AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.municipality_id = c.municipality_id AND v.case_id = c.id
                              AND v.status IN ('held', 'booked') AND v.starts_at >= ${stockholmDayStart(monthStart)})
          ORDER BY c.opened_on LIMIT 100`.execute(db),
      ]);
      const openCount = Number(open.n);
      for (const v of visits.rows) audit.caseIds.add(v.case_id);
      return {
        today,
        caseload: {
          open: openCount,
          limit: settings.caseloadLimit,
          over: openCount > settings.caseloadLimit,
        },
        visitsToday: visits.rows.map((v) => ({
          id: v.id,
          caseId: v.case_id,
          startsAt: new Date(v.starts_at).toISOString(),
          applicant: v.applicant,
          status: v.status,
        })),
        waitingApplications: waiting.rows.map((a) => {
          const dueOn = a.complete_on ? addWorkingDays(a.complete_on, settings.decisionLeadDays) : null;
          return {
            id: a.id,
            caseId: a.case_id,
            month: a.month.slice(0, 7),
            receivedOn: a.received_on,
            dueOn,
            overdue: dueOn !== null && dueOn < today,
            applicant: a.applicant,
          };
        }),
        stepsDue: steps.rows.map((s) => ({
          caseId: s.case_id,
          step: s.step,
          dueOn: s.due_on,
          overdue: s.due_on < today,
          applicant: s.applicant,
        })),
        noVisitThisMonth: noVisit.rows.map((r) => ({ caseId: r.case_id, applicant: r.applicant })),
      };
    },
  });
}

const Caseloads = z.object({
  limit: z.number().int(),
  items: z.array(
    z.object({
      caseworkerId: z.uuid(),
      name: z.string(),
      unitName: z.string(),
      open: z.number().int(),
      over: z.boolean(),
      waitingOverdue: z.number().int().describe('applications past the decision lead time'),
    }),
  ),
});

export function registerCaseloadRoute(app: FastifyInstance, deps: ServerDeps): void {
  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/assistance/caseloads',
    action: 'assistance.caseloads',
    permission: 'caseload:read',
    summary: "Each caseworker's open cases against the caseload limit, in the manager's units",
    tags: ['Ekonomiskt bistånd'],
    response: Caseloads,
    handler: async ({ db, principal, now }) => {
      const settings = await loadSettings(db, principal.municipalityId);
      const today = swedishToday({ now: () => now });
      const rows = await sql<{
        caseworker_id: string;
        name: string;
        unit_name: string;
        open: number;
        complete_on: string[] | null;
      }>`
        SELECT u.id AS caseworker_id, u.display_name AS name, un.name AS unit_name,
               (SELECT count(*)::int FROM client_case c
                WHERE c.municipality_id = ra.municipality_id AND c.caseworker_id = u.id AND c.unit_id = ra.unit_id
                  AND c.kind = 'assistance' AND c.closed_on IS NULL) AS open,
               (SELECT array_agg(a.complete_on::text) FROM application a
                JOIN client_case c ON c.municipality_id = a.municipality_id AND c.id = a.case_id
                WHERE a.municipality_id = ra.municipality_id AND c.caseworker_id = u.id AND c.unit_id = ra.unit_id
                  AND a.status = 'received' AND a.complete_on IS NOT NULL) AS complete_on
        FROM role_assignment ra
        JOIN app_user u ON u.municipality_id = ra.municipality_id AND u.id = ra.user_id AND u.active
        JOIN unit un ON un.municipality_id = ra.municipality_id AND un.id = ra.unit_id
        WHERE ra.municipality_id = ${principal.municipalityId} AND ra.role = 'caseworker'
          AND ra.unit_id IN (SELECT m.unit_id FROM role_assignment m
                             WHERE m.municipality_id = ${principal.municipalityId} AND m.user_id = ${principal.userId}
                               AND m.role = 'unit_manager')
        ORDER BY open DESC, u.display_name`.execute(db);
      return {
        limit: settings.caseloadLimit,
        items: rows.rows.map((r) => ({
          caseworkerId: r.caseworker_id,
          name: r.name,
          unitName: r.unit_name,
          open: r.open,
          over: r.open > settings.caseloadLimit,
          waitingOverdue: (r.complete_on ?? []).filter(
            (complete) => addWorkingDays(complete, settings.decisionLeadDays) < today,
          ).length,
        })),
      };
    },
  });
}
