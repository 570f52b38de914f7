/** Users and their roles. */
import { sql } from 'kysely';
import type { Database } from '../../db/connection.ts';
import { parseRoleGrants, roleGrantsJson, type RoleGrantJson } from './roles-json.ts';

export async function listDemoUsers(db: Database) {
  const result = await sql<{
    id: string;
    display_name: string;
    roles: RoleGrantJson | string;
  }>`
    SELECT u.id, u.display_name,
           ${roleGrantsJson('u.municipality_id', 'u.id')} AS roles
    FROM app_user u
    JOIN municipality m ON m.id = u.municipality_id
    WHERE u.demo_login AND u.active AND m.is_demo
    ORDER BY u.display_name`.execute(db);
  return result.rows.map((r) => ({
    id: r.id,
    displayName: r.display_name,
    roles: parseRoleGrants(r.roles).map(({ role, unitName }) => ({ role, unitName })),
  }));
}

export async function listUsers(db: Database, municipalityId: string) {
  const result = await sql<{
    id: string;
    display_name: string;
    email: string | null;
    active: boolean;
    roles: RoleGrantJson | string;
  }>`
    SELECT u.id, u.display_name, u.email, u.active,
           ${roleGrantsJson('u.municipality_id', 'u.id')} AS roles
    FROM app_user u
    WHERE u.municipality_id = ${municipalityId}
    ORDER BY u.display_name`.execute(db);
  return result.rows.map((r) => ({
    id: r.id,
    displayName: r.display_name,
    email: r.email,
    active: r.active,
    roles: parseRoleGrants(r.roles),
  }));
}
