/** The case journal (drafts, signing, corrections) and requests for completion. */
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../../access/domain/principal.ts';
import type { Database } from '../../db/connection.ts';
import type { ServerDeps } from '../../http/context.ts';
import { registerEndpoint, type AuditNotes } from '../../http/endpoint.ts';
import { swedishToday } from '../../shared/clock.ts';
import type { ErrorCode } from '../../i18n/catalogue.ts';
import { AppError } from '../../shared/errors.ts';
import { requireCase, type CaseRef } from '../db/case-scope.ts';
import {
  answerCompletionRequest,
  applicationOfCase,
  householdPersonIds,
  insertCompletionRequest,
  insertNote,
  listCompletionRequests,
  listNotes,
  lockCompletionRequest,
  lockNote,
  saveDraft,
  signNote,
} from '../db/journal.ts';
import {
  completionOverdue,
  refuseSave,
  refuseSign,
  type NoteRefusal,
} from '../domain/journal/journal-rules.ts';
import { citeProvision } from '../domain/law/provisions.ts';
import {
  AnsweredBody,
  CompletionListResponse,
  JournalResponse,
  NewCompletionBody,
  NewNoteBody,
  SavedResponse,
  SaveNoteBody,
} from './casework-schemas.ts';
import { CaseIdParams, CreatedResponse, IdParams } from './schemas.ts';

const tags = ['Ekonomiskt bistånd'];

const REFUSAL_ERROR: Record<NoteRefusal, ErrorCode> = {
  signed: 'JOURNAL_NOTE_SIGNED',
  not_author: 'JOURNAL_NOTE_NOT_AUTHOR',
  empty: 'JOURNAL_NOTE_EMPTY',
};

/** The case, noted in the audit event with everyone in its household (whom the journal is about). */
async function openCase(
  db: Database,
  principal: Principal,
  caseId: string,
  audit: AuditNotes,
): Promise<CaseRef> {
  const caseRef = await requireCase(db, principal, caseId);
  audit.caseIds.add(caseRef.id);
  for (const id of await householdPersonIds(db, principal.municipalityId, caseRef.householdId))
    audit.personIds.add(id);
  return caseRef;
}

function notInFuture(date: string, today: string): void {
  if (date > today) throw new AppError('DATE_IN_FUTURE', { date });
}

