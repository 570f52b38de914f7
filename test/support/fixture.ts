/**
 * A small municipality for integration tests: two assistance units, users of every role, and
 * households with cases in each unit, one member with protected identity.
 */
import type { Database } from '../../src/db/connection.ts';
import { ensureAuditChains } from '../../src/audit/db/audit-writer.ts';

export const M = '9002';
export const OTHER_M = '9003';

export const ids = {
  unitNorth: '00000000-0000-4000-8000-000000000001',
  unitSouth: '00000000-0000-4000-8000-000000000002',
  unitAnalysis: '00000000-0000-4000-8000-000000000003',
  unitAdmin: '00000000-0000-4000-8000-000000000004',
  unitOther: '00000000-0000-4000-8000-000000000005',
  unitLabour: '00000000-0000-4000-8000-000000000006',
  caseworkerNorth: '00000000-0000-4000-8000-000000000101',
  caseworkerSouth: '00000000-0000-4000-8000-000000000102',
  managerNorth: '00000000-0000-4000-8000-000000000103',
  analyst: '00000000-0000-4000-8000-000000000104',
  admin: '00000000-0000-4000-8000-000000000105',
  fraud: '00000000-0000-4000-8000-000000000106',
  otherMunicipalityUser: '00000000-0000-4000-8000-000000000107',
  consultant: '00000000-0000-4000-8000-000000000108',
  labourManager: '00000000-0000-4000-8000-000000000109',
  personNorth: '00000000-0000-4000-8000-000000000201',
  childNorth: '00000000-0000-4000-8000-000000000202',
  personSouth: '00000000-0000-4000-8000-000000000203',
  protectedNorth: '00000000-0000-4000-8000-000000000204',
  personOther: '00000000-0000-4000-8000-000000000205',
  householdNorth: '00000000-0000-4000-8000-000000000301',
  householdSouth: '00000000-0000-4000-8000-000000000302',
  householdProtected: '00000000-0000-4000-8000-000000000303',
  householdOther: '00000000-0000-4000-8000-000000000304',
  caseNorth: '00000000-0000-4000-8000-000000000401',
  caseSouth: '00000000-0000-4000-8000-000000000402',
  caseProtected: '00000000-0000-4000-8000-000000000403',
  caseOther: '00000000-0000-4000-8000-000000000404',
  accountNorth: '00000000-0000-4000-8000-000000000501',
} as const;

export const PROTECTED_NAME = { first: 'Hemlig', last: 'Skyddadsson' };

