/**
 * The records of the four-month report: budget lines with their outcome and forecast per period,
 * assignments and internal-control risks with their follow-ups, the monthly cost of financial
 * assistance from Kedjan's own payments, and the indicators and volumes from the indicator engine.
 * Assembled into the report by followup/domain/report/structure.ts.
 */
import { sql } from 'kysely';
import type { Database } from '../../db/connection.ts';
import type { Locale } from '../../i18n/catalogue.ts';
import { computeIndicatorsInDatabase } from './indicator-aggregates.ts';
import { indicatorById, type IndicatorDefinition } from '../domain/indicators/definitions.ts';
import type { Period } from '../domain/indicators/periods.ts';
import type { BudgetActivityInput } from '../domain/report/budget.ts';
import type { MonthlyCostInput } from '../domain/report/monthly-cost.ts';
import { lastMonthOf, type ReportPeriod } from '../domain/report/periods.ts';
import type { ReportIndicator, ReportInput, ReportVolume } from '../domain/report/structure.ts';
import { suppressSmall } from '../domain/suppression.ts';

/**
 * The indicators of the report's indicator section, in order (seed 003 section 2). Each counts
 * within its own period: one that looks further back (re-actualisation) would need the records'
 * history months in indicatorsAndVolumes.
 */
export const REPORT_INDICATOR_IDS = [
  'households_with_assistance',
  'long_term_households',
  'children_in_households_share',
  'subsidised_employment_persons',
  'exits_work_or_studies_share',
] as const;

export interface BudgetLineRecord {
  id: string;
  activity: string;
  sortOrder: number;
  budgetIncome: number;
  budgetCost: number;
  followUp: {
    outcomeIncome: number;
    outcomeCost: number;
    forecastIncome: number;
    forecastCost: number;
  } | null;
}

export async function loadBudgetLines(
  db: Database,
  municipalityId: string,
  year: number,
  period: ReportPeriod,
): Promise<BudgetLineRecord[]> {
  const rows = await db
    .selectFrom('report_budget_line as l')
    .leftJoin('report_budget_follow_up as f', (j) =>
      j
        .onRef('f.municipality_id', '=', 'l.municipality_id')
        .onRef('f.line_id', '=', 'l.id')
        .on('f.period', '=', period),
    )
    .select([
      'l.id',
      'l.activity',
      'l.sort_order',
      'l.budget_income_tkr',
      'l.budget_cost_tkr',
      'f.outcome_income_tkr',
      'f.outcome_cost_tkr',
      'f.forecast_income_tkr',
      'f.forecast_cost_tkr',
    ])
    .where('l.municipality_id', '=', municipalityId)
    .where('l.year', '=', year)
    .orderBy('l.sort_order')
    .orderBy('l.activity')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    activity: r.activity,
    sortOrder: r.sort_order,
    budgetIncome: r.budget_income_tkr,
    budgetCost: r.budget_cost_tkr,
    followUp:
      r.outcome_income_tkr === null
        ? null
        : {
            outcomeIncome: r.outcome_income_tkr,
            outcomeCost: r.outcome_cost_tkr ?? 0,
            forecastIncome: r.forecast_income_tkr ?? 0,
            forecastCost: r.forecast_cost_tkr ?? 0,
          },
  }));
}

/** The budget rows of the report: this year's lines with last year's outcome of the same activity. */
async function budgetInputs(
  db: Database,
  municipalityId: string,
  year: number,
  period: ReportPeriod,
): Promise<BudgetActivityInput[]> {
  const [lines, previous] = await Promise.all([
    loadBudgetLines(db, municipalityId, year, period),
    loadBudgetLines(db, municipalityId, year - 1, period),
  ]);
  const before = new Map(previous.map((line) => [line.activity, line.followUp]));
  const negative = (value: number) => (value === 0 ? 0 : -value);
  return lines.map((line) => {
    const last = before.get(line.activity) ?? null;
    const now = line.followUp;
    return {
      activity: line.activity,
      income: {
        previousOutcome: last ? last.outcomeIncome : null,
        outcome: now ? now.outcomeIncome : null,
        budget: line.budgetIncome,
        forecast: now ? now.forecastIncome : null,
      },
      cost: {
        previousOutcome: last ? negative(last.outcomeCost) : null,
        outcome: now ? negative(now.outcomeCost) : null,
        budget: negative(line.budgetCost),
        forecast: now ? negative(now.forecastCost) : null,
      },
    };
  });
}

