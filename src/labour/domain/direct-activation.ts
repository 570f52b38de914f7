/**
 * Direct activation: a person who applies for financial assistance as unemployed is referred to
 * the labour-market unit and booked to its next introduction day at once.
 */

export interface DirectActivationFacts {
  /** The applicant said in the application that they are unemployed. */
  selfAssessedUnemployed: boolean;
  /** The application names an applicant who is a person in Kedjan. */
  applicantExists: boolean;
  /** The applicant already has an open referral to the unit. */
  hasOpenReferral: boolean;
  /** The municipality has a labour-market unit to refer to. */
  hasLabourUnit: boolean;
}

/** Whether the application triggers a referral. */
export function triggersReferral(facts: DirectActivationFacts): boolean {
  return (
    facts.selfAssessedUnemployed && facts.applicantExists && !facts.hasOpenReferral && facts.hasLabourUnit
  );
}
