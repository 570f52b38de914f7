/** The unit's intervention catalogue (insatser). */
import type { Selectable } from 'kysely';
import type { Database } from '../../db/connection.ts';
import type { InterventionKind } from '../domain/terms.ts';
import type { InterventionTable } from './tables.ts';

export type InterventionRow = Selectable<InterventionTable>;

export interface InterventionInput {
  name: string;
  kind: InterventionKind;
  workOriented: boolean;
  targetGroup: string | null;
  minAge: number | null;
  maxAge: number | null;
  maxWeeks: number | null;
  maxHoursPerWeek: number | null;
  capacityPerYear: number | null;
  active: boolean;
}

const columns = (input: InterventionInput) => ({
  name: input.name,
  kind: input.kind,
  work_oriented: input.workOriented,
  target_group: input.targetGroup,
  min_age: input.minAge,
  max_age: input.maxAge,
  max_weeks: input.maxWeeks,
  max_hours_per_week: input.maxHoursPerWeek,
  capacity_per_year: input.capacityPerYear,
  active: input.active,
});

export async function listInterventions(db: Database, municipalityId: string): Promise<InterventionRow[]> {
  return db
    .selectFrom('intervention')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .orderBy('active', 'desc')
    .orderBy('name')
    .execute();
}

export async function findIntervention(
  db: Database,
  municipalityId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<InterventionRow | undefined> {
  let query = db
    .selectFrom('intervention')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id);
  // Serialises placements in one intervention: two cannot both take its last place.
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function createIntervention(
  db: Database,
  municipalityId: string,
  id: string,
  input: InterventionInput,
  now: Date,
): Promise<InterventionRow> {
  return db
    .insertInto('intervention')
    .values({ municipality_id: municipalityId, id, ...columns(input), created_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateIntervention(
  db: Database,
  municipalityId: string,
  id: string,
  input: InterventionInput,
): Promise<InterventionRow | undefined> {
  return db
    .updateTable('intervention')
    .set(columns(input))
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}
