/**
 * Which persons a user may see, as SQL: persons who are or were members of a household with a
 * case in a unit where the user holds a person-scoped role. Lists and reads filter with this in
 * the query itself, never after fetching.
 */
import { sql, type RawBuilder } from 'kysely';
import { PERSON_SCOPED_ROLES } from '../domain/permissions.ts';
import type { Principal } from '../domain/principal.ts';

/** `alias` is the person table's alias in the surrounding query. */
export function personVisibleTo(principal: Principal, alias = 'p'): RawBuilder<boolean> {
  const p = sql.raw(alias);
  return sql<boolean>`EXISTS (
    SELECT 1
    FROM household_member scope_hm
    JOIN client_case scope_c
      ON scope_c.municipality_id = scope_hm.municipality_id AND scope_c.household_id = scope_hm.household_id
    JOIN role_assignment scope_ra
      ON scope_ra.municipality_id = scope_c.municipality_id AND scope_ra.unit_id = scope_c.unit_id
    WHERE scope_hm.municipality_id = ${p}.municipality_id
      AND scope_hm.person_id = ${p}.id
      AND scope_ra.user_id = ${principal.userId}
      AND scope_ra.role IN (${sql.join(PERSON_SCOPED_ROLES)}))`;
}

/**
 * Whether the user is the caseworker of a case about the person: that, or an explicit clearance,
 * is what allows opening a protected identity.
 */
export function personAssignedTo(principal: Principal, alias = 'p'): RawBuilder<boolean> {
  const p = sql.raw(alias);
  return sql<boolean>`EXISTS (
    SELECT 1
    FROM household_member own_hm
    JOIN client_case own_c
      ON own_c.municipality_id = own_hm.municipality_id AND own_c.household_id = own_hm.household_id
    WHERE own_hm.municipality_id = ${p}.municipality_id
      AND own_hm.person_id = ${p}.id
      AND own_c.caseworker_id = ${principal.userId})`;
}
