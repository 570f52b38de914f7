/** Commands on the four-month report's records: budget lines, assignments, risks and their follow-ups. */
import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/connection.ts';
import { AppError } from '../../shared/errors.ts';
import type { AssignmentStatus, ReportPeriod } from '../domain/report/periods.ts';

export interface BudgetLineInput {
  activity: string;
  budgetIncome: number;
  budgetCost: number;
  sortOrder?: number;
}

export async function createBudgetLine(
  db: Database,
  municipalityId: string,
  year: number,
  input: BudgetLineInput,
): Promise<string> {
  const id = randomUUID();
  const sortOrder =
    input.sortOrder ??
    Number(
      (
        await db
          .selectFrom('report_budget_line')
          .select((eb) => eb.fn.coalesce(eb.fn.max('sort_order'), eb.lit(0)).as('last'))
          .where('municipality_id', '=', municipalityId)
          .where('year', '=', year)
          .executeTakeFirst()
      )?.last ?? 0,
    ) + 10;
  await db
    .insertInto('report_budget_line')
    .values({
      municipality_id: municipalityId,
      id,
      year,
      activity: input.activity,
      sort_order: sortOrder,
      budget_income_tkr: input.budgetIncome,
      budget_cost_tkr: input.budgetCost,
    })
    .execute();
  return id;
}

export async function updateBudgetLine(
  db: Database,
  municipalityId: string,
  id: string,
  input: BudgetLineInput,
  now: Date,
): Promise<void> {
  const result = await db
    .updateTable('report_budget_line')
    .set({
      activity: input.activity,
      budget_income_tkr: input.budgetIncome,
      budget_cost_tkr: input.budgetCost,
      ...(input.sortOrder === undefined ? {} : { sort_order: input.sortOrder }),
      updated_at: now,
    })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new AppError('NOT_FOUND');
}

export interface BudgetFollowUpInput {
  outcomeIncome: number;
  outcomeCost: number;
  forecastIncome: number;
  forecastCost: number;
}

async function requireRow(
  db: Database,
  table: 'report_budget_line' | 'report_assignment' | 'report_control_risk',
  municipalityId: string,
  id: string,
): Promise<void> {
  const row = await db
    .selectFrom(table)
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
}

export async function setBudgetFollowUp(
  db: Database,
  municipalityId: string,
  lineId: string,
  period: ReportPeriod,
  input: BudgetFollowUpInput,
  now: Date,
): Promise<void> {
  await requireRow(db, 'report_budget_line', municipalityId, lineId);
  const values = {
    outcome_income_tkr: input.outcomeIncome,
    outcome_cost_tkr: input.outcomeCost,
    forecast_income_tkr: input.forecastIncome,
    forecast_cost_tkr: input.forecastCost,
    updated_at: now,
  };
  await db
    .insertInto('report_budget_follow_up')
    .values({ municipality_id: municipalityId, line_id: lineId, period, ...values })
    .onConflict((oc) => oc.columns(['municipality_id', 'line_id', 'period']).doUpdateSet(values))
    .execute();
}

export interface AssignmentInput {
  givenBy: 'council' | 'board';
  text: string;
}

export async function createAssignment(
  db: Database,
  municipalityId: string,
  year: number,
  input: AssignmentInput,
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('report_assignment')
    .values({ municipality_id: municipalityId, id, year, given_by: input.givenBy, text: input.text })
    .execute();
  return id;
}

export async function updateAssignment(
  db: Database,
  municipalityId: string,
  id: string,
  input: AssignmentInput,
): Promise<void> {
  const result = await db
    .updateTable('report_assignment')
    .set({ given_by: input.givenBy, text: input.text })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new AppError('NOT_FOUND');
}

export async function setAssignmentFollowUp(
  db: Database,
  municipalityId: string,
  assignmentId: string,
  period: ReportPeriod,
  input: { status: AssignmentStatus; comment: string },
  now: Date,
): Promise<void> {
  await requireRow(db, 'report_assignment', municipalityId, assignmentId);
  const values = { status: input.status, comment: input.comment, updated_at: now };
  await db
    .insertInto('report_assignment_follow_up')
    .values({ municipality_id: municipalityId, assignment_id: assignmentId, period, ...values })
    .onConflict((oc) => oc.columns(['municipality_id', 'assignment_id', 'period']).doUpdateSet(values))
    .execute();
}

export interface RiskInputFields {
  process: string;
  risk: string;
  likelihood: number;
  consequence: number;
  controlActivity: string;
}

export async function createRisk(
  db: Database,
  municipalityId: string,
  year: number,
  input: RiskInputFields,
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('report_control_risk')
    .values({
      municipality_id: municipalityId,
      id,
      year,
      process: input.process,
      risk: input.risk,
      likelihood: input.likelihood,
      consequence: input.consequence,
      control_activity: input.controlActivity,
    })
    .execute();
  return id;
}

export async function updateRisk(
  db: Database,
  municipalityId: string,
  id: string,
  input: RiskInputFields,
): Promise<void> {
  const result = await db
    .updateTable('report_control_risk')
    .set({
      process: input.process,
      risk: input.risk,
      likelihood: input.likelihood,
      consequence: input.consequence,
      control_activity: input.controlActivity,
    })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new AppError('NOT_FOUND');
}

export async function setRiskFollowUp(
  db: Database,
  municipalityId: string,
  riskId: string,
  period: ReportPeriod,
  comment: string,
  now: Date,
): Promise<void> {
  await requireRow(db, 'report_control_risk', municipalityId, riskId);
  const values = { comment, updated_at: now };
  await db
    .insertInto('report_control_risk_follow_up')
    .values({ municipality_id: municipalityId, risk_id: riskId, period, ...values })
    .onConflict((oc) => oc.columns(['municipality_id', 'risk_id', 'period']).doUpdateSet(values))
    .execute();
}
