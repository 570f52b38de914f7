/** Dates as the forms need them: Swedish calendar days, months and local times with their offset. */

const DAY = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in Sweden as YYYY-MM-DD. */
export function swedishToday(now: Date = new Date()): string {
  return DAY.format(now);
}

/** The month after the one of `date` (YYYY-MM-DD or YYYY-MM) as YYYY-MM. */
export function nextMonth(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
}

/** The last weekday before the month (YYYY-MM) begins: assistance is paid before its month. */
export function lastWeekdayBefore(month: string): string {
  const day = new Date(`${month.slice(0, 7)}-01T12:00:00Z`);
  do day.setUTCDate(day.getUTCDate() - 1);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6);
  return day.toISOString().slice(0, 10);
}

/**
 * The value of an <input type="datetime-local"> ("2026-11-23T10:00", the browser's local time)
 * as an ISO date-time with the offset of that moment ("2026-11-23T10:00:00+01:00"); null if empty
 * or not a time.
 */
export function localDateTimeToIso(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const local = new Date(y, mo - 1, d, h, mi);
  if (Number.isNaN(local.getTime())) return null;
  const offset = -local.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const hours = String(Math.trunc(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${value}:00${sign}${hours}:${minutes}`;
}
