/**
 * Server-side sessions. The cookie carries `<municipality>.<random token>`; the database keeps
 * only the token's hash. Roles are read with the session on every request, so a revoked role
 * takes effect on the next one.
 */
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../../db/connection.ts';
import { permissionsOf, type RoleGrant } from '../domain/permissions.ts';
import type { Principal } from '../domain/principal.ts';
import { parseRoleGrants, roleGrantsJson, type RoleGrantJson } from './roles-json.ts';
import type { SessionCache } from './session-cache.ts';

export interface SessionPolicy {
  absoluteMs: number;
  idleMs: number;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const randomToken = () => randomBytes(32).toString('base64url');

export function parseSessionCookie(
  value: string | undefined,
): { municipalityId: string; token: string } | null {
  const match = value?.match(/^([0-9]{4})\.([A-Za-z0-9_-]{43})$/);
  return match ? { municipalityId: match[1]!, token: match[2]! } : null;
}

export async function createSession(
  db: Database,
  input: {
    municipalityId: string;
    userId: string;
    authMethod: 'oidc' | 'demo';
    now: Date;
    policy: SessionPolicy;
  },
): Promise<{ cookieValue: string; csrfToken: string; expiresAt: Date }> {
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(input.now.getTime() + input.policy.absoluteMs);
  await db
    .insertInto('user_session')
    .values({
      municipality_id: input.municipalityId,
      token_hash: hashToken(token),
      user_id: input.userId,
      csrf_token: csrfToken,
      auth_method: input.authMethod,
      created_at: input.now,
      expires_at: expiresAt,
      idle_expires_at: new Date(input.now.getTime() + input.policy.idleMs),
    })
    .execute();
  return { cookieValue: `${input.municipalityId}.${token}`, csrfToken, expiresAt };
}

export type SessionLookup =
  { status: 'none' } | { status: 'expired' } | { status: 'active'; principal: Principal };

interface SessionRow {
  user_id: string;
  csrf_token: string;
  auth_method: 'oidc' | 'demo';
  display_name: string;
  protected_identity_clearance: boolean;
  municipality_name: string;
  idle_expires_at: Date;
  expires_at: Date;
  alive: boolean;
  roles: RoleGrantJson | string;
}

/**
 * One round trip: the session, its user and the user's current roles — or none, when the cache
 * (switched on only while the server hears of every access change) checked it a moment ago.
 */
export async function lookupSession(
  db: Database,
  cookie: { municipalityId: string; token: string },
  now: Date,
  policy: SessionPolicy,
  cache?: SessionCache,
): Promise<SessionLookup> {
  // Keyed by the cookie itself (kept in memory only), so a hit needs no hashing.
  const cacheKey = `${cookie.municipalityId}.${cookie.token}`;
  const cached = cache?.get(cacheKey, now);
  if (cached) return { status: 'active', principal: cached };
  const tokenHash = hashToken(cookie.token);
  const result = await sql<SessionRow>`
    SELECT s.user_id, s.csrf_token, s.auth_method, s.idle_expires_at, s.expires_at, u.display_name,
           u.protected_identity_clearance, m.name AS municipality_name,
           (s.ended_at IS NULL AND s.expires_at > ${now} AND s.idle_expires_at > ${now} AND u.active) AS alive,
           ${roleGrantsJson('s.municipality_id', 's.user_id')} AS roles
    FROM user_session s
    JOIN app_user u ON u.municipality_id = s.municipality_id AND u.id = s.user_id
    JOIN municipality m ON m.id = s.municipality_id
    WHERE s.municipality_id = ${cookie.municipalityId} AND s.token_hash = ${tokenHash}`.execute(db);
  const row = result.rows[0];
  if (!row) return { status: 'none' };
  if (!row.alive) return { status: 'expired' };
  // Slide the idle timeout, but write at most once a minute per session.
  let idleExpiresAt = new Date(row.idle_expires_at);
  if (idleExpiresAt.getTime() - now.getTime() < policy.idleMs - 60_000) {
    idleExpiresAt = new Date(now.getTime() + policy.idleMs);
    await db
      .updateTable('user_session')
      .set({ idle_expires_at: idleExpiresAt })
      .where('municipality_id', '=', cookie.municipalityId)
      .where('token_hash', '=', tokenHash)
      .execute();
  }
  const roles: RoleGrant[] = parseRoleGrants(row.roles);
  const principal: Principal = {
    userId: row.user_id,
    displayName: row.display_name,
    municipalityId: cookie.municipalityId,
    municipalityName: row.municipality_name,
    roles,
    permissions: permissionsOf(roles),
    protectedIdentityClearance: row.protected_identity_clearance,
    session: { tokenHash, csrfToken: row.csrf_token, authMethod: row.auth_method },
  };
  const expiresAt = new Date(row.expires_at);
  cache?.set(cacheKey, principal, now, expiresAt < idleExpiresAt ? expiresAt : idleExpiresAt);
  return { status: 'active', principal };
}

export async function endSession(db: Database, municipalityId: string, tokenHash: string, now: Date) {
  await db
    .updateTable('user_session')
    .set({ ended_at: now })
    .where('municipality_id', '=', municipalityId)
    .where('token_hash', '=', tokenHash)
    .execute();
}
