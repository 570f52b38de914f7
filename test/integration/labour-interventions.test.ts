/**
 * The intervention catalogue, placements with capacity per year and the waiting list, weekly
 * attendance with notices to assistance, and the occupancy overview, through the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.ts';
import { ids, M } from '../support/fixture.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';

const L = {
  caseNorth: '00000000-0000-4000-8000-000000004101',
  caseSouth: '00000000-0000-4000-8000-000000004102',
  caseProtected: '00000000-0000-4000-8000-000000004103',
  referralNorth: '00000000-0000-4000-8000-000000004201',
  referralSouth: '00000000-0000-4000-8000-000000004202',
  referralProtected: '00000000-0000-4000-8000-000000004203',
};

/** A labour case, a referral and a mapping with the capacity, per person (inserted as owner). */
async function seedReferrals(db: Database) {
  const people = [
    {
      caseId: L.caseNorth,
      referralId: L.referralNorth,
      household: ids.householdNorth,
      person: ids.personNorth,
      hours: 20,
    },
    {
      caseId: L.caseSouth,
      referralId: L.referralSouth,
      household: ids.householdSouth,
      person: ids.personSouth,
      hours: 20,
    },
    {
      caseId: L.caseProtected,
      referralId: L.referralProtected,
      household: ids.householdProtected,
      person: ids.protectedNorth,
      hours: 8,
    },
  ];
  await db
    .insertInto('client_case')
    .values(
      people.map((p) => ({
        municipality_id: M,
        id: p.caseId,
        household_id: p.household,
        unit_id: ids.unitLabour,
        caseworker_id: ids.consultant,
        kind: 'labour' as const,
        opened_on: '2026-10-01',
        closed_on: null,
      })),
    )
    .execute();
  await db
    .insertInto('referral')
    .values(
      people.map((p) => ({
        municipality_id: M,
        id: p.referralId,
        person_id: p.person,
        case_id: p.caseId,
        initiator: 'social_services' as const,
        owner_name: 'Anna Nord',
        owner_user_id: ids.caseworkerNorth,
        assistance_case_id: null,
        referred_on: '2026-10-01',
        created_by: ids.caseworkerNorth,
      })),
    )
    .execute();
  await db
    .insertInto('labour_mapping')
    .values(
      people.map((p, i) => ({
        municipality_id: M,
        id: `00000000-0000-4000-8000-00000000430${i + 1}`,
        referral_id: p.referralId,
        mapped_on: '2026-10-15',
        capacity_hours: p.hours,
        mapped_by: ids.consultant,
      })),
    )
    .execute();
}

let server: TestServer;
let consultant: TestClient;
let manager: TestClient;
let current = new Date('2026-11-20T09:00:00Z');
const tick = () => {
  current = new Date(current.getTime() + 60_000);
};

const owner = <T>(work: (db: Database) => Promise<T>) => server.database.asOwner(work);

beforeAll(async () => {
  server = await startTestServer({ clock: { now: () => current } });
  await owner(seedReferrals);
  consultant = new TestClient(server.url);
  manager = new TestClient(server.url);
  await consultant.loginAs(ids.consultant);
  await manager.loginAs(ids.labourManager);
});
afterAll(async () => server?.close());

const intervention = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  kind: 'coaching',
  workOriented: false,
  ...extra,
});

let jobTrack: string;
let aktivKraft: string;

