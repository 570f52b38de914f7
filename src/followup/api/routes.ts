/** Aggregated statistics for analysts: counts only, small counts suppressed. */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import type { ServerDeps } from '../../http/context.ts';
import { registerEndpoint } from '../../http/endpoint.ts';
import { suppressSmall } from '../domain/suppression.ts';
import { registerActionPlanRoutes } from './action-plan-routes.ts';
import { registerBenchmarkRoutes } from './benchmark-routes.ts';
import { registerIndicatorRoutes } from './indicator-routes.ts';
import { registerNationalStatisticsRoutes } from './national-statistics-routes.ts';
import { registerReportRoutes } from './report-routes.ts';

const Count = { value: z.number().int().nullable(), suppressed: z.boolean() };

export function registerFollowupRoutes(app: FastifyInstance, deps: ServerDeps): void {
  registerActionPlanRoutes(app, deps);
  registerBenchmarkRoutes(app, deps);
  registerIndicatorRoutes(app, deps);
  registerNationalStatisticsRoutes(app, deps);
  registerReportRoutes(app, deps);
  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/stats/overview',
    action: 'stats.overview',
    permission: 'stats:read',
    summary: 'Key counts of the municipality, suppressed under 5',
    tags: ['Statistik'],
    response: z.object({
      municipality: z.object({ id: z.string(), name: z.string() }),
      figures: z.array(
        z.object({
          key: z.enum([
            'persons',
            'households',
            'openAssistanceCases',
            'openLabourCases',
            'protectedIdentities',
          ]),
          ...Count,
        }),
      ),
      byUnit: z.array(z.object({ unitName: z.string(), openCases: Count.value, suppressed: z.boolean() })),
    }),
    handler: async ({ db, principal }) => {
      const m = principal.municipalityId;
      const totals = await sql<{
        persons: number;
        households: number;
        open_assistance: number;
        open_labour: number;
        protected: number;
      }>`
        SELECT (SELECT count(*) FROM person WHERE municipality_id = ${m})::int AS persons,
               (SELECT count(*) FROM household WHERE municipality_id = ${m})::int AS households,
               (SELECT count(*) FROM client_case WHERE municipality_id = ${m} AND kind = 'assistance' AND closed_on IS NULL)::int AS open_assistance,
               (SELECT count(*) FROM client_case WHERE municipality_id = ${m} AND kind = 'labour' AND closed_on IS NULL)::int AS open_labour,
               (SELECT count(*) FROM person WHERE municipality_id = ${m} AND protected_identity)::int AS protected`.execute(
        db,
      );
      const t = totals.rows[0]!;
      const byUnit = await sql<{ unit_name: string; open_cases: number }>`
        SELECT u.name AS unit_name, count(c.id)::int AS open_cases
        FROM unit u
        LEFT JOIN client_case c ON c.municipality_id = u.municipality_id AND c.unit_id = u.id AND c.closed_on IS NULL
        WHERE u.municipality_id = ${m} AND u.kind IN ('assistance', 'labour')
        GROUP BY u.name ORDER BY u.name`.execute(db);
      return {
        municipality: { id: m, name: principal.municipalityName },
        figures: [
          { key: 'persons' as const, ...suppressSmall(t.persons) },
          { key: 'households' as const, ...suppressSmall(t.households) },
          { key: 'openAssistanceCases' as const, ...suppressSmall(t.open_assistance) },
          { key: 'openLabourCases' as const, ...suppressSmall(t.open_labour) },
          { key: 'protectedIdentities' as const, ...suppressSmall(t.protected) },
        ],
        byUnit: byUnit.rows.map((r) => {
          const c = suppressSmall(r.open_cases);
          return { unitName: r.unit_name, openCases: c.value, suppressed: c.suppressed };
        }),
      };
    },
  });
}
