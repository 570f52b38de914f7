/**
 * Casework in an assistance case through the API: the intake steps a first application lays out,
 * the journal (drafts, signing, corrections), requests for completion, and reason codes.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ids } from '../support/fixture.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';

// Friday 20 November 2026; moved forward by the last tests.
let now = new Date('2026-11-20T09:00:00Z');
let server: TestServer;
let caseworker: TestClient;
let manager: TestClient;
beforeAll(async () => {
  server = await startTestServer({ clock: { now: () => now } });
  caseworker = new TestClient(server.url);
  manager = new TestClient(server.url);
  await caseworker.loginAs(ids.caseworkerNorth);
  await manager.loginAs(ids.managerNorth);
});
afterAll(async () => server?.close());

const caseUrl = `/api/v1/assistance/cases/${ids.caseNorth}`;
const put = (client: TestClient, path: string, body: unknown) => client.request('PUT', path, body);
type Step = { step: string; dueOn: string; doneOn: string | null; overdue: boolean; canBeDone: boolean };
type Note = { id: string; body: string; status: string; correctsId: string | null; correctedBy: string[] };

let applicationId: string;

describe('the intake process of a first application', () => {
  it('has no steps before the first application, and says so when one is marked done', async () => {
    expect((await caseworker.get(`${caseUrl}/intake`)).json).toEqual({ steps: [] });
    const early = await caseworker.post(`${caseUrl}/intake/responsibility/done`, {});
    expect(early.status).toBe(409);
    expect(early.json.detail).toBe(
      'Ärendet har inga utredningssteg. De läggs upp när hushållets första ansökan registreras.',
    );
  });

  it("lays out the steps with due dates, owned by the case's caseworker, when the first application comes in", async () => {
    const created = await caseworker.post(`${caseUrl}/applications`, {
      month: '2026-12',
      receivedOn: '2026-11-18',
    });
    expect(created.status).toBe(201);
    applicationId = created.json.id;

    const intake = await caseworker.get(`${caseUrl}/intake`);
    expect(intake.status).toBe(200);
    const steps: Step[] = intake.json.steps;
    expect(steps.map((s) => [s.step, s.dueOn])).toEqual([
      ['responsibility', '2026-11-19'],
      ['consent', '2026-11-20'],
      ['checks', '2026-11-23'],
      ['ib1', '2026-11-25'],
      ['ib2', '2026-12-02'],
      ['ib3', '2026-12-09'],
      ['ib4', '2026-12-16'],
      ['ib5', '2027-02-18'],
    ]);
    expect(intake.json.steps[0]).toMatchObject({
      label: 'Tillhörighetsbedömning',
      owner: { id: ids.caseworkerNorth, name: 'Anna Nord' },
      overdue: true,
      canBeDone: true,
    });
    expect(steps.filter((s) => s.canBeDone).map((s) => s.step)).toEqual([
      'responsibility',
      'consent',
      'checks',
    ]);
  });

  it("shows the steps due within a week on the caseworker's start page, the late one flagged", async () => {
    const myDay = await caseworker.get('/api/v1/assistance/my-day');
    expect(myDay.status).toBe(200);
    const due = myDay.json.stepsDue.filter((s: { caseId: string }) => s.caseId === ids.caseNorth);
    expect(due.map((s: { step: string; overdue: boolean }) => [s.step, s.overdue])).toEqual([
      ['responsibility', true],
      ['consent', false],
      ['checks', false],
      ['ib1', false],
    ]);
    expect(due[0].applicant).toBe('Lena Norrman');
  });

  it('refuses a step before the earlier ones are done, and a step done twice', async () => {
    const ib1 = await caseworker.post(`${caseUrl}/intake/ib1/done`, {});
    expect(ib1.status).toBe(409);
    expect(ib1.json.detail).toBe(
      'Steget IB1 Initial bedömning kan inte bli klart före steget Tillhörighetsbedömning.',
    );
    for (const step of ['checks', 'consent', 'responsibility', 'ib1', 'ib2'])
      expect((await caseworker.post(`${caseUrl}/intake/${step}/done`, { doneOn: '2026-11-19' })).status).toBe(
        204,
      );
    const twice = await caseworker.post(`${caseUrl}/intake/ib1/done`, {});
    expect(twice.status).toBe(409);
    expect(twice.json.detail).toBe('Steget IB1 Initial bedömning är redan klart.');
    const skipped = await caseworker.post(`${caseUrl}/intake/ib4/done`, {});
    expect(skipped.json.detail).toBe('Steget IB4 Planering kan inte bli klart före steget IB3 Nybesök.');
    const future = await caseworker.post(`${caseUrl}/intake/ib3/done`, { doneOn: '2026-11-23' });
    expect(future.status).toBe(400);
    expect(future.json.code).toBe('DATE_IN_FUTURE');

    const myDay = await caseworker.get('/api/v1/assistance/my-day');
    expect(myDay.json.stepsDue.filter((s: { caseId: string }) => s.caseId === ids.caseNorth)).toEqual([]);
  });

  it("records the IB3 mapping, insists on the children's situation, and writes it to the journal signed", async () => {
    const mapping = {
      workHistory: 'Lagerarbete 2012–2023, uppsagd vid nedläggning.',
      education: 'Gymnasieexamen, handelsprogrammet.',
      healthContacts: 'Vårdcentralen, ingen pågående sjukskrivning.',
    };
    const withoutChildren = await caseworker.post(`${caseUrl}/intake/ib3/done`, { ib3Mapping: mapping });
    expect(withoutChildren.status).toBe(400);
    expect(withoutChildren.json.errors).toEqual([
      { path: 'ib3Mapping.childrenSituation', message: 'beskriv barnens situation – hushållet har barn' },
    ]);
    const onIb4 = await caseworker.post(`${caseUrl}/intake/ib4/done`, { ib3Mapping: mapping });
    expect(onIb4.status).toBe(400);

    const done = await caseworker.post(`${caseUrl}/intake/ib3/done`, {
      ib3Mapping: { ...mapping, childrenSituation: 'Lisa, 11 år, går i skolan och har fritids.' },
    });
    expect(done.status).toBe(204);

    const intake = await caseworker.get(`${caseUrl}/intake`);
    const ib3 = intake.json.steps.find((s: Step) => s.step === 'ib3');
    expect(ib3).toMatchObject({ doneOn: '2026-11-20', doneBy: 'Anna Nord', overdue: false });
    expect(ib3.mapping.childrenSituation).toBe('Lisa, 11 år, går i skolan och har fritids.');
    expect(intake.json.steps.filter((s: Step) => s.canBeDone).map((s: Step) => s.step)).toEqual(['ib4']);

    // a colleague sees the mapping in the journal: it is signed, so it is part of the record
    const journal = await manager.get(`${caseUrl}/journal`);
    const note = journal.json.notes.find((n: Note) => n.body.startsWith('IB3 Nybesök – kartläggning'));
    expect(note).toMatchObject({ status: 'signed', noteDate: '2026-11-20', author: { name: 'Anna Nord' } });
    expect(note.body).toContain('Barnens situation:\nLisa, 11 år, går i skolan och har fritids.');
  });

  it('lays out no new steps for the next application', async () => {
    const next = await caseworker.post(`${caseUrl}/applications`, {
      month: '2027-01',
      receivedOn: '2026-11-20',
    });
    expect(next.status).toBe(201);
    const steps: Step[] = (await caseworker.get(`${caseUrl}/intake`)).json.steps;
    expect(steps).toHaveLength(8);
    expect(steps.at(-1)!.dueOn).toBe('2027-02-18');
  });
});

describe('the journal', () => {
  let noteId: string;

  it('keeps a draft for its author only, saved as it is typed', async () => {
    const created = await caseworker.post(`${caseUrl}/journal`, { body: 'Telefonsamtal med' });
    expect(created.status).toBe(201);
    noteId = created.json.id;
    const saved = await put(caseworker, `/api/v1/assistance/journal/${noteId}`, {
      noteDate: '2026-11-20',
      body: 'Telefonsamtal med sökande om hyreskontraktet. Kontraktet skickas in senast fredag.',
    });
    expect(saved.status).toBe(200);
    expect(saved.json).toEqual({ id: noteId, savedAt: '2026-11-20T09:00:00.000Z' });

    const own = await caseworker.get(`${caseUrl}/journal`);
    expect(own.json.notes[0]).toMatchObject({ id: noteId, status: 'draft', mine: true, signedAt: null });
    expect(own.json.provision).toBe('14 kap. 3 § socialtjänstlagen (2025:400)');
    const colleague = await manager.get(`${caseUrl}/journal`);
    expect(colleague.json.notes.map((n: Note) => n.id)).not.toContain(noteId);

    const taken = await put(manager, `/api/v1/assistance/journal/${noteId}`, {
      noteDate: '2026-11-20',
      body: 'x',
    });
    expect(taken.status).toBe(403);
    expect(taken.json.detail).toBe('Bara den som skrev utkastet kan ändra eller signera det.');
    expect((await manager.post(`/api/v1/assistance/journal/${noteId}/sign`)).status).toBe(403);
  });

  it('refuses a note dated in the future and signing an empty one', async () => {
    const future = await caseworker.post(`${caseUrl}/journal`, {
      noteDate: '2026-11-21',
      body: 'Planerat besök.',
    });
    expect(future.status).toBe(400);
    expect(future.json.detail).toBe('Datumet 2026-11-21 har inte varit ännu.');
    const empty = await caseworker.post(`${caseUrl}/journal`, {});
    const sign = await caseworker.post(`/api/v1/assistance/journal/${empty.json.id}/sign`);
    expect(sign.status).toBe(400);
    expect(sign.json.detail).toBe('En tom journalanteckning kan inte signeras.');
  });

  it('signs the note; a signed note never changes, not even in the database', async () => {
    expect((await caseworker.post(`/api/v1/assistance/journal/${noteId}/sign`)).status).toBe(204);
    const change = await put(caseworker, `/api/v1/assistance/journal/${noteId}`, {
      noteDate: '2026-11-20',
      body: 'Ändrad i efterhand.',
    });
    expect(change.status).toBe(409);
    expect(change.json.detail).toBe(
      'Journalanteckningen är signerad och kan inte ändras. Skriv en rättelse som hänvisar till den i stället.',
    );
    expect((await caseworker.post(`/api/v1/assistance/journal/${noteId}/sign`)).status).toBe(409);
    await expect(
      server.database.asOwner((db) =>
        sql`UPDATE journal_note SET body = 'x' WHERE id = ${noteId}`.execute(db),
      ),
    ).rejects.toThrow(/signed/);

    const colleague = await manager.get(`${caseUrl}/journal`);
    expect(colleague.json.notes.find((n: Note) => n.id === noteId)).toMatchObject({
      status: 'signed',
      signedAt: '2026-11-20T09:00:00.000Z',
      author: { id: ids.caseworkerNorth, name: 'Anna Nord' },
      mine: false,
    });
  });

  it('corrects a signed note with a new note that refers to it', async () => {
    const draft = await caseworker.post(`${caseUrl}/journal`, { body: 'Utkast som inte kan rättas.' });
    const ofDraft = await caseworker.post(`/api/v1/assistance/journal/${draft.json.id}/corrections`, {
      body: 'x',
    });
    expect(ofDraft.status).toBe(409);

    const correction = await manager.post(`/api/v1/assistance/journal/${noteId}/corrections`, {
      body: 'Rättelse: kontraktet skickas in senast måndag, inte fredag.',
    });
    expect(correction.status).toBe(201);
    // a correction not yet signed is not shown on the original
    let original = (await caseworker.get(`${caseUrl}/journal`)).json.notes.find((n: Note) => n.id === noteId);
    expect(original.correctedBy).toEqual([]);

    expect((await manager.post(`/api/v1/assistance/journal/${correction.json.id}/sign`)).status).toBe(204);
    const notes: Note[] = (await caseworker.get(`${caseUrl}/journal`)).json.notes;
    original = notes.find((n) => n.id === noteId);
    expect(original.correctedBy).toEqual([correction.json.id]);
    expect(notes.find((n) => n.id === correction.json.id)).toMatchObject({
      correctsId: noteId,
      status: 'signed',
      author: { name: 'Chef Nord' },
    });
    // newest first: the correction, written after the note, comes before it
    expect(notes.findIndex((n) => n.id === correction.json.id)).toBeLessThan(
      notes.findIndex((n) => n.id === noteId),
    );
  });

  it('keeps the journal from other units and municipalities, and logs whose journal was read', async () => {
    const south = new TestClient(server.url);
    await south.loginAs(ids.caseworkerSouth);
    expect((await south.get(`${caseUrl}/journal`)).status).toBe(403);
    expect((await south.post(`/api/v1/assistance/journal/${noteId}/corrections`, { body: 'x' })).status).toBe(
      403,
    );
    const other = new TestClient(server.url);
    await other.loginAs(ids.otherMunicipalityUser);
    expect((await other.get(`${caseUrl}/journal`)).status).toBe(404);

    const reads = await server.database.asOwner(
      async (db) =>
        (
          await sql<{ person_ids: string[] }>`
            SELECT person_ids FROM audit_log WHERE action = 'journal.list' AND outcome = 'allowed'`.execute(
            db,
          )
        ).rows,
    );
    expect(reads.length).toBeGreaterThan(0);
    expect(reads[0]!.person_ids).toEqual(expect.arrayContaining([ids.personNorth, ids.childNorth]));
  });
});

describe('reason codes', () => {
  const codesUrl = `${caseUrl}/reason-codes`;

  it('lists the adults of applied-for months that still lack a reason code', async () => {
    const list = await caseworker.get(codesUrl);
    expect(list.status).toBe(200);
    expect(list.json.source).toBe('HSLF-FS 2015:30 bilaga 1 (Socialstyrelsen)');
    expect(list.json.codeList).toHaveLength(14);
    expect(list.json.items).toEqual([]);
    expect(list.json.missing).toEqual([
      { month: '2027-01', personId: ids.personNorth, name: 'Lena Norrman' },
      { month: '2026-12', personId: ids.personNorth, name: 'Lena Norrman' },
    ]);
  });

  it("sets the applicant's code for a month and changes it", async () => {
    const set = await put(caseworker, codesUrl, {
      month: '2026-12',
      personId: ids.personNorth,
      code: 'unemployed_awaiting_benefit',
    });
    expect(set.status).toBe(204);
    const changed = await put(caseworker, codesUrl, {
      month: '2026-12',
      personId: ids.personNorth,
      code: 'unemployed_no_benefit',
    });
    expect(changed.status).toBe(204);
    const list = await caseworker.get(codesUrl);
    expect(list.json.items).toEqual([
      {
        month: '2026-12',
        personId: ids.personNorth,
        name: 'Lena Norrman',
        code: 'unemployed_no_benefit',
        text: 'Arbetslös – ingen ersättning',
        group: 'unemployment',
        groupLabel: 'Arbetslöshet',
        setBy: 'Anna Nord',
        setAt: '2026-11-20T09:00:00.000Z',
      },
    ]);
    expect(list.json.missing.map((m: { month: string }) => m.month)).toEqual(['2027-01']);
    expect((await caseworker.get(`${codesUrl}?from=2027-01`)).json.items).toEqual([]);
  });

  it('refuses a code for a child, an unknown code, and a month outside the case', async () => {
    const child = await put(caseworker, codesUrl, {
      month: '2026-12',
      personId: ids.childNorth,
      code: 'parental_leave',
    });
    expect(child.status).toBe(400);
    expect(child.json.code).toBe('REASON_CODE_NOT_ADULT');
    const unknown = await put(caseworker, codesUrl, {
      month: '2026-12',
      personId: ids.personNorth,
      code: 'lottery',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json.detail).toBe('Orsakskoden lottery finns inte i kodlistan för 2026-12.');
    const far = await put(caseworker, codesUrl, {
      month: '2030-01',
      personId: ids.personNorth,
      code: 'other',
    });
    expect(far.status).toBe(400);
    expect(far.json.detail).toBe(
      'Orsakskod kan sättas för månaderna 2024-01 till 2027-01 i det här ärendet.',
    );
    const stranger = await put(caseworker, codesUrl, {
      month: '2026-12',
      personId: ids.personSouth,
      code: 'other',
    });
    expect(stranger.status).toBe(400);
  });
});

describe('requests for completion', () => {
  const listUrl = `${caseUrl}/completion-requests`;
  let requestId: string;

  it('asks for a completion of the application with a deadline that is not already past', async () => {
    const past = await caseworker.post(listUrl, {
      applicationId,
      requested: 'Hyreskontrakt',
      deadline: '2026-11-19',
    });
    expect(past.status).toBe(400);
    expect(past.json.detail).toBe('Sista dag för kompletteringen kan inte vara före i dag (2026-11-20).');
    const otherCase = await caseworker.post(
      `/api/v1/assistance/cases/${ids.caseProtected}/completion-requests`,
      {
        applicationId,
        requested: 'Hyreskontrakt',
        deadline: '2026-11-27',
      },
    );
    expect(otherCase.status).toBe(404);

    const created = await caseworker.post(listUrl, {
      applicationId,
      requested: 'Hyreskontrakt och kontoutdrag för oktober',
      deadline: '2026-11-23',
    });
    expect(created.status).toBe(201);
    requestId = created.json.id;
    const list = await caseworker.get(listUrl);
    expect(list.json).toMatchObject({ open: 1, overdue: 0 });
    expect(list.json.items[0]).toMatchObject({
      applicationMonth: '2026-12',
      requestedOn: '2026-11-20',
      requestedBy: 'Anna Nord',
      deadline: '2026-11-23',
      answeredOn: null,
      overdue: false,
    });
  });

  it('flags the request as overdue after its deadline, and not once it is answered', async () => {
    now = new Date('2026-11-24T09:00:00Z');
    // four days on, the old session has ended: log in again
    const caseworker = new TestClient(server.url);
    await caseworker.loginAs(ids.caseworkerNorth);
    const late = await caseworker.get(listUrl);
    expect(late.json).toMatchObject({ open: 1, overdue: 1 });
    expect(late.json.items[0].overdue).toBe(true);

    const early = await caseworker.post(`/api/v1/assistance/completion-requests/${requestId}/answered`, {
      answeredOn: '2026-11-19',
    });
    expect(early.status).toBe(400);
    expect(early.json.code).toBe('ANSWERED_BEFORE_REQUESTED');
    const answered = await caseworker.post(`/api/v1/assistance/completion-requests/${requestId}/answered`, {
      answeredOn: '2026-11-24',
    });
    expect(answered.status).toBe(204);
    const again = await caseworker.post(`/api/v1/assistance/completion-requests/${requestId}/answered`, {});
    expect(again.status).toBe(409);
    expect((await caseworker.get(listUrl)).json).toMatchObject({ open: 0, overdue: 0 });
  });
});
