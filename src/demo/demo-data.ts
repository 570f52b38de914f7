/** The shape of the demo data as the loader inserts it. */
import type { Selectable } from 'kysely';
import type { ActionPlanDemoData } from './followup-action-plans.ts';
import type { ReportDemoData } from './followup-report.ts';
import type { IndicatorTargetRow } from './followup-targets.ts';
import type { BenchmarkSettingRow } from './followup-benchmark.ts';
import type {
  ApplicationItemTable,
  ApplicationMemberTable,
  ApplicationTable,
  AssistanceSettingTable,
  BankAccountTable,
  DecisionItemTable,
  DecisionTable,
  PaymentRunTable,
  IntakeStepTable,
  PaymentTable,
  ReasonCodeTable,
  VisitTable,
} from '../assistance/db/tables.ts';
import type {
  AppUserTable,
  ClientCaseTable,
  HouseholdMemberTable,
  HouseholdTable,
  MunicipalityTable,
  PersonTable,
  RoleAssignmentTable,
  UnitTable,
} from '../db/schema.ts';
import type { PopulationTable } from '../followup/db/tables.ts';
import type {
  AttendanceTable,
  EmploymentServiceRegistrationTable,
  InformationFlowTable,
  InterventionTable,
  LabourMappingTable,
  LabourNoticeTable,
  LabourSettingTable,
  PersonalPlanTable,
  PlacementTable,
  PlanFollowUpTable,
  ReferralTable,
  SubsidisedEmploymentTable,
  SummerJobApplicantTable,
  SummerJobPositionTable,
  SummerJobRoundTable,
} from '../labour/db/tables.ts';

/** A row as the loader inserts it: the table's columns without the timestamps the database sets. */
export type DemoRow<T> = Omit<Selectable<T>, 'created_at' | 'updated_at' | 'granted_at'>;

export interface DemoData {
  municipality: DemoRow<MunicipalityTable>[];
  unit: DemoRow<UnitTable>[];
  app_user: DemoRow<AppUserTable>[];
  role_assignment: DemoRow<RoleAssignmentTable>[];
  person: DemoRow<PersonTable>[];
  household: DemoRow<HouseholdTable>[];
  household_member: DemoRow<HouseholdMemberTable>[];
  client_case: DemoRow<ClientCaseTable>[];
}

/** A row of the financial-aid tables as the demo inserts it. */
type Row<T> = Omit<Selectable<T>, 'created_at' | 'updated_at'>;

export interface AssistanceDemoData {
  assistance_setting: Row<AssistanceSettingTable>[];
  bank_account: Row<BankAccountTable>[];
  application: Row<ApplicationTable>[];
  application_member: Row<ApplicationMemberTable>[];
  application_item: Row<ApplicationItemTable>[];
  decision: (Omit<Row<DecisionTable>, 'norm'> & { norm: object })[];
  decision_item: Row<DecisionItemTable>[];
  visit: Row<VisitTable>[];
  payment_run: Row<PaymentRunTable>[];
  payment: Row<PaymentTable>[];
  reason_code: Row<ReasonCodeTable>[];
  intake_step: Row<IntakeStepTable>[];
}

/**
 * A row of the labour-market unit's tables as the demo inserts it: with its timestamps (created_at,
 * reported_at, …) set to when it happened, so that lists ordered by them read right.
 */
type LabourRow<T> = Omit<Selectable<T>, 'updated_at'>;

export interface LabourDemoData {
  labour_setting: LabourRow<LabourSettingTable>[];
  intervention: LabourRow<InterventionTable>[];
  referral: LabourRow<ReferralTable>[];
  employment_service_registration: LabourRow<EmploymentServiceRegistrationTable>[];
  labour_mapping: LabourRow<LabourMappingTable>[];
  personal_plan: LabourRow<PersonalPlanTable>[];
  plan_follow_up: LabourRow<PlanFollowUpTable>[];
  placement: LabourRow<PlacementTable>[];
  attendance: LabourRow<AttendanceTable>[];
  subsidised_employment: LabourRow<SubsidisedEmploymentTable>[];
  information_flow: LabourRow<InformationFlowTable>[];
  labour_notice: (Omit<LabourRow<LabourNoticeTable>, 'detail'> & { detail: object })[];
  summer_job_round: LabourRow<SummerJobRoundTable>[];
  summer_job_position: LabourRow<SummerJobPositionTable>[];
  summer_job_applicant: LabourRow<SummerJobApplicantTable>[];
}

/** The municipality's population per year, the denominators of the indicators. */
export interface FollowupDemoData extends ActionPlanDemoData, ReportDemoData {
  population: Selectable<PopulationTable>[];
  indicator_target: IndicatorTargetRow[];
  benchmark_setting: BenchmarkSettingRow[];
}

/**
 * The whole demo: the municipality and its people, the financial-aid unit's history, the
 * labour-market unit's, and its population.
 */
export type FullDemoData = DemoData & AssistanceDemoData & LabourDemoData & FollowupDemoData;