export function registerJournalRoutes(app: FastifyInstance, deps: ServerDeps): void {
  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/assistance/cases/:caseId/journal',
    action: 'journal.create',
    permission: 'assistance:write',
    summary:
      'Start a journal note as a draft (documentation duty); it is saved as it is typed and then signed',
    tags,
    params: CaseIdParams,
    body: NewNoteBody,
    response: CreatedResponse,
    status: 201,
    write: true,
    handler: async ({ db, principal, params, body, audit, now }) => {
      const caseRef = await openCase(db, principal, params.caseId, audit);
      const today = swedishToday({ now: () => now });
      const noteDate = body.noteDate ?? today;
      notInFuture(noteDate, today);
      const id = await insertNote(db, {
        municipalityId: principal.municipalityId,
        caseId: caseRef.id,
        authorId: principal.userId,
        noteDate,
        body: body.body,
      });
      return { id };
    },
  });

  registerEndpoint(app, deps, {
    method: 'PUT',
    url: '/api/v1/assistance/journal/:id',
    action: 'journal.save',
    permission: 'assistance:write',
    summary: 'Save a draft journal note (autosave); only its author can, and never once it is signed',
    tags,
    params: IdParams,
    body: SaveNoteBody,
    response: SavedResponse,
    write: true,
    handler: async ({ db, principal, params, body, audit, now }) => {
      const note = await lockNote(db, principal.municipalityId, params.id);
      await openCase(db, principal, note.caseId, audit);
      const refusal = refuseSave(note, principal.userId);
      if (refusal) throw new AppError(REFUSAL_ERROR[refusal]);
      notInFuture(body.noteDate, swedishToday({ now: () => now }));
      await saveDraft(db, principal.municipalityId, note.id, body, now);
      return { id: note.id, savedAt: now.toISOString() };
    },
  });

  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/assistance/journal/:id/sign',
    action: 'journal.sign',
    permission: 'assistance:write',
    summary: 'Sign a journal note; from then on it never changes',
    tags,
    params: IdParams,
    write: true,
    handler: async ({ db, principal, params, audit, now }) => {
      const note = await lockNote(db, principal.municipalityId, params.id);
      await openCase(db, principal, note.caseId, audit);
      const refusal = refuseSign(note, principal.userId);
      if (refusal) throw new AppError(REFUSAL_ERROR[refusal]);
      await signNote(db, principal.municipalityId, note.id, now);
      return undefined;
    },
  });

  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/assistance/journal/:id/corrections',
    action: 'journal.correct',
    permission: 'assistance:write',
    summary: 'Start a correction of a signed note: a new draft that refers to it',
    tags,
    params: IdParams,
    body: NewNoteBody,
    response: CreatedResponse,
    status: 201,
    write: true,
    handler: async ({ db, principal, params, body, audit, now }) => {
      const original = await lockNote(db, principal.municipalityId, params.id);
      const caseRef = await openCase(db, principal, original.caseId, audit);
      if (original.status !== 'signed') throw new AppError('JOURNAL_CORRECTS_UNSIGNED');
      const today = swedishToday({ now: () => now });
      const noteDate = body.noteDate ?? today;
      notInFuture(noteDate, today);
      const id = await insertNote(db, {
        municipalityId: principal.municipalityId,
        caseId: caseRef.id,
        authorId: principal.userId,
        noteDate,
        body: body.body,
        correctsId: original.id,
      });
      return { id };
    },
  });

  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/assistance/cases/:caseId/journal',
    action: 'journal.list',
    permission: 'assistance:read',
    summary: "The case's journal, newest first: signed notes, and the user's own drafts",
    tags,
    params: CaseIdParams,
    response: JournalResponse,
    personalData: true,
    handler: async ({ db, principal, params, audit, locale, now }) => {
      const caseRef = await openCase(db, principal, params.caseId, audit);
      const { notes, correctedBy } = await listNotes(
        db,
        principal.municipalityId,
        caseRef.id,
        principal.userId,
      );
      const iso = (value: Date | string) => new Date(value).toISOString();
      return {
        provision: citeProvision('documentation', swedishToday({ now: () => now }), locale),
        notes: notes.map((n) => ({
          id: n.id,
          noteDate: n.note_date,
          body: n.body,
          status: n.status,
          author: { id: n.author_id, name: n.author_name },
          mine: n.author_id === principal.userId,
          signedAt: n.signed_at ? iso(n.signed_at) : null,
          savedAt: iso(n.updated_at),
          correctsId: n.corrects_id,
          correctedBy: correctedBy.get(n.id) ?? [],
        })),
      };
    },
  });

  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/assistance/cases/:caseId/completion-requests',
    action: 'completion.request',
    permission: 'assistance:write',
    summary: 'Ask the household to complete the application by a deadline (begäran om komplettering)',
    tags,
    params: CaseIdParams,
    body: NewCompletionBody,
    response: CreatedResponse,
    status: 201,
    write: true,
    handler: async ({ db, principal, params, body, audit, now }) => {
      const caseRef = await openCase(db, principal, params.caseId, audit);
      if (caseRef.closedOn) throw new AppError('CASE_CLOSED');
      const today = swedishToday({ now: () => now });
      if (body.deadline < today) throw new AppError('DEADLINE_BEFORE_TODAY', { today });
      if (
        body.applicationId &&
        !(await applicationOfCase(db, principal.municipalityId, caseRef.id, body.applicationId))
      )
        throw new AppError('NOT_FOUND');
      const id = await insertCompletionRequest(db, {
        municipalityId: principal.municipalityId,
        caseId: caseRef.id,
        applicationId: body.applicationId,
        requested: body.requested,
        deadline: body.deadline,
        requestedBy: principal.userId,
        requestedOn: today,
      });
      return { id };
    },
  });

  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/assistance/completion-requests/:id/answered',
    action: 'completion.answer',
    permission: 'assistance:write',
    summary: 'Record the day the household answered a request for completion',
    tags,
    params: IdParams,
    body: AnsweredBody,
    write: true,
    handler: async ({ db, principal, params, body, audit, now }) => {
      const request = await lockCompletionRequest(db, principal.municipalityId, params.id);
      await openCase(db, principal, request.caseId, audit);
      if (request.answeredOn) throw new AppError('COMPLETION_ALREADY_ANSWERED');
      const today = swedishToday({ now: () => now });
      const answeredOn = body.answeredOn ?? today;
      notInFuture(answeredOn, today);
      if (answeredOn < request.requestedOn)
        throw new AppError('ANSWERED_BEFORE_REQUESTED', { requestedOn: request.requestedOn });
      await answerCompletionRequest(db, principal.municipalityId, params.id, answeredOn);
      return undefined;
    },
  });

  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/assistance/cases/:caseId/completion-requests',
    action: 'completion.list',
    permission: 'assistance:read',
    summary: "The case's requests for completion, newest first, with those past their deadline flagged",
    tags,
    params: CaseIdParams,
    response: CompletionListResponse,
    personalData: true,
    handler: async ({ db, principal, params, audit, now }) => {
      const caseRef = await openCase(db, principal, params.caseId, audit);
      const today = swedishToday({ now: () => now });
      const rows = await listCompletionRequests(db, principal.municipalityId, caseRef.id);
      const items = rows.map((r) => ({
        id: r.id,
        applicationId: r.application_id,
        applicationMonth: r.application_month ? r.application_month.slice(0, 7) : null,
        requested: r.requested,
        requestedOn: r.requested_on,
        requestedBy: r.requested_by_name,
        deadline: r.deadline,
        answeredOn: r.answered_on,
        overdue: completionOverdue({ deadline: r.deadline, answeredOn: r.answered_on }, today),
      }));
      return {
        open: items.filter((i) => i.answeredOn === null).length,
        overdue: items.filter((i) => i.overdue).length,
        items,
      };
    },
  });
}