describe('the intervention catalogue', () => {
  it('is kept by the manager only: a consultant may not add an intervention', async () => {
    const refused = await consultant.post('/api/v1/labour/interventions', intervention('Smygväg'));
    expect(refused.status).toBe(403);

    const track = await manager.post(
      '/api/v1/labour/interventions',
      intervention('Jobbspår vård', {
        kind: 'job_track',
        workOriented: true,
        capacityPerYear: 1,
        maxWeeks: 26,
      }),
    );
    expect(track.status).toBe(201);
    expect(track.json).toMatchObject({ name: 'Jobbspår vård', kindLabel: 'Jobbspår', capacityPerYear: 1 });
    jobTrack = track.json.id;

    const kraft = await manager.post(
      '/api/v1/labour/interventions',
      intervention('Aktiv Kraft', {
        kind: 'low_threshold',
        maxWeeks: 24,
        maxHoursPerWeek: 20,
        capacityPerYear: 280,
      }),
    );
    expect(kraft.status).toBe(201);
    aktivKraft = kraft.json.id;

    const list = await consultant.get('/api/v1/labour/interventions');
    expect(list.status).toBe(200);
    expect(list.json.workOrientedMinHours).toBe(10);
    expect(list.json.items.map((i: { name: string }) => i.name)).toEqual(['Aktiv Kraft', 'Jobbspår vård']);
    expect(list.json.items[0]).toMatchObject({ kindLabel: 'Lågtröskelverksamhet', maxWeeks: 24 });
  });

  it('lets the manager change an intervention, and refuses an age span that ends before it starts', async () => {
    const changed = await manager.request(
      'PUT',
      `/api/v1/labour/interventions/${aktivKraft}`,
      intervention('Aktiv Kraft', {
        kind: 'low_threshold',
        maxWeeks: 24,
        maxHoursPerWeek: 20,
        capacityPerYear: 280,
        targetGroup: 'Långt från arbetsmarknaden',
      }),
    );
    expect(changed.status).toBe(200);
    expect(changed.json.targetGroup).toBe('Långt från arbetsmarknaden');
    const bad = await manager.post(
      '/api/v1/labour/interventions',
      intervention('Fel', { minAge: 50, maxAge: 20 }),
    );
    expect(bad.status).toBe(400);
    const byConsultant = await consultant.request(
      'PUT',
      `/api/v1/labour/interventions/${aktivKraft}`,
      intervention('Aktiv Kraft'),
    );
    expect(byConsultant.status).toBe(403);
  });
});

