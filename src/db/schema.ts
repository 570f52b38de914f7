/**
 * Kysely table types; they mirror src/db/migrations/*.sql (a test compares them with the
 * migrated database).
 */
import type { ColumnType, Generated } from 'kysely';
import type { Role } from '../access/domain/roles.ts';
import type { AssistanceTables, ExitReason } from '../assistance/db/tables.ts';
import type { AuditOutcome } from '../audit/domain/audit-event.ts';
import type { FollowupTables } from '../followup/db/tables.ts';
import type { ActionPlanTables } from '../followup/db/action-plan-tables.ts';
import type { KoladaTables } from '../followup/db/kolada-tables.ts';
import type { BenchmarkTables } from '../followup/db/benchmark-tables.ts';
import type { IndicatorFactTables } from '../followup/db/indicator-fact-tables.ts';
import type { TargetTables } from '../followup/db/target-tables.ts';
import type { LabourTables } from '../labour/db/tables.ts';
import type { ReportTables } from '../followup/db/report-tables.ts';
import type { CaseKind, HouseholdRole } from '../people/domain/household.ts';

export type { AuditOutcome, CaseKind, HouseholdRole, Role };

/** Insertable optionally where the column has a default. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** DATE columns are read and written as ISO strings (YYYY-MM-DD). */
type IsoDate = string;

export type UnitKind = 'assistance' | 'labour' | 'management' | 'fraud' | 'analysis' | 'administration';

export interface MunicipalityTable {
  id: string;
  name: string;
  is_demo: Generated<boolean>;
  created_at: Timestamp;
}

export interface UnitTable {
  municipality_id: string;
  id: string;
  name: string;
  kind: UnitKind;
  created_at: Timestamp;
}

export interface AppUserTable {
  municipality_id: string;
  id: string;
  display_name: string;
  email: string | null;
  oidc_subject: string | null;
  demo_login: Generated<boolean>;
  protected_identity_clearance: Generated<boolean>;
  active: Generated<boolean>;
  created_at: Timestamp;
}

export interface RoleAssignmentTable {
  municipality_id: string;
  user_id: string;
  unit_id: string;
  role: Role;
  granted_at: Timestamp;
}

export interface UserSessionTable {
  municipality_id: string;
  token_hash: string;
  user_id: string;
  csrf_token: string;
  auth_method: 'oidc' | 'demo';
  created_at: Timestamp;
  expires_at: Timestamp;
  idle_expires_at: Timestamp;
  ended_at: Timestamp | null;
}

export interface PersonTable {
  municipality_id: string;
  id: string;
  personal_number: string;
  number_kind: 'personnummer' | 'samordningsnummer';
  first_name: string;
  last_name: string;
  birth_date: IsoDate;
  sex: 'female' | 'male';
  street_address: string | null;
  postal_code: string | null;
  city: string | null;
  protected_identity: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface HouseholdTable {
  municipality_id: string;
  id: string;
  created_at: Timestamp;
}

export interface HouseholdMemberTable {
  municipality_id: string;
  household_id: string;
  person_id: string;
  role: HouseholdRole;
  valid_from: IsoDate;
  valid_to: IsoDate | null;
}

export interface ClientCaseTable {
  municipality_id: string;
  id: string;
  household_id: string;
  unit_id: string;
  caseworker_id: string | null;
  kind: CaseKind;
  opened_on: IsoDate;
  closed_on: IsoDate | null;
  exit_reason: ExitReason | null;
}

export interface ManagerAlertTable {
  municipality_id: string;
  id: string;
  unit_id: string;
  kind: 'protected_identity_opened';
  actor_user_id: string;
  person_id: string;
  purpose: string;
  created_at: Timestamp;
  acknowledged_at: Timestamp | null;
  acknowledged_by: string | null;
}

export interface AuditChainHeadTable {
  municipality_id: string;
  chain: number;
  seq: number;
  hash: string;
}

export interface AuditLogTable {
  municipality_id: string;
  chain: number;
  seq: number;
  id: string;
  occurred_at: Timestamp;
  payload: string;
  prev_hash: string;
  hash: string;
  actor_user_id: string | null;
  action: string;
  outcome: AuditOutcome;
  person_ids: string[];
}

export interface DB
  extends
    AssistanceTables,
    LabourTables,
    FollowupTables,
    KoladaTables,
    TargetTables,
    BenchmarkTables,
    IndicatorFactTables,
    ActionPlanTables,
    ReportTables {
  municipality: MunicipalityTable;
  unit: UnitTable;
  app_user: AppUserTable;
  role_assignment: RoleAssignmentTable;
  user_session: UserSessionTable;
  person: PersonTable;
  household: HouseholdTable;
  household_member: HouseholdMemberTable;
  client_case: ClientCaseTable;
  manager_alert: ManagerAlertTable;
  audit_chain_head: AuditChainHeadTable;
  audit_log: AuditLogTable;
}
