/**
 * Subsidised employments through the API: overlap refused with nothing written, the union's review
 * before start, the a-kassa warning (extratjänst last → warning; a nystartsjobb after it → none),
 * the notice to assistance only while the labour-to-assistance flow stands, access and audit, and
 * the overview with "växla bidrag mot lön" from the payments recorded in assistance.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.ts';
import { ids, M } from '../support/fixture.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';

const E = {
  caseLabour: '00000000-0000-4000-8000-000000005101',
  referral: '00000000-0000-4000-8000-000000005201',
  application: '00000000-0000-4000-8000-000000005301',
  decision: '00000000-0000-4000-8000-000000005311',
  run: '00000000-0000-4000-8000-000000005321',
  payment: '00000000-0000-4000-8000-000000005331',
  flowOut: '00000000-0000-4000-8000-000000005401',
  flowIn: '00000000-0000-4000-8000-000000005402',
};

/** A labour case and an open referral for Lena Norrman, and 12 000 kr paid for October 2026. */
async function seed(db: Database) {
  await db
    .insertInto('client_case')
    .values({
      municipality_id: M,
      id: E.caseLabour,
      household_id: ids.householdNorth,
      unit_id: ids.unitLabour,
      caseworker_id: ids.consultant,
      kind: 'labour',
      opened_on: '2026-10-01',
      closed_on: null,
    })
    .execute();
  await db
    .insertInto('referral')
    .values({
      municipality_id: M,
      id: E.referral,
      person_id: ids.personNorth,
      case_id: E.caseLabour,
      initiator: 'social_services',
      owner_name: 'Anna Nord',
      owner_user_id: ids.caseworkerNorth,
      assistance_case_id: null,
      referred_on: '2026-10-01',
      created_by: ids.caseworkerNorth,
    })
    .execute();
  await db
    .insertInto('application')
    .values({
      municipality_id: M,
      id: E.application,
      case_id: ids.caseNorth,
      month: '2026-10-01',
      kind: 'recurring',
      channel: 'paper',
      received_on: '2026-09-20',
      status: 'decided',
      housing_address: 'Storgatan 1',
      housing_apartment: null,
      housing_contract: null,
    })
    .execute();
  await db
    .insertInto('decision')
    .values({
      municipality_id: M,
      id: E.decision,
      case_id: ids.caseNorth,
      application_id: E.application,
      month: '2026-10-01',
      status: 'signed',
      decided_on: '2026-09-24',
      decided_by: ids.caseworkerNorth,
      signed_at: new Date('2026-09-24T10:00:00Z'),
      norm: '{}',
      granted_ore: 1_200_000,
      payee_person_id: ids.personNorth,
      pay_on: '2026-09-29',
    })
    .execute();
  await db
    .insertInto('payment_run')
    .values({
      municipality_id: M,
      id: E.run,
      month: '2026-10-01',
      pay_on: '2026-09-29',
      status: 'approved',
      prepared_by: ids.caseworkerNorth,
      approved_by: ids.managerNorth,
      approved_at: new Date('2026-09-28T10:00:00Z'),
    })
    .execute();
  await db
    .insertInto('payment')
    .values({
      municipality_id: M,
      id: E.payment,
      run_id: E.run,
      decision_id: E.decision,
      case_id: ids.caseNorth,
      person_id: ids.personNorth,
      amount_ore: 1_200_000,
      clearing_number: '8327',
      account_number: '9123456789',
      end_to_end_id: 'KJ-EMPL-1',
      status: 'sent',
    })
    .execute();
}

let server: TestServer;
let consultant: TestClient;
let caseworker: TestClient;
let manager: TestClient;

const asOwner = <T>(fn: (db: Database) => Promise<T>) => server.database.asOwner(fn);
const employmentCount = () =>
  asOwner(async (db) =>
    Number(
      (
        await db
          .selectFrom('subsidised_employment')
          .select(sql<number>`count(*)`.as('n'))
          .where('municipality_id', '=', M)
          .executeTakeFirstOrThrow()
      ).n,
    ),
  );
const notices = () =>
  asOwner((db) =>
    db
      .selectFrom('labour_notice')
      .select(['kind', 'assistance_case_id', 'detail'])
      .where('municipality_id', '=', M)
      .execute(),
  );

beforeAll(async () => {
  server = await startTestServer({ clock: { now: () => new Date('2026-11-20T09:00:00Z') } });
  await asOwner(seed);
  consultant = new TestClient(server.url);
  caseworker = new TestClient(server.url);
  manager = new TestClient(server.url);
  await consultant.loginAs(ids.consultant);
  await caseworker.loginAs(ids.caseworkerNorth);
  await manager.loginAs(ids.labourManager);
});
afterAll(async () => server?.close());

