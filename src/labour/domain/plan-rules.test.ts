import { describe, expect, it } from 'vitest';
import { followUpDueBy, followUpWithin, plansDueForFollowUp, validatePlan } from './plan-rules.ts';

describe('validatePlan', () => {
  it('accepts a plan with the follow-up inside', () => {
    expect(
      validatePlan({ startsOn: '2026-12-01', endsOn: '2027-05-31', followUpOn: '2027-02-01' }),
    ).toBeNull();
  });

  it('accepts a one-day plan followed up that day', () => {
    expect(
      validatePlan({ startsOn: '2026-12-01', endsOn: '2026-12-01', followUpOn: '2026-12-01' }),
    ).toBeNull();
  });

  it('refuses a plan that ends before it starts', () => {
    expect(validatePlan({ startsOn: '2026-12-01', endsOn: '2026-11-30', followUpOn: '2026-12-01' })).toBe(
      'PLAN_ENDS_BEFORE_START',
    );
  });

  it('refuses a follow-up before the start or after the end', () => {
    expect(validatePlan({ startsOn: '2026-12-01', endsOn: '2027-05-31', followUpOn: '2026-11-30' })).toBe(
      'PLAN_FOLLOW_UP_OUTSIDE',
    );
    expect(validatePlan({ startsOn: '2026-12-01', endsOn: '2027-05-31', followUpOn: '2027-06-01' })).toBe(
      'PLAN_FOLLOW_UP_OUTSIDE',
    );
  });

  it('checks a next follow-up against the plan', () => {
    const plan = { startsOn: '2026-12-01', endsOn: '2027-05-31' };
    expect(followUpWithin(plan, '2027-05-31')).toBe(true);
    expect(followUpWithin(plan, '2027-06-01')).toBe(false);
  });
});

describe('plansDueForFollowUp', () => {
  it('lists active plans to follow up within a week, overdue first', () => {
    const plans = [
      { id: 'a', followUpOn: '2026-11-27', status: 'active' },
      { id: 'b', followUpOn: '2026-11-28', status: 'active' },
      { id: 'c', followUpOn: '2026-11-10', status: 'active' },
      { id: 'd', followUpOn: '2026-11-21', status: 'revised' },
    ];
    expect(followUpDueBy('2026-11-20')).toBe('2026-11-27');
    expect(plansDueForFollowUp(plans, '2026-11-20').map((p) => p.id)).toEqual(['c', 'a']);
  });
});
