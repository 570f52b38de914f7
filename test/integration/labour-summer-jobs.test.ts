/**
 * Summer jobs (feriearbeten) through the API: the manager opens a round and its places, the
 * consultant registers young applicants, the places are allocated once after the last day to
 * apply (by priority group and a lottery whose seed is stored and can be re-run), and answers
 * pass a declined place on to the next in line.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allocateSummerJobs } from '../../src/labour/domain/summer-jobs.ts';
import { luhnCheckDigit } from '../../src/people/domain/personnummer.ts';
import { ids, M, PROTECTED_NAME } from '../support/fixture.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';

// In the spring before the summer; moved past the last day to apply further down.
let now = new Date('2027-03-15T09:00:00Z');
let server: TestServer;
let consultant: TestClient;
let manager: TestClient;

/** Young persons of this test (not in the shared fixture): born 2010–2013. */
const youth = {
  alva: '00000000-0000-4000-8000-000000000e01',
  bo: '00000000-0000-4000-8000-000000000e02',
  cleo: '00000000-0000-4000-8000-000000000e03',
  dani: '00000000-0000-4000-8000-000000000e04',
  hidden: '00000000-0000-4000-8000-000000000e05',
  tiny: '00000000-0000-4000-8000-000000000e06',
  late: '00000000-0000-4000-8000-000000000e07',
};

const personalNumber = (birth: string, serial: string) => {
  const nine = `${birth.slice(2, 4)}${birth.slice(5, 7)}${birth.slice(8, 10)}${serial}`;
  return `${birth.replaceAll('-', '')}${serial}${luhnCheckDigit(nine)}`;
};

beforeAll(async () => {
  server = await startTestServer({ clock: { now: () => now } });
  const person = (
    id: string,
    birth: string,
    serial: string,
    first: string,
    last: string,
    hidden = false,
  ) => ({
    municipality_id: M,
    id,
    personal_number: personalNumber(birth, serial),
    number_kind: 'personnummer' as const,
    first_name: first,
    last_name: last,
    birth_date: birth,
    sex: Number(serial[2]) % 2 === 0 ? ('female' as const) : ('male' as const),
    street_address: 'Skolgatan 2',
    postal_code: '123 45',
    city: 'Teststad',
    protected_identity: hidden,
  });
  await server.database.asOwner((db) =>
    db
      .insertInto('person')
      .values([
        person(youth.alva, '2010-04-12', '242', 'Alva', 'Ek'),
        person(youth.bo, '2011-08-30', '231', 'Bo', 'Björk'),
        person(youth.cleo, '2010-12-31', '284', 'Cleo', 'Lind'),
        person(youth.dani, '2009-06-01', '273', 'Dani', 'Asp'),
        person(youth.hidden, '2010-02-02', '262', PROTECTED_NAME.first, 'Ungsson', true),
        person(youth.tiny, '2013-05-05', '251', 'Tim', 'Liten'),
        person(youth.late, '2010-09-09', '220', 'Lisa', 'Sen'),
      ])
      .execute(),
  );
  consultant = new TestClient(server.url);
  manager = new TestClient(server.url);
  await consultant.loginAs(ids.consultant);
  await manager.loginAs(ids.labourManager);
});
afterAll(async () => server?.close());

const base = '/api/v1/labour/summer-jobs';
let roundId: string;
let park: string;
let club: string;
const applicantOf: Record<string, string> = {};

interface Listed {
  id: string;
  personId: string;
  name: string | null;
  priorityGroup: number;
  lotteryNumber: number | null;
  positionId: string | null;
  offerStatus: string;
  reason: string | null;
  reasonText: string;
}

