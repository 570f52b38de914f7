/** A household's members and the cases units hold about households. */
export type HouseholdRole = 'applicant' | 'co_applicant' | 'child' | 'other_adult';
export type CaseKind = 'assistance' | 'labour';
