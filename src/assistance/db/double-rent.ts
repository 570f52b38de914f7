/** The month's rent claims with housing data, for the double-rent check. */
import { sql } from 'kysely';
import type { Principal } from '../../access/domain/principal.ts';
import type { Database } from '../../db/connection.ts';
import type { RentClaim } from '../domain/control/double-rent.ts';
import { caseVisibleTo } from './case-scope.ts';

export interface RentClaimRow extends RentClaim {
  unitName: string;
  applicantId: string | null;
  /** null when any member of the application has a protected identity */
  applicantName: string | null;
  protectedIdentity: boolean;
  /** the case belongs to one of the user's units */
  visible: boolean;
}

/** Applications of the month (not withdrawn) with a rent cost and an address or a contract. */
export async function rentClaimsOfMonth(
  db: Database,
  principal: Principal,
  month: string,
): Promise<RentClaimRow[]> {
  const rows = await sql<{
    application_id: string;
    case_id: string;
    household_id: string;
    housing_address: string | null;
    housing_apartment: string | null;
    housing_contract: string | null;
    rent_ore: string;
    unit_name: string;
    applicant_id: string | null;
    applicant_name: string | null;
    protected_identity: boolean;
    visible: boolean;
  }>`
    SELECT a.id AS application_id, a.case_id, c.household_id, a.housing_address, a.housing_apartment,
           a.housing_contract, rent.amount AS rent_ore, u.name AS unit_name, ap.person_id AS applicant_id,
           ap.first_name || ' ' || ap.last_name AS applicant_name,
           EXISTS (SELECT 1 FROM application_member m
                   JOIN person mp ON mp.municipality_id = m.municipality_id AND mp.id = m.person_id
                   WHERE m.municipality_id = a.municipality_id AND m.application_id = a.id
                     AND mp.protected_identity) AS protected_identity,
           ${caseVisibleTo(principal, 'c')} AS visible
    FROM application a
    JOIN client_case c ON c.municipality_id = a.municipality_id AND c.id = a.case_id
    JOIN unit u ON u.municipality_id = c.municipality_id AND u.id = c.unit_id
    JOIN LATERAL (
      SELECT sum(i.amount_ore) AS amount FROM application_item i
      WHERE i.municipality_id = a.municipality_id AND i.application_id = a.id
        AND i.kind = 'cost' AND i.item_type = 'rent'
      HAVING sum(i.amount_ore) > 0) rent ON true
    LEFT JOIN LATERAL (
      SELECT m.person_id, p.first_name, p.last_name FROM application_member m
      JOIN person p ON p.municipality_id = m.municipality_id AND p.id = m.person_id
      WHERE m.municipality_id = a.municipality_id AND m.application_id = a.id AND m.role = 'applicant'
      LIMIT 1) ap ON true
    WHERE a.municipality_id = ${principal.municipalityId} AND a.month = ${month}::date
      AND a.status <> 'withdrawn'
      AND (a.housing_address IS NOT NULL OR a.housing_contract IS NOT NULL)
    ORDER BY a.id`.execute(db);
  return rows.rows.map((r) => ({
    applicationId: r.application_id,
    caseId: r.case_id,
    householdId: r.household_id,
    address: r.housing_address,
    apartment: r.housing_apartment,
    contract: r.housing_contract,
    rentOre: Number(r.rent_ore),
    unitName: r.unit_name,
    applicantId: r.applicant_id,
    applicantName: r.protected_identity ? null : r.applicant_name,
    protectedIdentity: r.protected_identity,
    visible: r.visible,
  }));
}
