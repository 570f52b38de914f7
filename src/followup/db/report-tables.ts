/** Kysely types of the four-month report's tables (src/db/migrations/0009_four_month_report.sql). */
import type { ColumnType, Generated } from 'kysely';
import type { AssignmentStatus, ReportPeriod } from '../domain/report/periods.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface ReportBudgetLineTable {
  municipality_id: string;
  id: string;
  year: number;
  activity: string;
  sort_order: Generated<number>;
  /** whole thousands of kronor */
  budget_income_tkr: number;
  /** whole thousands of kronor, positive */
  budget_cost_tkr: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ReportBudgetFollowUpTable {
  municipality_id: string;
  line_id: string;
  period: ReportPeriod;
  outcome_income_tkr: number;
  outcome_cost_tkr: number;
  forecast_income_tkr: number;
  forecast_cost_tkr: number;
  updated_at: Timestamp;
}

export interface ReportAssignmentTable {
  municipality_id: string;
  id: string;
  year: number;
  given_by: 'council' | 'board';
  text: string;
  sort_order: Generated<number>;
  created_at: Timestamp;
}

export interface ReportAssignmentFollowUpTable {
  municipality_id: string;
  assignment_id: string;
  period: ReportPeriod;
  status: AssignmentStatus;
  comment: Generated<string>;
  updated_at: Timestamp;
}

export interface ReportControlRiskTable {
  municipality_id: string;
  id: string;
  year: number;
  process: string;
  risk: string;
  likelihood: number;
  consequence: number;
  control_activity: string;
  sort_order: Generated<number>;
  created_at: Timestamp;
}

export interface ReportControlRiskFollowUpTable {
  municipality_id: string;
  risk_id: string;
  period: ReportPeriod;
  comment: string;
  updated_at: Timestamp;
}

export interface ReportTables {
  report_budget_line: ReportBudgetLineTable;
  report_budget_follow_up: ReportBudgetFollowUpTable;
  report_assignment: ReportAssignmentTable;
  report_assignment_follow_up: ReportAssignmentFollowUpTable;
  report_control_risk: ReportControlRiskTable;
  report_control_risk_follow_up: ReportControlRiskFollowUpTable;
}
