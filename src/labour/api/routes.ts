/** Every endpoint of the labour-market unit. */
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../http/context.ts';
import { registerChainRoutes } from './chain-routes.ts';
import { registerEmploymentRoutes } from './employment-routes.ts';
import { registerFlowRoutes } from './flow-routes.ts';
import { registerInterventionRoutes } from './intervention-routes.ts';
import { registerPlacementRoutes } from './placement-routes.ts';
import { registerCaseLabourRoutes } from './case-labour-routes.ts';
import { registerPlanRoutes } from './plan-routes.ts';
import { registerReferralRoutes } from './referral-routes.ts';
import { registerStartRoutes } from './start-routes.ts';
import { registerSummerJobRoutes } from './summer-job-routes.ts';

export function registerLabourRoutes(app: FastifyInstance, deps: ServerDeps): void {
  registerFlowRoutes(app, deps);
  registerChainRoutes(app, deps);
  registerEmploymentRoutes(app, deps);
  registerInterventionRoutes(app, deps);
  registerPlacementRoutes(app, deps);
  registerSummerJobRoutes(app, deps);
  registerReferralRoutes(app, deps);
  registerPlanRoutes(app, deps);
  registerStartRoutes(app, deps);
  registerCaseLabourRoutes(app, deps);
}
