import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServerDeps } from '../../http/context.ts';
import { registerEndpoint } from '../../http/endpoint.ts';
import { clearSessionCookie, setSessionCookie } from '../../http/security.ts';
import { AppError } from '../../shared/errors.ts';
import { createSession, endSession } from '../db/sessions.ts';
import { listDemoUsers } from '../db/user-queries.ts';
import { RoleSchema } from './schemas.ts';

const tags = ['Inloggning'];

export const SessionResponse = z.object({
  user: z.object({
    id: z.uuid(),
    displayName: z.string(),
    municipality: z.object({ id: z.string(), name: z.string() }),
    roles: z.array(z.object({ role: RoleSchema, unitId: z.uuid(), unitName: z.string() })),
    permissions: z.array(z.string()),
    protectedIdentityClearance: z.boolean().describe('May open protected identities (always with a purpose)'),
  }),
  csrfToken: z.string(),
  demoMode: z.boolean(),
});

export function registerAuthRoutes(app: FastifyInstance, deps: ServerDeps): void {
  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/auth/config',
    action: 'auth.config',
    permission: 'public',
    summary: 'How users can log in',
    tags,
    audit: false,
    response: z.object({ demoMode: z.boolean(), oidcEnabled: z.boolean() }),
    handler: async () => ({ demoMode: deps.config.demoMode, oidcEnabled: deps.config.oidc !== null }),
  });

  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/auth/demo-users',
    action: 'auth.demo-users',
    permission: 'public',
    summary: 'The demo users a visitor can log in as (demo mode only)',
    tags,
    audit: false,
    response: z.object({
      items: z.array(
        z.object({
          id: z.uuid(),
          displayName: z.string(),
          roles: z.array(z.object({ role: RoleSchema, unitName: z.string() })),
        }),
      ),
    }),
    handler: async ({ db }) => {
      if (!deps.config.demoMode) throw new AppError('DEMO_LOGIN_DISABLED');
      return { items: await listDemoUsers(db) };
    },
  });

  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/auth/demo-login',
    action: 'auth.demo-login',
    permission: 'public',
    summary: 'Log in as a demo user (demo mode only)',
    tags,
    body: z.strictObject({ userId: z.uuid() }),
    write: true,
    handler: async ({ db, body, reply, audit, now }) => {
      if (!deps.config.demoMode) throw new AppError('DEMO_LOGIN_DISABLED');
      const user = await db
        .selectFrom('app_user')
        .select(['municipality_id', 'id'])
        .where('id', '=', body.userId)
        .where('demo_login', '=', true)
        .where('active', '=', true)
        .executeTakeFirst();
      if (!user) throw new AppError('USER_NOT_FOUND');
      const session = await createSession(db, {
        municipalityId: user.municipality_id,
        userId: user.id,
        authMethod: 'demo',
        now,
        policy: deps.config.session,
      });
      audit.actor = { municipalityId: user.municipality_id, userId: user.id };
      setSessionCookie(reply, deps, session.cookieValue, session.expiresAt);
      return undefined;
    },
  });

  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/auth/logout',
    action: 'auth.logout',
    permission: 'authenticated',
    summary: 'Log out and end the session',
    tags,
    write: true,
    changesAccess: true,
    handler: async ({ db, principal, reply, now }) => {
      await endSession(db, principal.municipalityId, principal.session.tokenHash, now);
      clearSessionCookie(reply, deps);
      return undefined;
    },
  });

  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/session',
    action: 'session.read',
    permission: 'authenticated',
    summary: 'The logged-in user, roles, permissions and CSRF token',
    tags,
    audit: false,
    response: SessionResponse,
    handler: async ({ principal, reply }) => {
      reply.header('cache-control', 'no-store');
      return {
        user: {
          id: principal.userId,
          displayName: principal.displayName,
          municipality: { id: principal.municipalityId, name: principal.municipalityName },
          roles: principal.roles,
          permissions: principal.permissions,
          protectedIdentityClearance: principal.protectedIdentityClearance,
        },
        csrfToken: principal.session.csrfToken,
        demoMode: deps.config.demoMode,
      };
    },
  });
}
