/** The API contract (/api/v1) as the browser sees it. */
import type { ExitReason } from '../../../src/assistance/domain/exit-reasons.ts';
import type { CostType, IncomeType } from '../../../src/assistance/domain/norm/items.ts';
import type {
  Ib3Mapping,
  IntakeStep,
  MappingField,
} from '../../../src/assistance/domain/intake/intake-plan.ts';

export type { CostType, ExitReason, IncomeType };

export type Role =
  'caseworker' | 'labour_consultant' | 'unit_manager' | 'fraud_investigator' | 'analyst' | 'administrator';

export const ROLES: readonly Role[] = [
  'caseworker',
  'labour_consultant',
  'unit_manager',
  'fraud_investigator',
  'analyst',
  'administrator',
];

export type Permission =
  | 'person:search'
  | 'person:read'
  | 'case:list-own'
  | 'alert:read'
  | 'audit:search'
  | 'stats:read'
  | 'user:manage'
  | 'assistance:read'
  | 'assistance:write'
  | 'payment:prepare'
  | 'payment:approve'
  | 'investigation:manage'
  | 'control:read'
  | 'caseload:read'
  | 'labour:read'
  | 'labour:write'
  | 'labour:refer'
  | 'labour:manage'
  | 'followup:read'
  | 'followup:write';

export interface AuthConfig {
  demoMode: boolean;
  oidcEnabled: boolean;
}

export interface DemoUser {
  id: string;
  displayName: string;
  roles: { role: Role; unitName: string }[];
}

export interface RoleAssignment {
  role: Role;
  unitId: string;
  unitName: string;
}

export interface SessionUser {
  id: string;
  displayName: string;
  municipality: { id: string; name: string };
  roles: RoleAssignment[];
  /** Plain strings: later parts of Kedjan may add permissions this build does not know. */
  permissions: string[];
  protectedIdentityClearance: boolean;
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
  demoMode: boolean;
}

export type CaseKind = 'assistance' | 'labour';

export interface MyCase {
  id: string;
  kind: CaseKind;
  unitName: string;
  openedOn: string;
  closedOn: string | null;
  applicant: { personId: string; name: string | null; protectedIdentity: boolean };
}

export interface PersonHit {
  id: string;
  name: string | null;
  personalNumber: string | null;
  birthYear: number;
  protectedIdentity: boolean;
}

export interface PersonSearchResult {
  items: PersonHit[];
  total: number;
}

export type HouseholdRole = 'applicant' | 'co_applicant' | 'child' | 'other_adult';

export interface Person {
  id: string;
  personalNumber: string;
  numberKind: 'personnummer' | 'samordningsnummer';
  firstName: string;
  lastName: string;
  birthDate: string;
  sex: 'female' | 'male';
  address: { street: string; postalCode: string; city: string } | null;
  protectedIdentity: boolean;
  households: {
    id: string;
    members: {
      personId: string;
      name: string | null;
      role: HouseholdRole;
      validFrom: string;
      validTo: string | null;
    }[];
  }[];
  cases: { id: string; kind: CaseKind; unitName: string; openedOn: string; closedOn: string | null }[];
}

export interface Purpose {
  code: string;
  label: string;
}

export interface ManagerAlert {
  id: string;
  kind: 'protected_identity_opened';
  actorName: string;
  personId: string;
  purposeLabel: string;
  createdAt: string;
  acknowledgedAt: string | null;
}

export type AuditOutcome = 'allowed' | 'denied' | 'failed';

export interface AuditEntry {
  id: string;
  occurredAt: string;
  actorName: string | null;
  action: string;
  actionLabel: string;
  outcome: AuditOutcome;
  purposeLabel: string | null;
  personIds: string[];
}

export interface AuditQuery {
  personId?: string;
  userId?: string;
  from?: string;
  to?: string;
}

export interface AccessReport {
  personId: string;
  items: { date: string; purposeLabel: string; unitName: string }[];
}

export type FigureKey =
  'persons' | 'households' | 'openAssistanceCases' | 'openLabourCases' | 'protectedIdentities';

export interface StatsOverview {
  municipality: { id: string; name: string };
  figures: { key: FigureKey; value: number | null; suppressed: boolean }[];
  byUnit: { unitName: string; openCases: number | null; suppressed: boolean }[];
}

export interface AdminUser {
  id: string;
  displayName: string;
  email: string | null;
  active: boolean;
  roles: RoleAssignment[];
}

export interface AdminUsers {
  items: AdminUser[];
  units: { id: string; name: string }[];
}

