/** The rules of a personal plan (genomförandeplan): its interval and its follow-ups. */

export type PlanError = 'PLAN_ENDS_BEFORE_START' | 'PLAN_FOLLOW_UP_OUTSIDE';

export interface PlanDates {
  startsOn: string;
  endsOn: string;
  followUpOn: string;
}

/** The first rule the plan breaks, or null if it is valid. Dates are YYYY-MM-DD. */
export function validatePlan(plan: PlanDates): PlanError | null {
  if (plan.endsOn < plan.startsOn) return 'PLAN_ENDS_BEFORE_START';
  if (plan.followUpOn < plan.startsOn || plan.followUpOn > plan.endsOn) return 'PLAN_FOLLOW_UP_OUTSIDE';
  return null;
}

/** Whether a next follow-up date lies within the plan. */
export function followUpWithin(plan: { startsOn: string; endsOn: string }, day: string): boolean {
  return day >= plan.startsOn && day <= plan.endsOn;
}

/** How many days ahead a follow-up counts as due on the consultant's start page. */
export const FOLLOW_UP_HORIZON_DAYS = 7;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The last follow-up date that counts as due today. */
export function followUpDueBy(today: string): string {
  return addDays(today, FOLLOW_UP_HORIZON_DAYS);
}

/** The active plans due for follow-up (overdue ones included), earliest first. */
export function plansDueForFollowUp<P extends { followUpOn: string; status: string }>(
  plans: readonly P[],
  today: string,
): P[] {
  const by = followUpDueBy(today);
  return plans
    .filter((plan) => plan.status === 'active' && plan.followUpOn <= by)
    .sort((a, b) => a.followUpOn.localeCompare(b.followUpOn));
}
