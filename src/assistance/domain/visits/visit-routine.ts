/**
 * The visit routine (Borås: four client visits per caseworker and day, Monday–Thursday; Fridays
 * for meetings and training). Times are Stockholm wall-clock time whatever the server's zone.
 */
const STOCKHOLM = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  weekday: 'short',
  hourCycle: 'h23',
});
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

export function stockholmParts(at: Date): { date: string; weekday: number; minutes: number } {
  const parts = Object.fromEntries(STOCKHOLM.formatToParts(at).map((p) => [p.type, p.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAYS[parts.weekday!]!,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** Midnight in Stockholm at the start of `date` (YYYY-MM-DD), as an instant. */
export function stockholmDayStart(date: string): Date {
  for (const offset of ['+01:00', '+02:00']) {
    const candidate = new Date(`${date}T00:00:00${offset}`);
    const parts = stockholmParts(candidate);
    if (parts.date === date && parts.minutes === 0) return candidate;
  }
  return new Date(`${date}T00:00:00+01:00`);
}

export interface VisitRoutine {
  visitSlotsPerDay: number;
  visitWeekdays: number[];
}

/** Why a visit cannot be booked then, or null when it fits the routine. */
export function visitOutsideRoutine(
  startsAt: Date,
  alreadyBookedThatDay: number,
  routine: VisitRoutine,
): 'weekday' | 'full' | 'hours' | null {
  const { weekday, minutes } = stockholmParts(startsAt);
  if (!routine.visitWeekdays.includes(weekday)) return 'weekday';
  if (minutes < 8 * 60 || minutes > 17 * 60) return 'hours';
  if (alreadyBookedThatDay >= routine.visitSlotsPerDay) return 'full';
  return null;
}
