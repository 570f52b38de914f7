/** Texts of the casework in an assistance case: journal, intake steps, reason codes. */
import type { IntakeStep, MappingField } from '../../assistance/domain/intake/intake-plan.ts';
import type { ReasonGroup } from '../../assistance/domain/reason-codes/reason-code-list.ts';

export const intakeSteps: Record<IntakeStep, string> = {
  responsibility: 'Tillhörighetsbedömning',
  consent: 'Samtycke',
  checks: 'Kontroller',
  ib1: 'IB1 Initial bedömning',
  ib2: 'IB2 Teamet',
  ib3: 'IB3 Nybesök',
  ib4: 'IB4 Planering',
  ib5: 'IB5 Uppföljning',
};

export const mappingFields: Record<MappingField, string> = {
  socioEconomicSituation: 'Socioekonomisk situation',
  workHistory: 'Tidigare arbete',
  education: 'Utbildning',
  earlierInterventions: 'Tidigare insatser',
  socialInsuranceContacts: 'Kontakter med Försäkringskassan',
  healthContacts: 'Kontakter inom hälso- och sjukvården',
  childrenSituation: 'Barnens situation',
};

/** Heading of the journal note written when IB3 is done with a mapping. */
export const mappingNoteHeading = 'IB3 Nybesök – kartläggning';

export const mappingGap = {
  childrenSituation: 'beskriv barnens situation – hushållet har barn',
  empty: 'skriv minst en uppgift i kartläggningen',
  ib3Only: 'en kartläggning hör till steget IB3 Nybesök',
};

export const reasonGroups: Record<ReasonGroup, string> = {
  unemployment: 'Arbetslöshet',
  ill_health: 'Ohälsa',
  social_reasons: 'Sociala skäl',
  other: 'Övrigt',
};
