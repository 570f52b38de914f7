/**
 * What a citizen's e-application needs: the demo municipality, the applicant's household and its
 * open assistance case — or a new case for the intake team when the household has none.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../../db/connection.ts';
import type { CaseRef } from './case-scope.ts';

/** The municipalities marked as demo (is_demo), by id. */
export async function demoMunicipalityIds(db: Database): Promise<string[]> {
  const rows = await db
    .selectFrom('municipality')
    .select('id')
    .where('is_demo', '=', true)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function personIdByNumber(
  db: Database,
  municipalityId: string,
  normalised: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('person')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('personal_number', '=', normalised)
    .executeTakeFirst();
  return row?.id;
}

/**
 * The household in which the person is applicant or co-applicant in the month (YYYY-MM-01),
 * locked until the transaction ends so that two e-applications do not both open a case.
 */
export async function applyingHousehold(
  db: Database,
  municipalityId: string,
  personId: string,
  month: string,
): Promise<string | undefined> {
  const row = await sql<{ household_id: string }>`
    SELECT h.id AS household_id
    FROM household_member hm
    JOIN household h ON h.municipality_id = hm.municipality_id AND h.id = hm.household_id
    WHERE hm.municipality_id = ${municipalityId} AND hm.person_id = ${personId}
      AND hm.role IN ('applicant', 'co_applicant')
      AND hm.valid_from < (${month}::date + interval '1 month')
      AND (hm.valid_to IS NULL OR hm.valid_to > ${month}::date)
    ORDER BY hm.role = 'applicant' DESC, hm.valid_from DESC, h.id
    LIMIT 1
    FOR UPDATE OF h`.execute(db);
  return row.rows[0]?.household_id;
}

/** The household's open assistance case, the latest opened if there were several. */
export async function openAssistanceCase(
  db: Database,
  municipalityId: string,
  householdId: string,
): Promise<CaseRef | undefined> {
  const row = await db
    .selectFrom('client_case')
    .select(['id', 'household_id', 'unit_id', 'caseworker_id', 'opened_on', 'closed_on'])
    .where('municipality_id', '=', municipalityId)
    .where('household_id', '=', householdId)
    .where('kind', '=', 'assistance')
    .where('closed_on', 'is', null)
    .orderBy('opened_on', 'desc')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row && toCaseRef(row);
}

/**
 * Opens an assistance case for the household in the municipality's first assistance unit, with no
 * caseworker yet: the intake team distributes it. Undefined when the municipality has no such unit.
 */
export async function openIntakeCase(
  db: Database,
  municipalityId: string,
  householdId: string,
  today: string,
): Promise<CaseRef | undefined> {
  const unit = await db
    .selectFrom('unit')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('kind', '=', 'assistance')
    .orderBy('created_at')
    .orderBy('name')
    .limit(1)
    .executeTakeFirst();
  if (!unit) return undefined;
  const row = {
    municipality_id: municipalityId,
    id: randomUUID(),
    household_id: householdId,
    unit_id: unit.id,
    caseworker_id: null,
    kind: 'assistance' as const,
    opened_on: today,
    closed_on: null,
  };
  await db.insertInto('client_case').values(row).execute();
  return toCaseRef(row);
}

function toCaseRef(row: {
  id: string;
  household_id: string;
  unit_id: string;
  caseworker_id: string | null;
  opened_on: string;
  closed_on: string | null;
}): CaseRef {
  return {
    id: row.id,
    householdId: row.household_id,
    unitId: row.unit_id,
    caseworkerId: row.caseworker_id,
    openedOn: row.opened_on,
    closedOn: row.closed_on,
  };
}
