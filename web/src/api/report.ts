/** Calls, types and React Query hooks of the four-month report (tertialrapport). */
import { useQuery, useQueryClient } from '@tanstack/react-query';
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

/** The lines of the year followed up in some period: they can no longer be removed. */
export interface FollowedUpLines {
  budgetLines: string[];
  assignments: string[];
  risks: string[];
}

export interface ReportResponse {
  report: Report;
  budgetLines: BudgetLine[];
  followedUp: FollowedUpLines;
}

export interface AssignmentFields {
  givenBy: 'council' | 'board';
  text: string;
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
  removeBudgetLine: (id: string) =>
    request<void>('DELETE', `/followup/budget-lines/${encodeURIComponent(id)}`),
  createAssignment: (year: number, body: AssignmentFields) =>
    request<{ id: string }>('POST', `/followup/reports/${year}/assignments`, { body }),
  updateAssignment: (id: string, body: AssignmentFields) =>
    request<void>('PUT', `/followup/assignments/${encodeURIComponent(id)}`, { body }),
  removeAssignment: (id: string) =>
    request<void>('DELETE', `/followup/assignments/${encodeURIComponent(id)}`),
  setAssignmentFollowUp: (
    id: string,
    period: ReportPeriod,
    body: { status: AssignmentStatus; comment: string },
  ) => request<void>('PUT', `/followup/assignments/${encodeURIComponent(id)}/follow-ups/${period}`, { body }),
  createRisk: (year: number, body: RiskFields) =>
    request<{ id: string }>('POST', `/followup/reports/${year}/risks`, { body }),
  updateRisk: (id: string, body: RiskFields) =>
    request<void>('PUT', `/followup/risks/${encodeURIComponent(id)}`, { body }),
  removeRisk: (id: string) => request<void>('DELETE', `/followup/risks/${encodeURIComponent(id)}`),
  setRiskFollowUp: (id: string, period: ReportPeriod, comment: string) =>
    request<void>('PUT', `/followup/risks/${encodeURIComponent(id)}/follow-ups/${period}`, {
      body: { comment },
    }),
};

export function useReport(year: number, period: ReportPeriod) {
  return useQuery({ queryKey: reportKeys.report(year, period), queryFn: () => reportApi.get(year, period) });
}

/** Refetches every report shown after a change of what the reports are built from. */
export function useInvalidateReport(): () => void {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: reportKeys.all });
}
