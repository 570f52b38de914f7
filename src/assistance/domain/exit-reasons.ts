/**
 * The ways out of financial assistance (Enköping's exit reasons, seed 004): the self-supporting
 * ones, those where another authority takes over, and the rest.
 */
export const EXIT_REASONS = [
  'work',
  'unemployment_insurance',
  'sickness_benefit',
  'sickness_benefit_special',
  'sickness_activity_compensation',
  'other_social_insurance',
  'studies',
  'work_with_support',
  'moved',
  'plan_broken_off',
  'other',
] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];
