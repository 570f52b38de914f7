/** The closed vocabularies of the labour-market unit, as stored in the database. */

/** Who initiated a referral; each has a Kolada indicator counting them (seed 000). */
export const REFERRAL_INITIATORS = [
  'employment_service',
  'employment_service_with_social_services',
  'social_insurance',
  'individual',
  'social_services',
] as const;
export type ReferralInitiator = (typeof REFERRAL_INITIATORS)[number];

/** Kolada's indicators of participants in municipal labour-market measures by initiator. */
export const KOLADA_BY_INITIATOR: Readonly<Record<ReferralInitiator, string>> = {
  employment_service: 'U40806',
  employment_service_with_social_services: 'U40824',
  social_insurance: 'U40807',
  individual: 'U40808',
  social_services: 'U40809',
};

/** How a person left the unit. */
export const EXIT_RESULTS = [
  'work',
  'work_subsidised',
  'studies',
  'transfer_social_insurance',
  'transfer_employment_service',
  'transfer_health_care',
  'assignment_completed',
  'moved',
  'broken_off',
  'other',
] as const;
export type ExitResult = (typeof EXIT_RESULTS)[number];

/**
 * Kolada's result categories at exit from municipal labour-market activities (U40406–U40418 as
 * shares, U40450–U40454 as counts): A started work, B started studies, C transferred to another
 * authority, D completed assignment (e.g. a mapping done for the referrer), E other.
 */
export const KOLADA_EXIT_CATEGORY: Readonly<Record<ExitResult, 'A' | 'B' | 'C' | 'D' | 'E'>> = {
  work: 'A',
  work_subsidised: 'A',
  studies: 'B',
  transfer_social_insurance: 'C',
  transfer_employment_service: 'C',
  transfer_health_care: 'C',
  assignment_completed: 'D',
  moved: 'E',
  broken_off: 'E',
  other: 'E',
};

export const INTERVENTION_KINDS = [
  'low_threshold',
  'coaching',
  'supported_education',
  'job_track',
  'work_training',
  'practice_municipal',
  'practice_private',
  'course',
  'matching',
  'sheltered_work',
] as const;
export type InterventionKind = (typeof INTERVENTION_KINDS)[number];

export type PlacementStatus = 'waiting' | 'active' | 'ended' | 'cancelled';
export type AbsenceReason = 'sick' | 'valid' | 'without_reason';
export type UnionReview = 'pending' | 'approved' | 'refused';
export type EmploymentStatus = 'planned' | 'started' | 'ended' | 'cancelled';
export type FlowDirection = 'assistance_to_labour' | 'labour_to_assistance';
export type FlowBasis = 'consent' | 'law';
export type NoticeKind = 'referred' | 'absence' | 'deviation' | 'employment_started' | 'exit';
export type EmployerKind = 'department' | 'association' | 'company';
export type OfferStatus = 'none' | 'offered' | 'accepted' | 'declined';
