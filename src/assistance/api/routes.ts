/** Every endpoint of the financial-assistance part. */
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../http/context.ts';
import { registerApplicationRoutes } from './application-routes.ts';
import { registerCaseRoutes } from './case-routes.ts';
import { registerControlRoutes } from './control-routes.ts';
import { registerDecisionLetterRoute } from './decision-letter-route.ts';
import { registerDecisionRoutes } from './decision-routes.ts';
import { registerEApplicationRoutes } from './e-application-routes.ts';
import { registerIntakeRoutes } from './intake-routes.ts';
import { registerJournalRoutes } from './journal-routes.ts';
import { registerPaymentRoutes } from './payment-routes.ts';
import { registerReasonCodeRoutes } from './reason-code-routes.ts';
import { registerCaseloadRoute, registerStartRoutes } from './start-routes.ts';

export function registerAssistanceRoutes(app: FastifyInstance, deps: ServerDeps): void {
  registerStartRoutes(app, deps);
  registerCaseloadRoute(app, deps);
  registerCaseRoutes(app, deps);
  registerApplicationRoutes(app, deps);
  registerDecisionRoutes(app, deps);
  registerDecisionLetterRoute(app, deps);
  registerPaymentRoutes(app, deps);
  registerJournalRoutes(app, deps);
  registerIntakeRoutes(app, deps);
  registerReasonCodeRoutes(app, deps);
  registerControlRoutes(app, deps);
  registerEApplicationRoutes(app, deps);
}
