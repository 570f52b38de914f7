/**
 * The citizen's e-application without login (demo mode): it lands on the household's open case as
 * an e-application, or opens a case for the intake team; a wrong or unknown number gets the same
 * answer and writes nothing; consent is required; attempts are limited per address; and outside
 * demo mode (no e-identification yet) nothing is received.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.ts';
import { ids, M, OTHER_M } from '../support/fixture.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';

const URL = '/api/v1/public/e-applications';
const NEW = {
  person: '00000000-0000-4000-8000-000000000601',
  household: '00000000-0000-4000-8000-000000000602',
};
const GENERIC = 'Vi kunde inte ta emot ansökan med de uppgifterna. Kontakta försörjningsenheten.';

/** A registered person (with a synthetic demo number) whose household has no assistance case yet. */
async function seedNewHousehold(db: Database) {
  await db
    .insertInto('person')
    .values({
      municipality_id: M,
      id: NEW.person,
      personal_number: '199203039801',
      number_kind: 'personnummer',
      first_name: 'Nora',
      last_name: 'Nyström',
      birth_date: '1992-03-03',
      sex: 'female',
      protected_identity: false,
    })
    .execute();
  await db.insertInto('household').values({ municipality_id: M, id: NEW.household }).execute();
  await db
    .insertInto('household_member')
    .values({
      municipality_id: M,
      household_id: NEW.household,
      person_id: NEW.person,
      role: 'applicant',
      valid_from: '2025-01-01',
      valid_to: null,
    })
    .execute();
}

const application = (overrides: Record<string, unknown> = {}) => ({
  personalNumber: '19850709-9805',
  month: '2026-12',
  selfAssessedUnemployed: true,
  housing: { address: 'Storgatan 1', apartment: '1102' },
  childrenLunchAway: true,
  costs: [
    { type: 'rent', amount: 7200.5 },
    { type: 'electricity', amount: 350 },
  ],
  incomes: [{ type: 'childBenefit', amount: 1250 }],
  consent: true,
  ...overrides,
});

let now = new Date('2026-11-20T09:00:00Z');
let server: TestServer;
let citizen: TestClient;
let caseworker: TestClient;

async function counts() {
  return server.database.asOwner(async (db) => {
    const row = await sql<{ applications: string; cases: string; items: string }>`
      SELECT (SELECT count(*) FROM application) AS applications,
             (SELECT count(*) FROM client_case) AS cases,
             (SELECT count(*) FROM application_item) AS items`.execute(db);
    return row.rows[0];
  });
}

beforeAll(async () => {
  server = await startTestServer({ clock: { now: () => now } });
  await server.database.asOwner(seedNewHousehold);
  citizen = new TestClient(server.url);
  await citizen.get('/api/v1/auth/config'); // the CSRF cookie, as the browser gets it
  caseworker = new TestClient(server.url);
  await caseworker.loginAs(ids.caseworkerNorth);
});
afterAll(async () => server?.close());

