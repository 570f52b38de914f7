import { describe, expect, it } from 'vitest';
import { triggersReferral } from './direct-activation.ts';

const base = {
  selfAssessedUnemployed: true,
  applicantExists: true,
  hasOpenReferral: false,
  hasLabourUnit: true,
};

describe('triggersReferral', () => {
  it('refers an applicant who says they are unemployed', () => {
    expect(triggersReferral(base)).toBe(true);
  });

  it('does nothing when the applicant is not unemployed', () => {
    expect(triggersReferral({ ...base, selfAssessedUnemployed: false })).toBe(false);
  });

  it('does nothing without an applicant in Kedjan', () => {
    expect(triggersReferral({ ...base, applicantExists: false })).toBe(false);
  });

  it('does not refer twice while a referral is open', () => {
    expect(triggersReferral({ ...base, hasOpenReferral: true })).toBe(false);
  });

  it('does nothing when the municipality has no labour-market unit', () => {
    expect(triggersReferral({ ...base, hasLabourUnit: false })).toBe(false);
  });
});
