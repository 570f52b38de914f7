/**
 * Removing a line of the four-month report (a budget line, an assignment or a risk). A line can
 * be removed only while nothing of it has been followed up: a follow-up puts its figures, status
 * or comment in reports already made, and those must stay as they were.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Database } from '../../db/connection.ts';
import { AppError } from '../../shared/errors.ts';

export const REPORT_LINE_KINDS = ['budget-line', 'assignment', 'risk'] as const;
export type ReportLineKind = (typeof REPORT_LINE_KINDS)[number];

/** Each kind's table and the table of its follow-ups, with the column naming the line there. */
const LINES = {
  'budget-line': { table: 'report_budget_line', followUps: 'report_budget_follow_up', line: 'line_id' },
  assignment: {
    table: 'report_assignment',
    followUps: 'report_assignment_follow_up',
    line: 'assignment_id',
  },
  risk: { table: 'report_control_risk', followUps: 'report_control_risk_follow_up', line: 'risk_id' },
} as const;

/** The kind's lines that have been followed up in some period, among those `where` picks. */
function followedUpLines(kind: ReportLineKind, municipalityId: string, where: RawBuilder<unknown>) {
  const { table, followUps, line } = LINES[kind];
  return sql<{ id: string }>`
    SELECT l.id FROM ${sql.table(table)} l
    WHERE l.municipality_id = ${municipalityId} AND ${where}
      AND EXISTS (SELECT 1 FROM ${sql.table(followUps)} f
                  WHERE f.municipality_id = l.municipality_id AND f.${sql.ref(line)} = l.id)
    ORDER BY l.id`;
}

/** Removes the line, or refuses (NOT_FOUND, REPORT_LINE_FOLLOWED_UP); run it in a transaction. */
export async function removeReportLine(
  db: Database,
  kind: ReportLineKind,
  municipalityId: string,
  id: string,
): Promise<void> {
  const { table } = LINES[kind];
  // Locked first: a follow-up recorded meanwhile waits for this transaction (its foreign key) and
  // then fails, instead of being removed with the line unseen.
  const line = await db
    .selectFrom(table)
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!line) throw new AppError('NOT_FOUND');
  const followedUp = await followedUpLines(kind, municipalityId, sql`l.id = ${id}`).execute(db);
  if (followedUp.rows.length > 0) throw new AppError('REPORT_LINE_FOLLOWED_UP');
  await db.deleteFrom(table).where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

/** The ids of the year's lines that have been followed up in some period, and so cannot be removed. */
export async function loadFollowedUpLineIds(
  db: Database,
  municipalityId: string,
  year: number,
): Promise<Record<'budgetLines' | 'assignments' | 'risks', string[]>> {
  const ids = async (kind: ReportLineKind) =>
    (await followedUpLines(kind, municipalityId, sql`l.year = ${year}`).execute(db)).rows.map((r) => r.id);
  const [budgetLines, assignments, risks] = await Promise.all([
    ids('budget-line'),
    ids('assignment'),
    ids('risk'),
  ]);
  return { budgetLines, assignments, risks };
}