export interface NewUser {
  displayName: string;
  email: string;
  oidcSubject: string;
  roles: { role: Role; unitId: string }[];
}

/** application/problem+json */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  code?: string;
  detail?: string;
  errors?: { path: string; message: string }[];
}

/* ---------- Financial assistance (/assistance). Money is öre (integer) unless said otherwise. ---------- */

export interface MyDay {
  today: string;
  caseload: { open: number; limit: number; over: boolean };
  visitsToday: { id: string; caseId: string; startsAt: string; applicant: string | null; status: string }[];
  waitingApplications: {
    id: string;
    caseId: string;
    month: string;
    receivedOn: string;
    dueOn: string | null;
    overdue: boolean;
    applicant: string | null;
  }[];
  stepsDue: { caseId: string; step: string; dueOn: string; overdue: boolean; applicant: string | null }[];
  noVisitThisMonth: { caseId: string; applicant: string | null }[];
}

export type TimelineKind =
  | 'case_opened'
  | 'application_received'
  | 'decision_signed'
  | 'payment_sent'
  | 'payment_stopped'
  | 'payment_reversed'
  | 'visit_held'
  | 'visit_no_show'
  | 'case_closed';

export type ApplicationStatus = 'received' | 'decided' | 'withdrawn';
export type DecisionStatus = 'draft' | 'signed';
export type PaymentStatus = 'planned' | 'sent' | 'stopped' | 'reversed';
export type VisitStatus = 'booked' | 'held' | 'cancelled' | 'no_show';

export interface AssistanceCase {
  id: string;
  householdId: string;
  unitName: string;
  caseworker: { id: string | null; name: string | null };
  openedOn: string;
  closedOn: string | null;
  exitReason: ExitReason | null;
  members: {
    personId: string;
    name: string | null;
    role: HouseholdRole;
    birthYear: number;
    protectedIdentity: boolean;
  }[];
  applications: {
    id: string;
    month: string;
    kind: 'first' | 'recurring';
    channel: 'paper' | 'e_application';
    receivedOn: string;
    completeOn: string | null;
    status: ApplicationStatus;
    reactualised: boolean;
    selfAssessedUnemployed: boolean;
  }[];
  decisions: {
    id: string;
    applicationId: string;
    month: string;
    status: DecisionStatus;
    decidedOn: string;
    grantedOre: number;
    supersedesId: string | null;
    letterAvailable: boolean;
    payOn: string;
  }[];
  payments: {
    id: string;
    decisionId: string;
    month: string;
    payOn: string;
    amountOre: number;
    status: PaymentStatus;
    statusReason: string | null;
  }[];
  visits: { id: string; startsAt: string; status: VisitStatus; caseworkerName: string }[];
  bankAccounts: {
    id: string;
    personId: string;
    account: string;
    status: 'pending' | 'approved' | 'rejected' | 'replaced';
    requestedByMe: boolean;
  }[];
  /** Newest first; `at` is a date or a date-time. */
  timeline: { at: string; kind: TimelineKind; refId: string | null; amountOre: number | null }[];
}

export interface NewApplication {
  /** YYYY-MM */
  month: string;
  channel?: 'paper' | 'e_application';
  receivedOn: string;
  completeOn: string | null;
  selfAssessedUnemployed: boolean;
  housing: { address?: string; apartment?: string; contract?: string };
  members: { personId: string; lunchAway?: boolean; included?: boolean }[];
  costs: { type: CostType; amountOre: number; description?: string }[];
  incomes: { type: IncomeType; amountOre: number; jobStimulus?: boolean; description?: string }[];
}

export interface NormReceiptLine {
  section: 'riksnorm' | 'cost' | 'income';
  code: string;
  label: string;
  rule: string;
  /** kronor, signed (incomes negative) */
  amount: number;
}

/** The norm calculation; its amounts are kronor. */
export interface NormReceipt {
  year: number;
  date: string;
  householdSize: number;
  currency: 'SEK';
  riksnorm: number;
  reasonableCosts: number;
  incomes: number;
  balance: number;
  total: number;
  lines: NormReceiptLine[];
  sources: { riksnorm: string; incomeSupport: string };
}

export interface ApplicationNorm {
  applicationId: string;
  month: string;
  receipt: NormReceipt;
  proposal: {
    lineNo: number;
    itemType: string;
    label: string;
    appliedOre: number;
    acceptedOre: number;
    provision: string;
  }[];
  incomesOre: number;
  members: {
    personId: string;
    name: string | null;
    role: 'applicant' | 'partner' | 'child' | 'otherAdult';
    age: number;
  }[];
}

