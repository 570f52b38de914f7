/**
 * Whether a person may be placed in an intervention (insats): work-oriented interventions need the
 * configured capacity (10 hours a week by default, 25 % of full time), the hours may not exceed the
 * person's capacity nor the intervention's own maximum, the person's age on the start day must be
 * within the intervention's limits, and the placement may not be longer than its maximum length.
 */

export interface InterventionLimits {
  name: string;
  workOriented: boolean;
  minAge: number | null;
  maxAge: number | null;
  maxWeeks: number | null;
  maxHoursPerWeek: number | null;
}

export interface PlacementRequest {
  startsOn: string;
  endsOn: string;
  hoursPerWeek: number;
  /** The person's birth date (age is taken on the start day). */
  birthDate: string;
  /** Capacity in hours a week according to the latest mapping. */
  capacityHours: number;
}

export interface PlacementSettings {
  workOrientedMinHours: number;
}

export type PlacementRefusal =
  | { code: 'PLACEMENT_ENDS_BEFORE_START'; params: Record<string, never> }
  | { code: 'CAPACITY_TOO_LOW'; params: { intervention: string; min: number; hours: number } }
  | { code: 'HOURS_ABOVE_CAPACITY'; params: { hours: number; capacity: number } }
  | { code: 'HOURS_ABOVE_INTERVENTION'; params: { intervention: string; max: number; hours: number } }
  | {
      code: 'AGE_OUTSIDE_INTERVENTION';
      params: { intervention: string; minAge: number; maxAge: number; age: number };
    }
  | { code: 'PLACEMENT_TOO_LONG'; params: { intervention: string; maxWeeks: number } };

/** The bounds the catalogue allows (see the intervention table): used when one age limit is open. */
export const AGE_BOUNDS = { min: 15, max: 70 } as const;

const DAY_MS = 86_400_000;

function utc(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysFrom(from: string, to: string): number {
  return Math.round((utc(to) - utc(from)) / DAY_MS);
}

/** The date `days` days after `date`. */
export function addDays(date: string, days: number): string {
  return new Date(utc(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Age in whole years on a day (a person born on 29 February turns a year older on 1 March). */
export function ageOn(birthDate: string, day: string): number {
  const age = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? age - 1 : age;
}

/** The number of calendar weeks a placement runs, both days included, counting a started week. */
export function weeksOf(startsOn: string, endsOn: string): number {
  return Math.ceil((daysFrom(startsOn, endsOn) + 1) / 7);
}

/** The first rule the placement breaks, or null when the person may be placed. */
export function refusePlacement(
  intervention: InterventionLimits,
  request: PlacementRequest,
  settings: PlacementSettings,
): PlacementRefusal | null {
  const name = intervention.name;
  if (request.endsOn < request.startsOn) return { code: 'PLACEMENT_ENDS_BEFORE_START', params: {} };
  if (intervention.workOriented && request.capacityHours < settings.workOrientedMinHours)
    return {
      code: 'CAPACITY_TOO_LOW',
      params: { intervention: name, min: settings.workOrientedMinHours, hours: request.capacityHours },
    };
  if (request.hoursPerWeek > request.capacityHours)
    return {
      code: 'HOURS_ABOVE_CAPACITY',
      params: { hours: request.hoursPerWeek, capacity: request.capacityHours },
    };
  if (intervention.maxHoursPerWeek !== null && request.hoursPerWeek > intervention.maxHoursPerWeek)
    return {
      code: 'HOURS_ABOVE_INTERVENTION',
      params: { intervention: name, max: intervention.maxHoursPerWeek, hours: request.hoursPerWeek },
    };
  const age = ageOn(request.birthDate, request.startsOn);
  if (
    (intervention.minAge !== null && age < intervention.minAge) ||
    (intervention.maxAge !== null && age > intervention.maxAge)
  )
    return {
      code: 'AGE_OUTSIDE_INTERVENTION',
      params: {
        intervention: name,
        minAge: intervention.minAge ?? AGE_BOUNDS.min,
        maxAge: intervention.maxAge ?? AGE_BOUNDS.max,
        age,
      },
    };
  if (intervention.maxWeeks !== null && weeksOf(request.startsOn, request.endsOn) > intervention.maxWeeks)
    return { code: 'PLACEMENT_TOO_LONG', params: { intervention: name, maxWeeks: intervention.maxWeeks } };
  return null;
}
