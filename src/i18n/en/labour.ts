/** The labour-market unit's vocabularies in English. */
import type * as sv from '../sv/labour.ts';

type Same<T> = Record<keyof T, string>;

export const initiators: Same<typeof sv.initiators> = {
  employment_service: 'The Public Employment Service',
  employment_service_with_social_services: 'The Public Employment Service with social services',
  social_insurance: 'The Social Insurance Agency',
  individual: 'The individual',
  social_services: 'Social services',
};

export const exitResults: Same<typeof sv.exitResults> = {
  work: 'Work without subsidy',
  work_subsidised: 'Work with subsidy',
  studies: 'Studies',
  transfer_social_insurance: 'Handed over to the Social Insurance Agency',
  transfer_employment_service: 'Handed over to the Public Employment Service',
  transfer_health_care: 'Handed over to health care',
  assignment_completed: 'Assignment completed',
  moved: 'Moved',
  broken_off: 'Broken off',
  other: 'Other',
};

export const interventionKinds: Same<typeof sv.interventionKinds> = {
  low_threshold: 'Low-threshold activity',
  coaching: 'Coaching',
  supported_education: 'Supported education',
  job_track: 'Job track',
  work_training: 'Work training',
  practice_municipal: 'Practice in the municipality',
  practice_private: 'Practice with a private employer',
  course: 'Course',
  matching: 'Matching',
  sheltered_work: "Work training in the municipality's own workshops",
};

export const employmentForms: Same<typeof sv.employmentForms> = {
  trygghetsanstallning: 'Secure employment (trygghetsanställning)',
  osa: 'Public sheltered employment (OSA)',
  extratjanst: 'Extra job (extratjänst)',
  sarskilt_anstallningsstod: 'Special employment support',
  utvecklingsanstallning: 'Development employment',
  nystartsjobb: 'New start job (nystartsjobb)',
  lonebidrag: 'Wage subsidy (lönebidrag)',
  instegsjobb: 'Entry job (instegsjobb)',
  introduktionsjobb: 'Introduction job (introduktionsjobb)',
  trainee: 'Trainee job',
  ungdomsanstallning: 'Youth employment',
};

export const absenceReasons: Same<typeof sv.absenceReasons> = {
  sick: 'Sick',
  valid: 'Valid absence',
  without_reason: 'Absent without valid reason',
};

export const flowDirections: Same<typeof sv.flowDirections> = {
  assistance_to_labour: 'From financial assistance to the labour-market unit',
  labour_to_assistance: 'From the labour-market unit to financial assistance',
};

export const flowBases: Same<typeof sv.flowBases> = {
  consent: 'Consent',
  law: 'Legal basis',
};

export const noticeKinds: Same<typeof sv.noticeKinds> = {
  referred: 'Referred to the labour-market unit',
  absence: 'Absence',
  deviation: 'Deviation from the full-time plan',
  employment_started: 'Employment started',
  exit: 'Left the labour-market unit',
};

export const unionReviews: Same<typeof sv.unionReviews> = {
  pending: 'Awaiting union review',
  approved: 'Approved by the union',
  refused: 'Refused by the union',
};

export const employmentStatuses: Same<typeof sv.employmentStatuses> = {
  planned: 'Planned',
  started: 'Under way',
  ended: 'Ended',
  cancelled: 'Cancelled',
};

export const placementStatuses: Same<typeof sv.placementStatuses> = {
  waiting: 'Waiting list',
  active: 'Under way',
  ended: 'Ended',
  cancelled: 'Cancelled',
};

export const employerKinds: Same<typeof sv.employerKinds> = {
  department: 'Municipal department',
  association: 'Association',
  company: 'Company',
};

export const offerStatuses: Same<typeof sv.offerStatuses> = {
  none: 'No position',
  offered: 'Offered',
  accepted: 'Accepted',
  declined: 'Declined',
};
