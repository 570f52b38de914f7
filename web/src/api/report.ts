/** Calls, types and React Query hooks of the four-month report (tertialrapport). */
import { useQuery } from '@tanstack/react-query';
import type { AssignmentStatus, ReportPeriod } from '../../../src/followup/domain/report/periods.ts';
import type { Report } from '../../../src/followup/domain/report/structure.ts';
import { API_BASE, request } from './client.ts';

export type { AssignmentStatus, Report, ReportPeriod };

export interface BudgetFollowUp {
  outcomeIncome: number;
  outcomeCost: number;
  forecastIncome: number;
  forecastCost: number;
}

export interface BudgetLine {
  id: string;
  activity: string;
  sortOrder: number;
  budgetIncome: number;
  budgetCost: number;
  followUp: BudgetFollowUp | null;
}

export interface ReportResponse {
  report: Report;
  budgetLines: BudgetLine[];
}

export interface RiskFields {
  process: string;
  risk: string;
  likelihood: number;
  consequence: number;
  controlActivity: string;
}

export const reportKeys = {
  all: ['followup-report'] as const,
  report: (year: number, period: ReportPeriod) => ['followup-report', year, period] as const,
};

export const reportApi = {
  get: (year: number, period: ReportPeriod) =>
    request<ReportResponse>('GET', `/followup/reports/${year}/${period}`),
  fileUrl: (year: number, period: ReportPeriod, kind: 'pdf' | 'xlsx') =>
    `${API_BASE}/followup/reports/${year}/${period}.${kind}`,
  createBudgetLine: (year: number, body: { activity: string; budgetIncome: number; budgetCost: number }) =>
    request<{ id: string }>('POST', `/followup/reports/${year}/budget-lines`, { body }),
  updateBudgetLine: (id: string, body: { activity: string; budgetIncome: number; budgetCost: number }) =>
    request<void>('PUT', `/followup/budget-lines/${encodeURIComponent(id)}`, { body }),
  setBudgetFollowUp: (id: string, period: ReportPeriod, body: BudgetFollowUp) =>
    request<void>('PUT', `/followup/budget-lines/${encodeURIComponent(id)}/follow-ups/${period}`, { body }),
  createAssignment: (year: number, body: { givenBy: 'council' | 'board'; text: string }) =>
    request<{ id: string }>('POST', `/followup/reports/${year}/assignments`, { body }),
  setAssignmentFollowUp: (
    id: string,
    period: ReportPeriod,
    body: { status: AssignmentStatus; comment: string },
  ) => request<void>('PUT', `/followup/assignments/${encodeURIComponent(id)}/follow-ups/${period}`, { body }),
  createRisk: (year: number, body: RiskFields) =>
    request<{ id: string }>('POST', `/followup/reports/${year}/risks`, { body }),
  updateRisk: (id: string, body: RiskFields) =>
    request<void>('PUT', `/followup/risks/${encodeURIComponent(id)}`, { body }),
  setRiskFollowUp: (id: string, period: ReportPeriod, comment: string) =>
    request<void>('PUT', `/followup/risks/${encodeURIComponent(id)}/follow-ups/${period}`, {
      body: { comment },
    }),
};

export function useReport(year: number, period: ReportPeriod) {
  return useQuery({ queryKey: reportKeys.report(year, period), queryFn: () => reportApi.get(year, period) });
}
