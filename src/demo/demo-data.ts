/** The shape of the demo data as the loader inserts it. */
import type { Selectable } from 'kysely';
import type {
  ApplicationItemTable,
  ApplicationMemberTable,
  ApplicationTable,
  AssistanceSettingTable,
  BankAccountTable,
  DecisionItemTable,
  DecisionTable,
  PaymentRunTable,
  IntakeStepTable,
  PaymentTable,
  ReasonCodeTable,
  VisitTable,
} from '../assistance/db/tables.ts';
import type {
  AppUserTable,
  ClientCaseTable,
  HouseholdMemberTable,
  HouseholdTable,
  MunicipalityTable,
  PersonTable,
  RoleAssignmentTable,
  UnitTable,
} from '../db/schema.ts';

/** A row as the loader inserts it: the table's columns without the timestamps the database sets. */
export type DemoRow<T> = Omit<Selectable<T>, 'created_at' | 'updated_at' | 'granted_at'>;

export interface DemoData {
  municipality: DemoRow<MunicipalityTable>[];
  unit: DemoRow<UnitTable>[];
  app_user: DemoRow<AppUserTable>[];
  role_assignment: DemoRow<RoleAssignmentTable>[];
  person: DemoRow<PersonTable>[];
  household: DemoRow<HouseholdTable>[];
  household_member: DemoRow<HouseholdMemberTable>[];
  client_case: DemoRow<ClientCaseTable>[];
}

/** A row of the financial-aid tables as the demo inserts it. */
type Row<T> = Omit<Selectable<T>, 'created_at' | 'updated_at'>;

export interface AssistanceDemoData {
  assistance_setting: Row<AssistanceSettingTable>[];
  bank_account: Row<BankAccountTable>[];
  application: Row<ApplicationTable>[];
  application_member: Row<ApplicationMemberTable>[];
  application_item: Row<ApplicationItemTable>[];
  decision: (Omit<Row<DecisionTable>, 'norm'> & { norm: object })[];
  decision_item: Row<DecisionItemTable>[];
  visit: Row<VisitTable>[];
  payment_run: Row<PaymentRunTable>[];
  payment: Row<PaymentTable>[];
  reason_code: Row<ReasonCodeTable>[];
  intake_step: Row<IntakeStepTable>[];
}

/** The whole demo: the municipality and its people, and the financial-aid unit's history. */
export type FullDemoData = DemoData & AssistanceDemoData;
