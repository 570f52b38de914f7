/** React Query hooks over the endpoints; query keys live here so invalidation stays consistent. */
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { setCsrfToken } from './client.ts';
import { api, controlApi } from './endpoints.ts';
import type { InvestigationListQuery } from './control-types.ts';
import type { AuditQuery } from './types.ts';

export const queryKeys = {
  session: ['session'] as const,
  authConfig: ['auth', 'config'] as const,
  demoUsers: ['auth', 'demo-users'] as const,
  myCases: ['cases', 'mine'] as const,
  personSearch: (query: string) => ['persons', 'search', query] as const,
  person: (id: string) => ['persons', id] as const,
  purposes: ['audit', 'purposes'] as const,
  auditUsers: ['audit', 'users'] as const,
  auditEntries: (query: AuditQuery) => ['audit', 'entries', query] as const,
  accessReport: (personId: string) => ['audit', 'access-report', personId] as const,
  alerts: ['alerts'] as const,
  stats: ['stats', 'overview'] as const,
  adminUsers: ['admin', 'users'] as const,
  myDay: ['assistance', 'my-day'] as const,
  caseloads: ['assistance', 'caseloads'] as const,
  assistanceCase: (caseId: string) => ['assistance', 'cases', caseId] as const,
  applicationNorm: (applicationId: string) => ['assistance', 'applications', applicationId, 'norm'] as const,
  decision: (decisionId: string) => ['assistance', 'decisions', decisionId] as const,
  paymentRuns: ['assistance', 'payment-runs'] as const,
  paymentRun: (runId: string) => ['assistance', 'payment-runs', runId] as const,
  journal: (caseId: string) => ['assistance', 'cases', caseId, 'journal'] as const,
  completionRequests: (caseId: string) => ['assistance', 'cases', caseId, 'completion-requests'] as const,
  intake: (caseId: string) => ['assistance', 'cases', caseId, 'intake'] as const,
  reasonCodes: (caseId: string) => ['assistance', 'cases', caseId, 'reason-codes'] as const,
};

export const useSessionQuery = () =>
  useQuery({ queryKey: queryKeys.session, queryFn: api.session, staleTime: 60_000 });

export const useAuthConfig = () =>
  useQuery({ queryKey: queryKeys.authConfig, queryFn: api.authConfig, staleTime: Infinity });

export const useDemoUsers = (enabled: boolean) =>
  useQuery({ queryKey: queryKeys.demoUsers, queryFn: api.demoUsers, enabled });

export const useMyCases = () => useQuery({ queryKey: queryKeys.myCases, queryFn: api.myCases });

export const usePersonSearch = (query: string | null) =>
  useQuery({
    queryKey: queryKeys.personSearch(query ?? ''),
    queryFn: () => api.searchPersons(query ?? ''),
    enabled: query !== null && query !== '',
  });

export const usePerson = (id: string) =>
  useQuery({ queryKey: queryKeys.person(id), queryFn: () => api.person(id), gcTime: 0 });

export const usePurposes = (enabled = true) =>
  useQuery({ queryKey: queryKeys.purposes, queryFn: api.purposes, enabled, staleTime: 10 * 60_000 });

export const useAuditUsers = () =>
  useQuery({ queryKey: queryKeys.auditUsers, queryFn: api.auditUsers, staleTime: 5 * 60_000 });

export const useAuditEntries = (query: AuditQuery | null) =>
  useQuery({
    queryKey: queryKeys.auditEntries(query ?? {}),
    queryFn: () => api.auditEntries(query ?? {}),
    enabled: query !== null,
  });

export const useAccessReport = (personId: string | null) =>
  useQuery({
    queryKey: queryKeys.accessReport(personId ?? ''),
    queryFn: () => api.accessReport(personId ?? ''),
    enabled: personId !== null && personId !== '',
  });

export const useAlerts = () => useQuery({ queryKey: queryKeys.alerts, queryFn: api.alerts });

export const useStats = () => useQuery({ queryKey: queryKeys.stats, queryFn: api.statsOverview });

export const useAdminUsers = () => useQuery({ queryKey: queryKeys.adminUsers, queryFn: api.adminUsers });

export const useMyDay = () => useQuery({ queryKey: queryKeys.myDay, queryFn: api.myDay });

export const useCaseloads = () => useQuery({ queryKey: queryKeys.caseloads, queryFn: api.caseloads });

export const useAssistanceCase = (caseId: string | null) =>
  useQuery({
    queryKey: queryKeys.assistanceCase(caseId ?? ''),
    queryFn: () => api.assistanceCase(caseId ?? ''),
    enabled: caseId !== null && caseId !== '',
  });

export const useApplicationNorm = (applicationId: string) =>
  useQuery({
    queryKey: queryKeys.applicationNorm(applicationId),
    queryFn: () => api.applicationNorm(applicationId),
  });

export const useDecision = (decisionId: string | null) =>
  useQuery({
    queryKey: queryKeys.decision(decisionId ?? ''),
    queryFn: () => api.decision(decisionId ?? ''),
    enabled: decisionId !== null && decisionId !== '',
  });

export const usePaymentRuns = () => useQuery({ queryKey: queryKeys.paymentRuns, queryFn: api.paymentRuns });

export const usePaymentRun = (runId: string | null) =>
  useQuery({
    queryKey: queryKeys.paymentRun(runId ?? ''),
    queryFn: () => api.paymentRun(runId ?? ''),
    enabled: runId !== null && runId !== '',
  });

export const useJournal = (caseId: string) =>
  useQuery({ queryKey: queryKeys.journal(caseId), queryFn: () => api.journal(caseId) });

export const useCompletionRequests = (caseId: string) =>
  useQuery({ queryKey: queryKeys.completionRequests(caseId), queryFn: () => api.completionRequests(caseId) });

export const useIntake = (caseId: string) =>
  useQuery({ queryKey: queryKeys.intake(caseId), queryFn: () => api.intake(caseId) });

export const useReasonCodes = (caseId: string) =>
  useQuery({ queryKey: queryKeys.reasonCodes(caseId), queryFn: () => api.reasonCodes(caseId) });

/**
 * After logout or an ended session: drop every cached answer about people and the user and
 * mark the session as gone (the session query object is kept so the app re-renders on it).
 */
export function forgetUserData(queryClient: QueryClient): void {
  setCsrfToken(null);
  queryClient.removeQueries({
    predicate: (query) => query.queryKey[0] !== 'session' && query.queryKey[0] !== 'auth',
  });
  queryClient.setQueryData(queryKeys.session, null);
}

/** Control: keys under 'control' so that a change can invalidate the lists and the item together. */
export const controlKeys = {
  all: ['control'] as const,
  investigations: (query: InvestigationListQuery) => ['control', 'investigations', query] as const,
  investigation: (id: string) => ['control', 'investigation', id] as const,
  doubleRent: (month: string) => ['control', 'double-rent', month] as const,
};

export const useInvestigations = (query: InvestigationListQuery) =>
  useQuery({
    queryKey: controlKeys.investigations(query),
    queryFn: () => controlApi.investigations(query),
    placeholderData: (previous) => previous,
  });

export const useInvestigation = (id: string) =>
  useQuery({ queryKey: controlKeys.investigation(id), queryFn: () => controlApi.investigation(id) });

export const useDoubleRent = (month: string | null) =>
  useQuery({
    queryKey: controlKeys.doubleRent(month ?? ''),
    queryFn: () => controlApi.doubleRent(month ?? ''),
    enabled: month !== null && month !== '',
  });
