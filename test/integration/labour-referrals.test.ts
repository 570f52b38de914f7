/**
 * Referrals to the labour-market unit through the API: direct activation from an application,
 * referrals from each initiator, one open referral per person, mapping and personal plans with
 * revision and follow-ups, the exit with feedback to assistance (only where the flow stands), the
 * caseworker's view on the case, registration with Arbetsförmedlingen, and the start page.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.ts';
import { ids, M } from '../support/fixture.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';

/** Persons of this test only, without a household (inserted as owner). */
const P = {
  ali: '00000000-0000-4000-8000-000000004a01',
  bea: '00000000-0000-4000-8000-000000004a02',
  cid: '00000000-0000-4000-8000-000000004a03',
};

/** A valid personnummer (12 digits) from YYYYMMDD and a three-digit serial: Luhn over the last nine + check. */
function personnummer(date: string, serial: string): string {
  const digits = `${date.slice(2)}${serial}`;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return `${date}${serial}${(10 - (sum % 10)) % 10}`;
}

let server: TestServer;
let consultant: TestClient;
let labourManager: TestClient;
let caseworker: TestClient;
let caseworkerSouth: TestClient;
const current = new Date('2026-11-20T09:00:00Z'); // a Friday

const owner = <T>(work: (db: Database) => Promise<T>) => server.database.asOwner(work);
const put = (client: TestClient, path: string, body: unknown) => client.request('PUT', path, body);

beforeAll(async () => {
  server = await startTestServer({ clock: { now: () => current } });
  await owner(async (db) => {
    // The unit's introduction day is Wednesday, two seats each.
    await db
      .insertInto('labour_setting')
      .values({ municipality_id: M, intro_weekday: 3, intro_capacity: 2 })
      .execute();
    const person = (id: string, pn: string, first: string, last: string, birth: string) => ({
      municipality_id: M,
      id,
      personal_number: pn,
      number_kind: 'personnummer' as const,
      first_name: first,
      last_name: last,
      birth_date: birth,
      sex: 'male' as const,
    });
    await db
      .insertInto('person')
      .values([
        person(P.ali, personnummer('19880412', '123'), 'Ali', 'Arbetsson', '1988-04-12'),
        person(P.bea, personnummer('19920615', '246'), 'Bea', 'Kassadottir', '1992-06-15'),
        person(P.cid, personnummer('19791130', '357'), 'Cid', 'Individsson', '1979-11-30'),
      ])
      .execute();
  });
  consultant = new TestClient(server.url);
  labourManager = new TestClient(server.url);
  caseworker = new TestClient(server.url);
  caseworkerSouth = new TestClient(server.url);
  await consultant.loginAs(ids.consultant);
  await labourManager.loginAs(ids.labourManager);
  await caseworker.loginAs(ids.caseworkerNorth);
  await caseworkerSouth.loginAs(ids.caseworkerSouth);
});
afterAll(async () => server?.close());

const referralsOf = (personId: string) =>
  owner((db) =>
    db
      .selectFrom('referral')
      .selectAll()
      .where('municipality_id', '=', M)
      .where('person_id', '=', personId)
      .orderBy('created_at')
      .execute(),
  );

const application = (selfAssessedUnemployed: boolean) => ({
  month: '2026-12',
  receivedOn: '2026-11-20',
  selfAssessedUnemployed,
});

let northReferral: string;
let southReferral: string;

