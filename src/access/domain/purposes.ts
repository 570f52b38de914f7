/**
 * Why a user opens a person's data. A closed list, so that the audit log holds a code and never
 * free text.
 */
export const ACCESS_PURPOSES = [
  'case_handling',
  'fraud_investigation',
  'log_review',
  'access_report',
  'follow_up',
] as const;
export type AccessPurpose = (typeof ACCESS_PURPOSES)[number];
