/** Time is injected so that rules and tests can fix it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

// Made once: building an Intl.DateTimeFormat costs ~75 µs and native memory freed only by GC.
const SWEDISH_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' });

let memo = { minute: Number.NaN, date: '' };

/** Today's date in Sweden (YYYY-MM-DD). Formatting is costly, so it is worked out once a minute. */
export function swedishToday(clock: Clock): string {
  const minute = Math.floor(clock.now().getTime() / 60_000);
  if (minute !== memo.minute) memo = { minute, date: SWEDISH_DATE.format(clock.now()) };
  return memo.date;
}
