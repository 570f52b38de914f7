/** Kysely types of the labour-market unit's tables (src/db/migrations/0004_labour.sql). */
import type { ColumnType, Generated } from 'kysely';
import type {
  AbsenceReason,
  EmployerKind,
  EmploymentStatus,
  ExitResult,
  FlowBasis,
  FlowDirection,
  InterventionKind,
  NoticeKind,
  OfferStatus,
  PlacementStatus,
  ReferralInitiator,
  UnionReview,
} from '../domain/terms.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type IsoDate = string;
type Json = ColumnType<unknown, string | undefined, string>;

export interface LabourSettingTable {
  municipality_id: string;
  work_oriented_min_hours: Generated<number>;
  intro_weekday: Generated<number>;
  intro_capacity: Generated<number>;
  separate_authority: Generated<boolean>;
  updated_at: Timestamp;
}

export interface ReferralTable {
  municipality_id: string;
  id: string;
  person_id: string;
  case_id: string;
  initiator: ReferralInitiator;
  owner_name: string;
  owner_user_id: string | null;
  assistance_case_id: string | null;
  application_id: string | null;
  referred_on: IsoDate;
  reason: string | null;
  intro_day: IsoDate | null;
  intro_attended: boolean | null;
  exit_on: IsoDate | null;
  exit_result: ExitResult | null;
  exit_comment: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface EmploymentServiceRegistrationTable {
  municipality_id: string;
  person_id: string;
  registered_on: IsoDate;
  ended_on: IsoDate | null;
  recorded_by: string | null;
  recorded_at: Timestamp;
}

export interface LabourMappingTable {
  municipality_id: string;
  id: string;
  referral_id: string;
  mapped_on: IsoDate;
  capacity_hours: number;
  education: string | null;
  work_experience: string | null;
  obstacles: string | null;
  summary: string | null;
  mapped_by: string;
  created_at: Timestamp;
}

export interface PersonalPlanTable {
  municipality_id: string;
  id: string;
  referral_id: string;
  version: number;
  goal: string;
  starts_on: IsoDate;
  ends_on: IsoDate;
  follow_up_on: IsoDate;
  status: Generated<'active' | 'revised' | 'closed'>;
  created_by: string;
  created_at: Timestamp;
}

export interface PlanFollowUpTable {
  municipality_id: string;
  id: string;
  plan_id: string;
  done_on: IsoDate;
  comment: string;
  done_by: string;
  created_at: Timestamp;
}

export interface InterventionTable {
  municipality_id: string;
  id: string;
  name: string;
  kind: InterventionKind;
  work_oriented: boolean;
  target_group: string | null;
  min_age: number | null;
  max_age: number | null;
  max_weeks: number | null;
  max_hours_per_week: number | null;
  capacity_per_year: number | null;
  active: Generated<boolean>;
  created_at: Timestamp;
}

export interface PlacementTable {
  municipality_id: string;
  id: string;
  referral_id: string;
  intervention_id: string;
  plan_id: string | null;
  status: PlacementStatus;
  requested_on: IsoDate;
  starts_on: IsoDate;
  ends_on: IsoDate;
  hours_per_week: number;
  ended_on: IsoDate | null;
  created_by: string;
  created_at: Timestamp;
}

export interface AttendanceTable {
  municipality_id: string;
  placement_id: string;
  week: IsoDate;
  planned_hours: number;
  attended_hours: number;
  absence_reason: AbsenceReason | null;
  comment: string | null;
  reported_by: string;
  reported_at: Timestamp;
}

export interface SubsidisedEmploymentTable {
  municipality_id: string;
  id: string;
  referral_id: string;
  person_id: string;
  form: string;
  employer: string;
  workplace: string | null;
  starts_on: IsoDate;
  ends_on: IsoDate;
  hours_per_week: number;
  monthly_salary_cost_ore: number;
  monthly_support_ore: number;
  extends_id: string | null;
  union_review: Generated<UnionReview>;
  union_reason: string | null;
  union_reviewed_on: IsoDate | null;
  status: Generated<EmploymentStatus>;
  ended_on: IsoDate | null;
  created_by: string;
  created_at: Timestamp;
}

export interface InformationFlowTable {
  municipality_id: string;
  id: string;
  person_id: string;
  direction: FlowDirection;
  basis: FlowBasis;
  legal_reference: string | null;
  given_on: IsoDate;
  revoked_on: IsoDate | null;
  recorded_by: string;
  revoked_by: string | null;
  created_at: Timestamp;
}

export interface LabourNoticeTable {
  municipality_id: string;
  id: string;
  referral_id: string;
  person_id: string;
  assistance_case_id: string;
  kind: NoticeKind;
  week: IsoDate | null;
  detail: Json;
  created_at: Timestamp;
  acknowledged_at: Timestamp | null;
  acknowledged_by: string | null;
}

export interface SummerJobRoundTable {
  municipality_id: string;
  id: string;
  year: number;
  apply_by: IsoDate;
  min_age: Generated<number>;
  max_age: Generated<number>;
  lottery_seed: number | null;
  allocated_at: Timestamp | null;
}

export interface SummerJobPositionTable {
  municipality_id: string;
  id: string;
  round_id: string;
  employer: string;
  employer_kind: EmployerKind;
  title: string;
  places: number;
}

export interface SummerJobApplicantTable {
  municipality_id: string;
  id: string;
  round_id: string;
  person_id: string;
  applied_on: IsoDate;
  household_with_assistance: Generated<boolean>;
  had_summer_job_before: Generated<boolean>;
  preferences: ColumnType<string[], string[] | undefined, string[]>;
  position_id: string | null;
  offer_status: Generated<OfferStatus>;
}

export interface LabourTables {
  labour_setting: LabourSettingTable;
  referral: ReferralTable;
  employment_service_registration: EmploymentServiceRegistrationTable;
  labour_mapping: LabourMappingTable;
  personal_plan: PersonalPlanTable;
  plan_follow_up: PlanFollowUpTable;
  intervention: InterventionTable;
  placement: PlacementTable;
  attendance: AttendanceTable;
  subsidised_employment: SubsidisedEmploymentTable;
  information_flow: InformationFlowTable;
  labour_notice: LabourNoticeTable;
  summer_job_round: SummerJobRoundTable;
  summer_job_position: SummerJobPositionTable;
  summer_job_applicant: SummerJobApplicantTable;
}
