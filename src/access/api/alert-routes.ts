/** The unit manager's alerts: who opened a protected identity, when and why. */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import type { ServerDeps } from '../../http/context.ts';
import { registerEndpoint } from '../../http/endpoint.ts';
import { catalogues } from '../../i18n/catalogue.ts';
import { AppError } from '../../shared/errors.ts';
import type { AccessPurpose } from '../domain/purposes.ts';
import type { Principal } from '../domain/principal.ts';

const tags = ['Larm'];
const managedUnits = (principal: Principal) =>
  principal.roles.filter((r) => r.role === 'unit_manager').map((r) => r.unitId);

export function registerAlertRoutes(app: FastifyInstance, deps: ServerDeps): void {
  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/alerts',
    action: 'alert.list',
    permission: 'alert:read',
    summary: 'Alerts for the units I manage',
    tags,
    personalData: true,
    response: z.object({
      items: z.array(
        z.object({
          id: z.uuid(),
          kind: z.literal('protected_identity_opened'),
          actorName: z.string(),
          personId: z.uuid(),
          purposeLabel: z.string(),
          createdAt: z.string(),
          acknowledgedAt: z.string().nullable(),
        }),
      ),
    }),
    handler: async ({ db, principal, locale, audit }) => {
      const units = managedUnits(principal);
      if (units.length === 0) return { items: [] };
      const rows = await sql<{
        id: string;
        actor_name: string;
        person_id: string;
        purpose: AccessPurpose;
        created_at: Date;
        acknowledged_at: Date | null;
      }>`
        SELECT a.id, u.display_name AS actor_name, a.person_id, a.purpose, a.created_at, a.acknowledged_at
        FROM manager_alert a
        JOIN app_user u ON u.municipality_id = a.municipality_id AND u.id = a.actor_user_id
        WHERE a.municipality_id = ${principal.municipalityId} AND a.unit_id IN (${sql.join(units)})
        ORDER BY a.created_at DESC
        LIMIT 200`.execute(db);
      for (const row of rows.rows) audit.personIds.add(row.person_id);
      return {
        items: rows.rows.map((r) => ({
          id: r.id,
          kind: 'protected_identity_opened' as const,
          actorName: r.actor_name,
          personId: r.person_id,
          purposeLabel: catalogues[locale].purposes[r.purpose],
          createdAt: new Date(r.created_at).toISOString(),
          acknowledgedAt: r.acknowledged_at ? new Date(r.acknowledged_at).toISOString() : null,
        })),
      };
    },
  });

  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/alerts/:id/acknowledge',
    action: 'alert.acknowledge',
    permission: 'alert:read',
    summary: 'Acknowledge an alert',
    tags,
    params: z.strictObject({ id: z.uuid() }),
    write: true,
    handler: async ({ db, principal, params, now }) => {
      const units = managedUnits(principal);
      const result = await db
        .updateTable('manager_alert')
        .set({ acknowledged_at: now, acknowledged_by: principal.userId })
        .where('municipality_id', '=', principal.municipalityId)
        .where('id', '=', params.id)
        .where('unit_id', 'in', units.length > 0 ? units : ['00000000-0000-0000-0000-000000000000'])
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new AppError('NOT_FOUND');
      return undefined;
    },
  });
}
