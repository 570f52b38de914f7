/** Creating users (from the API and from `kedjan user create`). */
import type { Database } from '../../db/connection.ts';
import type { Role } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';

export interface NewUser {
  municipalityId: string;
  id: string;
  displayName: string;
  email: string | null;
  oidcSubject: string | null;
  roles: { role: Role; unitId: string }[];
  demoLogin?: boolean;
}

/** Run in a transaction. Units must belong to the same municipality (the foreign key also says so). */
export async function createUser(db: Database, user: NewUser): Promise<string> {
  const unitIds = [...new Set(user.roles.map((r) => r.unitId))];
  const units = await db
    .selectFrom('unit')
    .select('id')
    .where('municipality_id', '=', user.municipalityId)
    .where('id', 'in', unitIds)
    .execute();
  if (units.length !== unitIds.length) throw new AppError('NOT_FOUND');
  await db
    .insertInto('app_user')
    .values({
      municipality_id: user.municipalityId,
      id: user.id,
      display_name: user.displayName,
      email: user.email,
      oidc_subject: user.oidcSubject,
      demo_login: user.demoLogin ?? false,
    })
    .execute();
  await db
    .insertInto('role_assignment')
    .values(
      user.roles.map((r) => ({
        municipality_id: user.municipalityId,
        user_id: user.id,
        unit_id: r.unitId,
        role: r.role,
      })),
    )
    .execute();
  return user.id;
}
