/**
 * Service norms: the lead times a municipality promises (a decision within a number of working
 * days of a complete application). Working days are Monday–Friday; public holidays are not yet
 * taken off (a promise kept by a weekday count is kept by the calendar too).
 */
export function addWorkingDays(date: string, days: number): string {
  const day = new Date(`${date}T12:00:00Z`);
  let left = days;
  while (left > 0) {
    day.setUTCDate(day.getUTCDate() + 1);
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return day.toISOString().slice(0, 10);
}
