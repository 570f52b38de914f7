/** Weekly attendance in placements. */
import type { Selectable } from 'kysely';
import type { Database } from '../../db/connection.ts';
import type { AbsenceReason } from '../domain/terms.ts';
import type { AttendanceTable } from './tables.ts';

export type AttendanceRow = Selectable<AttendanceTable>;

export async function attendanceOf(
  db: Database,
  municipalityId: string,
  placementIds: readonly string[],
): Promise<AttendanceRow[]> {
  if (placementIds.length === 0) return [];
  return db
    .selectFrom('attendance')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('placement_id', 'in', [...placementIds])
    .orderBy('week', 'desc')
    .execute();
}

export async function findAttendance(
  db: Database,
  municipalityId: string,
  placementId: string,
  week: string,
): Promise<AttendanceRow | undefined> {
  return db
    .selectFrom('attendance')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('placement_id', '=', placementId)
    .where('week', '=', week)
    .executeTakeFirst();
}

export interface AttendanceInput {
  municipalityId: string;
  placementId: string;
  week: string;
  plannedHours: number;
  attendedHours: number;
  absenceReason: AbsenceReason | null;
  comment: string | null;
  reportedBy: string;
  now: Date;
}

/** Records the week, or corrects it if it was already reported. */
export async function upsertAttendance(db: Database, input: AttendanceInput): Promise<AttendanceRow> {
  const values = {
    planned_hours: input.plannedHours,
    attended_hours: input.attendedHours,
    absence_reason: input.absenceReason,
    comment: input.comment,
    reported_by: input.reportedBy,
    reported_at: input.now,
  };
  return db
    .insertInto('attendance')
    .values({
      municipality_id: input.municipalityId,
      placement_id: input.placementId,
      week: input.week,
      ...values,
    })
    .onConflict((oc) => oc.columns(['municipality_id', 'placement_id', 'week']).doUpdateSet(values))
    .returningAll()
    .executeTakeFirstOrThrow();
}