describe('direct activation', () => {
  it('refers an applicant who says they are unemployed and books the next introduction day', async () => {
    const created = await caseworker.post(
      `/api/v1/assistance/cases/${ids.caseNorth}/applications`,
      application(true),
    );
    expect(created.status).toBe(201);
    const [referral] = await referralsOf(ids.personNorth);
    expect(referral).toMatchObject({
      initiator: 'social_services',
      owner_name: 'Anna Nord',
      owner_user_id: ids.caseworkerNorth,
      assistance_case_id: ids.caseNorth,
      application_id: created.json.id,
      referred_on: '2026-11-20',
      // the Wednesday after Friday 20 November
      intro_day: '2026-11-25',
    });
    northReferral = referral!.id;
  });

  it('does not refer again while the referral is open, nor an applicant who is not unemployed', async () => {
    expect(
      (await caseworker.post(`/api/v1/assistance/cases/${ids.caseNorth}/applications`, application(true)))
        .status,
    ).toBe(201);
    expect(await referralsOf(ids.personNorth)).toHaveLength(1);
    expect(
      (
        await caseworkerSouth.post(
          `/api/v1/assistance/cases/${ids.caseSouth}/applications`,
          application(false),
        )
      ).status,
    ).toBe(201);
    expect(await referralsOf(ids.personSouth)).toHaveLength(0);
  });

  it('shows the participant to the consultant, with the introduction day', async () => {
    const list = await consultant.get('/api/v1/labour/referrals?status=open');
    expect(list.status).toBe(200);
    expect(list.json.items).toEqual([
      expect.objectContaining({
        id: northReferral,
        person: { id: ids.personNorth, name: 'Lena Norrman', protectedIdentity: false },
        initiator: 'social_services',
        initiatorLabel: 'Socialtjänsten',
        introDay: '2026-11-25',
        status: 'open',
        capacityHours: null,
        activePlan: null,
      }),
    ]);
    const detail = await consultant.get(`/api/v1/labour/referrals/${northReferral}`);
    expect(detail.status).toBe(200);
    expect(detail.json).toMatchObject({ ownerName: 'Anna Nord', koladaIndicator: 'U40809', flagged: null });
  });

  it("shows the referral to the caseworker on the case's labour section", async () => {
    const labour = await caseworker.get(`/api/v1/assistance/cases/${ids.caseNorth}/labour`);
    expect(labour.status).toBe(200);
    expect(labour.json.referrals).toEqual([
      expect.objectContaining({
        id: northReferral,
        initiatorLabel: 'Socialtjänsten',
        introDay: '2026-11-25',
        status: 'open',
        progress: null,
      }),
    ]);
    expect(labour.json.adults).toEqual([
      expect.objectContaining({
        person: expect.objectContaining({ id: ids.personNorth }),
        openReferral: true,
      }),
    ]);
  });
});

describe('referrals registered by the unit', () => {
  it('takes a referral from Arbetsförmedlingen and fills the introduction day', async () => {
    const created = await consultant.post('/api/v1/labour/referrals', {
      personId: ids.personSouth,
      initiator: 'employment_service',
      ownerName: 'Handläggare på Arbetsförmedlingen',
    });
    expect(created.status).toBe(201);
    expect(created.json.introDay).toBe('2026-11-25');
    southReferral = created.json.id;
  });

  it('takes referrals from the other initiators; a full day books the next week', async () => {
    const af = await consultant.post('/api/v1/labour/referrals', {
      personId: P.ali,
      initiator: 'employment_service_with_social_services',
      ownerName: 'Samverkansteamet',
      reason: 'Gemensam planering',
    });
    expect(af.status).toBe(201);
    expect(af.json.introDay).toBe('2026-12-02');

    // By personnummer, as the referral from Försäkringskassan names the person.
    const bea = await owner((db) =>
      db.selectFrom('person').select('personal_number').where('id', '=', P.bea).executeTakeFirstOrThrow(),
    );
    const fk = await consultant.post('/api/v1/labour/referrals', {
      personalNumber: bea.personal_number,
      initiator: 'social_insurance',
      ownerName: 'Försäkringskassan, Borås',
      referredOn: '2026-11-18',
    });
    expect(fk.status).toBe(201);
    expect(fk.json.introDay).toBe('2026-12-02');

    const self = await labourManager.post('/api/v1/labour/referrals', {
      personId: P.cid,
      initiator: 'individual',
      ownerName: 'Cid själv',
    });
    expect(self.status).toBe(201);
    expect(self.json.introDay).toBe('2026-12-09');

    const list = await consultant.get('/api/v1/labour/referrals');
    expect(list.json.items.map((i: { initiator: string }) => i.initiator).sort()).toEqual([
      'employment_service',
      'employment_service_with_social_services',
      'individual',
      'social_insurance',
      'social_services',
    ]);
    // A person without a household got one of their own, with the unit's case.
    const cases = await owner((db) =>
      db
        .selectFrom('client_case as c')
        .innerJoin('household_member as hm', (j) =>
          j
            .onRef('hm.municipality_id', '=', 'c.municipality_id')
            .onRef('hm.household_id', '=', 'c.household_id'),
        )
        .select(['c.kind', 'c.unit_id', 'hm.role'])
        .where('hm.person_id', '=', P.ali)
        .execute(),
    );
    expect(cases).toEqual([{ kind: 'labour', unit_id: ids.unitLabour, role: 'applicant' }]);
  });

  it('refuses a second open referral for a person', async () => {
    const again = await consultant.post('/api/v1/labour/referrals', {
      personId: ids.personNorth,
      initiator: 'individual',
      ownerName: 'Lena själv',
    });
    expect(again.status).toBe(409);
    expect(again.json.code).toBe('REFERRAL_OPEN_EXISTS');
    expect(await referralsOf(ids.personNorth)).toHaveLength(1);
  });

  it('never names a protected identity in the list', async () => {
    const created = await consultant.post('/api/v1/labour/referrals', {
      personId: ids.protectedNorth,
      initiator: 'individual',
      ownerName: 'Den enskilde',
    });
    expect(created.status).toBe(201);
    const list = await consultant.get('/api/v1/labour/referrals');
    const item = list.json.items.find((i: { id: string }) => i.id === created.json.id);
    expect(item.person).toEqual({ id: ids.protectedNorth, name: null, protectedIdentity: true });
    expect(list.text).not.toContain('Hemlig');
    expect((await consultant.get('/api/v1/labour/referrals?q=hemlig')).json.items).toEqual([]);
  });
});

