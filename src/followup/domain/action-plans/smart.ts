/**
 * The SMART check of an action-plan goal. The lesson of Uppsala's 26-point plan (seed 002) was
 * that many points could not be measured and were never followed up well enough to tell whether
 * they worked. Kedjan can check the measurable and time-bound parts: a goal must be tied to an
 * indicator of the indicator engine, have a target value and a target date (within reach of the
 * plan), and someone responsible. Specific, accepted and realistic remain for people to judge.
 */
export type SmartWarning =
  | 'no_indicator'
  | 'unknown_indicator'
  | 'no_target_value'
  | 'target_value_out_of_range'
  | 'no_target_date'
  | 'target_date_outside_plan'
  | 'no_responsible';

export interface SmartGoalInput {
  indicatorId: string | null;
  targetValue: number | null;
  targetDate: string | null;
  responsibleUnitId: string | null;
}

export interface SmartContext {
  /** The unit of the indicator, or undefined when there is no such indicator. */
  indicatorUnit: (id: string) => string | undefined;
  plan: { periodFrom: string; periodTo: string };
}

export interface SmartResult {
  /** Tied to a known indicator, with a target value and a target date: progress can be shown. */
  measurable: boolean;
  warnings: SmartWarning[];
}

export function smartCheck(goal: SmartGoalInput, context: SmartContext): SmartResult {
  const warnings: SmartWarning[] = [];
  const unit = goal.indicatorId ? context.indicatorUnit(goal.indicatorId) : undefined;
  if (!goal.indicatorId) warnings.push('no_indicator');
  else if (!unit) warnings.push('unknown_indicator');
  if (goal.targetValue === null || !Number.isFinite(goal.targetValue)) warnings.push('no_target_value');
  else if (goal.targetValue < 0 || (unit === 'percent' && goal.targetValue > 100))
    warnings.push('target_value_out_of_range');
  if (!goal.targetDate) warnings.push('no_target_date');
  else if (goal.targetDate < context.plan.periodFrom || goal.targetDate > context.plan.periodTo)
    warnings.push('target_date_outside_plan');
  if (!goal.responsibleUnitId) warnings.push('no_responsible');
  const measurable =
    unit !== undefined && goal.targetValue !== null && Number.isFinite(goal.targetValue) && !!goal.targetDate;
  return { measurable, warnings };
}
