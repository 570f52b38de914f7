/** Journal notes and requests for completion of a case. Commands run in the caller's transaction. */
import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/connection.ts';
import { AppError } from '../../shared/errors.ts';

export interface NoteRow {
  id: string;
  caseId: string;
  authorId: string;
  status: 'draft' | 'signed';
  body: string;
}

/** A note locked for a change; NOT_FOUND when it does not exist in the municipality. */
export async function lockNote(db: Database, municipalityId: string, id: string): Promise<NoteRow> {
  const row = await db
    .selectFrom('journal_note')
    .select(['id', 'case_id', 'author_id', 'status', 'body'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return { id: row.id, caseId: row.case_id, authorId: row.author_id, status: row.status, body: row.body };
}

export interface NewNote {
  municipalityId: string;
  caseId: string;
  authorId: string;
  noteDate: string;
  body: string;
  correctsId?: string | null;
  signedAt?: Date | null;
}

export async function insertNote(db: Database, note: NewNote): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('journal_note')
    .values({
      municipality_id: note.municipalityId,
      id,
      case_id: note.caseId,
      author_id: note.authorId,
      note_date: note.noteDate,
      body: note.body,
      corrects_id: note.correctsId ?? null,
      ...(note.signedAt ? { status: 'signed' as const, signed_at: note.signedAt } : {}),
    })
    .execute();
  return id;
}

/** The database refuses any change to a signed note (trigger); that refusal is the user's 409. */
async function changeNote(db: Database, run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (error) {
    const e = error as { code?: string; message?: string };
    if (e.code === '23514' && /signed/.test(e.message ?? '')) throw new AppError('JOURNAL_NOTE_SIGNED');
    throw error;
  }
}

export async function saveDraft(
  db: Database,
  municipalityId: string,
  id: string,
  change: { noteDate: string; body: string },
  now: Date,
): Promise<void> {
  await changeNote(db, () =>
    db
      .updateTable('journal_note')
      .set({ note_date: change.noteDate, body: change.body, updated_at: now })
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', id)
      .execute(),
  );
}

export async function signNote(db: Database, municipalityId: string, id: string, now: Date): Promise<void> {
  await changeNote(db, () =>
    db
      .updateTable('journal_note')
      .set({ status: 'signed', signed_at: now, updated_at: now })
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', id)
      .execute(),
  );
}

export interface JournalEntry {
  id: string;
  note_date: string;
  body: string;
  status: 'draft' | 'signed';
  author_id: string;
  author_name: string;
  signed_at: Date | null;
  corrects_id: string | null;
  created_at: Date;
  updated_at: Date;
}

/** The case's signed notes and the user's own drafts, newest first. */
export async function listNotes(
  db: Database,
  municipalityId: string,
  caseId: string,
  userId: string,
): Promise<{ notes: JournalEntry[]; correctedBy: Map<string, string[]> }> {
  const notes = await db
    .selectFrom('journal_note as n')
    .innerJoin('app_user as u', (j) =>
      j.onRef('u.municipality_id', '=', 'n.municipality_id').onRef('u.id', '=', 'n.author_id'),
    )
    .select([
      'n.id',
      'n.note_date',
      'n.body',
      'n.status',
      'n.author_id',
      'u.display_name as author_name',
      'n.signed_at',
      'n.corrects_id',
      'n.created_at',
      'n.updated_at',
    ])
    .where('n.municipality_id', '=', municipalityId)
    .where('n.case_id', '=', caseId)
    .where((eb) => eb.or([eb('n.status', '=', 'signed'), eb('n.author_id', '=', userId)]))
    .orderBy('n.note_date', 'desc')
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id')
    .execute();
  const correctedBy = new Map<string, string[]>();
  // A draft correction is not yet a correction: only signed ones are shown on the original.
  for (const note of [...notes].reverse())
    if (note.corrects_id && note.status === 'signed')
      correctedBy.set(note.corrects_id, [...(correctedBy.get(note.corrects_id) ?? []), note.id]);
  return { notes, correctedBy };
}

export interface NewCompletionRequest {
  municipalityId: string;
  caseId: string;
  applicationId: string | null;
  requested: string;
  deadline: string;
  requestedBy: string;
  requestedOn: string;
}

export async function insertCompletionRequest(db: Database, request: NewCompletionRequest): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('completion_request')
    .values({
      municipality_id: request.municipalityId,
      id,
      case_id: request.caseId,
      application_id: request.applicationId,
      requested: request.requested,
      deadline: request.deadline,
      requested_by: request.requestedBy,
      requested_on: request.requestedOn,
    })
    .execute();
  return id;
}

export async function lockCompletionRequest(
  db: Database,
  municipalityId: string,
  id: string,
): Promise<{ caseId: string; requestedOn: string; answeredOn: string | null }> {
  const row = await db
    .selectFrom('completion_request')
    .select(['case_id', 'requested_on', 'answered_on'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return { caseId: row.case_id, requestedOn: row.requested_on, answeredOn: row.answered_on };
}

export async function answerCompletionRequest(
  db: Database,
  municipalityId: string,
  id: string,
  answeredOn: string,
): Promise<void> {
  await db
    .updateTable('completion_request')
    .set({ answered_on: answeredOn })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .execute();
}

export async function listCompletionRequests(db: Database, municipalityId: string, caseId: string) {
  return db
    .selectFrom('completion_request as r')
    .innerJoin('app_user as u', (j) =>
      j.onRef('u.municipality_id', '=', 'r.municipality_id').onRef('u.id', '=', 'r.requested_by'),
    )
    .leftJoin('application as a', (j) =>
      j.onRef('a.municipality_id', '=', 'r.municipality_id').onRef('a.id', '=', 'r.application_id'),
    )
    .select([
      'r.id',
      'r.application_id',
      'a.month as application_month',
      'r.requested',
      'r.deadline',
      'r.requested_on',
      'r.answered_on',
      'u.display_name as requested_by_name',
    ])
    .where('r.municipality_id', '=', municipalityId)
    .where('r.case_id', '=', caseId)
    .orderBy('r.requested_on', 'desc')
    .orderBy('r.deadline', 'desc')
    .execute();
}

/** Whether an application belongs to the case. */
export async function applicationOfCase(
  db: Database,
  municipalityId: string,
  caseId: string,
  applicationId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('application')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('case_id', '=', caseId)
    .where('id', '=', applicationId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Everyone who has been a member of the case's household: whose data a journal is about. */
export async function householdPersonIds(
  db: Database,
  municipalityId: string,
  householdId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('household_member')
    .select('person_id')
    .distinct()
    .where('municipality_id', '=', municipalityId)
    .where('household_id', '=', householdId)
    .execute();
  return rows.map((r) => r.person_id);
}
