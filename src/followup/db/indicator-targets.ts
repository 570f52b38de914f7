/**
 * Targets (målvärden) per indicator and year, and the persons and households behind an indicator
 * figure for its drill-down: only those the user may see are named, the rest are counted.
 */
import { sql } from 'kysely';
import { PERSON_SCOPED_ROLES } from '../../access/domain/permissions.ts';
import type { Principal } from '../../access/domain/principal.ts';
import { personVisibleTo } from '../../access/db/person-scope.ts';
import type { Database } from '../../db/connection.ts';

export interface TargetRow {
  indicatorId: string;
  year: number;
  value: number;
  comment: string | null;
  setBy: string;
  setByName: string;
  setAt: string;
}

export async function listTargets(
  db: Database,
  municipalityId: string,
  years: readonly number[],
): Promise<TargetRow[]> {
  if (years.length === 0) return [];
  const rows = await db
    .selectFrom('indicator_target as t')
    .innerJoin('app_user as u', (join) =>
      join.onRef('u.municipality_id', '=', 't.municipality_id').onRef('u.id', '=', 't.set_by'),
    )
    .select(['t.indicator_id', 't.year', 't.value', 't.comment', 't.set_by', 't.set_at', 'u.display_name'])
    .where('t.municipality_id', '=', municipalityId)
    .where('t.year', 'in', [...years])
    .orderBy('t.indicator_id')
    .orderBy('t.year')
    .execute();
  return rows.map((r) => ({
    indicatorId: r.indicator_id,
    year: r.year,
    value: Number(r.value),
    comment: r.comment,
    setBy: r.set_by,
    setByName: r.display_name,
    setAt: new Date(r.set_at).toISOString(),
  }));
}

export async function setTarget(
  db: Database,
  target: {
    municipalityId: string;
    indicatorId: string;
    year: number;
    value: number;
    comment: string | null;
    setBy: string;
    setAt: Date;
  },
): Promise<void> {
  const row = {
    value: target.value,
    comment: target.comment,
    set_by: target.setBy,
    set_at: target.setAt,
  };
  await db
    .insertInto('indicator_target')
    .values({
      municipality_id: target.municipalityId,
      indicator_id: target.indicatorId,
      year: target.year,
      ...row,
    })
    .onConflict((oc) => oc.columns(['municipality_id', 'indicator_id', 'year']).doUpdateSet(row))
    .execute();
}

export interface DrilldownItem {
  /** The person, or for a household its applicant (whom the link opens). */
  personId: string | null;
  householdId: string | null;
  firstName: string | null;
  lastName: string | null;
  protectedIdentity: boolean;
}

/**
 * The subjects the user may see, with names, and how many are outside the user's units. One
 * query: visibility is decided in SQL (person-scope.ts), never after fetching.
 */
export async function drilldownSubjects(
  db: Database,
  principal: Principal,
  kind: 'household' | 'person',
  ids: readonly string[],
): Promise<{ items: DrilldownItem[]; outsideScope: number }> {
  if (ids.length === 0) return { items: [], outsideScope: 0 };
  const m = principal.municipalityId;
  const idArray = sql`${`{${ids.join(',')}}`}::uuid[]`;
  if (kind === 'person') {
    const rows = await sql<{
      id: string;
      first_name: string;
      last_name: string;
      protected_identity: boolean;
      visible: boolean;
    }>`
      SELECT p.id, p.first_name, p.last_name, p.protected_identity, ${personVisibleTo(principal, 'p')} AS visible
      FROM person p
      WHERE p.municipality_id = ${m} AND p.id = ANY(${idArray})
      ORDER BY p.last_name, p.first_name, p.id`.execute(db);
    const visible = rows.rows.filter((r) => r.visible);
    return {
      items: visible.map((r) => ({
        personId: r.id,
        householdId: null,
        firstName: r.first_name,
        lastName: r.last_name,
        protectedIdentity: r.protected_identity,
      })),
      outsideScope: ids.length - visible.length,
    };
  }
  // A household is visible when one of its cases is in a unit of the user's person-scoped roles;
  // it is shown by its applicant (or, failing one, its first adult member).
  const rows = await sql<{
    household_id: string;
    person_id: string | null;
    first_name: string | null;
    last_name: string | null;
    protected_identity: boolean | null;
  }>`
    SELECT h.id AS household_id, a.person_id, a.first_name, a.last_name, a.protected_identity
    FROM household h
    LEFT JOIN LATERAL (
      SELECT p.id AS person_id, p.first_name, p.last_name, p.protected_identity
      FROM household_member hm
      JOIN person p ON p.municipality_id = hm.municipality_id AND p.id = hm.person_id
      WHERE hm.municipality_id = h.municipality_id AND hm.household_id = h.id AND hm.role <> 'child'
      ORDER BY (hm.role = 'applicant') DESC, (hm.valid_to IS NULL) DESC, hm.valid_from DESC
      LIMIT 1) a ON true
    WHERE h.municipality_id = ${m} AND h.id = ANY(${idArray})
      AND EXISTS (
        SELECT 1 FROM client_case c
        JOIN role_assignment ra ON ra.municipality_id = c.municipality_id AND ra.unit_id = c.unit_id
        WHERE c.municipality_id = h.municipality_id AND c.household_id = h.id
          AND ra.user_id = ${principal.userId} AND ra.role IN (${sql.join(PERSON_SCOPED_ROLES)}))
    ORDER BY a.last_name, a.first_name, h.id`.execute(db);
  return {
    items: rows.rows.map((r) => ({
      personId: r.person_id,
      householdId: r.household_id,
      firstName: r.first_name,
      lastName: r.last_name,
      protectedIdentity: r.protected_identity ?? false,
    })),
    outsideScope: ids.length - rows.rows.length,
  };
}
