/**
 * The report (tertialrapport / årsbokslut) assembled from its parts, its sections in the order of
 * seed 003 (Borås Arbetslivsnämnden, tertialrapport 2 2017): the board's summary, the indicators
 * (outcome last year, target, outcome T1 and T2), the budget table, the monthly cost of financial
 * assistance against the two years before, volumes (verksamhetsmått), the assignments and the
 * internal control. Pure: the documents and the screen render this model in words.
 */
import { computeBudgetTable, deviatingActivities, resultAfterAllocation } from './budget.ts';
import type { BudgetActivityInput, BudgetFigureRow, BudgetFigures, BudgetTable } from './budget.ts';
import { computeMonthlyCost, type MonthlyCostInput, type MonthlyCostTable } from './monthly-cost.ts';
import type { AssignmentStatus, ReportPeriod } from './periods.ts';
import { scoreRisks, type RiskInput, type ScoredRisk } from './risk.ts';

export const REPORT_SECTIONS = [
  'summary',
  'indicators',
  'budget',
  'monthlyCost',
  'volumes',
  'assignments',
  'internalControl',
] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export type IndicatorUnitKind = 'percent' | 'count' | 'kr_per_inhabitant' | 'kr_per_household' | 'kr' | 'fte';

export interface ReportIndicator {
  id: string;
  title: string;
  unit: IndicatorUnitKind;
  koladaId: string | null;
  previousYear: number | null;
  target: number | null;
  t1: number | null;
  t2: number | null;
  /** the whole year; null before the annual accounts */
  year: number | null;
  /** a count under 5 left out (suppressed) in some column */
  suppressed: boolean;
}

export interface ReportVolume {
  id: string;
  title: string;
  /** the same month last year */
  previous: number | null;
  budget: number | null;
  current: number | null;
  suppressed: boolean;
}

export interface ReportAssignment {
  id: string;
  givenBy: 'council' | 'board';
  text: string;
  status: AssignmentStatus | null;
  comment: string;
}

export interface ReportRisk extends RiskInput {
  id: string;
}

export interface ReportInput {
  municipalityName: string;
  year: number;
  period: ReportPeriod;
  /** YYYY-MM-DD */
  generatedOn: string;
  indicators: ReportIndicator[];
  budget: BudgetActivityInput[];
  /** the municipal allocation (kommunbidrag) per column, tkr; null if not recorded */
  allocation: BudgetFigures | null;
  monthlyCost: MonthlyCostInput[];
  volumes: ReportVolume[];
  assignments: ReportAssignment[];
  risks: ReportRisk[];
}

export interface ReportSummary {
  /** forecast net minus budgeted net of the whole board (tkr); null without a forecast */
  forecastDeviation: number | null;
  deviations: { activity: string; deviation: number }[];
  /** öre, the cost of assistance to date minus the same months last year */
  assistanceCostChange: number;
  assistanceCostToDate: number;
  assignments: Record<AssignmentStatus | 'unreported', number>;
  risksToBoard: number;
}

export interface Report {
  municipalityName: string;
  year: number;
  period: ReportPeriod;
  generatedOn: string;
  sections: readonly ReportSection[];
  summary: ReportSummary;
  indicators: ReportIndicator[];
  budget: BudgetTable;
  resultAfterAllocation: BudgetFigureRow | null;
  allocation: BudgetFigures | null;
  monthlyCost: MonthlyCostTable;
  volumes: ReportVolume[];
  assignments: ReportAssignment[];
  risks: (ReportRisk & ScoredRisk)[];
}

export function assembleReport(input: ReportInput): Report {
  const budget = computeBudgetTable(input.budget);
  const monthlyCost = computeMonthlyCost(input.year, input.period, input.monthlyCost);
  const risks = scoreRisks(input.risks);
  const assignments: ReportSummary['assignments'] = { done: 0, in_progress: 0, not_done: 0, unreported: 0 };
  for (const assignment of input.assignments) assignments[assignment.status ?? 'unreported'] += 1;
  return {
    municipalityName: input.municipalityName,
    year: input.year,
    period: input.period,
    generatedOn: input.generatedOn,
    sections: REPORT_SECTIONS,
    summary: {
      forecastDeviation: budget.total.net.deviation,
      deviations: deviatingActivities(budget),
      assistanceCostChange: monthlyCost.changeFromPreviousYear,
      assistanceCostToDate: monthlyCost.toDate[0] ?? 0,
      assignments,
      risksToBoard: risks.filter((risk) => risk.reportToBoard).length,
    },
    indicators: input.indicators,
    budget,
    resultAfterAllocation:
      input.allocation === null ? null : resultAfterAllocation(budget.total.net, input.allocation),
    allocation: input.allocation,
    monthlyCost,
    volumes: input.volumes,
    assignments: input.assignments,
    risks,
  };
}
