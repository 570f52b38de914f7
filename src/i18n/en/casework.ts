/** Texts of the casework in an assistance case (English, the second language). */
import type * as sv from '../sv/casework.ts';

export const intakeSteps: typeof sv.intakeSteps = {
  responsibility: 'Responsibility check',
  consent: 'Consent',
  checks: 'Checks with other authorities',
  ib1: 'IB1 Initial assessment',
  ib2: 'IB2 Team',
  ib3: 'IB3 New visit',
  ib4: 'IB4 Plan',
  ib5: 'IB5 Follow-up',
};

export const mappingFields: typeof sv.mappingFields = {
  socioEconomicSituation: 'Socio-economic situation',
  workHistory: 'Earlier work',
  education: 'Education',
  earlierInterventions: 'Earlier interventions',
  socialInsuranceContacts: 'Contacts with Försäkringskassan',
  healthContacts: 'Contacts with health care',
  childrenSituation: "The children's situation",
};

export const mappingNoteHeading: string = 'IB3 New visit – mapping';

export const mappingGap: typeof sv.mappingGap = {
  childrenSituation: "describe the children's situation – the household has children",
  empty: 'write at least one item of the mapping',
  ib3Only: 'a mapping belongs to the step IB3 New visit',
};

export const reasonGroups: typeof sv.reasonGroups = {
  unemployment: 'Unemployment',
  ill_health: 'Ill health',
  social_reasons: 'Social reasons',
  other: 'Other',
};
