/**
 * The rules of a subsidised employment (arbetsmarknadsanställning): the form must exist on the
 * start day, the employment may not be longer than the form allows, the state support is never
 * more than the salary cost, and one person holds one employment at a time. Borås' rule (seed 003,
 * Jobb Borås): one year, extendable one more — an extension starts the day after the employment it
 * extends ends, and a chain holds at most one extension. Before it starts, the union reviews the
 * placement; a refused or unreviewed placement cannot start.
 *
 * Pure: the caller loads the person's other employments and turns a violation into an AppError.
 */
import { employmentFormOn } from './employment-forms.ts';
import type { EmploymentStatus, UnionReview } from './terms.ts';

export type EmploymentRuleCode =
  | 'EMPLOYMENT_FORM_UNKNOWN'
  | 'EMPLOYMENT_TOO_LONG'
  | 'EMPLOYMENT_SUPPORT_ABOVE_COST'
  | 'EMPLOYMENT_OVERLAP'
  | 'EMPLOYMENT_EXTENSION_GAP'
  | 'EMPLOYMENT_EXTENSION_LIMIT'
  | 'EMPLOYMENT_NOT_PLANNED'
  | 'EMPLOYMENT_NOT_STARTED'
  | 'UNION_REVIEW_PENDING'
  | 'UNION_REVIEW_REFUSED'
  | 'UNION_REVIEW_DONE'
  | 'DATE_NOT_IN_RANGE';

export interface RuleViolation {
  code: EmploymentRuleCode;
  params: Record<string, string | number>;
}

/** One of the person's employments as the rules need it. */
export interface EmploymentPeriod {
  id: string;
  form: string;
  startsOn: string;
  endsOn: string;
  /** The day it actually ended, when it ended before its planned end. */
  endedOn: string | null;
  status: EmploymentStatus;
  extendsId: string | null;
}

export interface NewEmployment {
  form: string;
  startsOn: string;
  endsOn: string;
  monthlySalaryCostOre: number;
  monthlySupportOre: number;
  extendsId: string | null;
}

/** The last day of an employment: the day it ended, or else its planned end. */
export function effectiveEnd(e: Pick<EmploymentPeriod, 'endsOn' | 'endedOn'>): string {
  return e.endedOn !== null && e.endedOn < e.endsOn ? e.endedOn : e.endsOn;
}

/** YYYY-MM-DD plus days (may be negative). */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** YYYY-MM-DD plus months; the 31st becomes the last day of a shorter month. */
export function addMonthsToDay(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The latest day an employment of `months` months starting on `startsOn` may end. */
export function latestEnd(startsOn: string, months: number): string {
  return addDays(addMonthsToDay(startsOn, months), -1);
}

/**
 * Checks a new employment against the form's data and the person's other employments (any
 * status; cancelled ones are ignored). Returns the first rule broken, or null.
 */
export function checkNewEmployment(
  input: NewEmployment,
  others: readonly EmploymentPeriod[],
  formLabel: (code: string) => string = (code) => code,
): RuleViolation | null {
  const form = employmentFormOn(input.form, input.startsOn);
  if (!form)
    return {
      code: 'EMPLOYMENT_FORM_UNKNOWN',
      params: { form: formLabel(input.form), date: input.startsOn },
    };
  if (input.endsOn < input.startsOn)
    return {
      code: 'DATE_NOT_IN_RANGE',
      params: { date: input.endsOn, from: input.startsOn, to: latestEnd(input.startsOn, form.maxMonths) },
    };
  if (input.endsOn > latestEnd(input.startsOn, form.maxMonths))
    return { code: 'EMPLOYMENT_TOO_LONG', params: { form: formLabel(form.code), months: form.maxMonths } };
  if (input.monthlySupportOre > input.monthlySalaryCostOre)
    return { code: 'EMPLOYMENT_SUPPORT_ABOVE_COST', params: {} };

  const standing = others.filter((o) => o.status !== 'cancelled');
  if (input.extendsId !== null) {
    const extended = standing.find((o) => o.id === input.extendsId);
    if (!extended) return { code: 'EMPLOYMENT_EXTENSION_GAP', params: { day: input.startsOn } };
    // A chain is the first employment and at most one extension of it.
    const alreadyExtended = extended.extendsId !== null || standing.some((o) => o.extendsId === extended.id);
    if (alreadyExtended) return { code: 'EMPLOYMENT_EXTENSION_LIMIT', params: {} };
    const dayAfter = addDays(effectiveEnd(extended), 1);
    if (input.startsOn !== dayAfter) return { code: 'EMPLOYMENT_EXTENSION_GAP', params: { day: dayAfter } };
  }

  const overlapping = standing.find((o) => o.startsOn <= input.endsOn && input.startsOn <= effectiveEnd(o));
  if (overlapping)
    return {
      code: 'EMPLOYMENT_OVERLAP',
      params: { startsOn: overlapping.startsOn, endsOn: effectiveEnd(overlapping) },
    };
  return null;
}

/** Starting needs a planned employment that the union has approved. */
export function checkStart(e: {
  status: EmploymentStatus;
  unionReview: UnionReview;
  unionReason: string | null;
}): RuleViolation | null {
  if (e.status !== 'planned') return { code: 'EMPLOYMENT_NOT_PLANNED', params: {} };
  if (e.unionReview === 'pending') return { code: 'UNION_REVIEW_PENDING', params: {} };
  if (e.unionReview === 'refused')
    return { code: 'UNION_REVIEW_REFUSED', params: { reason: e.unionReason ?? '' } };
  return null;
}

/** The union reviews a planned placement once. */
export function checkUnionReview(e: {
  status: EmploymentStatus;
  unionReview: UnionReview;
}): RuleViolation | null {
  if (e.unionReview !== 'pending') return { code: 'UNION_REVIEW_DONE', params: {} };
  if (e.status !== 'planned') return { code: 'EMPLOYMENT_NOT_PLANNED', params: {} };
  return null;
}

/** An employment that has started ends on a day within its period. */
export function checkEnd(
  e: { status: EmploymentStatus; startsOn: string; endsOn: string },
  endedOn: string,
): RuleViolation | null {
  if (e.status !== 'started') return { code: 'EMPLOYMENT_NOT_STARTED', params: {} };
  if (endedOn < e.startsOn || endedOn > e.endsOn)
    return { code: 'DATE_NOT_IN_RANGE', params: { date: endedOn, from: e.startsOn, to: e.endsOn } };
  return null;
}

/** Only an employment that has not started can be cancelled. */
export function checkCancel(e: { status: EmploymentStatus }): RuleViolation | null {
  if (e.status !== 'planned') return { code: 'EMPLOYMENT_NOT_PLANNED', params: {} };
  return null;
}
