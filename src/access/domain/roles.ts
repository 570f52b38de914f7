/** The roles a user can hold in a unit. */
export type Role =
  'caseworker' | 'labour_consultant' | 'unit_manager' | 'fraud_investigator' | 'analyst' | 'administrator';
