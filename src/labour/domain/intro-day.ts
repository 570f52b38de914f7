/**
 * The unit's next introduction day (direct activation books the person at once): the first day
 * strictly after today that falls on the unit's weekday and still has a free seat.
 */

export interface IntroDayInput {
  /** YYYY-MM-DD */
  today: string;
  /** ISO weekday of the introduction day, 1 = Monday … 5 = Friday. */
  weekday: number;
  /** How many the unit takes each introduction day. */
  capacity: number;
  /** Already booked per date (YYYY-MM-DD → count). */
  booked: ReadonlyMap<string, number> | Readonly<Record<string, number>>;
  /** How many weeks ahead to look before giving up (default one year). */
  maxWeeks?: number;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** ISO weekday of a date, 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

function bookedOn(booked: IntroDayInput['booked'], day: string): number {
  if (booked instanceof Map) return booked.get(day) ?? 0;
  return (booked as Readonly<Record<string, number>>)[day] ?? 0;
}

/** The first introduction day after today with a free seat, or null if none within maxWeeks. */
export function nextIntroDay(input: IntroDayInput): string | null {
  const { today, weekday, capacity } = input;
  if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) throw new RangeError('weekday must be 1–7');
  if (capacity <= 0) return null;
  const ahead = (weekday - isoWeekday(today) + 7) % 7 || 7;
  let day = addDays(today, ahead);
  const weeks = input.maxWeeks ?? 52;
  for (let week = 0; week < weeks; week += 1) {
    if (bookedOn(input.booked, day) < capacity) return day;
    day = addDays(day, 7);
  }
  return null;
}

/** The introduction days from `from` up to and including `to` (for the consultant's start page). */
export function introDaysBetween(from: string, to: string, weekday: number): string[] {
  const days: string[] = [];
  let day = addDays(from, (weekday - isoWeekday(from) + 7) % 7);
  while (day <= to) {
    days.push(day);
    day = addDays(day, 7);
  }
  return days;
}
