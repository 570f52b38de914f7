/**
 * Weekly attendance in a placement. A week is given by its Monday and must overlap the placement;
 * attended hours cannot exceed planned hours and an absence needs a reason. An absence, and a
 * week planned below the placement's hours (a deviation from the plan, e.g. from full time), are
 * told to the responsible caseworker in assistance (who may act under SoL 4 kap 5 §).
 */
import type { AbsenceReason } from './terms.ts';
import { addDays } from './placement-rules.ts';

export interface AttendancePeriod {
  startsOn: string;
  /** The placement's end: the day it ended, else its planned end. */
  endsOn: string;
}

export interface AttendanceInput {
  week: string;
  plannedHours: number;
  attendedHours: number;
  absenceReason: AbsenceReason | null;
}

export type AttendanceRefusal =
  | { code: 'ATTENDANCE_WEEK_NOT_MONDAY'; params: { week: string } }
  | { code: 'ATTENDANCE_OUTSIDE_PLACEMENT'; params: { week: string; startsOn: string; endsOn: string } }
  | { code: 'ATTENDANCE_ABOVE_PLANNED'; params: Record<string, never> }
  | { code: 'ATTENDANCE_REASON_REQUIRED'; params: Record<string, never> };

/** Whether a date is a Monday. */
export function isMonday(date: string): boolean {
  return new Date(`${date}T12:00:00Z`).getUTCDay() === 1;
}

/** The Monday of the week a date falls in. */
export function mondayOf(date: string): string {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return addDays(date, day === 0 ? -6 : 1 - day);
}

/** The first rule the report breaks, or null. */
export function refuseAttendance(period: AttendancePeriod, input: AttendanceInput): AttendanceRefusal | null {
  if (!isMonday(input.week)) return { code: 'ATTENDANCE_WEEK_NOT_MONDAY', params: { week: input.week } };
  const sunday = addDays(input.week, 6);
  if (sunday < period.startsOn || input.week > period.endsOn)
    return {
      code: 'ATTENDANCE_OUTSIDE_PLACEMENT',
      params: { week: input.week, startsOn: period.startsOn, endsOn: period.endsOn },
    };
  if (input.attendedHours > input.plannedHours) return { code: 'ATTENDANCE_ABOVE_PLANNED', params: {} };
  if (input.attendedHours < input.plannedHours && input.absenceReason === null)
    return { code: 'ATTENDANCE_REASON_REQUIRED', params: {} };
  return null;
}

export type AttendanceNotice =
  | {
      kind: 'absence';
      detail: { planned: number; attended: number; reason: AbsenceReason };
    }
  | { kind: 'deviation'; detail: { planned: number; hoursPerWeek: number } };

/** What the caseworker in assistance is told about a (valid) week. */
export function attendanceNotices(input: AttendanceInput, placementHoursPerWeek: number): AttendanceNotice[] {
  const notices: AttendanceNotice[] = [];
  if (input.attendedHours < input.plannedHours && input.absenceReason !== null)
    notices.push({
      kind: 'absence',
      detail: { planned: input.plannedHours, attended: input.attendedHours, reason: input.absenceReason },
    });
  if (input.plannedHours < placementHoursPerWeek)
    notices.push({
      kind: 'deviation',
      detail: { planned: input.plannedHours, hoursPerWeek: placementHoursPerWeek },
    });
  return notices;
}

/**
 * The notices of a new report that were not already given for the same week (a corrected report
 * with the same absence or deviation does not tell the caseworker twice).
 */
export function newNotices(current: AttendanceNotice[], previous: AttendanceNotice[]): AttendanceNotice[] {
  const key = (n: AttendanceNotice) => `${n.kind}:${JSON.stringify(n.detail)}`;
  const given = new Set(previous.map(key));
  return current.filter((notice) => !given.has(key(notice)));
}