describe('mapping and personal plan', () => {
  const plans = () => `/api/v1/labour/referrals/${northReferral}/plans`;
  const countPlans = () =>
    owner(async (db) => {
      const row = await db
        .selectFrom('personal_plan')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('referral_id', '=', northReferral)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    });

  it('requires a mapping before a plan', async () => {
    const refused = await consultant.post(plans(), {
      goal: 'Arbete inom vården',
      startsOn: '2026-12-01',
      endsOn: '2027-05-31',
      followUpOn: '2027-01-15',
    });
    expect(refused.status).toBe(409);
    expect(refused.json.code).toBe('MAPPING_REQUIRED');
  });

  it('records the introduction day and a mapping with the capacity', async () => {
    expect(
      (await put(consultant, `/api/v1/labour/referrals/${northReferral}/intro`, { attended: true })).status,
    ).toBe(204);
    const mapping = await consultant.post(`/api/v1/labour/referrals/${northReferral}/mappings`, {
      mappedOn: '2026-11-20',
      capacityHours: 20,
      education: 'Gymnasium',
      obstacles: 'Inga',
    });
    expect(mapping.status).toBe(201);
    const tooMuch = await consultant.post(`/api/v1/labour/referrals/${northReferral}/mappings`, {
      mappedOn: '2026-11-20',
      capacityHours: 41,
    });
    expect(tooMuch.status).toBe(400);
  });

  it('refuses a plan that ends before it starts, with the Swedish message, writing nothing', async () => {
    const refused = await consultant.post(plans(), {
      goal: 'Arbete inom vården',
      startsOn: '2026-12-01',
      endsOn: '2026-11-30',
      followUpOn: '2026-12-01',
    });
    expect(refused.status).toBe(400);
    expect(refused.json.code).toBe('PLAN_ENDS_BEFORE_START');
    expect(refused.json.detail).toBe('Planen kan inte sluta (2026-11-30) innan den börjar (2026-12-01).');
    expect(await countPlans()).toBe(0);
  });

  it('refuses a follow-up outside the plan', async () => {
    const refused = await consultant.post(plans(), {
      goal: 'Arbete inom vården',
      startsOn: '2026-12-01',
      endsOn: '2027-05-31',
      followUpOn: '2027-06-15',
    });
    expect(refused.status).toBe(400);
    expect(refused.json.code).toBe('PLAN_FOLLOW_UP_OUTSIDE');
    expect(await countPlans()).toBe(0);
  });

  it('revises a plan as a new version and keeps the old one', async () => {
    const first = await consultant.post(plans(), {
      goal: 'Arbete inom vården',
      startsOn: '2026-11-23',
      endsOn: '2027-05-31',
      followUpOn: '2026-11-25',
    });
    expect(first.status).toBe(201);
    expect(first.json.version).toBe(1);

    // Due for follow-up within a week: on the start page.
    const start = await consultant.get('/api/v1/labour/start');
    expect(start.json.followUpsDue).toEqual([
      expect.objectContaining({ referralId: northReferral, planId: first.json.id, followUpOn: '2026-11-25' }),
    ]);

    const outside = await consultant.post(`/api/v1/labour/plans/${first.json.id}/follow-ups`, {
      doneOn: '2026-11-20',
      comment: 'Första uppföljningen',
      nextFollowUpOn: '2027-07-01',
    });
    expect(outside.status).toBe(400);
    expect(outside.json.code).toBe('PLAN_FOLLOW_UP_OUTSIDE');

    const followUp = await consultant.post(`/api/v1/labour/plans/${first.json.id}/follow-ups`, {
      doneOn: '2026-11-20',
      comment: 'Första uppföljningen',
      nextFollowUpOn: '2027-01-15',
    });
    expect(followUp.status).toBe(201);

    const second = await consultant.post(plans(), {
      goal: 'Arbete inom vården, med språkstöd',
      startsOn: '2026-12-01',
      endsOn: '2027-06-30',
      followUpOn: '2027-02-01',
    });
    expect(second.status).toBe(201);
    expect(second.json.version).toBe(2);

    const detail = await consultant.get(`/api/v1/labour/referrals/${northReferral}`);
    expect(detail.json.introAttended).toBe(true);
    expect(detail.json.mappings).toEqual([
      expect.objectContaining({ capacityHours: 20, mappedByName: 'Kim Konsult' }),
    ]);
    expect(detail.json.plans).toEqual([
      expect.objectContaining({ version: 2, status: 'active', goal: 'Arbete inom vården, med språkstöd' }),
      expect.objectContaining({
        version: 1,
        status: 'revised',
        followUpOn: '2027-01-15',
        followUps: [expect.objectContaining({ comment: 'Första uppföljningen', doneByName: 'Kim Konsult' })],
      }),
    ]);
    // The revised version can no longer be followed up.
    const late = await consultant.post(`/api/v1/labour/plans/${first.json.id}/follow-ups`, {
      doneOn: '2026-11-20',
      comment: 'För sent',
    });
    expect(late.status).toBe(409);
  });

  it('shows no progress to a caseworker without consent or legal basis', async () => {
    const labour = await caseworker.get(`/api/v1/assistance/cases/${ids.caseNorth}/labour`);
    expect(labour.json.referrals[0].progress).toBeNull();
    expect(labour.text).not.toContain('språkstöd');
  });
});

