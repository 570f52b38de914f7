/**
 * The notices from the labour-market unit that wait for the assistance caseworker: those of the
 * cases where the user is the caseworker, or the manager of the case's unit, not yet acknowledged.
 */
import { sql } from 'kysely';
import type { Principal } from '../../access/domain/principal.ts';
import { caseVisibleTo } from '../../assistance/db/case-scope.ts';
import type { Database } from '../../db/connection.ts';
import type { NoticeKind } from '../domain/terms.ts';

export interface NoticeListRow {
  id: string;
  case_id: string;
  person_id: string;
  first_name: string;
  last_name: string;
  protected_identity: boolean;
  kind: NoticeKind;
  week: string | null;
  detail: unknown;
  created_at: Date | string;
}

export const NOTICE_LIST_LIMIT = 200;

export async function listOpenNotices(db: Database, principal: Principal): Promise<NoticeListRow[]> {
  const result = await sql<NoticeListRow>`
    SELECT n.id, n.assistance_case_id AS case_id, n.person_id, p.first_name, p.last_name,
           p.protected_identity, n.kind, n.week, n.detail, n.created_at
    FROM labour_notice n
    JOIN client_case c ON c.municipality_id = n.municipality_id AND c.id = n.assistance_case_id
    JOIN person p ON p.municipality_id = n.municipality_id AND p.id = n.person_id
    WHERE n.municipality_id = ${principal.municipalityId}
      AND n.acknowledged_at IS NULL
      AND ${caseVisibleTo(principal, 'c')}
      AND (c.caseworker_id = ${principal.userId} OR EXISTS (
        SELECT 1 FROM role_assignment mra
        WHERE mra.municipality_id = c.municipality_id AND mra.unit_id = c.unit_id
          AND mra.user_id = ${principal.userId} AND mra.role = 'unit_manager'))
    ORDER BY n.created_at DESC, n.id
    LIMIT ${NOTICE_LIST_LIMIT}`.execute(db);
  return result.rows;
}
