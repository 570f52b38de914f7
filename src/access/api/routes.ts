/** Login (demo), logout, the current session, manager alerts and user administration. */
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../http/context.ts';
import { registerAlertRoutes } from './alert-routes.ts';
import { registerAuthRoutes } from './auth-routes.ts';
import { registerUserRoutes } from './user-routes.ts';

export function registerAccessRoutes(app: FastifyInstance, deps: ServerDeps): void {
  registerAuthRoutes(app, deps);
  registerAlertRoutes(app, deps);
  registerUserRoutes(app, deps);
}
