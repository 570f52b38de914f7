/**
 * The whole-chain timeline is served from events kept per person (migration 0013). After every
 * kind of change to the records it is built from, the timeline a user reads must equal the one
 * read straight from the records, for each user — and a part the user may not see stays hidden.
 *
 * The records are written directly, as any writer (an endpoint, an import, a script) would.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissionsOf, type RoleGrant } from '../../src/access/domain/permissions.ts';
import type { Principal } from '../../src/access/domain/principal.ts';
import { loadChainTimeline, type ChainTimeline } from '../../src/labour/db/chain-timeline.ts';
import { loadChainTimelineDirect } from '../../src/labour/db/chain-timeline-direct.ts';
import { chainAccess, putWords, type ChainEvent } from '../../src/labour/domain/chain-timeline.ts';
import { ids, M } from '../support/fixture.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';

const now = new Date('2026-11-20T09:00:00Z');
const today = '2026-11-20';
let server: TestServer;
let consultantClient: TestClient;
let caseworkerClient: TestClient;

const id = (n: number) => `00000000-0000-4000-8000-0000000d${String(n).padStart(4, '0')}`;
const labourCase = id(1);
const referral = id(2);
const application = id(3);
const decision = id(4);
const run = id(5);
const payment = id(6);
const plan = id(7);
const intervention = id(8);
const placement = id(9);
const employment = id(10);
const consent = id(11);

function principal(userId: string, grants: Omit<RoleGrant, 'unitName'>[]): Principal {
  const roles = grants.map((g) => ({ ...g, unitName: 'enhet' }));
  return {
    userId,
    displayName: 'Testanvändare',
    municipalityId: M,
    municipalityName: 'Testkommun',
    roles,
    permissions: permissionsOf(roles),
    protectedIdentityClearance: false,
    session: { tokenHash: '', csrfToken: '', authMethod: 'demo' },
  };
}

const users = {
  consultant: principal(ids.consultant, [{ role: 'labour_consultant', unitId: ids.unitLabour }]),
  caseworker: principal(ids.caseworkerNorth, [{ role: 'caseworker', unitId: ids.unitNorth }]),
  caseworkerSouth: principal(ids.caseworkerSouth, [{ role: 'caseworker', unitId: ids.unitSouth }]),
};

/** What the user is shown: each page of the timeline, as the route cuts it. */
async function pages(
  read: typeof loadChainTimeline,
  user: Principal,
  personId: string,
  limit: number,
): Promise<unknown[]> {
  const out: unknown[] = [];
  let before: string | null = null;
  for (;;) {
    let timeline: ChainTimeline;
    try {
      timeline = await read(server.database.app.db, user, personId, today, { before, limit });
    } catch (error) {
      out.push({ error: (error as { code?: string }).code });
      return out;
    }
    const { facts, counts, caseIds, nextBefore } = timeline;
    out.push({
      access: chainAccess(facts),
      counts,
      caseIds: caseIds.toSorted(),
      nextBefore,
      events: parsed(timeline),
    });
    if (!nextBefore) return out;
    before = nextBefore;
  }
}

/** The kept timeline equals the direct read for every user, person and page size. */
async function expectKeptEqualsDirect() {
  for (const user of Object.values(users))
    for (const personId of [ids.personNorth, ids.childNorth, ids.personSouth])
      for (const limit of [1, 3, 1000])
        expect(await pages(loadChainTimeline, user, personId, limit)).toEqual(
          await pages(loadChainTimelineDirect, user, personId, limit),
        );
}

/**
 * The page's events as objects, each with its words' mark as a member (the kept events are
 * written by the database, the direct ones by JSON.stringify; the order is compared too).
 */
function parsed(timeline: ChainTimeline): Partial<ChainEvent>[] {
  const marks = putWords(
    timeline.events,
    (kind, code, month) => `"mark":${JSON.stringify([kind, code, month])},`,
  );
  return JSON.parse(`[${marks}]`) as Partial<ChainEvent>[];
}