describe('placements, capacity and the waiting list', () => {
  let northPlacement: string;
  let southPlacement: string;

  it('places while the year has places, then puts the next person on the waiting list', async () => {
    const placed = await consultant.post(`/api/v1/labour/referrals/${L.referralNorth}/placements`, {
      interventionId: jobTrack,
      startsOn: '2026-12-01',
      endsOn: '2027-02-28',
      hoursPerWeek: 20,
    });
    expect(placed.status).toBe(201);
    expect(placed.json).toMatchObject({ outcome: 'active', queuePosition: null });
    expect(placed.json.placement).toMatchObject({
      status: 'active',
      statusLabel: 'Pågår',
      interventionName: 'Jobbspår vård',
    });
    northPlacement = placed.json.placement.id;
    tick();

    const queued = await consultant.post(`/api/v1/labour/referrals/${L.referralSouth}/placements`, {
      interventionId: jobTrack,
      startsOn: '2026-12-07',
      endsOn: '2027-03-07',
      hoursPerWeek: 20,
    });
    expect(queued.status).toBe(201);
    expect(queued.json).toMatchObject({ outcome: 'waiting', queuePosition: 1 });
    expect(queued.json.placement).toMatchObject({ status: 'waiting', statusLabel: 'I kö', queuePosition: 1 });
    southPlacement = queued.json.placement.id;
    tick();

    const list = await consultant.get(`/api/v1/labour/interventions/${jobTrack}/waiting-list`);
    expect(list.status).toBe(200);
    expect(list.json.items).toEqual([
      expect.objectContaining({
        position: 1,
        name: 'Olle Söderberg',
        personId: ids.personSouth,
        startsOn: '2026-12-07',
      }),
    ]);
  });

  it('admits from the waiting list only when a place is free: after the one before ends', async () => {
    const full = await consultant.post(`/api/v1/labour/placements/${southPlacement}/admit`);
    expect(full.status).toBe(409);
    expect(full.json.code).toBe('INTERVENTION_FULL');
    expect(full.json.detail).toBe('Jobbspår vård har inga lediga platser i år (1 per år).');

    // Lena leaves before she started: her place is freed.
    const ended = await consultant.post(`/api/v1/labour/placements/${northPlacement}/end`, {
      endedOn: '2026-11-20',
    });
    expect(ended.status).toBe(200);
    expect(ended.json).toMatchObject({ status: 'cancelled', statusLabel: 'Avbruten' });

    const admitted = await consultant.post(`/api/v1/labour/placements/${southPlacement}/admit`);
    expect(admitted.status).toBe(200);
    expect(admitted.json).toMatchObject({ status: 'active', queuePosition: null });
    const again = await consultant.post(`/api/v1/labour/placements/${southPlacement}/admit`);
    expect(again.json.code).toBe('PLACEMENT_NOT_WAITING');

    const list = await consultant.get(`/api/v1/labour/interventions/${jobTrack}/waiting-list`);
    expect(list.json.items).toEqual([]);
  });

  it('refuses a work-oriented intervention to a person with 8 hours capacity, writing nothing', async () => {
    const before = await owner((db) =>
      db.selectFrom('placement').select('id').where('referral_id', '=', L.referralProtected).execute(),
    );
    const refused = await consultant.post(`/api/v1/labour/referrals/${L.referralProtected}/placements`, {
      interventionId: jobTrack,
      startsOn: '2027-01-04',
      endsOn: '2027-03-28',
      hoursPerWeek: 8,
    });
    expect(refused.status).toBe(400);
    expect(refused.json.code).toBe('CAPACITY_TOO_LOW');
    expect(refused.json.detail).toBe(
      'Jobbspår vård är en arbetsinriktad insats och kräver minst 10 timmar i veckan. Kartläggningen visar 8 timmar; välj en insats i steg 1.',
    );
    const after = await owner((db) =>
      db.selectFrom('placement').select('id').where('referral_id', '=', L.referralProtected).execute(),
    );
    expect(after).toEqual(before);
    expect(after).toEqual([]);

    // A step-1 intervention is open to the same person; the waiting list never names a protected identity.
    const step1 = await consultant.post(`/api/v1/labour/referrals/${L.referralProtected}/placements`, {
      interventionId: aktivKraft,
      startsOn: '2026-11-23',
      endsOn: '2027-01-31',
      hoursPerWeek: 8,
    });
    expect(step1.status).toBe(201);
    expect(step1.json.outcome).toBe('active');
  });

  it('gives the last place to only one of two concurrent placements; the waiting list hides a protected identity', async () => {
    const created = await manager.post(
      '/api/v1/labour/interventions',
      intervention('Studiesteget', { kind: 'supported_education', capacityPerYear: 1 }),
    );
    const studies = created.json.id as string;
    const place = (referralId: string) =>
      consultant.post(`/api/v1/labour/referrals/${referralId}/placements`, {
        interventionId: studies,
        startsOn: '2027-01-11',
        endsOn: '2027-05-30',
        hoursPerWeek: 8,
      });
    const both = await Promise.all([place(L.referralSouth), place(L.referralProtected)]);
    expect(both.map((r) => r.status)).toEqual([201, 201]);
    expect(both.map((r) => r.json.outcome).sort()).toEqual(['active', 'waiting']);

    const list = await consultant.get(`/api/v1/labour/interventions/${studies}/waiting-list`);
    expect(list.json.items).toHaveLength(1);
    const waiting = both.find((r) => r.json.outcome === 'waiting')!;
    if (waiting === both[1])
      expect(list.json.items[0]).toMatchObject({ name: null, protectedIdentity: true });
    else expect(list.json.items[0]).toMatchObject({ name: 'Olle Söderberg', protectedIdentity: false });
  });

  it('refuses more weeks than the intervention allows', async () => {
    const refused = await consultant.post(`/api/v1/labour/referrals/${L.referralNorth}/placements`, {
      interventionId: aktivKraft,
      startsOn: '2026-11-02',
      endsOn: '2027-06-30',
      hoursPerWeek: 20,
    });
    expect(refused.status).toBe(400);
    expect(refused.json.detail).toBe('Aktiv Kraft pågår högst 24 veckor.');
  });
});

