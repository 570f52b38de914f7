/**
 * The journal (documentation duty, 14 kap. 3 § SoL 2025:400, before 1 July 2025 11 kap. 5 §
 * SoL 2001:453): a draft belongs to its author until it is signed; a signed note never changes,
 * and a mistake in it is put right by a new note that refers to it.
 */
export interface NoteState {
  status: 'draft' | 'signed';
  authorId: string;
  body: string;
}

export type NoteRefusal = 'signed' | 'not_author' | 'empty';

/** Why `userId` may not save the draft, or null. */
export function refuseSave(note: NoteState, userId: string): NoteRefusal | null {
  if (note.status === 'signed') return 'signed';
  if (note.authorId !== userId) return 'not_author';
  return null;
}

/** Why `userId` may not sign the note, or null. */
export function refuseSign(note: NoteState, userId: string): NoteRefusal | null {
  return refuseSave(note, userId) ?? (note.body.trim() === '' ? 'empty' : null);
}

/** A request for completion is overdue when it is unanswered after its deadline. */
export function completionOverdue(
  request: { deadline: string; answeredOn: string | null },
  today: string,
): boolean {
  return request.answeredOn === null && request.deadline < today;
}
