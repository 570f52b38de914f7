/**
 * Progress of an action plan's goals from the indicator engine: the indicator's value the year
 * before the plan started (the baseline, unless entered by hand), each year since, and the
 * latest complete year judged against a straight path to the target (domain/action-plans).
 * Values resting on 1–4 households or persons are suppressed, as in every report.
 */
import type { Database } from '../../db/connection.ts';
import type { Locale } from '../../i18n/catalogue.ts';
import {
  goalProgress,
  goalYears,
  progressPercent,
  type GoalProgress,
} from '../domain/action-plans/progress.ts';
import { smartCheck, type SmartResult } from '../domain/action-plans/smart.ts';
import { indicatorById, type IndicatorDefinition } from '../domain/indicators/definitions.ts';
import type { Period } from '../domain/indicators/periods.ts';
import { toIndicatorRows } from '../domain/indicators/report.ts';
import { cachedIndicatorValues } from './indicator-values.ts';
import type { GoalRow, PlanRow } from './action-plans.ts';

export interface YearValue {
  year: number;
  value: number | null;
  suppressed: boolean;
  /** The year has not ended: the value so far. */
  partial: boolean;
}

export interface GoalMeasurement {
  smart: SmartResult;
  indicator: { id: string; title: string; unit: string; koladaId: string | null } | null;
  progress:
    | (GoalProgress & {
        baselineYear: number;
        baseline: number | null;
        baselineEntered: boolean;
        judgedYear: number | null;
        current: number | null;
        percent: number;
        years: YearValue[];
      })
    | null;
}

/** The plan starts when it was adopted, or else when its period starts. */
export const planStart = (plan: PlanRow): string => plan.adoptedOn ?? plan.periodFrom;

export function goalSmart(goal: GoalRow, plan: PlanRow): SmartResult {
  return smartCheck(goal, {
    indicatorUnit: (id) => indicatorById(id)?.unit,
    plan: { periodFrom: plan.periodFrom, periodTo: plan.periodTo },
  });
}

export async function measureGoals(
  db: Database,
  municipalityId: string,
  plan: PlanRow,
  goals: readonly GoalRow[],
  today: string,
  locale: Locale,
): Promise<Map<string, GoalMeasurement>> {
  const out = new Map<string, GoalMeasurement>();
  const measurable: {
    goal: GoalRow;
    definition: IndicatorDefinition;
    years: ReturnType<typeof goalYears>;
  }[] = [];
  for (const goal of goals) {
    const smart = goalSmart(goal, plan);
    const definition = goal.indicatorId ? indicatorById(goal.indicatorId) : undefined;
    out.set(goal.id, {
      smart,
      indicator: definition
        ? {
            id: definition.id,
            title: definition.title[locale],
            unit: definition.unit,
            koladaId: definition.koladaId,
          }
        : null,
      progress: null,
    });
    if (smart.measurable && definition && goal.targetDate)
      measurable.push({ goal, definition, years: goalYears(planStart(plan), goal.targetDate, today) });
  }
  if (measurable.length === 0) return out;

  const firstYear = Math.min(...measurable.map((m) => m.years.baselineYear));
  const lastYear = Math.max(firstYear, ...measurable.flatMap((m) => m.years.years.map((y) => y.year)));
  const thisMonth = today.slice(0, 7);
  const definitions = [...new Map(measurable.map((m) => [m.definition.id, m.definition])).values()];
  const periods: Period[] = [];
  for (let year = firstYear; year <= lastYear; year++) periods.push({ kind: 'year', year });
  const values = await cachedIndicatorValues(db, municipalityId, definitions, periods, thisMonth);
  const rows = toIndicatorRows(values, locale);
  const valueOf = (id: string, year: number) => rows.find((r) => r.id === id && r.period === String(year));

  for (const { goal, definition, years } of measurable) {
    const measured = out.get(goal.id)!;
    const baselineRow = valueOf(definition.id, years.baselineYear);
    const baseline = goal.baselineValue ?? baselineRow?.value ?? null;
    const series: YearValue[] = years.years.map(({ year, complete }) => {
      const row = valueOf(definition.id, year);
      return { year, value: row?.value ?? null, suppressed: row?.suppressed ?? false, partial: !complete };
    });
    const judged = series.find((y) => y.year === years.judgedYear);
    const current = judged?.value ?? null;
    const progress = goalProgress({
      baseline: baseline === null ? null : { value: baseline, date: `${years.baselineYear}-12-31` },
      current: current === null || !judged ? null : { value: current, date: `${judged.year}-12-31` },
      target: { value: goal.targetValue!, date: goal.targetDate! },
    });
    measured.progress = {
      ...progress,
      baselineYear: years.baselineYear,
      baseline,
      baselineEntered: goal.baselineValue !== null,
      judgedYear: years.judgedYear,
      current,
      percent: progressPercent(progress.shareOfWay),
      years: series,
    };
  }
  return out;
}