describe('access', () => {
  it('a consultant of the labour unit cannot open an assistance case', async () => {
    expect((await consultant.get(`/api/v1/assistance/cases/${ids.caseNorth}`)).status).toBe(403);
    expect((await consultant.get(`/api/v1/assistance/cases/${ids.caseNorth}/labour`)).status).toBe(403);
    expect((await labourManager.get(`/api/v1/assistance/cases/${ids.caseNorth}`)).status).toBe(403);
  });

  it("a caseworker cannot read the unit's referrals", async () => {
    expect((await caseworker.get('/api/v1/labour/referrals')).status).toBe(403);
    expect((await caseworker.get(`/api/v1/labour/referrals/${northReferral}`)).status).toBe(403);
  });

  it('audits reads with the person', async () => {
    const rows = await owner(
      async (db) =>
        (
          await sql<{ action: string; person_ids: string[] }>`
            SELECT action, person_ids FROM audit_log
            WHERE action IN ('referral.read', 'plan.create', 'case.labour', 'application.create')
              AND outcome = 'allowed'`.execute(db)
        ).rows,
    );
    for (const action of ['referral.read', 'plan.create', 'case.labour', 'application.create'])
      expect(rows.some((r) => r.action === action && r.person_ids.includes(ids.personNorth))).toBe(true);
  });
});

