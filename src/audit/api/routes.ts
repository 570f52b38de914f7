/**
 * Log review (loggkontroll) for unit managers and a person's own access report. A review is
 * itself an audited action, with its search criteria (ids and dates only).
 */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import { ACCESS_PURPOSES, type AccessPurpose } from '../../access/domain/purposes.ts';
import type { ServerDeps } from '../../http/context.ts';
import { registerEndpoint } from '../../http/endpoint.ts';
import { catalogues } from '../../i18n/catalogue.ts';

const tags = ['Logg'];
const IsoDate = z.iso.date();
const LOG_REVIEW_LIMIT = 500;

export function registerAuditRoutes(app: FastifyInstance, deps: ServerDeps): void {
  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/audit/purposes',
    action: 'audit.purposes',
    permission: 'authenticated',
    summary: 'The purposes a user can state when opening data',
    tags,
    audit: false,
    response: z.object({ items: z.array(z.object({ code: z.enum(ACCESS_PURPOSES), label: z.string() })) }),
    handler: async ({ locale }) => ({
      items: ACCESS_PURPOSES.map((code) => ({ code, label: catalogues[locale].purposes[code] })),
    }),
  });

  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/audit/users',
    action: 'audit.users',
    permission: 'audit:search',
    summary: 'The users of my municipality, to pick one in a log review',
    tags,
    audit: false,
    response: z.object({ items: z.array(z.object({ id: z.uuid(), displayName: z.string() })) }),
    handler: async ({ db, principal }) => ({
      items: await db
        .selectFrom('app_user')
        .select(['id', 'display_name as displayName'])
        .where('municipality_id', '=', principal.municipalityId)
        .orderBy('display_name')
        .orderBy('id')
        .execute(),
    }),
  });

  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/audit/entries',
    action: 'audit.search',
    permission: 'audit:search',
    summary: 'Search the audit log by person or user (loggkontroll)',
    tags,
    query: z.strictObject({
      personId: z.uuid().optional(),
      userId: z.uuid().optional(),
      from: IsoDate.optional(),
      to: IsoDate.optional(),
    }),
    personalData: true,
    response: z.object({
      truncated: z
        .boolean()
        .describe(`More than ${LOG_REVIEW_LIMIT} entries matched: the most recent are shown`),
      items: z.array(
        z.object({
          id: z.uuid(),
          occurredAt: z.string(),
          actorName: z.string().nullable(),
          action: z.string(),
          actionLabel: z.string(),
          outcome: z.enum(['allowed', 'denied', 'failed']),
          purposeLabel: z.string().nullable(),
          personIds: z.array(z.uuid()),
        }),
      ),
    }),
    handler: async ({ db, principal, query, locale, audit }) => {
      audit.purpose = 'log_review';
      audit.criteria = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as Record<
        string,
        string
      >;
      if (query.personId) audit.personIds.add(query.personId);
      const rows = await sql<{
        id: string;
        occurred_at: Date;
        actor_name: string | null;
        action: string;
        outcome: 'allowed' | 'denied' | 'failed';
        payload: string;
        person_ids: string[];
      }>`
        SELECT l.id, l.occurred_at, u.display_name AS actor_name, l.action, l.outcome, l.payload, l.person_ids
        FROM audit_log l
        LEFT JOIN app_user u ON u.municipality_id = l.municipality_id AND u.id = l.actor_user_id
        WHERE l.municipality_id = ${principal.municipalityId}
          ${query.personId ? sql`AND l.person_ids @> ARRAY[${query.personId}]::uuid[]` : sql``}
          ${query.userId ? sql`AND l.actor_user_id = ${query.userId}` : sql``}
          ${query.from ? sql`AND l.occurred_at >= ${query.from}::date` : sql``}
          ${query.to ? sql`AND l.occurred_at < ${query.to}::date + 1` : sql``}
        ORDER BY l.occurred_at DESC
        LIMIT ${LOG_REVIEW_LIMIT + 1}`.execute(db);
      const truncated = rows.rows.length > LOG_REVIEW_LIMIT;
      const actions = catalogues[locale].auditActions;
      return {
        truncated,
        items: rows.rows.slice(0, LOG_REVIEW_LIMIT).map((r) => {
          const purpose = (JSON.parse(r.payload) as { purpose?: AccessPurpose | null }).purpose ?? null;
          return {
            id: r.id,
            occurredAt: new Date(r.occurred_at).toISOString(),
            actorName: r.actor_name,
            action: r.action,
            actionLabel: actions[r.action] ?? r.action,
            outcome: r.outcome,
            purposeLabel: purpose ? catalogues[locale].purposes[purpose] : null,
            personIds: r.person_ids,
          };
        }),
      };
    },
  });

  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/audit/access-report/:personId',
    action: 'audit.access-report',
    permission: 'audit:search',
    summary: "A person's own access report: when their data was opened, by which unit, and why",
    tags,
    params: z.strictObject({ personId: z.uuid() }),
    personalData: true,
    response: z.object({
      personId: z.uuid(),
      items: z.array(z.object({ date: z.string(), purposeLabel: z.string(), unitName: z.string() })),
    }),
    handler: async ({ db, principal, params, locale, audit }) => {
      audit.purpose = 'access_report';
      audit.personIds.add(params.personId);
      const rows = await sql<{ day: string; purpose: AccessPurpose | null; unit_name: string | null }>`
        SELECT DISTINCT to_char(l.occurred_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD') AS day,
               (l.payload::json ->> 'purpose') AS purpose,
               (SELECT min(un.name) FROM role_assignment ra
                JOIN unit un ON un.municipality_id = ra.municipality_id AND un.id = ra.unit_id
                WHERE ra.municipality_id = l.municipality_id AND ra.user_id = l.actor_user_id) AS unit_name
        FROM audit_log l
        WHERE l.municipality_id = ${principal.municipalityId}
          AND l.person_ids @> ARRAY[${params.personId}]::uuid[]
          AND l.outcome = 'allowed'
          AND l.action NOT IN ('audit.search', 'audit.access-report')
        ORDER BY day DESC`.execute(db);
      const labels = catalogues[locale].purposes;
      return {
        personId: params.personId,
        items: rows.rows.map((r) => ({
          date: r.day,
          purposeLabel: labels[r.purpose ?? 'case_handling'],
          unitName: r.unit_name ?? '–',
        })),
      };
    },
  });
}
