import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api } from '../api/endpoints.ts';
import { queryKeys, useJournal } from '../api/queries.ts';
import type { Journal, JournalNote } from '../api/types.ts';
import { Empty, ErrorMessage, Loading } from '../components/Feedback.tsx';
import { describedBy, FieldMessage } from '../components/FieldError.tsx';
import { fill, useCaseworkT, useFormat } from '../i18n.ts';

/**
 * "Journalanteckningar": the case's signed notes, newest first, and the caseworker's own drafts.
 * A note is written as a draft that is saved while it is typed (about a second after the last
 * keystroke: the first save creates the draft, later ones update it), and signed when done; from
 * then on it never changes, and a mistake is put right with a correction that refers to it.
 */
export function JournalSection({ caseId, canWrite }: { caseId: string; canWrite: boolean }) {
  const w = useCaseworkT();
  const journal = useJournal(caseId);
  return (
    <section className="panel" aria-labelledby="case-journal">
      <h2 id="case-journal">{w.journal.title}</h2>
      {journal.isPending ? <Loading /> : null}
      {journal.isError ? <ErrorMessage error={journal.error} onRetry={() => void journal.refetch()} /> : null}
      {journal.data ? <JournalView caseId={caseId} journal={journal.data} canWrite={canWrite} /> : null}
    </section>
  );
}

const isOwnDraft = (note: JournalNote) => note.mine && note.status === 'draft';