describe('exit', () => {
  it('refuses an exit before the referral', async () => {
    const early = await consultant.post(`/api/v1/labour/referrals/${northReferral}/exit`, {
      exitOn: '2026-11-19',
      result: 'work',
    });
    expect(early.status).toBe(400);
    expect(early.json.code).toBe('EXIT_BEFORE_REFERRAL');
  });

  it('closes the referral, the plan and the labour case; no notice without the flow', async () => {
    // What the referral holds when the person leaves: a place under way, a place not yet begun,
    // a place in a queue and an employment still only planned.
    const interventionId = '00000000-0000-4000-8000-00000000e0a1';
    const place = (id: string, status: 'active' | 'waiting', startsOn: string) => ({
      municipality_id: M,
      id,
      referral_id: northReferral,
      intervention_id: interventionId,
      status,
      requested_on: '2026-11-20',
      starts_on: startsOn,
      ends_on: '2027-03-31',
      hours_per_week: 20,
      created_by: ids.consultant,
    });
    await owner(async (db) => {
      await db
        .insertInto('intervention')
        .values({
          municipality_id: M,
          id: interventionId,
          name: 'Avslutstest',
          kind: 'coaching',
          work_oriented: false,
        })
        .execute();
      await db
        .insertInto('placement')
        .values([
          place('00000000-0000-4000-8000-00000000e0a2', 'active', '2026-11-02'),
          place('00000000-0000-4000-8000-00000000e0a3', 'active', '2026-12-01'),
          place('00000000-0000-4000-8000-00000000e0a4', 'waiting', '2027-01-04'),
        ])
        .execute();
      const person = await db
        .selectFrom('referral')
        .select('person_id')
        .where('id', '=', northReferral)
        .executeTakeFirstOrThrow();
      await db
        .insertInto('subsidised_employment')
        .values({
          municipality_id: M,
          id: '00000000-0000-4000-8000-00000000e0a5',
          referral_id: northReferral,
          person_id: person.person_id,
          form: 'nystartsjobb',
          employer: 'Tekniska förvaltningen',
          starts_on: '2027-01-01',
          ends_on: '2027-12-31',
          hours_per_week: 40,
          monthly_salary_cost_ore: 3_000_000,
          monthly_support_ore: 900_000,
          created_by: ids.consultant,
        })
        .execute();
    });
    const exit = await consultant.post(`/api/v1/labour/referrals/${northReferral}/exit`, {
      exitOn: '2026-11-20',
      result: 'work',
    });
    expect(exit.status).toBe(204);
    const state = await owner(async (db) => ({
      referral: await db
        .selectFrom('referral')
        .select(['exit_on', 'exit_result', 'case_id'])
        .where('id', '=', northReferral)
        .executeTakeFirstOrThrow(),
      plans: await db
        .selectFrom('personal_plan')
        .select(['version', 'status'])
        .where('referral_id', '=', northReferral)
        .orderBy('version')
        .execute(),
      notices: await db
        .selectFrom('labour_notice')
        .select('id')
        .where('referral_id', '=', northReferral)
        .execute(),
    }));
    expect(state.referral).toMatchObject({ exit_on: '2026-11-20', exit_result: 'work' });
    expect(state.plans).toEqual([
      { version: 1, status: 'revised' },
      { version: 2, status: 'closed' },
    ]);
    expect(state.notices).toEqual([]);
    const held = await owner(async (db) => ({
      placements: await db
        .selectFrom('placement')
        .select(['id', 'status', 'ended_on'])
        .where('referral_id', '=', northReferral)
        .orderBy('id')
        .execute(),
      employment: await db
        .selectFrom('subsidised_employment')
        .select('status')
        .where('referral_id', '=', northReferral)
        .executeTakeFirstOrThrow(),
    }));
    expect(held.placements.map((p) => [p.status, p.ended_on])).toEqual([
      ['ended', '2026-11-20'],
      ['cancelled', null],
      ['cancelled', null],
    ]);
    expect(held.employment.status).toBe('cancelled');
    const labourCase = await owner((db) =>
      db
        .selectFrom('client_case')
        .select('closed_on')
        .where('id', '=', state.referral.case_id)
        .executeTakeFirstOrThrow(),
    );
    expect(labourCase.closed_on).toBe('2026-11-20');
    const changed = await consultant.post(`/api/v1/labour/referrals/${northReferral}/mappings`, {
      mappedOn: '2026-11-20',
      capacityHours: 10,
    });
    expect(changed.status).toBe(409);
    expect(changed.json.code).toBe('REFERRAL_CLOSED');
  });

  it('tells the caseworker of the household when the labour_to_assistance flow stands', async () => {
    await owner((db) =>
      db
        .insertInto('information_flow')
        .values({
          municipality_id: M,
          id: '00000000-0000-4000-8000-000000004b01',
          person_id: ids.personSouth,
          direction: 'labour_to_assistance',
          basis: 'consent',
          given_on: '2026-11-19',
          recorded_by: ids.caseworkerSouth,
        })
        .execute(),
    );
    const mapping = await consultant.post(`/api/v1/labour/referrals/${southReferral}/mappings`, {
      mappedOn: '2026-11-20',
      capacityHours: 30,
    });
    expect(mapping.status).toBe(201);
    const before = await caseworkerSouth.get(`/api/v1/assistance/cases/${ids.caseSouth}/labour`);
    expect(before.json.referrals[0].progress).toMatchObject({ capacityHours: 30, exitResult: null });

    const exit = await consultant.post(`/api/v1/labour/referrals/${southReferral}/exit`, {
      exitOn: '2026-11-20',
      result: 'studies',
      comment: 'Börjar på Komvux',
    });
    expect(exit.status).toBe(204);

    const labour = await caseworkerSouth.get(`/api/v1/assistance/cases/${ids.caseSouth}/labour`);
    expect(labour.json.referrals[0]).toMatchObject({
      status: 'closed',
      progress: { exitResult: 'studies', exitResultLabel: 'Studier' },
    });
    expect(labour.json.notices).toEqual([
      expect.objectContaining({
        person: expect.objectContaining({ id: ids.personSouth }),
        kind: 'exit',
        kindLabel: 'Avslutad på arbetsmarknadsenheten',
        detail: { result: 'studies' },
      }),
    ]);
    // Free text never travels in a notice.
    expect(JSON.stringify(labour.json.notices)).not.toContain('Komvux');

    const noticeId = labour.json.notices[0].id as string;
    expect((await caseworker.post(`/api/v1/assistance/labour-notices/${noticeId}/acknowledge`)).status).toBe(
      403,
    );
    expect(
      (await caseworkerSouth.post(`/api/v1/assistance/labour-notices/${noticeId}/acknowledge`)).status,
    ).toBe(204);
    const after = await caseworkerSouth.get(`/api/v1/assistance/cases/${ids.caseSouth}/labour`);
    expect(after.json.notices).toEqual([]);
  });
});