/** The events (their fields as sent) of the first page of up to 1000. */
async function timelineOf(user: Principal, personId = ids.personNorth) {
  const timeline = await loadChainTimeline(server.database.app.db, user, personId, today, {
    before: null,
    limit: 1000,
  });
  return { ...timeline, events: parsed(timeline) };
}

const owner = (statement: string) =>
  server.database.asOwner(async (db) => {
    await sql.raw(statement).execute(db);
  });

beforeAll(async () => {
  server = await startTestServer({ clock: { now: () => now } });
  consultantClient = new TestClient(server.url);
  caseworkerClient = new TestClient(server.url);
  await consultantClient.loginAs(ids.consultant);
  await caseworkerClient.loginAs(ids.caseworkerNorth);
  // A labour case and a referral for the person, so the consultant may see them at all.
  await owner(`
    INSERT INTO client_case (municipality_id, id, household_id, unit_id, caseworker_id, kind, opened_on)
      VALUES ('${M}', '${labourCase}', '${ids.householdNorth}', '${ids.unitLabour}', '${ids.consultant}', 'labour', '2026-01-12');
    INSERT INTO referral (municipality_id, id, person_id, case_id, initiator, owner_name, referred_on, created_by)
      VALUES ('${M}', '${referral}', '${ids.personNorth}', '${labourCase}', 'social_services', 'Anna Nord',
              '2026-01-12', '${ids.caseworkerNorth}');`);
});
afterAll(async () => server?.close());

