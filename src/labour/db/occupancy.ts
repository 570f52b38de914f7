/**
 * The occupancy overview: per intervention the starts in a calendar year, the placements going on
 * today and the waiting list, in one statement. Each count is a range scan of
 * placement_intervention_idx (municipality_id, intervention_id, status, starts_on), so the cost
 * grows with the interventions and the year's placements, not with the unit's whole history.
 */
import { sql } from 'kysely';
import type { Database } from '../../db/connection.ts';
import type { InterventionKind } from '../domain/terms.ts';

export interface OccupancyRow {
  id: string;
  name: string;
  kind: InterventionKind;
  work_oriented: boolean;
  active: boolean;
  capacity_per_year: number | null;
  started: number;
  active_now: number;
  waiting: number;
}

export async function occupancyRows(
  db: Database,
  municipalityId: string,
  year: number,
  today: string,
): Promise<OccupancyRow[]> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const result = await sql<OccupancyRow>`
    SELECT i.id, i.name, i.kind, i.work_oriented, i.active, i.capacity_per_year,
      (SELECT count(*)::int FROM placement p
        WHERE p.municipality_id = i.municipality_id AND p.intervention_id = i.id
          AND p.status IN ('active', 'ended') AND p.starts_on BETWEEN ${from}::date AND ${to}::date) AS started,
      (SELECT count(*)::int FROM placement p
        WHERE p.municipality_id = i.municipality_id AND p.intervention_id = i.id
          AND p.status = 'active' AND p.starts_on <= ${today}::date AND p.ends_on >= ${today}::date) AS active_now,
      (SELECT count(*)::int FROM placement p
        WHERE p.municipality_id = i.municipality_id AND p.intervention_id = i.id
          AND p.status = 'waiting') AS waiting
    FROM intervention i
    WHERE i.municipality_id = ${municipalityId}
    ORDER BY i.active DESC, i.name`.execute(db);
  return result.rows;
}