describe('the caseworker refers from the case', () => {
  it('refers an adult of the household, who owns the process', async () => {
    const child = await caseworker.post(`/api/v1/assistance/cases/${ids.caseNorth}/referrals`, {
      personId: ids.childNorth,
    });
    expect(child.status).toBe(400);
    expect(child.json.code).toBe('REFERRAL_NOT_ADULT');
    const stranger = await caseworker.post(`/api/v1/assistance/cases/${ids.caseNorth}/referrals`, {
      personId: ids.personSouth,
    });
    expect(stranger.status).toBe(400);
    expect(stranger.json.code).toBe('REFERRAL_PERSON_NOT_IN_CASE');

    const created = await caseworker.post(`/api/v1/assistance/cases/${ids.caseNorth}/referrals`, {
      personId: ids.personNorth,
      reason: 'Redo för arbete efter avbrott',
    });
    expect(created.status).toBe(201);
    // The seats of those who left are free again.
    expect(created.json.introDay).toBe('2026-11-25');
    const referrals = await referralsOf(ids.personNorth);
    expect(referrals).toHaveLength(2);
    expect(referrals[1]).toMatchObject({
      initiator: 'social_services',
      owner_name: 'Anna Nord',
      owner_user_id: ids.caseworkerNorth,
      assistance_case_id: ids.caseNorth,
      application_id: null,
    });
    // A new labour case: the earlier one stays closed.
    expect(referrals[1]!.case_id).not.toBe(referrals[0]!.case_id);
  });

  it('needs the municipality to have a labour-market unit', async () => {
    await owner(async (db) => {
      await db.updateTable('unit').set({ kind: 'management' }).where('id', '=', ids.unitLabour).execute();
    });
    try {
      const refused = await caseworkerSouth.post(`/api/v1/assistance/cases/${ids.caseSouth}/referrals`, {
        personId: ids.personSouth,
      });
      expect(refused.status).toBe(409);
      expect(refused.json.code).toBe('LABOUR_UNIT_MISSING');
    } finally {
      await owner(async (db) => {
        await db.updateTable('unit').set({ kind: 'labour' }).where('id', '=', ids.unitLabour).execute();
      });
    }
  });
});

