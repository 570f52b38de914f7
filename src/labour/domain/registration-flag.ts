/**
 * Everyone coded unemployed must be registered with Arbetsförmedlingen: a person whose reason
 * code for the month is in the group 'unemployment' and who has no registration standing on the
 * day is flagged.
 */
import { reasonCodeIn, reasonCodesFor } from '../../assistance/domain/reason-codes/reason-code-list.ts';

export interface Registration {
  registeredOn: string;
  endedOn: string | null;
}

/** Whether a registration stands on the day (the end day is the last registered day). */
export function registrationStands(registration: Registration, day: string): boolean {
  return registration.registeredOn <= day && (registration.endedOn === null || registration.endedOn >= day);
}

/** Whether a reason code means unemployed in the month (YYYY-MM). */
export function codedUnemployed(code: string, month: string): boolean {
  return reasonCodeIn(code, month.slice(0, 7))?.group === 'unemployment';
}

/** The reason codes of the group 'unemployment' in force in the month (YYYY-MM), for use in SQL. */
export function unemploymentCodes(month: string): string[] {
  return reasonCodesFor(month.slice(0, 7))
    .filter((entry) => entry.group === 'unemployment')
    .map((entry) => entry.code);
}

/** Flagged: coded unemployed for the day's month, and no registration stands that day. */
export function flaggedUnregistered(input: {
  /** The person's reason code for the month of `day`, if any. */
  code: string | null;
  registrations: readonly Registration[];
  day: string;
}): boolean {
  if (!input.code || !codedUnemployed(input.code, input.day.slice(0, 7))) return false;
  return !input.registrations.some((registration) => registrationStands(registration, input.day));
}