describe('attendance and notices to assistance', () => {
  let placement: string;
  const notices = () =>
    owner((db) =>
      db
        .selectFrom('labour_notice')
        .select(['kind', 'assistance_case_id', 'week', 'detail', 'person_id'])
        .where('referral_id', '=', L.referralNorth)
        .orderBy('created_at')
        .execute(),
    );

  beforeAll(async () => {
    const placed = await consultant.post(`/api/v1/labour/referrals/${L.referralNorth}/placements`, {
      interventionId: aktivKraft,
      startsOn: '2026-11-02',
      endsOn: '2026-12-18',
      hoursPerWeek: 20,
    });
    expect(placed.status).toBe(201);
    placement = placed.json.placement.id;
  });

  it('refuses a week outside the placement, writing nothing', async () => {
    const refused = await consultant.request(
      'PUT',
      `/api/v1/labour/placements/${placement}/attendance/2026-10-26`,
      {
        plannedHours: 20,
        attendedHours: 20,
      },
    );
    expect(refused.status).toBe(400);
    expect(refused.json.detail).toBe(
      'Veckan 2026-10-26 ligger utanför insatsens period, 2026-11-02 till 2026-12-18.',
    );
    const notMonday = await consultant.request(
      'PUT',
      `/api/v1/labour/placements/${placement}/attendance/2026-11-04`,
      {
        plannedHours: 20,
        attendedHours: 20,
      },
    );
    expect(notMonday.json.code).toBe('ATTENDANCE_WEEK_NOT_MONDAY');
    const noReason = await consultant.request(
      'PUT',
      `/api/v1/labour/placements/${placement}/attendance/2026-11-02`,
      {
        plannedHours: 20,
        attendedHours: 10,
      },
    );
    expect(noReason.json.detail).toBe('Ange orsak till frånvaron.');
    const rows = await owner((db) =>
      db.selectFrom('attendance').select('week').where('placement_id', '=', placement).execute(),
    );
    expect(rows).toEqual([]);
  });

  it('tells the caseworker of an absence only while the labour-to-assistance flow stands', async () => {
    const withoutFlow = await consultant.request(
      'PUT',
      `/api/v1/labour/placements/${placement}/attendance/2026-11-02`,
      { plannedHours: 20, attendedHours: 12, absenceReason: 'sick' },
    );
    expect(withoutFlow.status).toBe(200);
    expect(withoutFlow.json).toMatchObject({ absenceReasonLabel: 'Sjuk', notified: [] });
    expect(await notices()).toEqual([]);

    await owner((db) =>
      db
        .insertInto('information_flow')
        .values({
          municipality_id: M,
          id: '00000000-0000-4000-8000-000000004401',
          person_id: ids.personNorth,
          direction: 'labour_to_assistance',
          basis: 'consent',
          given_on: '2026-11-01',
          recorded_by: ids.caseworkerNorth,
        })
        .execute(),
    );

    const absent = await consultant.request(
      'PUT',
      `/api/v1/labour/placements/${placement}/attendance/2026-11-09`,
      {
        plannedHours: 20,
        attendedHours: 10,
        absenceReason: 'without_reason',
        comment: 'Kom inte på tisdag och onsdag',
      },
    );
    expect(absent.status).toBe(200);
    expect(absent.json.notified).toEqual(['absence']);
    // The same report again does not tell the caseworker twice.
    const again = await consultant.request(
      'PUT',
      `/api/v1/labour/placements/${placement}/attendance/2026-11-09`,
      {
        plannedHours: 20,
        attendedHours: 10,
        absenceReason: 'without_reason',
      },
    );
    expect(again.json.notified).toEqual([]);

    // A week planned below the placement's 20 hours is a deviation from the plan.
    const part = await consultant.request(
      'PUT',
      `/api/v1/labour/placements/${placement}/attendance/2026-11-16`,
      {
        plannedHours: 12,
        attendedHours: 12,
      },
    );
    expect(part.json.notified).toEqual(['deviation']);

    const written = await notices();
    expect(written).toEqual([
      {
        kind: 'absence',
        assistance_case_id: ids.caseNorth,
        week: '2026-11-09',
        detail: { planned: 20, attended: 10, reason: 'without_reason' },
        person_id: ids.personNorth,
      },
      {
        kind: 'deviation',
        assistance_case_id: ids.caseNorth,
        week: '2026-11-16',
        detail: { planned: 12, hoursPerWeek: 20 },
        person_id: ids.personNorth,
      },
    ]);
  });

  it("shows the person's placements with the attendance per week", async () => {
    const list = await consultant.get(`/api/v1/labour/referrals/${L.referralNorth}/placements`);
    expect(list.status).toBe(200);
    expect(list.json.capacityHours).toBe(20);
    const kraft = list.json.items.find((p: { id: string }) => p.id === placement);
    expect(
      kraft.attendance.map((a: { week: string; attendedHours: number }) => [a.week, a.attendedHours]),
    ).toEqual([
      ['2026-11-16', 12],
      ['2026-11-09', 10],
      ['2026-11-02', 12],
    ]);
    expect(list.json.items.map((p: { status: string }) => p.status).sort()).toEqual(['active', 'cancelled']);
  });
});

