import { describe, expect, it } from 'vitest';
import {
  attendanceNotices,
  mondayOf,
  newNotices,
  refuseAttendance,
  type AttendanceInput,
} from './attendance-rules.ts';

// A placement from Wednesday 2 December to Friday 18 December 2026.
const period = { startsOn: '2026-12-02', endsOn: '2026-12-18' };
const full: AttendanceInput = {
  week: '2026-12-07',
  plannedHours: 20,
  attendedHours: 20,
  absenceReason: null,
};

describe('attendance rules', () => {
  it('accepts a week inside the placement, and the weeks it starts and ends in', () => {
    expect(refuseAttendance(period, full)).toBeNull();
    expect(refuseAttendance(period, { ...full, week: '2026-11-30' })).toBeNull();
    expect(refuseAttendance(period, { ...full, week: '2026-12-14' })).toBeNull();
  });

  it('refuses a week outside the placement', () => {
    expect(refuseAttendance(period, { ...full, week: '2026-11-23' })).toEqual({
      code: 'ATTENDANCE_OUTSIDE_PLACEMENT',
      params: { week: '2026-11-23', startsOn: '2026-12-02', endsOn: '2026-12-18' },
    });
    expect(refuseAttendance(period, { ...full, week: '2026-12-21' })?.code).toBe(
      'ATTENDANCE_OUTSIDE_PLACEMENT',
    );
  });

  it('names a week by its Monday', () => {
    expect(refuseAttendance(period, { ...full, week: '2026-12-08' })?.code).toBe(
      'ATTENDANCE_WEEK_NOT_MONDAY',
    );
    expect(mondayOf('2026-12-08')).toBe('2026-12-07');
    expect(mondayOf('2026-12-13')).toBe('2026-12-07');
    expect(mondayOf('2026-12-07')).toBe('2026-12-07');
  });

  it('refuses more attended than planned hours, and an absence without a reason', () => {
    expect(refuseAttendance(period, { ...full, attendedHours: 21 })?.code).toBe('ATTENDANCE_ABOVE_PLANNED');
    expect(refuseAttendance(period, { ...full, attendedHours: 12 })?.code).toBe('ATTENDANCE_REASON_REQUIRED');
    expect(refuseAttendance(period, { ...full, attendedHours: 12, absenceReason: 'sick' })).toBeNull();
  });

  it('tells assistance of an absence with the hours and the reason', () => {
    expect(attendanceNotices({ ...full, attendedHours: 12, absenceReason: 'without_reason' }, 20)).toEqual([
      { kind: 'absence', detail: { planned: 20, attended: 12, reason: 'without_reason' } },
    ]);
  });

  it('tells assistance of a week planned below the placement (deviation from the plan)', () => {
    expect(attendanceNotices({ ...full, plannedHours: 30, attendedHours: 30 }, 40)).toEqual([
      { kind: 'deviation', detail: { planned: 30, hoursPerWeek: 40 } },
    ]);
    expect(attendanceNotices(full, 20)).toEqual([]);
  });

  it('does not tell the same thing twice for a corrected week', () => {
    const before = attendanceNotices({ ...full, attendedHours: 12, absenceReason: 'sick' }, 20);
    const same = attendanceNotices({ ...full, attendedHours: 12, absenceReason: 'sick' }, 20);
    const changed = attendanceNotices({ ...full, attendedHours: 8, absenceReason: 'sick' }, 20);
    expect(newNotices(same, before)).toEqual([]);
    expect(newNotices(changed, before)).toEqual(changed);
  });
});
