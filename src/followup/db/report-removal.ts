/**
 * Removing a line of the four-month report (a budget line, an assignment or a risk). A line can
 * be removed only while nothing of it has been followed up: a follow-up puts its figures, status
 * or comment in reports already made, and those must stay as they were.
 */
import type { Database } from '../../db/connection.ts';
import { AppError } from '../../shared/errors.ts';

export const REPORT_LINE_KINDS = ['budget-line', 'assignment', 'risk'] as const;
export type ReportLineKind = (typeof REPORT_LINE_KINDS)[number];

const LINE_TABLE = {
  'budget-line': 'report_budget_line',
  assignment: 'report_assignment',
  risk: 'report_control_risk',
} as const;

/** Whether any period of the line has been followed up. */
async function isFollowedUp(db: Database, kind: ReportLineKind, municipalityId: string, id: string) {
  const row =
    kind === 'budget-line'
      ? await db
          .selectFrom('report_budget_follow_up')
          .select('period')
          .where('municipality_id', '=', municipalityId)
          .where('line_id', '=', id)
          .executeTakeFirst()
      : kind === 'assignment'
        ? await db
            .selectFrom('report_assignment_follow_up')
            .select('period')
            .where('municipality_id', '=', municipalityId)
            .where('assignment_id', '=', id)
            .executeTakeFirst()
        : await db
            .selectFrom('report_control_risk_follow_up')
            .select('period')
            .where('municipality_id', '=', municipalityId)
            .where('risk_id', '=', id)
            .executeTakeFirst();
  return row !== undefined;
}

/** Removes the line, or refuses (NOT_FOUND, REPORT_LINE_FOLLOWED_UP); run it in a transaction. */
export async function removeReportLine(
  db: Database,
  kind: ReportLineKind,
  municipalityId: string,
  id: string,
): Promise<void> {
  const table = LINE_TABLE[kind];
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
  if (await isFollowedUp(db, kind, municipalityId, id)) throw new AppError('REPORT_LINE_FOLLOWED_UP');
  await db.deleteFrom(table).where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

/** The ids of the year's lines that have been followed up in some period, and so cannot be removed. */
export async function loadFollowedUpLineIds(
  db: Database,
  municipalityId: string,
  year: number,
): Promise<Record<'budgetLines' | 'assignments' | 'risks', string[]>> {
  const [budgetLines, assignments, risks] = await Promise.all([
    db
      .selectFrom('report_budget_line as l')
      .innerJoin('report_budget_follow_up as f', (j) =>
        j.onRef('f.municipality_id', '=', 'l.municipality_id').onRef('f.line_id', '=', 'l.id'),
      )
      .select('l.id')
      .distinct()
      .where('l.municipality_id', '=', municipalityId)
      .where('l.year', '=', year)
      .execute(),
    db
      .selectFrom('report_assignment as a')
      .innerJoin('report_assignment_follow_up as f', (j) =>
        j.onRef('f.municipality_id', '=', 'a.municipality_id').onRef('f.assignment_id', '=', 'a.id'),
      )
      .select('a.id')
      .distinct()
      .where('a.municipality_id', '=', municipalityId)
      .where('a.year', '=', year)
      .execute(),
    db
      .selectFrom('report_control_risk as r')
      .innerJoin('report_control_risk_follow_up as f', (j) =>
        j.onRef('f.municipality_id', '=', 'r.municipality_id').onRef('f.risk_id', '=', 'r.id'),
      )
      .select('r.id')
      .distinct()
      .where('r.municipality_id', '=', municipalityId)
      .where('r.year', '=', year)
      .execute(),
  ]);
  const ids = (rows: { id: string }[]) => rows.map((row) => row.id).sort();
  return { budgetLines: ids(budgetLines), assignments: ids(assignments), risks: ids(risks) };
}