describe('a round, its places and its applicants', () => {
  it('lets only the manager open a round', async () => {
    const denied = await consultant.post(`${base}/rounds`, { year: 2027, applyBy: '2027-03-31' });
    expect(denied.status).toBe(403);

    const created = await manager.post(`${base}/rounds`, { year: 2027, applyBy: '2027-03-31' });
    expect(created.status).toBe(201);
    roundId = created.json.id;

    const twice = await manager.post(`${base}/rounds`, { year: 2027, applyBy: '2027-04-15' });
    expect(twice.status).toBe(409);
  });

  it('registers places at a department and an association', async () => {
    const denied = await consultant.post(`${base}/rounds/${roundId}/positions`, {
      employer: 'Parkförvaltningen',
      employerKind: 'department',
      title: 'Parkarbetare',
      places: 2,
    });
    expect(denied.status).toBe(403);
    const a = await manager.post(`${base}/rounds/${roundId}/positions`, {
      employer: 'Parkförvaltningen',
      employerKind: 'department',
      title: 'Parkarbetare',
      places: 2,
    });
    const b = await manager.post(`${base}/rounds/${roundId}/positions`, {
      employer: 'IK Ymer',
      employerKind: 'association',
      title: 'Lägerledare',
      places: 1,
    });
    expect([a.status, b.status]).toEqual([201, 201]);
    park = a.json.id;
    club = b.json.id;
  });

  it('lets the consultant register young applicants, by person id or personal identity number', async () => {
    const register = (personId: string, facts: object) =>
      consultant.post(`${base}/rounds/${roundId}/applicants`, {
        personId,
        appliedOn: '2027-03-10',
        ...facts,
      });
    // Group 1: first time, household with assistance; both want the one club place first.
    const alva = await register(youth.alva, { householdWithAssistance: true, preferences: [club, park] });
    const bo = await register(youth.bo, { householdWithAssistance: true, preferences: [club, park] });
    // Group 2: first time.
    const cleo = await register(youth.cleo, { preferences: [park] });
    // Group 3: had a summer job before (one of them with protected identity).
    const dani = await register(youth.dani, { hadSummerJobBefore: true, preferences: [club] });
    const hidden = await consultant.post(`${base}/rounds/${roundId}/applicants`, {
      personalNumber: personalNumber('2010-02-02', '262'),
      appliedOn: '2027-03-12',
      hadSummerJobBefore: true,
      householdWithAssistance: true,
    });
    for (const r of [alva, bo, cleo, dani, hidden]) expect(r.status).toBe(201);
    Object.assign(applicantOf, {
      alva: alva.json.id,
      bo: bo.json.id,
      cleo: cleo.json.id,
      dani: dani.json.id,
      hidden: hidden.json.id,
    });

    const again = await register(youth.alva, {});
    expect(again.status).toBe(409);
  });

  it('refuses an applicant outside the age span, and preferences that are not places of the round', async () => {
    const tooYoung = await consultant.post(`${base}/rounds/${roundId}/applicants`, {
      personId: youth.tiny,
      appliedOn: '2027-03-10',
    });
    expect(tooYoung.status).toBe(400);
    expect(tooYoung.json.detail).toBe('Feriearbete är för den som är 16–19 år under 2027.');

    const unknown = await consultant.post(`${base}/rounds/${roundId}/applicants`, {
      personId: youth.late,
      appliedOn: '2027-03-10',
      preferences: [park, ids.unitLabour],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors).toEqual([
      { path: '/preferences', message: 'önskemål 2 är inte en plats i omgången' },
    ]);
  });

  it('does not allocate before the last day to apply has passed', async () => {
    const early = await manager.post(`${base}/rounds/${roundId}/allocate`);
    expect(early.status).toBe(409);
    expect(early.json.detail).toBe('Ansökningstiden går ut 2027-03-31; fördela efter den.');
  });

  it('lists the applicants by priority group before the allocation, without lottery numbers', async () => {
    const list = await consultant.get(`${base}/rounds/${roundId}/applicants`);
    expect(list.status).toBe(200);
    const items: Listed[] = list.json.items;
    expect(items.map((a) => a.priorityGroup)).toEqual([1, 1, 2, 3, 3]);
    expect(
      items.every((a) => a.lotteryNumber === null && a.reasonText === 'Platserna är inte fördelade ännu.'),
    ).toBe(true);
  });
});

describe('the allocation', () => {
  it('refuses a late application once the last day to apply has passed', async () => {
    now = new Date('2027-04-02T08:00:00Z');
    // A fortnight later: the sessions have expired, so both log in again.
    consultant = new TestClient(server.url);
    manager = new TestClient(server.url);
    await consultant.loginAs(ids.consultant);
    await manager.loginAs(ids.labourManager);
    const late = await consultant.post(`${base}/rounds/${roundId}/applicants`, {
      personId: youth.late,
      appliedOn: '2027-04-01',
    });
    expect(late.status).toBe(409);
    expect(late.json.detail).toBe('Ansökningstiden gick ut 2027-03-31.');
  });

  it('is not the consultant’s to make', async () => {
    const denied = await consultant.post(`${base}/rounds/${roundId}/allocate`);
    expect(denied.status).toBe(403);
  });

  it('gives the places by priority group, stores the seed, and happens only once', async () => {
    const done = await manager.post(`${base}/rounds/${roundId}/allocate`);
    expect(done.status).toBe(200);
    expect(done.json).toMatchObject({ offered: 3, withoutPlace: 2 });
    const seed: number = done.json.lotterySeed;
    expect(done.json.message).toBe(
      `3 sökande har erbjudits en plats; 2 fick ingen plats. Lottningens frö: ${seed}.`,
    );

    const again = await manager.post(`${base}/rounds/${roundId}/allocate`);
    expect(again.status).toBe(409);
    expect(again.json.detail).toBe('Feriearbetena för 2027 är redan fördelade.');

    const list = await consultant.get(`${base}/rounds/${roundId}/applicants`);
    const items: Listed[] = list.json.items;
    const byId = new Map(items.map((a) => [a.id, a]));
    // Group 1 and 2 are placed, group 3 is not, whatever the lottery.
    expect(items.filter((a) => a.positionId).map((a) => a.priorityGroup)).toEqual([1, 1, 2]);
    expect(byId.get(applicantOf.cleo!)).toMatchObject({ positionId: park, reason: 'preference_1' });
    // The first of group 1 by lottery got the club (their first choice), the other the park.
    const [first, second] = items.filter((a) => a.priorityGroup === 1);
    expect(first).toMatchObject({ lotteryNumber: 1, positionId: club, reason: 'preference_1' });
    expect(second).toMatchObject({ lotteryNumber: 2, positionId: park, reason: 'preference_2' });
    expect(second!.reasonText).toBe(
      'Grupp 1, lottnummer 2. Förstahandsvalet var fullt; fick sitt andrahandsval.',
    );
    expect(byId.get(applicantOf.dani!)!.reasonText).toMatch(
      /^Grupp 3, lottnummer [12]\. Alla platser var tagna när det blev den sökandes tur\.$/,
    );
    // A protected identity is never named.
    expect(byId.get(applicantOf.hidden!)!.name).toBeNull();
    expect(list.text).not.toContain(PROTECTED_NAME.first);
    // Names only: no personal identity numbers in the list.
    expect(list.text).not.toContain(personalNumber('2010-04-12', '242').slice(2, 8));

    // Anyone holding the seed can re-run the draw and get the same result.
    const rerun = allocateSummerJobs(
      items.map((a) => ({
        id: a.id,
        birthDate: '2010-01-01',
        appliedOn: '2027-03-10',
        householdWithAssistance: a.priorityGroup === 1 || a.id === applicantOf.hidden,
        hadSummerJobBefore: a.priorityGroup === 3,
        preferences: (list.json.items as { id: string; preferences: string[] }[]).find((x) => x.id === a.id)!
          .preferences,
      })),
      [
        { id: park, places: 2 },
        { id: club, places: 1 },
      ],
      seed,
    );
    expect(rerun.map((r) => [r.applicantId, r.lotteryNumber, r.positionId])).toEqual(
      items.map((a) => [a.id, a.lotteryNumber, a.positionId]),
    );

    const round = await consultant.get(`${base}/rounds/${roundId}`);
    expect(round.json.lotterySeed).toBe(seed);
    expect(round.json.summary).toEqual({
      applicants: 5,
      offered: 3,
      awaitingAnswer: 3,
      accepted: 0,
      declined: 0,
      withoutPlace: 2,
      positions: 2,
      places: 3,
      freePlaces: 0,
    });

    const closed = await consultant.post(`${base}/rounds/${roundId}/applicants`, {
      personId: youth.late,
      appliedOn: '2027-03-30',
    });
    expect(closed.status).toBe(409);
    const newPlace = await manager.post(`${base}/rounds/${roundId}/positions`, {
      employer: 'Biblioteket',
      employerKind: 'department',
      title: 'Bokvagn',
      places: 1,
    });
    expect(newPlace.status).toBe(409);
  });
});

describe('answers to the offers', () => {
  it('records an acceptance, and refuses a second answer', async () => {
    const yes = await consultant.post(`${base}/applicants/${applicantOf.alva}/answer`, { accept: true });
    expect(yes.status).toBe(200);
    expect(yes.json).toMatchObject({
      offerStatus: 'accepted',
      message: 'Svaret är sparat: tackat ja.',
      next: null,
    });

    const twice = await consultant.post(`${base}/applicants/${applicantOf.alva}/answer`, { accept: false });
    expect(twice.status).toBe(409);
    expect(twice.json.detail).toBe('Erbjudandet är redan besvarat.');

    const noOffer = await consultant.post(`${base}/applicants/${applicantOf.dani}/answer`, { accept: true });
    expect(noOffer.status).toBe(409);
  });

  it('passes a declined place to the first in line without a place, and says so', async () => {
    const no = await consultant.post(`${base}/applicants/${applicantOf.cleo}/answer`, { accept: false });
    expect(no.status).toBe(200);
    expect(no.json.offerStatus).toBe('declined');
    expect(no.json.next).toMatchObject({ positionId: park, priorityGroup: 3, lotteryNumber: 1 });
    expect([applicantOf.dani, applicantOf.hidden]).toContain(no.json.next.applicantId);
    expect(no.json.message).toBe(
      'Svaret är sparat: tackat nej. Platsen har erbjudits nästa i turordningen utan plats (grupp 3, lottnummer 1).',
    );

    const list = await consultant.get(`${base}/rounds/${roundId}/applicants?group=3&status=offered`);
    expect(list.json.total).toBe(1);
    expect(list.json.items[0]).toMatchObject({ id: no.json.next.applicantId, positionId: park });
    expect(list.json.items[0].reasonText).toContain('Platsen blev ledig när någon annan tackade nej.');

    const round = await manager.get(`${base}/rounds/${roundId}`);
    expect(round.json.summary).toMatchObject({ offered: 4, accepted: 1, declined: 1, withoutPlace: 1 });
    expect(round.json.perGroup.map((g: { group: number; offered: number }) => [g.group, g.offered])).toEqual([
      [1, 2],
      [2, 1],
      [3, 1],
    ]);
    expect(round.json.positions.find((p: { id: string }) => p.id === park)).toMatchObject({
      places: 2,
      filled: 2,
    });
  });

  it('leaves the place free when nobody is waiting', async () => {
    const waiting: Listed[] = (await consultant.get(`${base}/rounds/${roundId}/applicants?status=offered`))
      .json.items;
    const lastInLine = waiting.find((a) => a.priorityGroup === 3)!;
    // Give the last applicant without a place the declined place, then decline again: nobody left.
    const first = await consultant.post(`${base}/applicants/${lastInLine.id}/answer`, { accept: false });
    expect(first.json.next).not.toBeNull();
    const second = await consultant.post(`${base}/applicants/${first.json.next.applicantId}/answer`, {
      accept: false,
    });
    expect(second.json).toMatchObject({
      next: null,
      message: 'Svaret är sparat: tackat nej. Ingen sökande väntar på plats; platsen står ledig.',
    });
  });
});

describe('the audit log', () => {
  it('records the allocation with every applicant, and each registration and answer with its persons', async () => {
    const rows = await server.database.asOwner(
      async (db) =>
        (
          await sql<{ action: string; person_ids: string[] }>`
            SELECT action, person_ids FROM audit_log
             WHERE outcome = 'allowed' AND action LIKE 'summerjob.%'`.execute(db)
        ).rows,
    );
    const allocation = rows.find((r) => r.action === 'summerjob.allocate')!;
    expect([...allocation.person_ids].sort()).toEqual(
      [youth.alva, youth.bo, youth.cleo, youth.dani, youth.hidden].sort(),
    );
    const registrations = rows.filter((r) => r.action === 'summerjob.applicant-create');
    expect(registrations.map((r) => r.person_ids[0])).toContain(youth.hidden);
    const cleosAnswer = rows.find(
      (r) => r.action === 'summerjob.answer' && r.person_ids.includes(youth.cleo),
    )!;
    expect(cleosAnswer.person_ids).toHaveLength(2);
  });
});