const listUrl = `/api/v1/labour/referrals/${E.referral}/employments`;

const extratjanst = {
  form: 'extratjanst',
  employer: 'Förskoleförvaltningen',
  workplace: 'Solrosens förskola',
  startsOn: '2026-12-01',
  endsOn: '2027-11-30',
  hoursPerWeek: 40,
  monthlySalaryCostOre: 2_600_000,
  monthlySupportOre: 2_600_000,
};
const nystartsjobb = {
  form: 'nystartsjobb',
  employer: 'Tekniska förvaltningen',
  startsOn: '2027-12-01',
  endsOn: '2028-11-30',
  hoursPerWeek: 40,
  monthlySalaryCostOre: 2_700_000,
  monthlySupportOre: 800_000,
};

describe('subsidised employments', () => {
  let extraId: string;
  let refusedId: string;

  it('are closed to a caseworker of assistance (no labour:read)', async () => {
    expect((await caseworker.get(listUrl)).status).toBe(403);
    expect((await caseworker.post(listUrl, extratjanst)).status).toBe(403);
    expect(await employmentCount()).toBe(0);
  });

  it('an extratjänst as the last employment gives the a-kassa warning', async () => {
    const created = await consultant.post(listUrl, extratjanst);
    expect(created.status).toBe(201);
    extraId = created.json.id;
    expect(created.json.warning).toMatchObject({ employmentId: extraId, form: 'extratjanst' });
    expect(created.json.warning.message).toContain('inte a-kassegrundande');
    expect(created.json.warning.message).toContain('Nystartsjobb');

    const list = await consultant.get(listUrl);
    expect(list.status).toBe(200);
    expect(list.json.employments).toHaveLength(1);
    expect(list.json.employments[0]).toMatchObject({
      formLabel: 'Extratjänst',
      qualifiesForUnemploymentInsurance: false,
      unionReview: 'pending',
      status: 'planned',
      statusLabel: 'Planerad',
    });
    expect(list.json.warning.employmentId).toBe(extraId);
  });

  it('an overlapping employment is refused with a Swedish message, and nothing is written', async () => {
    const overlapping = await consultant.post(listUrl, {
      ...nystartsjobb,
      startsOn: '2027-06-01',
      endsOn: '2027-12-31',
    });
    expect(overlapping.status).toBe(409);
    expect(overlapping.json.code).toBe('EMPLOYMENT_OVERLAP');
    expect(overlapping.json.detail).toBe(
      'Personen har redan en anställning 2026-12-01–2027-11-30 som överlappar.',
    );
    expect(await employmentCount()).toBe(1);
  });

  it('longer than the form allows, or more support than salary cost, is refused', async () => {
    const tooLong = await consultant.post(listUrl, { ...nystartsjobb, endsOn: '2029-01-31' });
    expect(tooLong.status).toBe(400);
    expect(tooLong.json.detail).toBe('En nystartsjobb varar högst 12 månader åt gången.');
    const support = await consultant.post(listUrl, { ...nystartsjobb, monthlySupportOre: 2_700_001 });
    expect(support.json.code).toBe('EMPLOYMENT_SUPPORT_ABOVE_COST');
    expect(await employmentCount()).toBe(1);
  });

  it('a nystartsjobb after the extratjänst takes the warning away', async () => {
    const created = await consultant.post(listUrl, nystartsjobb);
    expect(created.status).toBe(201);
    refusedId = created.json.id;
    expect(created.json.warning).toBeNull();
    expect((await consultant.get(listUrl)).json.warning).toBeNull();
  });

  it('a placement the union refused cannot be started', async () => {
    const noReason = await consultant.post(`/api/v1/labour/employments/${refusedId}/union-review`, {
      decision: 'refused',
      reviewedOn: '2026-11-18',
    });
    expect(noReason.status).toBe(400);
    const refused = await consultant.post(`/api/v1/labour/employments/${refusedId}/union-review`, {
      decision: 'refused',
      reason: 'Tjänsten ersätter en ordinarie anställning',
      reviewedOn: '2026-11-18',
    });
    expect(refused.status).toBe(200);
    const again = await consultant.post(`/api/v1/labour/employments/${refusedId}/union-review`, {
      decision: 'approved',
      reviewedOn: '2026-11-19',
    });
    expect(again.json.code).toBe('UNION_REVIEW_DONE');

    const start = await consultant.post(`/api/v1/labour/employments/${refusedId}/start`);
    expect(start.status).toBe(409);
    expect(start.json.code).toBe('UNION_REVIEW_REFUSED');
    expect(start.json.detail).toContain('Tjänsten ersätter en ordinarie anställning');
    const row = await asOwner((db) =>
      db.selectFrom('subsidised_employment').select('status').where('id', '=', refusedId).executeTakeFirst(),
    );
    expect(row?.status).toBe('planned');
    expect(await notices()).toHaveLength(0);
  });

  it('an unreviewed placement cannot be started either', async () => {
    const start = await consultant.post(`/api/v1/labour/employments/${extraId}/start`);
    expect(start.json.code).toBe('UNION_REVIEW_PENDING');
  });

  it('starting writes no notice to assistance without the labour-to-assistance flow', async () => {
    expect(
      (
        await consultant.post(`/api/v1/labour/employments/${extraId}/union-review`, {
          decision: 'approved',
          reviewedOn: '2026-11-19',
        })
      ).status,
    ).toBe(200);
    const start = await consultant.post(`/api/v1/labour/employments/${extraId}/start`);
    expect(start.status).toBe(200);
    expect(start.json).toMatchObject({ status: 'started', assistanceNotified: false });
    expect(await notices()).toHaveLength(0);
  });

  it('starting writes a notice to the household’s assistance case while the flow stands', async () => {
    // The refused nystartsjobb is cancelled and planned anew; the person consents to the flow.
    expect((await consultant.post(`/api/v1/labour/employments/${refusedId}/cancel`)).status).toBe(200);
    const created = await consultant.post(listUrl, nystartsjobb);
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    await asOwner((db) =>
      db
        .insertInto('information_flow')
        .values({
          municipality_id: M,
          id: E.flowOut,
          person_id: ids.personNorth,
          direction: 'labour_to_assistance',
          basis: 'consent',
          given_on: '2026-11-01',
          recorded_by: ids.consultant,
        })
        .execute(),
    );
    await consultant.post(`/api/v1/labour/employments/${id}/union-review`, {
      decision: 'approved',
      reviewedOn: '2026-11-19',
    });
    const start = await consultant.post(`/api/v1/labour/employments/${id}/start`);
    expect(start.json.assistanceNotified).toBe(true);
    const written = await notices();
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ kind: 'employment_started', assistance_case_id: ids.caseNorth });
    expect(written[0]!.detail).toEqual({ form: 'nystartsjobb', hoursPerWeek: 40 });
  });

  it('the overview counts per form and sums växla bidrag mot lön with the assistance avoided', async () => {
    // Without the assistance-to-labour flow the assistance records are not used.
    const without = await manager.get('/api/v1/labour/employments/overview?month=2026-12');
    expect(without.status).toBe(200);
    expect(without.json.byForm).toEqual([
      { form: 'extratjanst', label: 'Extratjänst', qualifies: false, count: 1 },
    ]);
    expect(without.json.exchange.month).toMatchObject({
      persons: 1,
      salaryCostOre: 2_600_000,
      supportOre: 2_600_000,
      netCostOre: 0,
      personsWithoutAssistanceData: 1,
    });
    await asOwner((db) =>
      db
        .insertInto('information_flow')
        .values({
          municipality_id: M,
          id: E.flowIn,
          person_id: ids.personNorth,
          direction: 'assistance_to_labour',
          basis: 'consent',
          given_on: '2026-11-01',
          recorded_by: ids.consultant,
        })
        .execute(),
    );
    const overview = await manager.get('/api/v1/labour/employments/overview?month=2026-12');
    // Sep–Nov 2026: 0 + 12 000 + 0 kr → baseline 4 000 kr a month; December: 4 000 kr avoided.
    expect(overview.json.exchange.month).toMatchObject({ assistanceAvoidedOre: 400_000 });
    expect(overview.json.exchange.persons).toEqual([
      expect.objectContaining({ personId: ids.personNorth, name: 'Lena Norrman', assistanceAllowed: true }),
    ]);
    expect(overview.json.ending).toEqual([]);
  });

  it('audit rows name the person', async () => {
    const rows = await asOwner(
      async (db) =>
        (
          await sql<{ action: string; person_ids: string[] }>`
            SELECT action, person_ids FROM audit_log
            WHERE action LIKE 'employment.%' AND outcome = 'allowed'`.execute(db)
        ).rows,
    );
    const actions = new Set(rows.map((r) => r.action));
    for (const action of [
      'employment.create',
      'employment.list',
      'employment.union-review',
      'employment.start',
      'employment.cancel',
      'employment.overview',
    ])
      expect(actions).toContain(action);
    for (const row of rows) expect(row.person_ids).toContain(ids.personNorth);
  });
});