describe('an e-application in demo mode', () => {
  it('reaches the household’s open case as an e-application, with amounts in öre', async () => {
    const sent = await citizen.post(URL, application());
    expect(sent.status).toBe(201);
    expect(sent.json).toEqual({
      applicationNumber: expect.stringMatching(/^[0-9A-F]{8}$/),
      month: '2026-12',
      receivedOn: '2026-11-20',
    });
    expect(sent.headers.get('cache-control')).toBe('no-store');

    const overview = await caseworker.get(`/api/v1/assistance/cases/${ids.caseNorth}`);
    const received = overview.json.applications.find(
      (a: { id: string }) => a.id.replace(/-/g, '').slice(0, 8).toUpperCase() === sent.json.applicationNumber,
    );
    expect(received).toMatchObject({
      month: '2026-12',
      channel: 'e_application',
      receivedOn: '2026-11-20',
      completeOn: null,
      status: 'received',
      selfAssessedUnemployed: true,
    });

    const stored = await server.database.asOwner(async (db) => ({
      application: await db
        .selectFrom('application')
        .select(['created_by', 'housing_address', 'housing_apartment'])
        .where('id', '=', received.id)
        .executeTakeFirstOrThrow(),
      items: await db
        .selectFrom('application_item')
        .select(['kind', 'item_type', 'amount_ore'])
        .where('application_id', '=', received.id)
        .orderBy('line_no')
        .execute(),
      members: await db
        .selectFrom('application_member')
        .select(['person_id', 'role', 'lunch_away'])
        .where('application_id', '=', received.id)
        .orderBy('role')
        .execute(),
    }));
    expect(stored.application).toEqual({
      created_by: null,
      housing_address: 'Storgatan 1',
      housing_apartment: '1102',
    });
    expect(stored.items).toEqual([
      { kind: 'cost', item_type: 'rent', amount_ore: 720_050 },
      { kind: 'cost', item_type: 'electricity', amount_ore: 35_000 },
      { kind: 'income', item_type: 'childBenefit', amount_ore: 125_000 },
    ]);
    expect(stored.members).toEqual([
      { person_id: ids.personNorth, role: 'applicant', lunch_away: false },
      { person_id: ids.childNorth, role: 'child', lunch_away: true },
    ]);

    const norm = await caseworker.get(`/api/v1/assistance/applications/${received.id}/norm`);
    expect(norm.status).toBe(200);
  });

  it('is audit-logged in the municipality without a user, naming the household’s persons', async () => {
    const events = await server.database.asOwner(async (db) =>
      (
        await sql<{ municipality_id: string; actor_user_id: string | null; person_ids: string[] }>`
          SELECT municipality_id, actor_user_id, person_ids FROM audit_log
          WHERE action = 'application.e-submit' AND outcome = 'allowed'`.execute(db)
      ).rows.map((r) => ({ ...r, person_ids: [...r.person_ids].sort() })),
    );
    expect(events).toEqual([
      {
        municipality_id: M,
        actor_user_id: null,
        person_ids: [ids.personNorth, ids.childNorth].sort(),
      },
    ]);
  });

  it('opens a case without caseworker in the first assistance unit when the household has none', async () => {
    const sent = await citizen.post(
      URL,
      application({ personalNumber: '199203039801', childrenLunchAway: false, housing: {} }),
    );
    expect(sent.status).toBe(201);
    const opened = await server.database.asOwner((db) =>
      db
        .selectFrom('client_case')
        .select(['id', 'unit_id', 'caseworker_id', 'opened_on', 'kind'])
        .where('household_id', '=', NEW.household)
        // (an applicant who says they are unemployed is also referred: the labour unit's case)
        .where('kind', '=', 'assistance')
        .execute(),
    );
    expect(opened).toEqual([
      {
        id: expect.any(String),
        unit_id: ids.unitNorth,
        caseworker_id: null,
        opened_on: '2026-11-20',
        kind: 'assistance',
      },
    ]);
    const steps = await server.database.asOwner((db) =>
      db.selectFrom('intake_step').select(['owner_id']).where('case_id', '=', opened[0]!.id).execute(),
    );
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.every((s) => s.owner_id === null)).toBe(true);
  });

  it('gives an unknown, a wrong and a child’s number the same answer and writes nothing', async () => {
    const before = await counts();
    const answers = [];
    for (const personalNumber of [
      '19900101-9802', // a valid number that is not registered here
      '19850709-9806', // Lena's number with a typo
      'nonsense',
      '20150228-9802', // Lisa Norrman: a child cannot apply
      '19651231-9820', // Greta Grann: registered in another municipality
    ]) {
      const answer = await citizen.post(URL, application({ personalNumber }));
      answers.push({ status: answer.status, code: answer.json.code, detail: answer.json.detail });
    }
    expect(answers).toEqual(
      Array.from({ length: 5 }, () => ({ status: 400, code: 'E_APPLICATION_REFUSED', detail: GENERIC })),
    );
    expect(await counts()).toEqual(before);
  });

  it('requires consent, a month near today and amounts in whole öre', async () => {
    const before = await counts();
    const noConsent = await citizen.post(URL, application({ consent: false }));
    expect(noConsent.status).toBe(400);
    expect(noConsent.json.code).toBe('E_APPLICATION_CONSENT_REQUIRED');
    expect(noConsent.json.errors).toEqual([{ path: 'consent', message: expect.any(String) }]);
    const missing = await citizen.post(URL, { ...application(), consent: undefined });
    expect(missing.status).toBe(400);

    const farAhead = await citizen.post(URL, application({ month: '2027-02' }));
    expect(farAhead.json).toMatchObject({
      code: 'E_APPLICATION_MONTH',
      detail: 'Du kan ansöka för månaderna 2026-10 till 2026-12.',
    });
    const fraction = await citizen.post(URL, application({ costs: [{ type: 'rent', amount: 10.005 }] }));
    expect(fraction.json.code).toBe('VALIDATION_FAILED');
    expect(fraction.json.errors).toEqual([{ path: 'costs.0.amount', message: 'högst två decimaler (öre)' }]);
    const nonDemo = await citizen.post(URL, application({ municipalityId: OTHER_M }));
    expect(nonDemo.status).toBe(403);
    expect(nonDemo.json.code).toBe('E_APPLICATION_UNAVAILABLE');
    expect(await counts()).toEqual(before);
  });

  it('needs the CSRF cookie like every other state-changing call', async () => {
    const stranger = new TestClient(server.url);
    const answer = await stranger.request('POST', URL, application(), {});
    expect(answer.status).toBe(403);
    expect(answer.json.code).toBe('CSRF_TOKEN_INVALID');
  });

  it('limits the attempts per client address', async () => {
    now = new Date('2026-11-20T11:00:00Z'); // the earlier attempts are out of the window
    const statuses = [];
    for (let i = 0; i < 11; i += 1) {
      statuses.push((await citizen.post(URL, application({ personalNumber: 'nonsense' }))).status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
    const limited = await citizen.post(URL, application());
    expect(statuses[10]).toBe(429);
    expect(limited.json.code).toBe('RATE_LIMITED');
    now = new Date('2026-11-20T11:10:01Z');
    expect((await citizen.post(URL, application({ personalNumber: 'nonsense' }))).status).toBe(400);
  });
});

describe('an e-application outside demo mode', () => {
  let live: TestServer;
  beforeAll(async () => {
    live = await startTestServer({ env: { KEDJAN_DEMO: 'false' } });
  });
  afterAll(async () => live?.close());

  it('is refused: e-identification is not in place yet', async () => {
    const client = new TestClient(live.url);
    await client.get('/api/v1/auth/config');
    const answer = await client.post(URL, application());
    expect(answer.status).toBe(403);
    expect(answer.json.code).toBe('E_APPLICATION_UNAVAILABLE');
    expect(answer.json.detail).toMatch(/e-legitimation är inte införd/);
    const written = await live.database.asOwner((db) =>
      db.selectFrom('application').select('id').where('channel', '=', 'e_application').execute(),
    );
    expect(written).toEqual([]);
  });
});