export async function loadFixture(db: Database): Promise<void> {
  await db
    .insertInto('municipality')
    .values([
      { id: M, name: 'Testkommun', is_demo: true },
      { id: OTHER_M, name: 'Grannkommun', is_demo: false },
    ])
    .execute();
  await db
    .insertInto('unit')
    .values([
      { municipality_id: M, id: ids.unitNorth, name: 'Försörjningsenheten Nord', kind: 'assistance' },
      { municipality_id: M, id: ids.unitSouth, name: 'Försörjningsenheten Syd', kind: 'assistance' },
      { municipality_id: M, id: ids.unitAnalysis, name: 'Analys', kind: 'analysis' },
      { municipality_id: M, id: ids.unitAdmin, name: 'Systemförvaltning', kind: 'administration' },
      { municipality_id: M, id: ids.unitLabour, name: 'Jobbenheten', kind: 'labour' },
      { municipality_id: OTHER_M, id: ids.unitOther, name: 'Försörjningsenheten', kind: 'assistance' },
    ])
    .execute();
  const user = (id: string, name: string, municipality = M, clearance = false) => ({
    municipality_id: municipality,
    id,
    display_name: name,
    email: `${name.toLowerCase().replace(/\s/g, '.')}@test.example`,
    oidc_subject: `sub-${id.slice(-3)}`,
    demo_login: true,
    protected_identity_clearance: clearance,
  });
  await db
    .insertInto('app_user')
    .values([
      user(ids.caseworkerNorth, 'Anna Nord'),
      user(ids.caseworkerSouth, 'Sven Syd'),
      user(ids.managerNorth, 'Chef Nord'),
      user(ids.analyst, 'Ann Alys'),
      user(ids.admin, 'Adam Admin'),
      user(ids.fraud, 'Fia Utredare', M, true),
      user(ids.otherMunicipalityUser, 'Granne Handläggare', OTHER_M),
      user(ids.consultant, 'Kim Konsult'),
      user(ids.labourManager, 'Lo Arbetschef'),
    ])
    .execute();
  await db
    .insertInto('role_assignment')
    .values([
      { municipality_id: M, user_id: ids.caseworkerNorth, unit_id: ids.unitNorth, role: 'caseworker' },
      { municipality_id: M, user_id: ids.caseworkerSouth, unit_id: ids.unitSouth, role: 'caseworker' },
      { municipality_id: M, user_id: ids.managerNorth, unit_id: ids.unitNorth, role: 'unit_manager' },
      { municipality_id: M, user_id: ids.analyst, unit_id: ids.unitAnalysis, role: 'analyst' },
      { municipality_id: M, user_id: ids.admin, unit_id: ids.unitAdmin, role: 'administrator' },
      { municipality_id: M, user_id: ids.fraud, unit_id: ids.unitNorth, role: 'fraud_investigator' },
      { municipality_id: M, user_id: ids.fraud, unit_id: ids.unitSouth, role: 'fraud_investigator' },
      { municipality_id: M, user_id: ids.consultant, unit_id: ids.unitLabour, role: 'labour_consultant' },
      { municipality_id: M, user_id: ids.labourManager, unit_id: ids.unitLabour, role: 'unit_manager' },
      {
        municipality_id: OTHER_M,
        user_id: ids.otherMunicipalityUser,
        unit_id: ids.unitOther,
        role: 'caseworker',
      },
    ])
    .execute();
  const person = (
    id: string,
    pn: string,
    first: string,
    last: string,
    birth: string,
    sex: 'female' | 'male',
    municipality = M,
    protectedIdentity = false,
  ) => ({
    municipality_id: municipality,
    id,
    personal_number: pn,
    number_kind: 'personnummer' as const,
    first_name: first,
    last_name: last,
    birth_date: birth,
    sex,
    street_address: 'Storgatan 1',
    postal_code: '123 45',
    city: 'Teststad',
    protected_identity: protectedIdentity,
  });
  await db
    .insertInto('person')
    .values([
      person(ids.personNorth, '198507099805', 'Lena', 'Norrman', '1985-07-09', 'female'),
      person(ids.childNorth, '201502289802', 'Lisa', 'Norrman', '2015-02-28', 'female'),
      person(ids.personSouth, '199001019810', 'Olle', 'Söderberg', '1990-01-01', 'male'),
      person(
        ids.protectedNorth,
        '197703039805',
        PROTECTED_NAME.first,
        PROTECTED_NAME.last,
        '1977-03-03',
        'male',
        M,
        true,
      ),
      person(ids.personOther, '196512319820', 'Greta', 'Grann', '1965-12-31', 'female', OTHER_M),
    ])
    .execute();
  await db
    .insertInto('household')
    .values([
      { municipality_id: M, id: ids.householdNorth },
      { municipality_id: M, id: ids.householdSouth },
      { municipality_id: M, id: ids.householdProtected },
      { municipality_id: OTHER_M, id: ids.householdOther },
    ])
    .execute();
  await db
    .insertInto('household_member')
    .values([
      {
        municipality_id: M,
        household_id: ids.householdNorth,
        person_id: ids.personNorth,
        role: 'applicant',
        valid_from: '2024-01-01',
        valid_to: null,
      },
      {
        municipality_id: M,
        household_id: ids.householdNorth,
        person_id: ids.childNorth,
        role: 'child',
        valid_from: '2024-01-01',
        valid_to: null,
      },
      {
        municipality_id: M,
        household_id: ids.householdSouth,
        person_id: ids.personSouth,
        role: 'applicant',
        valid_from: '2024-03-01',
        valid_to: null,
      },
      {
        municipality_id: M,
        household_id: ids.householdProtected,
        person_id: ids.protectedNorth,
        role: 'applicant',
        valid_from: '2024-05-01',
        valid_to: null,
      },
      {
        municipality_id: OTHER_M,
        household_id: ids.householdOther,
        person_id: ids.personOther,
        role: 'applicant',
        valid_from: '2024-01-01',
        valid_to: null,
      },
    ])
    .execute();
  await db
    .insertInto('client_case')
    .values([
      {
        municipality_id: M,
        id: ids.caseNorth,
        household_id: ids.householdNorth,
        unit_id: ids.unitNorth,
        caseworker_id: ids.caseworkerNorth,
        kind: 'assistance',
        opened_on: '2024-01-05',
        closed_on: null,
      },
      {
        municipality_id: M,
        id: ids.caseSouth,
        household_id: ids.householdSouth,
        unit_id: ids.unitSouth,
        caseworker_id: ids.caseworkerSouth,
        kind: 'assistance',
        opened_on: '2024-03-05',
        closed_on: null,
      },
      {
        municipality_id: M,
        id: ids.caseProtected,
        household_id: ids.householdProtected,
        unit_id: ids.unitNorth,
        caseworker_id: null,
        kind: 'assistance',
        opened_on: '2024-05-05',
        closed_on: null,
      },
      {
        municipality_id: OTHER_M,
        id: ids.caseOther,
        household_id: ids.householdOther,
        unit_id: ids.unitOther,
        caseworker_id: ids.otherMunicipalityUser,
        kind: 'assistance',
        opened_on: '2024-01-05',
        closed_on: null,
      },
    ])
    .execute();
  await db
    .insertInto('assistance_setting')
    .values({
      municipality_id: M,
      visit_required_for_payment: true,
      debtor_name: 'Testkommun',
      debtor_organisation_number: '2120000000',
      debtor_bankgiro: '56781234',
      debtor_bic: 'ESSESESS',
      cost_limits: JSON.stringify({ rent: 900_000 }),
    })
    .execute();
  await db
    .insertInto('bank_account')
    .values({
      municipality_id: M,
      id: ids.accountNorth,
      person_id: ids.personNorth,
      clearing_number: '8327',
      account_number: '9123456789',
      status: 'approved',
      requested_by: ids.caseworkerNorth,
      reviewed_by: ids.managerNorth,
      reviewed_at: new Date('2024-01-10T10:00:00Z'),
    })
    .execute();
  await ensureAuditChains(db);
}
