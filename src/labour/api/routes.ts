/** Every endpoint of the labour-market unit. */
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../http/context.ts';

export function registerLabourRoutes(app: FastifyInstance, deps: ServerDeps): void {
  void app;
  void deps;
}