/**
 * Öre paid per month of the years, from sent payments by the month the decision was for (the
 * same rule as the indicators' paid assistance, followup/db/indicator-records.ts).
 */
export async function loadMonthlyCost(
  db: Database,
  municipalityId: string,
  years: readonly number[],
): Promise<MonthlyCostInput[]> {
  const first = Math.min(...years);
  const last = Math.max(...years);
  const rows = await sql<{ year: number; month: number; paid: string | number }>`
    SELECT EXTRACT(YEAR FROM d.month)::int AS year, EXTRACT(MONTH FROM d.month)::int AS month,
           sum(p.amount_ore)::bigint AS paid
    FROM payment p
    JOIN decision d ON d.municipality_id = p.municipality_id AND d.id = p.decision_id
    WHERE p.municipality_id = ${municipalityId} AND p.status = 'sent'
      AND d.month BETWEEN ${`${first}-01-01`}::date AND ${`${last}-12-01`}::date
    GROUP BY 1, 2`.execute(db);
  return years.map((year) => {
    const months = Array.from({ length: 12 }, () => 0);
    for (const row of rows.rows) if (row.year === year) months[row.month - 1] = Number(row.paid);
    return { year, months };
  });
}

async function loadAssignments(db: Database, municipalityId: string, year: number, period: ReportPeriod) {
  return db
    .selectFrom('report_assignment as a')
    .leftJoin('report_assignment_follow_up as f', (j) =>
      j
        .onRef('f.municipality_id', '=', 'a.municipality_id')
        .onRef('f.assignment_id', '=', 'a.id')
        .on('f.period', '=', period),
    )
    .select(['a.id', 'a.given_by', 'a.text', 'f.status', 'f.comment'])
    .where('a.municipality_id', '=', municipalityId)
    .where('a.year', '=', year)
    .orderBy('a.sort_order')
    .orderBy('a.created_at')
    .execute();
}

async function loadRisks(db: Database, municipalityId: string, year: number, period: ReportPeriod) {
  return db
    .selectFrom('report_control_risk as r')
    .leftJoin('report_control_risk_follow_up as f', (j) =>
      j
        .onRef('f.municipality_id', '=', 'r.municipality_id')
        .onRef('f.risk_id', '=', 'r.id')
        .on('f.period', '=', period),
    )
    .select([
      'r.id',
      'r.process',
      'r.risk',
      'r.likelihood',
      'r.consequence',
      'r.control_activity',
      'f.comment',
    ])
    .where('r.municipality_id', '=', municipalityId)
    .where('r.year', '=', year)
    .orderBy('r.sort_order')
    .orderBy('r.created_at')
    .execute();
}

/** Counts under 5 are suppressed in the report as in all statistics. */
function publishable(definition: IndicatorDefinition, value: number | null): [number | null, boolean] {
  if (value === null || definition.unit !== 'count') return [value, false];
  const shown = suppressSmall(value);
  return [shown.value, shown.suppressed];
}

