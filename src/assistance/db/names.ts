/** Names of persons for lists; a protected identity is never named (null). */
import type { Database } from '../../db/connection.ts';

export async function personNames(
  db: Database,
  municipalityId: string,
  personIds: readonly string[],
): Promise<Map<string, string | null>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('person')
    .select(['id', 'first_name', 'last_name', 'protected_identity'])
    .where('municipality_id', '=', municipalityId)
    .where('id', 'in', [...new Set(personIds)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.protected_identity ? null : `${r.first_name} ${r.last_name}`]));
}