/** Each change, in order; each builds on the ones before. */
const changes: { what: string; statement: string; then?: () => Promise<void> }[] = [
  {
    what: 'an application with its members',
    statement: `
      INSERT INTO application (municipality_id, id, case_id, month, kind, channel, received_on)
        VALUES ('${M}', '${application}', '${ids.caseNorth}', '2026-03-01', 'recurring', 'paper', '2026-02-10');
      INSERT INTO application_member (municipality_id, application_id, person_id, role)
        VALUES ('${M}', '${application}', '${ids.personNorth}', 'applicant'),
               ('${M}', '${application}', '${ids.childNorth}', 'child');`,
    then: async () =>
      expect((await timelineOf(users.caseworker)).events.map((e) => e.kind)).toContain('application'),
  },
  {
    what: 'an application decided',
    statement: `UPDATE application SET status = 'decided' WHERE id = '${application}'`,
  },
  {
    what: 'a decision drafted, then signed',
    statement: `
      INSERT INTO decision (municipality_id, id, case_id, application_id, month, decided_on, decided_by, norm,
                            granted_ore, payee_person_id, pay_on)
        VALUES ('${M}', '${decision}', '${ids.caseNorth}', '${application}', '2026-03-01', '2026-02-16',
                '${ids.caseworkerNorth}', '{}', 1234500, '${ids.personNorth}', '2026-02-25');
      UPDATE decision SET status = 'signed', signed_at = '2026-02-16T10:00:00Z' WHERE id = '${decision}';`,
    then: async () =>
      expect((await timelineOf(users.caseworker)).events.find((e) => e.kind === 'decision')?.amountOre).toBe(
        1_234_500,
      ),
  },
  {
    what: 'a payment run and its payment',
    statement: `
      INSERT INTO payment_run (municipality_id, id, month, pay_on, status, prepared_by, approved_by, approved_at)
        VALUES ('${M}', '${run}', '2026-03-01', '2026-02-25', 'approved', '${ids.caseworkerNorth}',
                '${ids.managerNorth}', '2026-02-20T10:00:00Z');
      INSERT INTO payment (municipality_id, id, run_id, decision_id, case_id, person_id, amount_ore, clearing_number,
                           account_number, end_to_end_id, status)
        VALUES ('${M}', '${payment}', '${run}', '${decision}', '${ids.caseNorth}', '${ids.personNorth}', 1234500,
                '8327', '9123456789', 'KJ-TEST-EVENTS-1', 'sent');`,
  },
  {
    what: 'a payment run moved to another day',
    statement: `UPDATE payment_run SET pay_on = '2026-02-24' WHERE id = '${run}'`,
    then: async () =>
      expect((await timelineOf(users.caseworker)).events.find((e) => e.kind === 'payment')?.date).toBe(
        '2026-02-24',
      ),
  },
  {
    what: 'a reason code set, then changed',
    statement: `
      INSERT INTO reason_code (municipality_id, person_id, month, case_id, code, set_by)
        VALUES ('${M}', '${ids.personNorth}', '2026-03-01', '${ids.caseNorth}', 'unemployed_no_benefit',
                '${ids.caseworkerNorth}');
      UPDATE reason_code SET code = 'unemployed_with_benefit'
        WHERE person_id = '${ids.personNorth}' AND month = '2026-03-01';`,
    then: async () =>
      expect((await timelineOf(users.caseworker)).events.find((e) => e.kind === 'reason_code')?.code).toBe(
        'unemployed_with_benefit',
      ),
  },
  {
    what: 'a referral’s intro day and exit',
    statement: `UPDATE referral SET intro_day = '2026-01-13', intro_attended = true, exit_on = '2026-10-30',
                  exit_result = 'work' WHERE id = '${referral}'`,
    then: async () =>
      expect((await timelineOf(users.consultant)).events.map((e) => e.kind)).toEqual(
        expect.arrayContaining(['referral', 'intro_day', 'exit']),
      ),
  },
  {
    what: 'a mapping',
    statement: `INSERT INTO labour_mapping (municipality_id, id, referral_id, mapped_on, capacity_hours, mapped_by)
                  VALUES ('${M}', '${id(20)}', '${referral}', '2026-01-20', 30, '${ids.consultant}')`,
  },
  {
    what: 'a plan and its follow-up',
    statement: `
      INSERT INTO personal_plan (municipality_id, id, referral_id, version, goal, starts_on, ends_on, follow_up_on,
                                 created_by)
        VALUES ('${M}', '${plan}', '${referral}', 1, 'Arbete', '2026-01-25', '2026-06-30', '2026-03-01',
                '${ids.consultant}');
      INSERT INTO plan_follow_up (municipality_id, id, plan_id, done_on, comment, done_by)
        VALUES ('${M}', '${id(21)}', '${plan}', '2026-03-02', 'Går bra', '${ids.consultant}');`,
  },
  {
    what: 'a placement in an intervention',
    statement: `
      INSERT INTO intervention (municipality_id, id, name, kind, work_oriented)
        VALUES ('${M}', '${intervention}', 'Praktik i parken', 'practice_municipal', true);
      INSERT INTO placement (municipality_id, id, referral_id, intervention_id, plan_id, status, requested_on,
                             starts_on, ends_on, hours_per_week, created_by)
        VALUES ('${M}', '${placement}', '${referral}', '${intervention}', '${plan}', 'active', '2026-02-01',
                '2026-02-09', '2026-05-29', 20, '${ids.consultant}');`,
  },
  {
    what: 'the intervention renamed',
    statement: `UPDATE intervention SET name = 'Praktik i stadsparken' WHERE id = '${intervention}'`,
    then: async () =>
      expect((await timelineOf(users.consultant)).events.find((e) => e.kind === 'placement')?.name).toBe(
        'Praktik i stadsparken',
      ),
  },
  {
    what: 'attendance reported (not an event of the timeline)',
    statement: `INSERT INTO attendance (municipality_id, placement_id, week, planned_hours, attended_hours, reported_by)
                  VALUES ('${M}', '${placement}', '2026-02-09', 20, 16, '${ids.consultant}')`,
  },
  {
    what: 'a subsidised employment',
    statement: `
      INSERT INTO subsidised_employment (municipality_id, id, referral_id, person_id, form, employer, starts_on,
                                         ends_on, hours_per_week, monthly_salary_cost_ore, monthly_support_ore,
                                         union_review, union_reviewed_on, status, created_by)
        VALUES ('${M}', '${employment}', '${referral}', '${ids.personNorth}', 'extratjanst', 'Parkförvaltningen',
                '2026-06-01', '2027-05-31', 40, 2600000, 2600000, 'approved', '2026-05-20', 'started',
                '${ids.consultant}');`,
  },
  {
    what: 'the person’s consent to share assistance with the unit',
    statement: `INSERT INTO information_flow (municipality_id, id, person_id, direction, basis, given_on, recorded_by)
                  VALUES ('${M}', '${consent}', '${ids.personNorth}', 'assistance_to_labour', 'consent', '2026-11-01',
                          '${ids.consultant}')`,
    then: async () =>
      expect((await timelineOf(users.consultant)).events.some((e) => e.part === 'assistance')).toBe(true),
  },
  {
    what: 'another person joining the household',
    statement: `INSERT INTO household_member (municipality_id, household_id, person_id, role, valid_from)
                  VALUES ('${M}', '${ids.householdNorth}', '${ids.personSouth}', 'co_applicant', '2026-01-01')`,
  },
  {
    what: 'the assistance case closed',
    statement: `UPDATE client_case SET closed_on = '2026-11-15', exit_reason = 'work' WHERE id = '${ids.caseNorth}'`,
    then: async () =>
      expect((await timelineOf(users.caseworker)).events.map((e) => e.kind)).toContain('case_closed'),
  },
  {
    what: 'the consent revoked',
    statement: `UPDATE information_flow SET revoked_on = '2026-11-19', revoked_by = '${ids.consultant}'
                  WHERE id = '${consent}'`,
    then: async () =>
      expect((await timelineOf(users.consultant)).events.every((e) => e.part === 'labour')).toBe(true),
  },
  {
    what: 'a payment reversed and a reason code removed',
    statement: `
      UPDATE payment SET status = 'reversed', status_reason = 'Fel konto', status_changed_by = '${ids.managerNorth}',
                         status_changed_at = '2026-02-26T10:00:00Z' WHERE id = '${payment}';
      DELETE FROM reason_code WHERE person_id = '${ids.personNorth}' AND month = '2026-03-01';`,
    then: async () =>
      expect(
        (await timelineOf(users.caseworker)).events.filter(
          (e) => e.kind === 'payment' || e.kind === 'reason_code',
        ),
      ).toEqual([]),
  },
];

