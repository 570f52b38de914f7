/** The logged-in user as every request sees it, reloaded from the database on each request. */
import type { Permission, RoleGrant } from './permissions.ts';

export interface Principal {
  userId: string;
  displayName: string;
  municipalityId: string;
  municipalityName: string;
  roles: RoleGrant[];
  permissions: Permission[];
  protectedIdentityClearance: boolean;
  session: { tokenHash: string; csrfToken: string; authMethod: 'oidc' | 'demo' };
}
