/** The roles a user can hold in a unit. */
export const ROLES = [
  'caseworker',
  'labour_consultant',
  'unit_manager',
  'fraud_investigator',
  'analyst',
  'administrator',
] as const;
export type Role = (typeof ROLES)[number];