export type ConditionKind = 'practice' | 'skills_activity';

export interface NewDecision {
  items: { lineNo: number; grantedOre: number; reason?: string }[];
  reasons: string;
  reduction: { amountOre: number; reason: string } | null;
  condition: { kind: ConditionKind; detail: string } | null;
  payOn: string;
}

export interface Decision {
  id: string;
  caseId: string;
  applicationId: string;
  month: string;
  status: DecisionStatus;
  decidedOn: string;
  decidedBy: string;
  signedAt: string | null;
  grantedOre: number;
  reductionOre: number;
  reductionReason: string | null;
  condition: ConditionKind | null;
  conditionDetail: string | null;
  reasons: string;
  payOn: string;
  supersedesId: string | null;
  items: {
    lineNo: number;
    itemType: string;
    label: string;
    appliedOre: number;
    grantedOre: number;
    outcome: 'granted' | 'partly_granted' | 'refused';
    provision: string;
    reason: string | null;
  }[];
}

export type PaymentRunStatus = 'prepared' | 'approved' | 'cancelled';

export interface PaymentRun {
  id: string;
  month: string;
  payOn: string;
  status: PaymentRunStatus;
  preparedBy: string;
  preparedAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
  messageId: string | null;
  fileSha256: string | null;
  count: number;
  totalOre: number;
  payments: {
    id: string;
    caseId: string;
    decisionId: string;
    /** null for a protected identity */
    payee: string | null;
    amountOre: number;
    /** clearing number and the last four digits */
    account: string;
    status: PaymentStatus;
    statusReason: string | null;
  }[];
  withheld: {
    decisionId: string;
    caseId: string;
    payee: string | null;
    amountOre: number;
    reason: 'no_visit' | 'no_bank_account';
  }[];
}

export interface PaymentRunSummary {
  id: string;
  month: string;
  status: PaymentRunStatus;
  count: number;
  totalOre: number;
  preparedAt: string;
}

/* ---------- Casework on an assistance case: journal, completion, intake, reason codes ---------- */

export interface JournalNote {
  id: string;
  noteDate: string;
  body: string;
  status: 'draft' | 'signed';
  author: { id: string; name: string };
  /** written by the user (only the user's own drafts are listed) */
  mine: boolean;
  signedAt: string | null;
  savedAt: string;
  correctsId: string | null;
  /** signed notes that correct this one, oldest first */
  correctedBy: string[];
}

export interface Journal {
  provision: string;
  /** newest first: signed notes and the user's own drafts */
  notes: JournalNote[];
}

export interface CompletionRequest {
  id: string;
  applicationId: string | null;
  applicationMonth: string | null;
  requested: string;
  requestedOn: string;
  requestedBy: string;
  deadline: string;
  answeredOn: string | null;
  overdue: boolean;
}

export interface CompletionRequests {
  open: number;
  overdue: number;
  items: CompletionRequest[];
}

export interface NewCompletionRequest {
  applicationId: string | null;
  requested: string;
  deadline: string;
}

export type { IntakeStep, Ib3Mapping, MappingField };

export interface IntakeStepRow {
  step: IntakeStep;
  label: string;
  dueOn: string;
  doneOn: string | null;
  doneBy: string | null;
  owner: { id: string | null; name: string | null };
  overdue: boolean;
  /** open, with every earlier step done */
  canBeDone: boolean;
  mapping: Ib3Mapping | null;
}

export interface Intake {
  steps: IntakeStepRow[];
}

export type ReasonGroup = 'unemployment' | 'ill_health' | 'social_reasons' | 'other';

export interface ReasonCodeEntry {
  code: string;
  text: string;
  group: ReasonGroup;
  groupLabel: string;
}

export interface ReasonCodes {
  source: string;
  /** the codes in force this month */
  codeList: ReasonCodeEntry[];
  items: (ReasonCodeEntry & {
    /** YYYY-MM */
    month: string;
    personId: string;
    /** null for a protected identity */
    name: string | null;
    setBy: string | null;
    setAt: string;
  })[];
  /** applicants and partners of applied-for months without a reason code */
  missing: { month: string; personId: string; name: string | null }[];
}

export interface NewBankAccount {
  personId: string;
  clearingNumber: string;
  accountNumber: string;
}

export interface Caseloads {
  limit: number;
  items: {
    caseworkerId: string;
    name: string;
    unitName: string;
    open: number;
    over: boolean;
    waitingOverdue: number;
  }[];
}
