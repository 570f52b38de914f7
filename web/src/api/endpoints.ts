/** One function per endpoint of /api/v1. */
import { API_BASE, ApiError, request, setCsrfToken } from './client.ts';
import type {
  DoubleRentCheck,
  EApplication,
  EApplicationReceipt,
  Investigation,
  InvestigationList,
  InvestigationListQuery,
  NewInvestigation,
  NewRecovery,
  Recovery,
} from './control-types.ts';
import type {
  Caseloads,
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
  CompletionRequests,
  Ib3Mapping,
  Intake,
  IntakeStep,
  Journal,
  NewBankAccount,
  NewCompletionRequest,
  ReasonCodes,
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
  caseloads: () => request<Caseloads>('GET', '/assistance/caseloads'),
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
  stopPayment: (paymentId: string, reason: string) =>
    request<void>('POST', `/assistance/payments/${seg(paymentId)}/stop`, { body: { reason } }),
  reversePayment: (paymentId: string, reason: string) =>
    request<void>('POST', `/assistance/payments/${seg(paymentId)}/reverse`, { body: { reason } }),

  requestBankAccount: (account: NewBankAccount) =>
    request<{ id: string }>('POST', '/assistance/bank-accounts', { body: account }),
  approveBankAccount: (accountId: string) =>
    request<void>('POST', `/assistance/bank-accounts/${seg(accountId)}/approve`),

  journal: (caseId: string) => request<Journal>('GET', `/assistance/cases/${seg(caseId)}/journal`),
  /** `keepalive` lets the last keystrokes reach the server while the page is being left. */
  createNote: (caseId: string, body: string, keepalive?: boolean) =>
    request<{ id: string }>('POST', `/assistance/cases/${seg(caseId)}/journal`, {
      body: { body },
      keepalive,
    }),
  createCorrection: (noteId: string, body: string, keepalive?: boolean) =>
    request<{ id: string }>('POST', `/assistance/journal/${seg(noteId)}/corrections`, {
      body: { body },
      keepalive,
    }),
  saveNote: (noteId: string, noteDate: string, body: string, keepalive?: boolean) =>
    request<{ id: string; savedAt: string }>('PUT', `/assistance/journal/${seg(noteId)}`, {
      body: { noteDate, body },
      keepalive,
    }),
  signNote: (noteId: string) => request<void>('POST', `/assistance/journal/${seg(noteId)}/sign`),

  completionRequests: (caseId: string) =>
    request<CompletionRequests>('GET', `/assistance/cases/${seg(caseId)}/completion-requests`),
  createCompletionRequest: (caseId: string, input: NewCompletionRequest) =>
    request<{ id: string }>('POST', `/assistance/cases/${seg(caseId)}/completion-requests`, { body: input }),
  answerCompletionRequest: (requestId: string) =>
    request<void>('POST', `/assistance/completion-requests/${seg(requestId)}/answered`, { body: {} }),

  intake: (caseId: string) => request<Intake>('GET', `/assistance/cases/${seg(caseId)}/intake`),
  markStepDone: (caseId: string, step: IntakeStep, ib3Mapping?: Ib3Mapping) =>
    request<void>('POST', `/assistance/cases/${seg(caseId)}/intake/${seg(step)}/done`, {
      body: ib3Mapping ? { ib3Mapping } : {},
    }),

  reasonCodes: (caseId: string) =>
    request<ReasonCodes>('GET', `/assistance/cases/${seg(caseId)}/reason-codes`),
  setReasonCode: (caseId: string, input: { month: string; personId: string; code: string }) =>
    request<void>('PUT', `/assistance/cases/${seg(caseId)}/reason-codes`, { body: input }),
};

/** Documents are opened by the browser itself (a link), not through request(). */
export const documentUrls = {
  decisionLetter: (decisionId: string) => `${API_BASE}/assistance/decisions/${seg(decisionId)}/letter.pdf`,
  bankFile: (runId: string) => `${API_BASE}/assistance/payment-runs/${seg(runId)}/pain001.xml`,
};

/** The citizen's calls without login. */
export const publicApi = {
  submitEApplication: (application: EApplication) =>
    request<EApplicationReceipt>('POST', '/public/e-applications', { body: application, anonymous: true }),
};

/** Control: investigations of incorrect payments, recovery, the double-rent check. */
export const controlApi = {
  investigations: (query: InvestigationListQuery) =>
    request<InvestigationList>('GET', '/assistance/investigations', {
      query: {
        status: query.status,
        sort: query.sort,
        page: String(query.page),
        pageSize: String(query.pageSize),
      },
    }),
  investigation: (id: string) => request<Investigation>('GET', `/assistance/investigations/${seg(id)}`),
  openInvestigation: (caseId: string, investigation: NewInvestigation) =>
    request<{ id: string }>('POST', `/assistance/cases/${seg(caseId)}/investigations`, {
      body: investigation,
    }),
  saveFindings: (id: string, findings: string) =>
    request<void>('PUT', `/assistance/investigations/${seg(id)}/findings`, { body: { findings } }),
  closeInvestigation: (id: string, outcome: string, closedOn: string) =>
    request<void>('POST', `/assistance/investigations/${seg(id)}/close`, { body: { outcome, closedOn } }),
  decideRecovery: (id: string, recovery: NewRecovery) =>
    request<Recovery>('POST', `/assistance/investigations/${seg(id)}/recoveries`, { body: recovery }),
  doubleRent: (month: string) =>
    request<DoubleRentCheck>('GET', '/assistance/checks/double-rent', { query: { month } }),
};
