/** Reads of persons, always within the municipality and filtered by the user's scope in SQL. */
import { sql } from 'kysely';
import { personAssignedTo, personVisibleTo } from '../../access/db/person-scope.ts';
import type { Principal } from '../../access/domain/principal.ts';
import type { Database } from '../../db/connection.ts';
import type { CaseKind, HouseholdRole } from '../../db/schema.ts';

export interface PersonSearchRow {
  id: string;
  first_name: string;
  last_name: string;
  birth_date: string;
  protected_identity: boolean;
  personal_number: string;
  number_kind: 'personnummer' | 'samordningsnummer';
  sex: 'female' | 'male';
}

export type PersonSearch =
  { kind: 'personal_number'; normalised: string } | { kind: 'name'; terms: string[] };

export async function searchPersons(
  db: Database,
  principal: Principal,
  search: PersonSearch,
  limit: number,
): Promise<{ rows: PersonSearchRow[]; total: number }> {
  let query = db
    .selectFrom('person as p')
    .where('p.municipality_id', '=', principal.municipalityId)
    .where(personVisibleTo(principal));
  if (search.kind === 'personal_number') {
    query = query.where('p.personal_number', '=', search.normalised);
  } else {
    // Protected identities are found by number only, never by name.
    query = query.where('p.protected_identity', '=', false);
    for (const term of search.terms) {
      const { from, to } = prefixRange(term);
      const last = sql`lower(p.last_name) COLLATE "C"`;
      const first = sql`lower(p.first_name) COLLATE "C"`;
      query = query.where((eb) =>
        eb.or([
          eb.and([eb(last, '>=', from), eb(last, '<', to)]),
          eb.and([eb(first, '>=', from), eb(first, '<', to)]),
        ]),
      );
    }
  }
  // One round trip: the page of rows, each carrying the total count of matches.
  const rows = await query
    .select(['p.id', 'p.first_name', 'p.last_name', 'p.birth_date', 'p.protected_identity'])
    .select(['p.personal_number', 'p.number_kind', 'p.sex'])
    .select(sql<number>`count(*) OVER ()`.as('total'))
    .orderBy('p.last_name')
    .orderBy('p.first_name')
    .orderBy('p.id')
    .limit(limit)
    .execute();
  return {
    rows: rows.map(({ total: _total, ...row }) => row),
    total: rows.length === 0 ? 0 : Number(rows[0]!.total),
  };
}

/**
 * The names starting with `term` are those from `term` up to (not including) `term` with its last
 * character incremented — in byte order, which is code point order for UTF-8.
 */
export function prefixRange(term: string): { from: string; to: string } {
  const from = term.toLowerCase();
  const chars = [...from];
  const last = chars.pop()!;
  return { from, to: chars.join('') + String.fromCodePoint(last.codePointAt(0)! + 1) };
}

export interface PersonDetailRow {
  id: string;
  personal_number: string;
  number_kind: 'personnummer' | 'samordningsnummer';
  first_name: string;
  last_name: string;
  birth_date: string;
  sex: 'female' | 'male';
  street_address: string | null;
  postal_code: string | null;
  city: string | null;
  protected_identity: boolean;
  visible: boolean;
  assigned: boolean;
  households: {
    id: string;
    members: {
      personId: string;
      firstName: string;
      lastName: string;
      protectedIdentity: boolean;
      role: HouseholdRole;
      validFrom: string;
      validTo: string | null;
    }[];
  }[];
  cases: { id: string; kind: CaseKind; unitName: string; openedOn: string; closedOn: string | null }[];
}

/**
 * One round trip for the person view: the person, whether this user may see them, and their
 * households and cases. Related data is only built when the person is visible.
 */
export async function findPersonDetail(
  db: Database,
  principal: Principal,
  personId: string,
): Promise<PersonDetailRow | undefined> {
  const result = await sql<PersonDetailRow>`
    SELECT p.id, p.personal_number, p.number_kind, p.first_name, p.last_name, p.birth_date, p.sex,
           p.street_address, p.postal_code, p.city, p.protected_identity, v.visible,
           ${personAssignedTo(principal)} AS assigned,
           CASE WHEN v.visible THEN COALESCE((
             SELECT json_agg(json_build_object('id', h.household_id, 'members', (
               SELECT json_agg(json_build_object(
                        'personId', m.person_id, 'firstName', mp.first_name, 'lastName', mp.last_name,
                        'protectedIdentity', mp.protected_identity, 'role', m.role,
                        'validFrom', m.valid_from, 'validTo', m.valid_to)
                      ORDER BY m.valid_from, m.role, mp.birth_date)
               FROM household_member m
               JOIN person mp ON mp.municipality_id = m.municipality_id AND mp.id = m.person_id
               WHERE m.municipality_id = p.municipality_id AND m.household_id = h.household_id)))
             FROM (SELECT DISTINCT household_id FROM household_member
                   WHERE municipality_id = p.municipality_id AND person_id = p.id) h), '[]') END AS households,
           CASE WHEN v.visible THEN COALESCE((
             SELECT json_agg(json_build_object('id', c.id, 'kind', c.kind, 'unitName', u.name,
                                               'openedOn', c.opened_on, 'closedOn', c.closed_on)
                             ORDER BY c.opened_on DESC)
             FROM client_case c
             JOIN unit u ON u.municipality_id = c.municipality_id AND u.id = c.unit_id
             WHERE c.municipality_id = p.municipality_id
               AND c.household_id IN (SELECT household_id FROM household_member
                                      WHERE municipality_id = p.municipality_id AND person_id = p.id)), '[]') END AS cases
    FROM person p
    CROSS JOIN LATERAL (SELECT ${personVisibleTo(principal)} AS visible OFFSET 0) v -- OFFSET 0: evaluate once, not inlined per use
    WHERE p.municipality_id = ${principal.municipalityId} AND p.id = ${personId}`.execute(db);
  const row = result.rows[0];
  if (!row) return undefined;
  return {
    ...row,
    households: parseJson(row.households),
    cases: parseJson(row.cases),
  };
}

function parseJson<T>(value: T | string | null): T {
  if (value === null) return [] as T;
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}
