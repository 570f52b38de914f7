/**
 * Who may do what. Access is deny by default: a permission not listed for a role is refused.
 * Permissions on persons are further limited to the persons of the cases of the user's units
 * (see access/db/person-scope.ts): the role says what, the unit says whom.
 */
import { ROLES, type Role } from './roles.ts';

export const PERMISSIONS = [
  'person:search',
  'person:read',
  'case:list-own',
  'alert:read',
  'audit:search',
  'stats:read',
  'user:manage',
  'assistance:read',
  'assistance:write',
  'payment:prepare',
  'payment:approve',
  'investigation:manage',
  'caseload:read',
  'control:read',
  'labour:read',
  'labour:write',
  'labour:refer',
  'labour:manage',
  'followup:read',
  'followup:write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export { ROLES };

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  caseworker: [
    'person:search',
    'person:read',
    'case:list-own',
    'assistance:read',
    'assistance:write',
    'payment:prepare',
    'labour:refer',
  ],
  labour_consultant: ['person:search', 'person:read', 'case:list-own', 'labour:read', 'labour:write'],
  unit_manager: [
    'person:search',
    'person:read',
    'case:list-own',
    'alert:read',
    'audit:search',
    'assistance:read',
    'assistance:write',
    'payment:prepare',
    'payment:approve',
    'control:read',
    'caseload:read',
    'labour:read',
    'labour:write',
    'labour:refer',
    'labour:manage',
    'followup:read',
    'followup:write',
  ],
  fraud_investigator: [
    'person:search',
    'person:read',
    'assistance:read',
    'investigation:manage',
    'control:read',
  ],
  analyst: ['stats:read', 'followup:read'],
  administrator: ['user:manage'],
};

/** Roles whose unit assignment opens the persons of that unit's cases. */
export const PERSON_SCOPED_ROLES: readonly Role[] = [
  'caseworker',
  'labour_consultant',
  'unit_manager',
  'fraud_investigator',
];

export interface RoleGrant {
  role: Role;
  unitId: string;
  unitName: string;
}

export function permissionsOf(roles: readonly RoleGrant[]): Permission[] {
  const granted = new Set<Permission>();
  for (const grant of roles) for (const permission of ROLE_PERMISSIONS[grant.role]) granted.add(permission);
  return PERMISSIONS.filter((permission) => granted.has(permission));
}

export function hasPermission(roles: readonly RoleGrant[], permission: Permission): boolean {
  return roles.some((grant) => ROLE_PERMISSIONS[grant.role].includes(permission));
}
