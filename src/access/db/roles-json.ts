/** A user's role grants as a JSON array, for queries that read users with their roles in one go. */
import { sql, type RawBuilder } from 'kysely';
import type { Role } from '../domain/roles.ts';

export type RoleGrantJson = { role: Role; unitId: string; unitName: string }[];

/** `municipality` and `user` are SQL expressions naming the user's municipality and id. */
export function roleGrantsJson(municipality: string, user: string): RawBuilder<RoleGrantJson | string> {
  return sql<RoleGrantJson | string>`COALESCE((
    SELECT json_agg(json_build_object('role', ra.role, 'unitId', ra.unit_id, 'unitName', un.name)
                    ORDER BY un.name, ra.role)
    FROM role_assignment ra
    JOIN unit un ON un.municipality_id = ra.municipality_id AND un.id = ra.unit_id
    WHERE ra.municipality_id = ${sql.raw(municipality)} AND ra.user_id = ${sql.raw(user)}), '[]')`;
}

/** PGlite and pg both parse json, but a driver may hand it over as text. */
export const parseRoleGrants = (value: RoleGrantJson | string): RoleGrantJson =>
  typeof value === 'string' ? (JSON.parse(value) as RoleGrantJson) : value;
