/** One function per endpoint of /api/v1. */
import { API_BASE, ApiError, request, setCsrfToken } from './client.ts';
import type {
  AccessReport,
  AdminUsers,
  ApplicationNorm,
  AssistanceCase,
  Decision,
  ExitReason,
  MyDay,
  NewApplication,
  NewDecision,
  PaymentRun,
  PaymentRunSummary,
  VisitStatus,
  AuditEntry,
  AuditQuery,
  AuthConfig,
  DemoUser,
  ManagerAlert,
  MyCase,
  NewUser,
  Person,
  PersonSearchResult,
  Purpose,
  Role,
  Session,
  StatsOverview,
} from './types.ts';

const seg = encodeURIComponent;

export const api = {
  authConfig: () => request<AuthConfig>('GET', '/auth/config', { anonymous: true }),
  demoUsers: () => request<{ items: DemoUser[] }>('GET', '/auth/demo-users', { anonymous: true }),
  demoLogin: (userId: string) =>
    request<void>('POST', '/auth/demo-login', { body: { userId }, anonymous: true }),
  logout: () => request<void>('POST', '/auth/logout', { anonymous: true }),

  /** The current session, or null when nobody is logged in. */
  session: async (): Promise<Session | null> => {
    try {
      const session = await request<Session>('GET', '/session', { anonymous: true });
      setCsrfToken(session.csrfToken);
      return session;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setCsrfToken(null);
        return null;
      }
      throw error;
    }
  },

  myCases: () => request<{ items: MyCase[] }>('GET', '/cases/mine'),

  /** A POST so that a personnummer never ends up in a URL or an access log. */
  searchPersons: (query: string, limit = 50) =>
    request<PersonSearchResult>('POST', '/persons/search', { body: { query, limit } }),
  person: (id: string) => request<Person>('GET', `/persons/${seg(id)}`),
  openProtectedPerson: (id: string, purpose: string) =>
    request<Person>('POST', `/persons/${seg(id)}/protected-access`, { body: { purpose } }),

  purposes: () => request<{ items: Purpose[] }>('GET', '/audit/purposes'),
  auditUsers: () => request<{ items: { id: string; displayName: string }[] }>('GET', '/audit/users'),
  auditEntries: (query: AuditQuery) =>
    request<{ items: AuditEntry[]; truncated: boolean }>('GET', '/audit/entries', { query: { ...query } }),
  accessReport: (personId: string) => request<AccessReport>('GET', `/audit/access-report/${seg(personId)}`),

  alerts: () => request<{ items: ManagerAlert[] }>('GET', '/alerts'),
  acknowledgeAlert: (id: string) => request<void>('POST', `/alerts/${seg(id)}/acknowledge`),

  statsOverview: () => request<StatsOverview>('GET', '/stats/overview'),

  adminUsers: () => request<AdminUsers>('GET', '/admin/users'),
  createUser: (user: NewUser) => request<{ id: string }>('POST', '/admin/users', { body: user }),
  revokeRole: (userId: string, unitId: string, role: Role) =>
    request<void>('DELETE', `/admin/users/${seg(userId)}/roles/${seg(unitId)}/${seg(role)}`),

  myDay: () => request<MyDay>('GET', '/assistance/my-day'),
  assistanceCase: (caseId: string) => request<AssistanceCase>('GET', `/assistance/cases/${seg(caseId)}`),
  createApplication: (caseId: string, application: NewApplication) =>
    request<{ id: string }>('POST', `/assistance/cases/${seg(caseId)}/applications`, { body: application }),
  bookVisit: (caseId: string, startsAt: string) =>
    request<{ id: string }>('POST', `/assistance/cases/${seg(caseId)}/visits`, { body: { startsAt } }),
  setVisitStatus: (visitId: string, status: Exclude<VisitStatus, 'booked'>) =>
    request<void>('POST', `/assistance/visits/${seg(visitId)}/status`, { body: { status } }),
  exitCase: (caseId: string, exitOn: string, reason: ExitReason) =>
    request<void>('POST', `/assistance/cases/${seg(caseId)}/exit`, { body: { exitOn, reason } }),
  applicationNorm: (applicationId: string) =>
    request<ApplicationNorm>('GET', `/assistance/applications/${seg(applicationId)}/norm`),
  createDecision: (applicationId: string, decision: NewDecision) =>
    request<{ id: string }>('POST', `/assistance/applications/${seg(applicationId)}/decisions`, {
      body: decision,
    }),
  decision: (decisionId: string) => request<Decision>('GET', `/assistance/decisions/${seg(decisionId)}`),
  signDecision: (decisionId: string) =>
    request<void>('POST', `/assistance/decisions/${seg(decisionId)}/sign`),
  paymentRuns: () => request<{ items: PaymentRunSummary[] }>('GET', '/assistance/payment-runs'),
  paymentRun: (runId: string) => request<PaymentRun>('GET', `/assistance/payment-runs/${seg(runId)}`),
  preparePaymentRun: (month: string) =>
    request<PaymentRun>('POST', '/assistance/payment-runs', { body: { month } }),
  approvePaymentRun: (runId: string) =>
    request<PaymentRun>('POST', `/assistance/payment-runs/${seg(runId)}/approve`),
};

/** Documents are opened by the browser itself (a link), not through request(). */
export const documentUrls = {
  decisionLetter: (decisionId: string) => `${API_BASE}/assistance/decisions/${seg(decisionId)}/letter.pdf`,
  bankFile: (runId: string) => `${API_BASE}/assistance/payment-runs/${seg(runId)}/pain001.xml`,
};
