/** The cases a user handles. */
import { sql } from 'kysely';
import type { Principal } from '../../access/domain/principal.ts';
import type { Database } from '../../db/connection.ts';
import type { CaseKind } from '../../db/schema.ts';

export interface MyCaseRow {
  id: string;
  kind: CaseKind;
  unitName: string;
  openedOn: string;
  closedOn: string | null;
  applicant: { personId: string; firstName: string; lastName: string; protectedIdentity: boolean };
}

export async function listMyCases(db: Database, principal: Principal): Promise<MyCaseRow[]> {
  const result = await sql<{
    id: string;
    kind: CaseKind;
    unit_name: string;
    opened_on: string;
    closed_on: string | null;
    person_id: string;
    first_name: string;
    last_name: string;
    protected_identity: boolean;
  }>`
    SELECT c.id, c.kind, u.name AS unit_name, c.opened_on, c.closed_on,
           p.id AS person_id, p.first_name, p.last_name, p.protected_identity
    FROM client_case c
    JOIN unit u ON u.municipality_id = c.municipality_id AND u.id = c.unit_id
    JOIN LATERAL (
      SELECT hm.person_id FROM household_member hm
      WHERE hm.municipality_id = c.municipality_id AND hm.household_id = c.household_id AND hm.role = 'applicant'
      ORDER BY hm.valid_from DESC LIMIT 1) a ON true
    JOIN person p ON p.municipality_id = c.municipality_id AND p.id = a.person_id
    WHERE c.municipality_id = ${principal.municipalityId}
      AND c.caseworker_id = ${principal.userId}
      AND c.closed_on IS NULL
    ORDER BY c.opened_on DESC, c.id
    LIMIT 200`.execute(db);
  return result.rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    unitName: r.unit_name,
    openedOn: r.opened_on,
    closedOn: r.closed_on,
    applicant: {
      personId: r.person_id,
      firstName: r.first_name,
      lastName: r.last_name,
      protectedIdentity: r.protected_identity,
    },
  }));
}
