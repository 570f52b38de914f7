/**
 * The information flows between financial assistance and the labour-market unit about a person.
 * Where the two are separate parts of the authority (OSL 26 kap 1 § with 8 kap 2 §) a flow needs the
 * person's recorded consent or a legal basis; without one, the other unit sees nothing.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Database } from '../../db/connection.ts';
import type { FlowDirection } from '../domain/terms.ts';
import { loadLabourSettings } from './settings.ts';

/**
 * SQL: a flow in the direction stands on the day for the person in `alias.personColumn` (same
 * municipality). Callers still check `separate_authority` (see flowAllowed).
 */
export function flowStandsSql(
  direction: FlowDirection,
  alias: string,
  day: string,
  personColumn = 'person_id',
): RawBuilder<boolean> {
  const t = sql.raw(alias);
  const person = sql.raw(`${alias}.${personColumn}`);
  return sql<boolean>`EXISTS (
    SELECT 1 FROM information_flow f
    WHERE f.municipality_id = ${t}.municipality_id AND f.person_id = ${person}
      AND f.direction = ${direction}
      AND f.given_on <= ${day}::date AND (f.revoked_on IS NULL OR f.revoked_on > ${day}::date))`;
}

/** Whether information may flow in the direction about the person on the day. */
export async function flowAllowed(
  db: Database,
  municipalityId: string,
  personId: string,
  direction: FlowDirection,
  day: string,
): Promise<boolean> {
  const settings = await loadLabourSettings(db, municipalityId);
  if (!settings.separateAuthority) return true;
  const row = await db
    .selectFrom('information_flow')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('person_id', '=', personId)
    .where('direction', '=', direction)
    .where('given_on', '<=', day)
    .where((eb) => eb.or([eb('revoked_on', 'is', null), eb('revoked_on', '>', day)]))
    .executeTakeFirst();
  return row !== undefined;
}
