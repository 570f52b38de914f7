/**
 * Which Kedjan user an OpenID Connect subject is: the active user with that `oidc_subject` in
 * the municipality the identity provider serves — the configured one, or else the only one there
 * is. Queries only (no HTTP).
 */
import type { Database } from '../../db/connection.ts';

/** Municipality '0000' holds system events only; it has no users. */
const SYSTEM_MUNICIPALITY = '0000';

export type OidcUserLookup =
  | { status: 'found'; municipalityId: string; userId: string }
  | { status: 'no-municipality' }
  | { status: 'unknown-user'; municipalityId: string };

export async function findOidcUser(
  db: Database,
  configuredMunicipalityId: string | null,
  subject: string,
): Promise<OidcUserLookup> {
  const municipalityId = configuredMunicipalityId ?? (await onlyMunicipality(db));
  if (!municipalityId) return { status: 'no-municipality' };
  const user = await db
    .selectFrom('app_user')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('oidc_subject', '=', subject)
    .where('active', '=', true)
    .executeTakeFirst();
  return user
    ? { status: 'found', municipalityId, userId: user.id }
    : { status: 'unknown-user', municipalityId };
}

/** The one municipality of this installation, or null when there are none or several. */
async function onlyMunicipality(db: Database): Promise<string | null> {
  const rows = await db
    .selectFrom('municipality')
    .select('id')
    .where('id', '<>', SYSTEM_MUNICIPALITY)
    .orderBy('id')
    .limit(2)
    .execute();
  return rows.length === 1 ? rows[0]!.id : null;
}