async function indicatorsAndVolumes(
  db: Database,
  municipalityId: string,
  year: number,
  period: ReportPeriod,
  locale: Locale,
  volumeTitles: { households: string; employments: string },
): Promise<{ indicators: ReportIndicator[]; volumes: ReportVolume[] }> {
  const lastMonth = lastMonthOf(period);
  // The report's indicators count within their own period (no re-actualisation), so no months
  // before last year are needed; loading them would only cost time.
  const periods: Period[] = [
    { kind: 'year', year: year - 1 },
    { kind: 'tertial', year, tertial: 1 },
    { kind: 'tertial', year, tertial: 2 },
    { kind: 'year', year },
    { kind: 'month', year: year - 1, month: lastMonth },
    { kind: 'month', year, month: lastMonth },
  ];
  const definitions = REPORT_INDICATOR_IDS.map((id) => indicatorById(id)).filter(
    (d): d is IndicatorDefinition => d !== undefined,
  );
  const values = await computeIndicatorsInDatabase(db, municipalityId, definitions, periods);
  const valueOf = (id: string, label: string) =>
    values.find((v) => v.id === id && v.period === label)?.value ?? null;
  const targets = await db
    .selectFrom('indicator_target')
    .select(['indicator_id', 'value'])
    .where('municipality_id', '=', municipalityId)
    .where('year', '=', year)
    .execute();
  const targetOf = new Map(targets.map((t) => [t.indicator_id, t.value]));
  // Later periods than the report's are not yet known.
  const known = { t2: period !== 'T1', year: period === 'year' };
  const indicators = definitions.map((definition) => {
    const cells = [
      valueOf(definition.id, String(year - 1)),
      valueOf(definition.id, `${year}-T1`),
      known.t2 ? valueOf(definition.id, `${year}-T2`) : null,
      known.year ? valueOf(definition.id, String(year)) : null,
    ].map((value) => publishable(definition, value));
    const [previousYear, t1, t2, whole] = cells.map(([value]) => value);
    return {
      id: definition.id,
      title: definition.title[locale],
      unit: definition.unit,
      koladaId: definition.koladaId,
      previousYear: previousYear ?? null,
      target: targetOf.get(definition.id) ?? null,
      t1: t1 ?? null,
      t2: t2 ?? null,
      year: whole ?? null,
      suppressed: cells.some(([, suppressed]) => suppressed),
    };
  });
  const month = (m: number, y: number) => `${y}-${String(m).padStart(2, '0')}`;
  const volume = (id: string, indicatorId: string, title: string): ReportVolume => {
    const definition = indicatorById(indicatorId)!;
    const [previous, p] = publishable(definition, valueOf(indicatorId, month(lastMonth, year - 1)));
    const [current, c] = publishable(definition, valueOf(indicatorId, month(lastMonth, year)));
    return { id, title, previous, budget: null, current, suppressed: p || c };
  };
  return {
    indicators,
    volumes: [
      volume('households', 'households_with_assistance', volumeTitles.households),
      volume('employments', 'subsidised_employment_persons', volumeTitles.employments),
    ],
  };
}

export interface ReportContext {
  municipalityId: string;
  municipalityName: string;
  year: number;
  period: ReportPeriod;
  locale: Locale;
  /** YYYY-MM-DD */
  today: string;
  volumeTitles: { households: string; employments: string };
}

/** Everything the report is assembled from. */
export async function loadReportInput(db: Database, context: ReportContext): Promise<ReportInput> {
  const { municipalityId: m, year, period } = context;
  const [budget, monthlyCost, assignments, risks, engine] = await Promise.all([
    budgetInputs(db, m, year, period),
    loadMonthlyCost(db, m, [year, year - 1, year - 2]),
    loadAssignments(db, m, year, period),
    loadRisks(db, m, year, period),
    indicatorsAndVolumes(db, m, year, period, context.locale, context.volumeTitles),
  ]);
  return {
    municipalityName: context.municipalityName,
    year,
    period,
    generatedOn: context.today,
    indicators: engine.indicators,
    budget,
    allocation: null,
    monthlyCost,
    volumes: engine.volumes,
    assignments: assignments.map((a) => ({
      id: a.id,
      givenBy: a.given_by,
      text: a.text,
      status: a.status,
      comment: a.comment ?? '',
    })),
    risks: risks.map((r) => ({
      id: r.id,
      process: r.process,
      risk: r.risk,
      likelihood: r.likelihood,
      consequence: r.consequence,
      controlActivity: r.control_activity,
      followUp: r.comment,
    })),
  };
}
