/** User administration: list, create, revoke a role. Revocation applies on the user's next request. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServerDeps } from '../../http/context.ts';
import { registerEndpoint } from '../../http/endpoint.ts';
import { AppError } from '../../shared/errors.ts';
import { RoleSchema } from './schemas.ts';
import { listUsers } from '../db/user-queries.ts';
import { createUser } from '../db/user-commands.ts';

const tags = ['Användare'];

export function registerUserRoutes(app: FastifyInstance, deps: ServerDeps): void {
  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/admin/users',
    action: 'user.list',
    permission: 'user:manage',
    summary: 'Users of my municipality with their roles, and the units',
    tags,
    response: z.object({
      items: z.array(
        z.object({
          id: z.uuid(),
          displayName: z.string(),
          email: z.string().nullable(),
          active: z.boolean(),
          roles: z.array(z.object({ role: RoleSchema, unitId: z.uuid(), unitName: z.string() })),
        }),
      ),
      units: z.array(z.object({ id: z.uuid(), name: z.string() })),
    }),
    handler: async ({ db, principal }) => ({
      items: await listUsers(db, principal.municipalityId),
      units: await db
        .selectFrom('unit')
        .select(['id', 'name'])
        .where('municipality_id', '=', principal.municipalityId)
        .orderBy('name')
        .execute(),
    }),
  });

  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/admin/users',
    action: 'user.create',
    permission: 'user:manage',
    summary: 'Create a user with roles in units',
    tags,
    body: z.strictObject({
      displayName: z.string().trim().min(2).max(100),
      email: z.email().max(200),
      oidcSubject: z.string().trim().min(1).max(200),
      roles: z
        .array(z.strictObject({ role: RoleSchema, unitId: z.uuid() }))
        .min(1)
        .max(10),
    }),
    response: z.object({ id: z.uuid() }),
    status: 201,
    write: true,
    changesAccess: true,
    handler: async ({ db, principal, body }) => {
      const id = await createUser(db, {
        municipalityId: principal.municipalityId,
        id: randomUUID(),
        displayName: body.displayName,
        email: body.email,
        oidcSubject: body.oidcSubject,
        roles: body.roles,
      });
      return { id };
    },
  });

  registerEndpoint(app, deps, {
    method: 'DELETE',
    url: '/api/v1/admin/users/:id/roles/:unitId/:role',
    action: 'user.revoke-role',
    permission: 'user:manage',
    summary: 'Revoke a role (effective on the next request)',
    tags,
    params: z.strictObject({ id: z.uuid(), unitId: z.uuid(), role: RoleSchema }),
    write: true,
    changesAccess: true,
    handler: async ({ db, principal, params }) => {
      const result = await db
        .deleteFrom('role_assignment')
        .where('municipality_id', '=', principal.municipalityId)
        .where('user_id', '=', params.id)
        .where('unit_id', '=', params.unitId)
        .where('role', '=', params.role)
        .executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) throw new AppError('NOT_FOUND');
      return undefined;
    },
  });
}