function JournalView({ caseId, journal, canWrite }: { caseId: string; journal: Journal; canWrite: boolean }) {
  const w = useCaseworkT();
  const format = useFormat();
  const texts = w.journal;
  const queryClient = useQueryClient();
  const newestDraft = (exclude?: string) =>
    journal.notes.find((note) => isOwnDraft(note) && note.correctsId === null && note.id !== exclude) ?? null;
  // The new-note form continues the newest own draft (a reload brings it back) or starts afresh.
  const [form, setForm] = useState(() => ({ key: 0, draft: newestDraft() }));
  // Drafts created by editors on this page: they are shown there, not again from the list.
  const [created, setCreated] = useState<ReadonlySet<string>>(() => new Set());
  const [openCorrections, setOpenCorrections] = useState<ReadonlySet<string>>(() => new Set());
  const onCreated = useCallback((id: string) => setCreated((prev) => new Set(prev).add(id)), []);
  const refresh = useCallback(
    () => queryClient.invalidateQueries({ queryKey: queryKeys.journal(caseId) }),
    [queryClient, caseId],
  );

  const held = new Set(created);
  if (form.draft) held.add(form.draft.id);
  const signed = journal.notes.filter((note) => note.status === 'signed');
  const otherDrafts = journal.notes.filter(
    (note) => isOwnDraft(note) && note.correctsId === null && !held.has(note.id),
  );
  const dateOf = (id: string | null) => {
    const note = id ? journal.notes.find((n) => n.id === id) : undefined;
    return note ? format.date(note.noteDate) : '';
  };
  const setOpen = (noteId: string, open: boolean) =>
    setOpenCorrections((prev) => {
      const next = new Set(prev);
      if (open) next.add(noteId);
      else next.delete(noteId);
      return next;
    });

  return (
    <>
      <p className="section-intro">
        {texts.intro} <span className="cell-note">{journal.provision}</span>
      </p>
      {canWrite ? (
        <DraftEditor
          key={form.key}
          caseId={caseId}
          initial={form.draft}
          correctsId={null}
          title={texts.newNote}
          headingLevel={3}
          label={texts.text}
          hint={texts.textHint}
          signLabel={texts.signLabel}
          onCreated={onCreated}
          onSigned={(id) => {
            setForm((prev) => ({ key: prev.key + 1, draft: newestDraft(id) }));
            void refresh();
          }}
        />
      ) : null}
      {canWrite && otherDrafts.length > 0 ? (
        <div className="subsection">
          <h3>{texts.otherDrafts}</h3>
          {otherDrafts.map((note) => (
            <DraftEditor
              key={note.id}
              caseId={caseId}
              initial={note}
              correctsId={null}
              title={fill(texts.noteHeading, { date: format.date(note.noteDate), author: note.author.name })}
              headingLevel={4}
              label={texts.text}
              hint={texts.textHint}
              signLabel={texts.signLabel}
              onSigned={() => void refresh()}
            />
          ))}
        </div>
      ) : null}

      {signed.length === 0 ? (
        <Empty>{texts.empty}</Empty>
      ) : (
        <ol className="journal-list" aria-label={texts.listCaption}>
          {signed.map((note) => {
            const headingId = `journal-note-${note.id}`;
            const date = format.date(note.noteDate);
            const correctionDrafts = journal.notes.filter(
              (draft) => isOwnDraft(draft) && draft.correctsId === note.id && !held.has(draft.id),
            );
            const correcting = openCorrections.has(note.id) || correctionDrafts.length > 0;
            const correctionProps = {
              caseId,
              title: fill(texts.correctionTitle, { date }),
              headingLevel: 4 as const,
              label: texts.correctionText,
              hint: texts.correctionHint,
              signLabel: fill(texts.signCorrectionLabel, { date }),
            };
            return (
              <li key={note.id}>
                <article className="journal-note" aria-labelledby={headingId}>
                  <h3 id={headingId}>{fill(texts.noteHeading, { date, author: note.author.name })}</h3>
                  <p className="journal-meta">
                    {note.signedAt ? (
                      <span>{fill(texts.signedAt, { time: format.dateTime(note.signedAt) })}</span>
                    ) : null}
                    {note.correctsId ? (
                      <span>{fill(texts.correctionOf, { date: dateOf(note.correctsId) })}</span>
                    ) : null}
                    {note.correctedBy.length > 0 ? (
                      <span className="badge badge-info" title={texts.correctedHint}>
                        {texts.corrected}
                      </span>
                    ) : null}
                  </p>
                  <p className="prewrap journal-body">{note.body}</p>
                  {canWrite && !correcting ? (
                    <p className="button-row">
                      <button
                        type="button"
                        className="button-secondary button-small"
                        aria-label={fill(texts.correctLabel, { date })}
                        onClick={() => setOpen(note.id, true)}
                      >
                        {texts.correct}
                      </button>
                    </p>
                  ) : null}
                  {canWrite
                    ? correctionDrafts.map((draft) => (
                        <DraftEditor
                          key={draft.id}
                          {...correctionProps}
                          initial={draft}
                          correctsId={note.id}
                          onSigned={() => void refresh()}
                        />
                      ))
                    : null}
                  {canWrite && openCorrections.has(note.id) ? (
                    <DraftEditor
                      {...correctionProps}
                      initial={null}
                      correctsId={note.id}
                      onCreated={onCreated}
                      onClose={() => setOpen(note.id, false)}
                      onSigned={() => {
                        setOpen(note.id, false);
                        void refresh();
                      }}
                    />
                  ) : null}
                </article>
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}

/**
 * One draft being written: saved about a second after the last keystroke (and when the field is
 * left, the page is left or the editor goes away), one save at a time, then signed.
 */
function DraftEditor({
  caseId,
  initial,
  correctsId,
  title,
  headingLevel,
  label,
  hint,
  signLabel,
  onCreated,
  onSigned,
  onClose,
}: {
  caseId: string;
  /** The draft to continue, or null for a new one. */
  initial: JournalNote | null;
  /** For a new correction: the signed note it corrects. */
  correctsId: string | null;
  title: string;
  headingLevel: 3 | 4;
  label: string;
  hint: string;
  signLabel: string;
  onCreated?: (id: string) => void;
  onSigned: (id: string) => void;
  /** A new correction that has not been saved can be closed. */
  onClose?: () => void;
}) {
  const w = useCaseworkT();
  const format = useFormat();
  const texts = w.journal;
  const queryClient = useQueryClient();
  const ids = { heading: useId(), text: useId(), hint: useId(), error: useId(), status: useId() };
  const [text, setText] = useState(initial?.body ?? '');
  const [savedText, setSavedText] = useState(initial?.body ?? '');
  const [savedAt, setSavedAt] = useState<string | null>(initial?.savedAt ?? null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [emptyError, setEmptyError] = useState(false);
  const [noteId, setNoteId] = useState<string | null>(initial?.id ?? null);
  const textRef = useRef(text);
  const savedTextRef = useRef(savedText);
  const idRef = useRef<string | null>(initial?.id ?? null);
  const noteDateRef = useRef<string | null>(initial?.noteDate ?? null);
  const chainRef = useRef<Promise<unknown>>(Promise.resolve());

  /** The note as the server has it now (its date, needed to save it, and the time it was saved). */
  const fetchNote = useCallback(
    async (id: string) => {
      const journal = await queryClient.fetchQuery({
        queryKey: queryKeys.journal(caseId),
        queryFn: () => api.journal(caseId),
        staleTime: 0,
      });
      return journal.notes.find((note) => note.id === id) ?? null;
    },
    [queryClient, caseId],
  );

  /** Saves what is typed now, after any save still under way; resolves when it is saved. */
  const save = useCallback(
    (keepalive = false): Promise<void> => {
      const run = chainRef.current.then(async () => {
        const body = textRef.current;
        const id = idRef.current;
        if (id === null ? body.trim() === '' : body === savedTextRef.current) return;
        setSaving(true);
        try {
          if (id === null) {
            const created = correctsId
              ? await api.createCorrection(correctsId, body, keepalive)
              : await api.createNote(caseId, body, keepalive);
            idRef.current = created.id;
            savedTextRef.current = body;
            setNoteId(created.id);
            onCreated?.(created.id);
            const note = await fetchNote(created.id);
            noteDateRef.current = note?.noteDate ?? null;
            setSavedAt(note?.savedAt ?? new Date().toISOString());
          } else {
            if (noteDateRef.current === null) noteDateRef.current = (await fetchNote(id))?.noteDate ?? null;
            if (noteDateRef.current === null) return;
            const saved = await api.saveNote(id, noteDateRef.current, body, keepalive);
            savedTextRef.current = body;
            setSavedAt(saved.savedAt);
          }
          setSavedText(body);
          setSaveError(null);
        } catch (error) {
          setSaveError(error);
          throw error;
        } finally {
          setSaving(false);
        }
      });
      chainRef.current = run.catch(() => undefined);
      return run;
    },
    [caseId, correctsId, fetchNote, onCreated],
  );

  // Autosave about a second after the last keystroke.
  useEffect(() => {
    if (text === savedText) return;
    const timer = window.setTimeout(() => void save().catch(() => undefined), 1000);
    return () => window.clearTimeout(timer);
  }, [text, savedText, save]);

  // Whatever is typed is sent when the page is left or reloaded, and when the editor goes away.
  useEffect(() => {
    const flush = () => {
      if (textRef.current !== savedTextRef.current) void save(true).catch(() => undefined);
    };
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [save]);

  const sign = useMutation({
    mutationFn: async () => {
      await save();
      const id = idRef.current;
      if (id === null) throw new Error('nothing to sign');
      await api.signNote(id);
      return id;
    },
    onSuccess: onSigned,
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const empty = textRef.current.trim() === '';
    setEmptyError(empty);
    if (!empty) sign.mutate();
  };

  const dirty = text !== savedText;
  const status = saving
    ? w.common.saving
    : !dirty && savedAt && noteId
      ? fill(texts.draftSaved, { time: format.time(savedAt) })
      : '';
  const messages = emptyError ? [texts.emptyText] : [];
  const Heading = `h${headingLevel}` as const;
  const failure = sign.error ?? saveError;

  return (
    <form className="form-panel journal-editor" aria-labelledby={ids.heading} onSubmit={onSubmit} noValidate>
      <Heading id={ids.heading}>{title}</Heading>
      {failure && !(failure instanceof Error && failure.message === 'nothing to sign') ? (
        <ErrorMessage error={failure} />
      ) : null}
      <div className="field">
        <label htmlFor={ids.text}>{label}</label>
        <span className="hint" id={ids.hint}>
          {hint}
        </span>
        <textarea
          id={ids.text}
          rows={5}
          value={text}
          readOnly={sign.isPending}
          aria-invalid={messages.length > 0 || undefined}
          aria-describedby={describedBy(ids.hint, messages.length > 0 && ids.error)}
          onChange={(event) => {
            textRef.current = event.target.value;
            setText(event.target.value);
            if (emptyError && event.target.value.trim() !== '') setEmptyError(false);
          }}
          onBlur={() => void save().catch(() => undefined)}
        />
        <FieldMessage id={ids.error} messages={messages} />
      </div>
      <div className="button-row journal-actions">
        <button
          type="submit"
          className="button-primary"
          disabled={sign.isPending}
          aria-label={signLabel === texts.signLabel ? undefined : signLabel}
          aria-describedby={ids.status}
        >
          {sign.isPending ? texts.signing : texts.sign}
        </button>
        {onClose && noteId === null && !dirty ? (
          <button type="button" className="button-secondary" onClick={onClose}>
            {texts.closeCorrection}
          </button>
        ) : null}
        <span className="hint" id={ids.status} role="status">
          {status}
        </span>
      </div>
      <p className="hint">{texts.signHint}</p>
    </form>
  );
}
