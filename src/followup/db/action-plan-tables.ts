/** Kysely types of the action-plan tables (src/db/migrations/0008_action_plans.sql). */
import type { ColumnType } from 'kysely';
import type { ActionStatus } from '../domain/action-plans/status.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type IsoDate = string;

export interface ActionPlanTable {
  municipality_id: string;
  id: string;
  title: string;
  description: string | null;
  period_from: IsoDate;
  period_to: IsoDate;
  adopted_by: string | null;
  adopted_on: IsoDate | null;
  reference: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface ActionPlanGoalTable {
  municipality_id: string;
  id: string;
  plan_id: string;
  number: number;
  text: string;
  indicator_id: string | null;
  target_value: number | null;
  target_date: IsoDate | null;
  baseline_value: number | null;
  responsible_unit_id: string | null;
  created_at: Timestamp;
}

export interface ActionPlanActivityTable {
  municipality_id: string;
  id: string;
  plan_id: string;
  number: number;
  area: string;
  text: string;
  responsible: string | null;
  expected_effect: string | null;
  goal_id: string | null;
  created_at: Timestamp;
}

export interface ActionPlanActivityUnitTable {
  municipality_id: string;
  activity_id: string;
  unit_id: string;
}

export interface ActionPlanFollowupTable {
  municipality_id: string;
  id: string;
  plan_id: string;
  follow_up_on: IsoDate;
  label: string;
}

export interface ActionPlanStatusTable {
  municipality_id: string;
  activity_id: string;
  followup_id: string;
  status: ActionStatus;
  comment: string | null;
  recorded_by: string | null;
  recorded_at: Timestamp;
}

export interface ActionPlanTables {
  action_plan: ActionPlanTable;
  action_plan_goal: ActionPlanGoalTable;
  action_plan_activity: ActionPlanActivityTable;
  action_plan_activity_unit: ActionPlanActivityUnitTable;
  action_plan_followup: ActionPlanFollowupTable;
  action_plan_status: ActionPlanStatusTable;
}
