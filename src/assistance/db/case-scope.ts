/**
 * Which cases a user may open, as SQL: cases of a unit where the user holds a person-scoped role
 * (the same rule as for persons, so a case and its persons are visible together or not at all).
 */
import { sql, type RawBuilder } from 'kysely';
import { PERSON_SCOPED_ROLES } from '../../access/domain/permissions.ts';
import type { Principal } from '../../access/domain/principal.ts';
import type { Database } from '../../db/connection.ts';
import { AppError } from '../../shared/errors.ts';

export function caseVisibleTo(principal: Principal, alias = 'c'): RawBuilder<boolean> {
  const c = sql.raw(alias);
  return sql<boolean>`EXISTS (
    SELECT 1 FROM role_assignment case_ra
    WHERE case_ra.municipality_id = ${c}.municipality_id
      AND case_ra.unit_id = ${c}.unit_id
      AND case_ra.user_id = ${principal.userId}
      AND case_ra.role IN (${sql.join(PERSON_SCOPED_ROLES)}))`;
}

export interface CaseRef {
  id: string;
  householdId: string;
  unitId: string;
  caseworkerId: string | null;
  openedOn: string;
  closedOn: string | null;
}

/**
 * The case if the user may open it: 404 when it does not exist in the user's municipality,
 * 403 when it exists but belongs to a unit the user has no role in.
 */
export async function requireCase(db: Database, principal: Principal, caseId: string): Promise<CaseRef> {
  const row = await db
    .selectFrom('client_case as c')
    .select(['c.id', 'c.household_id', 'c.unit_id', 'c.caseworker_id', 'c.opened_on', 'c.closed_on'])
    .select(caseVisibleTo(principal).as('visible'))
    .where('c.municipality_id', '=', principal.municipalityId)
    .where('c.id', '=', caseId)
    .where('c.kind', '=', 'assistance')
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  if (!row.visible) throw new AppError('FORBIDDEN');
  return {
    id: row.id,
    householdId: row.household_id,
    unitId: row.unit_id,
    caseworkerId: row.caseworker_id,
    openedOn: row.opened_on,
    closedOn: row.closed_on,
  };
}
