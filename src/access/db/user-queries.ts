/** Users and their roles. */
import { sql } from 'kysely';
import type { Database } from '../../db/connection.ts';
import type { Role } from '../../db/schema.ts';

export async function listDemoUsers(db: Database) {
  const result = await sql<{
    id: string;
    display_name: string;
    roles: { role: Role; unitName: string }[] | string;
  }>`
    SELECT u.id, u.display_name,
           COALESCE((SELECT json_agg(json_build_object('role', ra.role, 'unitName', un.name) ORDER BY ra.role, un.name)
                     FROM role_assignment ra
                     JOIN unit un ON un.municipality_id = ra.municipality_id AND un.id = ra.unit_id
                     WHERE ra.municipality_id = u.municipality_id AND ra.user_id = u.id), '[]') AS roles
    FROM app_user u
    JOIN municipality m ON m.id = u.municipality_id
    WHERE u.demo_login AND u.active AND m.is_demo
    ORDER BY u.display_name`.execute(db);
  return result.rows.map((r) => ({
    id: r.id,
    displayName: r.display_name,
    roles:
      typeof r.roles === 'string' ? (JSON.parse(r.roles) as { role: Role; unitName: string }[]) : r.roles,
  }));
}

export async function listUsers(db: Database, municipalityId: string) {
  const result = await sql<{
    id: string;
    display_name: string;
    email: string | null;
    active: boolean;
    roles: { role: Role; unitId: string; unitName: string }[] | string;
  }>`
    SELECT u.id, u.display_name, u.email, u.active,
           COALESCE((SELECT json_agg(json_build_object('role', ra.role, 'unitId', ra.unit_id, 'unitName', un.name)
                                     ORDER BY un.name, ra.role)
                     FROM role_assignment ra
                     JOIN unit un ON un.municipality_id = ra.municipality_id AND un.id = ra.unit_id
                     WHERE ra.municipality_id = u.municipality_id AND ra.user_id = u.id), '[]') AS roles
    FROM app_user u
    WHERE u.municipality_id = ${municipalityId}
    ORDER BY u.display_name`.execute(db);
  return result.rows.map((r) => ({
    id: r.id,
    displayName: r.display_name,
    email: r.email,
    active: r.active,
    roles: typeof r.roles === 'string' ? JSON.parse(r.roles) : r.roles,
  }));
}