describe('the occupancy overview', () => {
  it('counts starts this year against capacity, going on today and waiting', async () => {
    const response = await consultant.get('/api/v1/labour/interventions/occupancy?year=2026');
    expect(response.status).toBe(200);
    const byName = Object.fromEntries(response.json.items.map((i: { name: string }) => [i.name, i]));
    // Aktiv Kraft: Lena (2 Nov, going on) and the protected person (starts 23 Nov) started in 2026.
    expect(byName['Aktiv Kraft']).toMatchObject({
      capacityPerYear: 280,
      startedInYear: 2,
      activeNow: 1,
      waiting: 0,
      sharePercent: 1,
      freePlaces: 278,
    });
    // Jobbspår vård: Olle admitted for December; Lena's cancelled place does not count.
    expect(byName['Jobbspår vård']).toMatchObject({
      capacityPerYear: 1,
      startedInYear: 1,
      activeNow: 0,
      waiting: 0,
      sharePercent: 100,
      freePlaces: 0,
    });
    // Studiesteget's starts are in 2027.
    expect(response.json.total).toMatchObject({ capacityPerYear: 282, startedInYear: 3, freePlaces: 279 });

    const nextYear = await consultant.get('/api/v1/labour/interventions/occupancy?year=2027');
    expect(
      Object.fromEntries(
        nextYear.json.items.map((i: { name: string; startedInYear: number }) => [i.name, i.startedInYear]),
      ),
    ).toEqual({ 'Aktiv Kraft': 0, 'Jobbspår vård': 0, Studiesteget: 1 });
  });

  const occupancyOf = async (name: string) => {
    const response = await consultant.get('/api/v1/labour/interventions/occupancy?year=2026');
    expect(response.status).toBe(200);
    return response.json.items.find((i: { name: string }) => i.name === name);
  };

  it('shows a change at once: a write on the server clears the overview kept for a moment', async () => {
    expect(await occupancyOf('Aktiv Kraft')).toMatchObject({ activeNow: 1 });
    const lena = await owner((db) =>
      db
        .selectFrom('placement')
        .select('id')
        .where('referral_id', '=', L.referralNorth)
        .where('intervention_id', '=', aktivKraft)
        .where('status', '=', 'active')
        .executeTakeFirstOrThrow(),
    );
    const ended = await consultant.post(`/api/v1/labour/placements/${lena.id}/end`, {
      endedOn: '2026-11-20',
    });
    expect(ended.status).toBe(200);
    expect(await occupancyOf('Aktiv Kraft')).toMatchObject({ activeNow: 0, startedInYear: 2 });

    // Another user's write on another route clears it too.
    const created = await manager.post('/api/v1/labour/interventions', intervention('Kafé Kedjan'));
    expect(created.status).toBe(201);
    expect(await occupancyOf('Kafé Kedjan')).toMatchObject({ startedInYear: 0, waiting: 0 });
  });

  it('shows a change made elsewhere (another server) once the overview kept is a second old', async () => {
    expect(await occupancyOf('Kafé Kedjan')).toMatchObject({ name: 'Kafé Kedjan' });
    await owner((db) =>
      db.updateTable('intervention').set({ name: 'Kafé Kedjan 2' }).where('id', '=', aktivKraft).execute(),
    );
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await occupancyOf('Kafé Kedjan 2')).toMatchObject({ startedInYear: 2 });
  });
});
