/** The labour-market unit's routines for a municipality (defaults where none are stored). */
import type { Database } from '../../db/connection.ts';

export interface LabourSettings {
  /** Work-oriented interventions need at least this many hours a week of capacity. */
  workOrientedMinHours: number;
  /** ISO weekday (1 = Monday) of the unit's introduction day. */
  introWeekday: number;
  introCapacity: number;
  /** Assistance and the unit are separate parts of the authority: secrecy applies between them. */
  separateAuthority: boolean;
}

export const DEFAULT_LABOUR_SETTINGS: LabourSettings = {
  workOrientedMinHours: 10,
  introWeekday: 2,
  introCapacity: 20,
  separateAuthority: true,
};

export async function loadLabourSettings(db: Database, municipalityId: string): Promise<LabourSettings> {
  const row = await db
    .selectFrom('labour_setting')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();
  if (!row) return DEFAULT_LABOUR_SETTINGS;
  return {
    workOrientedMinHours: row.work_oriented_min_hours,
    introWeekday: row.intro_weekday,
    introCapacity: row.intro_capacity,
    separateAuthority: row.separate_authority,
  };
}
