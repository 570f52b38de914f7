/** Registering a household: its persons (new or already known by number), members and a case. */
import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/connection.ts';
import type { CaseKind, HouseholdRole } from '../../db/schema.ts';
import type { PersonalNumber } from '../domain/personnummer.ts';

export interface NewHouseholdMember {
  parsed: PersonalNumber;
  firstName: string;
  lastName: string;
  role: HouseholdRole;
  streetAddress?: string | undefined;
  postalCode?: string | undefined;
  city?: string | undefined;
}

/** Must run in a transaction: either everything is written or nothing. */
export async function createHousehold(
  db: Database,
  input: {
    municipalityId: string;
    unitId: string;
    caseKind: CaseKind;
    caseworkerId: string;
    today: string;
    members: NewHouseholdMember[];
  },
): Promise<{ householdId: string; caseId: string; personIds: string[] }> {
  const householdId = randomUUID();
  const caseId = randomUUID();
  await db
    .insertInto('household')
    .values({ municipality_id: input.municipalityId, id: householdId })
    .execute();
  const personIds: string[] = [];
  for (const member of input.members) {
    const existing = await db
      .selectFrom('person')
      .select('id')
      .where('municipality_id', '=', input.municipalityId)
      .where('personal_number', '=', member.parsed.normalised)
      .executeTakeFirst();
    const personId = existing?.id ?? randomUUID();
    if (!existing) {
      await db
        .insertInto('person')
        .values({
          municipality_id: input.municipalityId,
          id: personId,
          personal_number: member.parsed.normalised,
          number_kind: member.parsed.kind,
          first_name: member.firstName,
          last_name: member.lastName,
          birth_date: member.parsed.birthDate,
          sex: member.parsed.sex,
          street_address: member.streetAddress ?? null,
          postal_code: member.postalCode ?? null,
          city: member.city ?? null,
        })
        .execute();
    }
    personIds.push(personId);
    await db
      .insertInto('household_member')
      .values({
        municipality_id: input.municipalityId,
        household_id: householdId,
        person_id: personId,
        role: member.role,
        valid_from: input.today,
        valid_to: null,
      })
      .execute();
  }
  await db
    .insertInto('client_case')
    .values({
      municipality_id: input.municipalityId,
      id: caseId,
      household_id: householdId,
      unit_id: input.unitId,
      caseworker_id: input.caseworkerId,
      kind: input.caseKind,
      opened_on: input.today,
      closed_on: null,
    })
    .execute();
  return { householdId, caseId, personIds };
}