describe('registration with Arbetsförmedlingen', () => {
  it('flags an adult coded unemployed until the registration is recorded', async () => {
    const coded = await put(caseworker, `/api/v1/assistance/cases/${ids.caseNorth}/reason-codes`, {
      month: '2026-11',
      personId: ids.personNorth,
      code: 'unemployed_no_benefit',
    });
    expect(coded.status).toBe(204);
    const flagged = await caseworker.get(`/api/v1/assistance/cases/${ids.caseNorth}/labour`);
    expect(flagged.json.adults).toEqual([
      expect.objectContaining({ person: expect.objectContaining({ id: ids.personNorth }), flagged: true }),
    ]);

    // The unit sees the flag only where assistance may tell it.
    expect((await consultant.get('/api/v1/labour/start')).json.unregistered).toEqual([]);
    await owner((db) =>
      db
        .insertInto('information_flow')
        .values({
          municipality_id: M,
          id: '00000000-0000-4000-8000-000000004b02',
          person_id: ids.personNorth,
          direction: 'assistance_to_labour',
          basis: 'law',
          legal_reference: 'OSL 10 kap. 2 §',
          given_on: '2026-11-20',
          recorded_by: ids.caseworkerNorth,
        })
        .execute(),
    );
    const start = await consultant.get('/api/v1/labour/start');
    expect(start.json.unregistered).toEqual([
      expect.objectContaining({
        person: expect.objectContaining({ id: ids.personNorth, name: 'Lena Norrman' }),
      }),
    ]);

    const bad = await put(consultant, `/api/v1/people/${ids.personNorth}/employment-service-registration`, {
      registeredOn: '2026-11-10',
      endedOn: '2026-11-01',
    });
    expect(bad.status).toBe(400);
    expect(bad.json.code).toBe('REGISTRATION_ENDS_BEFORE_START');
    const recorded = await put(
      consultant,
      `/api/v1/people/${ids.personNorth}/employment-service-registration`,
      {
        registeredOn: '2026-11-10',
      },
    );
    expect(recorded.status).toBe(204);

    const cleared = await caseworker.get(`/api/v1/assistance/cases/${ids.caseNorth}/labour`);
    expect(cleared.json.adults[0]).toMatchObject({ registered: true, flagged: false });
    expect((await consultant.get('/api/v1/labour/start')).json.unregistered).toEqual([]);

    // Someone else's person: refused.
    expect(
      (
        await put(caseworkerSouth, `/api/v1/people/${ids.personNorth}/employment-service-registration`, {
          registeredOn: '2026-11-10',
        })
      ).status,
    ).toBe(403);
  });
});

describe("the consultant's start page", () => {
  it('lists new referrals without a mapping and the coming introduction days', async () => {
    const start = await consultant.get('/api/v1/labour/start');
    expect(start.status).toBe(200);
    const newIds = start.json.newReferrals.map((r: { person: { id: string } }) => r.person.id);
    expect(newIds).toEqual(expect.arrayContaining([P.ali, P.bea, P.cid, ids.personNorth]));
    expect(newIds).not.toContain(ids.personSouth);
    // The next fourteen days: 9 December is too far ahead.
    expect(start.json.introDays).toEqual([
      {
        day: '2026-11-25',
        booked: [expect.objectContaining({ person: expect.objectContaining({ id: ids.personNorth }) })],
      },
      {
        day: '2026-12-02',
        booked: expect.arrayContaining([
          expect.objectContaining({ person: expect.objectContaining({ id: P.ali }) }),
        ]),
      },
    ]);
    expect(start.json.attendanceWeek).toBe('2026-11-09');
    expect(start.json.attendanceToReport).toEqual([]);
    expect(start.json.employmentsEnding).toEqual([]);
  });
});

describe('direct activation from an e-application', () => {
  it('refers the citizen who applies as unemployed, owned by the caseworker of the case', async () => {
    const citizen = new TestClient(server.url);
    await citizen.get('/api/v1/auth/config'); // the CSRF cookie, as the browser gets it
    const sent = await citizen.post('/api/v1/public/e-applications', {
      personalNumber: '19900101-9810',
      month: '2026-12',
      selfAssessedUnemployed: true,
      childrenLunchAway: false,
      housing: {},
      costs: [],
      incomes: [],
      consent: true,
    });
    expect(sent.status).toBe(201);
    const referrals = await referralsOf(ids.personSouth);
    expect(referrals).toHaveLength(2);
    expect(referrals[1]).toMatchObject({
      initiator: 'social_services',
      owner_user_id: ids.caseworkerSouth,
      assistance_case_id: ids.caseSouth,
      created_by: null,
      exit_on: null,
    });
    expect(referrals[1]!.application_id).not.toBeNull();
    expect(referrals[1]!.intro_day).not.toBeNull();
  });
});
