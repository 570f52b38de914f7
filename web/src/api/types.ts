/** The API contract (/api/v1) as the browser sees it. */

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
  | 'user:manage';

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