describe('the kept timeline after each kind of change to the records', () => {
  it('equals the timeline read from the records before any change', async () => {
    await expectKeptEqualsDirect();
  });

  it.each(changes.map((change, index) => [change.what, index] as const))(
    'equals the timeline read from the records after %s',
    async (_, index) => {
      const change = changes[index]!;
      await owner(change.statement);
      await expectKeptEqualsDirect();
      await change.then?.();
    },
  );
});

describe('what each user is shown of the kept timeline', () => {
  it('shows the caseworker of another unit nothing of the person', async () => {
    await expect(timelineOf(users.caseworkerSouth)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('keeps the assistance part from the consultant without consent, and the unit’s part from the caseworker', async () => {
    const forConsultant = await consultantClient.get(`/api/v1/people/${ids.personNorth}/chain?limit=1000`);
    expect(forConsultant.json.parts.assistance).toMatchObject({ shown: false, withheld: 'no_flow' });
    expect(forConsultant.json.events.length).toBeGreaterThan(0);
    expect(forConsultant.json.events.every((e: { part: string }) => e.part === 'labour')).toBe(true);

    const forCaseworker = await caseworkerClient.get(`/api/v1/people/${ids.personNorth}/chain?limit=1000`);
    expect(forCaseworker.json.parts.labour).toMatchObject({ shown: false, withheld: 'no_flow' });
    expect(forCaseworker.json.events.length).toBeGreaterThan(0);
    expect(forCaseworker.json.events.every((e: { part: string }) => e.part === 'assistance')).toBe(true);
  });

  it('shows a caseworker only the events of the cases of their own unit', async () => {
    // The household's case moves to the south unit: the north caseworker no longer opens it.
    await owner(`UPDATE client_case SET unit_id = '${ids.unitSouth}' WHERE id = '${ids.caseNorth}'`);
    await expectKeptEqualsDirect();
    await owner(`UPDATE client_case SET unit_id = '${ids.unitNorth}' WHERE id = '${ids.caseNorth}'`);
  });
});
