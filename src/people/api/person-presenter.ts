/** Shapes person data for responses; a protected identity's name and address never leave in lists. */
import type { PersonDetailRow } from '../db/person-queries.ts';
import { formatPersonalNumber } from '../domain/personnummer.ts';

export const displayName = (p: { firstName: string; lastName: string; protectedIdentity: boolean }) =>
  p.protectedIdentity ? null : `${p.firstName} ${p.lastName}`;

export function presentPersonDetail(row: PersonDetailRow, today: string) {
  const number = {
    normalised: row.personal_number,
    kind: row.number_kind,
    birthDate: row.birth_date,
    sex: row.sex,
  };
  return {
    id: row.id,
    personalNumber: formatPersonalNumber(number, today),
    numberKind: row.number_kind,
    firstName: row.first_name,
    lastName: row.last_name,
    birthDate: row.birth_date,
    sex: row.sex,
    address:
      row.street_address && row.postal_code && row.city
        ? { street: row.street_address, postalCode: row.postal_code, city: row.city }
        : null,
    protectedIdentity: row.protected_identity,
    households: row.households.map((household) => ({
      id: household.id,
      members: household.members.map((m) => ({
        personId: m.personId,
        // The opened person's own name is shown; other protected members stay hidden.
        name: m.personId === row.id ? `${row.first_name} ${row.last_name}` : displayName(m),
        role: m.role,
        validFrom: m.validFrom,
        validTo: m.validTo,
      })),
    })),
    cases: row.cases,
  };
}
