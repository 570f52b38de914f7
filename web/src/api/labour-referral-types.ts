/** Response and request shapes of the labour-market unit's referral endpoints (src/labour/api). */
import type { EXIT_RESULTS, REFERRAL_INITIATORS } from '../../../src/labour/domain/terms.ts';

export type ReferralInitiator = (typeof REFERRAL_INITIATORS)[number];
export type ExitResult = (typeof EXIT_RESULTS)[number];
export type PlanStatus = 'active' | 'revised' | 'closed';

export interface LabourPersonRef {
  id: string;
  /** null for a protected identity. */
  name: string | null;
  protectedIdentity: boolean;
}

export interface ReferralListItem {
  id: string;
  person: LabourPersonRef;
  initiator: ReferralInitiator;
  initiatorLabel: string;
  referredOn: string;
  introDay: string | null;
  capacityHours: number | null;
  activePlan: { goal: string; startsOn: string; endsOn: string; followUpOn: string } | null;
  status: 'open' | 'closed';
  exitResult: ExitResult | null;
  exitResultLabel: string | null;
}

export interface Mapping {
  id: string;
  mappedOn: string;
  capacityHours: number;
  education: string | null;
  workExperience: string | null;
  obstacles: string | null;
  summary: string | null;
  mappedByName: string;
}

export interface PlanFollowUp {
  id: string;
  doneOn: string;
  comment: string;
  doneByName: string;
}

export interface PersonalPlan {
  id: string;
  version: number;
  goal: string;
  startsOn: string;
  endsOn: string;
  followUpOn: string;
  status: PlanStatus;
  createdByName: string;
  followUps: PlanFollowUp[];
}

export interface ReferralDetail {
  id: string;
  person: LabourPersonRef;
  caseId: string;
  initiator: ReferralInitiator;
  initiatorLabel: string;
  koladaIndicator: string;
  ownerName: string;
  assistanceCaseId: string | null;
  applicationId: string | null;
  referredOn: string;
  reason: string | null;
  introDay: string | null;
  introAttended: boolean | null;
  status: 'open' | 'closed';
  exitOn: string | null;
  exitResult: ExitResult | null;
  exitResultLabel: string | null;
  exitComment: string | null;
  workOrientedMinHours: number;
  mappings: Mapping[];
  plans: PersonalPlan[];
  registration: { registeredOn: string; endedOn: string | null } | null;
  registered: boolean;
  /** Coded unemployed but not registered; null when assistance may not tell the unit. */
  flagged: boolean | null;
}

export interface NewReferral {
  /** One of personId and personalNumber. */
  personId?: string;
  personalNumber?: string;
  initiator: ReferralInitiator;
  ownerName: string;
  referredOn: string;
  reason?: string;
}

export interface CreatedReferral {
  id: string;
  introDay: string | null;
}

export interface NewMapping {
  mappedOn: string;
  capacityHours: number;
  education?: string;
  workExperience?: string;
  obstacles?: string;
  summary?: string;
}

export interface NewPlan {
  goal: string;
  startsOn: string;
  endsOn: string;
  followUpOn: string;
}

export interface NewFollowUp {
  doneOn: string;
  comment: string;
  nextFollowUpOn?: string;
}

export interface ReferralExit {
  exitOn: string;
  result: ExitResult;
  comment?: string;
}

export interface StartItem {
  referralId: string;
  person: LabourPersonRef;
}

export interface LabourStart {
  newReferrals: (StartItem & { referredOn: string; introDay: string | null })[];
  introDays: { day: string; booked: StartItem[] }[];
  followUpsDue: (StartItem & { planId: string; followUpOn: string; goal: string })[];
  attendanceWeek: string;
  attendanceToReport: (StartItem & { placementId: string; interventionName: string })[];
  employmentsEnding: (StartItem & {
    employmentId: string;
    form: string;
    formLabel: string;
    endsOn: string;
  })[];
  /** Coded unemployed this month, not registered with Arbetsförmedlingen; referralId if referred. */
  unregistered: { referralId: string | null; person: LabourPersonRef }[];
}

export interface CaseLabourReferral {
  id: string;
  person: LabourPersonRef;
  initiator: ReferralInitiator;
  initiatorLabel: string;
  referredOn: string;
  introDay: string | null;
  status: 'open' | 'closed';
  /** null when the labour_to_assistance flow does not stand for the person. */
  progress: {
    capacityHours: number | null;
    plan: { goal: string; startsOn: string; endsOn: string } | null;
    exitOn: string | null;
    exitResult: ExitResult | null;
    exitResultLabel: string | null;
  } | null;
}

export interface LabourNotice {
  id: string;
  referralId: string;
  person: LabourPersonRef;
  kind: 'referred' | 'absence' | 'deviation' | 'employment_started' | 'exit';
  kindLabel: string;
  week: string | null;
  detail: Record<string, string | number | boolean>;
  createdAt: string;
}

export interface CaseLabour {
  referrals: CaseLabourReferral[];
  notices: LabourNotice[];
  adults: { person: LabourPersonRef; registered: boolean; flagged: boolean; openReferral: boolean }[];
}
