/** Kysely types of the financial-aid tables (src/db/migrations/0003_assistance.sql). */
import type { ColumnType, Generated } from 'kysely';
import type { ExitReason } from '../domain/exit-reasons.ts';

export type { ExitReason };

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type IsoDate = string;
type Json = ColumnType<unknown, string, string>;

export type ApplicationMemberRole = 'applicant' | 'partner' | 'child' | 'other_adult';
export type DecisionOutcome = 'granted' | 'partly_granted' | 'refused';
export type IntakeStepCode = 'responsibility' | 'consent' | 'checks' | 'ib1' | 'ib2' | 'ib3' | 'ib4' | 'ib5';

export interface AssistanceSettingTable {
  municipality_id: string;
  visit_slots_per_day: Generated<number>;
  visit_weekdays: Generated<number[]>;
  visit_required_for_payment: Generated<boolean>;
  caseload_limit: Generated<number>;
  decision_lead_days: Generated<number>;
  follow_up_months: Generated<number>;
  reactualisation_months: Generated<number>;
  cost_limits: ColumnType<Record<string, number>, string | undefined, string>;
  debtor_name: string | null;
  debtor_organisation_number: string | null;
  debtor_bankgiro: string | null;
  debtor_bic: string | null;
  updated_at: Timestamp;
}

export interface ApplicationTable {
  municipality_id: string;
  id: string;
  case_id: string;
  month: IsoDate;
  kind: 'first' | 'recurring';
  channel: 'paper' | 'e_application';
  received_on: IsoDate;
  complete_on: IsoDate | null;
  status: Generated<'received' | 'decided' | 'withdrawn'>;
  self_assessed_unemployed: Generated<boolean>;
  reactualised: Generated<boolean>;
  housing_address: string | null;
  housing_apartment: string | null;
  housing_contract: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface ApplicationMemberTable {
  municipality_id: string;
  application_id: string;
  person_id: string;
  role: ApplicationMemberRole;
  lunch_away: Generated<boolean>;
  included: Generated<boolean>;
}

export interface ApplicationItemTable {
  municipality_id: string;
  application_id: string;
  line_no: number;
  kind: 'cost' | 'income';
  item_type: string;
  amount_ore: number;
  job_stimulus: Generated<boolean>;
  description: string | null;
}

export interface ReasonCodeTable {
  municipality_id: string;
  person_id: string;
  month: IsoDate;
  case_id: string;
  code: string;
  set_by: string | null;
  set_at: Timestamp;
}

export interface IntakeStepTable {
  municipality_id: string;
  case_id: string;
  step: IntakeStepCode;
  owner_id: string | null;
  due_on: IsoDate;
  done_on: IsoDate | null;
  done_by: string | null;
  details: ColumnType<unknown, string | null | undefined, string | null>;
}

export interface JournalNoteTable {
  municipality_id: string;
  id: string;
  case_id: string;
  author_id: string;
  note_date: IsoDate;
  body: string;
  status: Generated<'draft' | 'signed'>;
  signed_at: Timestamp | null;
  corrects_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CompletionRequestTable {
  municipality_id: string;
  id: string;
  case_id: string;
  application_id: string | null;
  requested: string;
  deadline: IsoDate;
  requested_by: string;
  requested_on: IsoDate;
  answered_on: IsoDate | null;
}

export interface DecisionTable {
  municipality_id: string;
  id: string;
  case_id: string;
  application_id: string;
  month: IsoDate;
  status: Generated<'draft' | 'signed'>;
  decided_on: IsoDate;
  decided_by: string;
  signed_at: Timestamp | null;
  supersedes_id: string | null;
  norm: Json;
  granted_ore: number;
  reduction_ore: Generated<number>;
  reduction_reason: string | null;
  condition: 'practice' | 'skills_activity' | null;
  condition_detail: string | null;
  reasons: Generated<string>;
  payee_person_id: string;
  pay_on: IsoDate;
  created_at: Timestamp;
}

export interface DecisionItemTable {
  municipality_id: string;
  decision_id: string;
  line_no: number;
  item_type: string;
  applied_ore: number;
  granted_ore: number;
  outcome: DecisionOutcome;
  provision: string;
  reason: string | null;
}

export interface VisitTable {
  municipality_id: string;
  id: string;
  case_id: string;
  caseworker_id: string;
  starts_at: Timestamp;
  status: Generated<'booked' | 'held' | 'cancelled' | 'no_show'>;
  created_at: Timestamp;
}

export interface BankAccountTable {
  municipality_id: string;
  id: string;
  person_id: string;
  clearing_number: string;
  account_number: string;
  status: Generated<'pending' | 'approved' | 'rejected' | 'replaced'>;
  requested_by: string;
  requested_at: Timestamp;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
}

export interface PaymentRunTable {
  municipality_id: string;
  id: string;
  month: IsoDate;
  pay_on: IsoDate;
  status: Generated<'prepared' | 'approved' | 'cancelled'>;
  prepared_by: string;
  prepared_at: Timestamp;
  approved_by: string | null;
  approved_at: Timestamp | null;
  message_id: string | null;
  file_sha256: string | null;
}

export interface PaymentTable {
  municipality_id: string;
  id: string;
  run_id: string;
  decision_id: string;
  case_id: string;
  person_id: string;
  amount_ore: number;
  clearing_number: string;
  account_number: string;
  end_to_end_id: string;
  status: Generated<'planned' | 'sent' | 'stopped' | 'reversed'>;
  status_reason: string | null;
  status_changed_by: string | null;
  status_changed_at: Timestamp | null;
  created_at: Timestamp;
}

export interface InvestigationTable {
  municipality_id: string;
  id: string;
  case_id: string;
  opened_by: string;
  opened_on: IsoDate;
  period_from: IsoDate;
  period_to: IsoDate;
  suspicion:
    | 'undeclared_income'
    | 'undeclared_cohabitation'
    | 'double_rent'
    | 'wrong_household'
    | 'not_resident'
    | 'other';
  findings: Generated<string>;
  status: Generated<'open' | 'closed'>;
  outcome: 'incorrect_payment' | 'no_incorrect_payment' | 'police_report' | null;
  closed_on: IsoDate | null;
}

export interface RecoveryTable {
  municipality_id: string;
  id: string;
  investigation_id: string;
  case_id: string;
  decided_by: string;
  decided_on: IsoDate;
  amount_ore: number;
  granted_from: IsoDate;
  provision: string;
  monthly_ore: number;
  first_due_on: IsoDate;
  reasons: string;
}

export interface AssistanceTables {
  assistance_setting: AssistanceSettingTable;
  application: ApplicationTable;
  application_member: ApplicationMemberTable;
  application_item: ApplicationItemTable;
  reason_code: ReasonCodeTable;
  intake_step: IntakeStepTable;
  journal_note: JournalNoteTable;
  completion_request: CompletionRequestTable;
  decision: DecisionTable;
  decision_item: DecisionItemTable;
  visit: VisitTable;
  bank_account: BankAccountTable;
  payment_run: PaymentRunTable;
  payment: PaymentTable;
  investigation: InvestigationTable;
  recovery: RecoveryTable;
}
