/**
 * Action plans through the API, modelled on Uppsala's 26-point plan (seed 002): a manager creates
 * the plan with its follow-ups (April, August, year-end), adds goals and numbered activities by
 * area, and records a status per activity and follow-up — a deviation needs a comment. Goals get
 * a SMART check, and progress from the indicator engine on a small imported history (Nora and
 * Ali, as in kpi.test.ts). Analysts may read but not change.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ids, M } from '../support/fixture.ts';
import { importHistory, NORA_AND_ALI } from '../support/history.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';

const now = new Date('2026-11-20T09:00:00Z');
let server: TestServer;
let manager: TestClient;
let analyst: TestClient;

const BASE = '/api/v1/followup/action-plans';

beforeAll(async () => {
  server = await startTestServer({ clock: { now: () => now } });
  await server.database.asOwner((db) =>
    db
      .insertInto('population')
      .values([
        { municipality_id: M, year: 2023, total: 1000, children: 200, young_adults: 100, source: 'test' },
        { municipality_id: M, year: 2024, total: 1000, children: 200, young_adults: 100, source: 'test' },
      ])
      .execute(),
  );
  await importHistory(server.database.app.db, NORA_AND_ALI, { now });
  manager = new TestClient(server.url);
  analyst = new TestClient(server.url);
  await manager.loginAs(ids.managerNorth);
  await analyst.loginAs(ids.analyst);
});
afterAll(async () => server?.close());

let planId: string;
let followUps: { april: string; august: string; yearEnd: string };
let smartGoal: string;
let vagueGoal: string;
let activity1: string;
let activity2: string;
let activity10: string;

describe('a plan, its goals and activities', () => {
  it('lets a manager create a plan with its follow-ups, not an analyst', async () => {
    const body = {
      title: 'Plan för fler i jobb 2024',
      periodFrom: '2024-01-01',
      periodTo: '2024-12-31',
      adoptedBy: 'Arbetsmarknadsnämnden',
      adoptedOn: '2024-02-15',
      reference: 'AMN-2024-0001',
      followUps: [
        { date: '2024-04-30', label: 'April' },
        { date: '2024-08-31', label: 'Augusti' },
        { date: '2024-12-31', label: 'Helår' },
      ],
    };
    const denied = await analyst.post(BASE, body);
    expect(denied.status).toBe(403);

    const backwards = await manager.post(BASE, { ...body, periodTo: '2023-12-31' });
    expect(backwards.status).toBe(400);
    expect(backwards.json.detail).toBe('Planen kan inte sluta (2023-12-31) innan den börjar (2024-01-01).');

    const created = await manager.post(BASE, body);
    expect(created.status).toBe(201);
    planId = created.json.id;

    const list = await analyst.get(BASE);
    expect(list.status).toBe(200);
    expect(list.json.items).toEqual([
      expect.objectContaining({ id: planId, title: body.title, goals: 0, activities: 0, followUps: 3 }),
    ]);
    const detail = await manager.get(`${BASE}/${planId}`);
    const [april, august, yearEnd] = detail.json.followUps as { id: string; label: string }[];
    expect([april?.label, august?.label, yearEnd?.label]).toEqual(['April', 'Augusti', 'Helår']);
    followUps = { april: april!.id, august: august!.id, yearEnd: yearEnd!.id };
  });

  it('adds a SMART goal and one that cannot be measured, refusing unknown indicators', async () => {
    const smart = await manager.post(`${BASE}/${planId}/goals`, {
      number: 1,
      text: 'Utbetalt ekonomiskt bistånd per invånare ska halveras till 60 kr under 2024.',
      indicatorId: 'paid_per_inhabitant',
      targetValue: 60,
      targetDate: '2024-12-31',
      responsibleUnitId: ids.unitNorth,
    });
    expect(smart.status).toBe(201);
    smartGoal = smart.json.id;

    const vague = await manager.post(`${BASE}/${planId}/goals`, {
      number: 2,
      text: 'Arbetsmarknadsfokus ska råda i hela förvaltningen.',
    });
    expect(vague.status).toBe(201);
    vagueGoal = vague.json.id;

    const unknown = await manager.post(`${BASE}/${planId}/goals`, {
      number: 3,
      text: 'Något annat',
      indicatorId: 'made_up_indicator',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json.detail).toBe('Indikatorn made_up_indicator finns inte i Kedjan.');

    const twice = await manager.post(`${BASE}/${planId}/goals`, { number: 1, text: 'Igen' });
    expect(twice.status).toBe(409);

    const byAnalyst = await analyst.post(`${BASE}/${planId}/goals`, { number: 4, text: 'Nej' });
    expect(byAnalyst.status).toBe(403);
  });

  it('adds numbered activities in areas with responsible units', async () => {
    const add = async (body: object) => {
      const response = await manager.post(`${BASE}/${planId}/activities`, body);
      expect(response.status).toBe(201);
      return response.json.id as string;
    };
    activity1 = await add({
      number: 1,
      area: 'Studierelaterade aktiviteter',
      text: 'Alla elever på komvux har en individuell studieplan.',
      responsible: 'Rektor, SYV',
      expectedEffect: 'Ökad genomströmning. Kortare tid med bistånd.',
    });
    activity2 = await add({
      number: 2,
      area: 'Studierelaterade aktiviteter',
      text: 'Inrätta heltidsplanering för elever inom sfi.',
      responsible: 'VUX, AMA, S-EB',
      unitIds: [ids.unitNorth, ids.unitLabour],
      goalId: smartGoal,
    });
    activity10 = await add({
      number: 10,
      area: 'Arbetsmarknadsrelaterade aktiviteter',
      text: 'Personer som anger arbetslös i ansökan direktanvisas till arbetsmarknadsinsatser.',
      unitIds: [ids.unitLabour],
      goalId: vagueGoal,
    });
    const badUnit = await manager.post(`${BASE}/${planId}/activities`, {
      number: 11,
      area: 'Stödjande aktiviteter',
      text: 'X',
      unitIds: ['00000000-0000-4000-8000-00000000dead'],
    });
    expect(badUnit.status).toBe(400);
    expect(badUnit.json.code).toBe('ACTION_UNIT_UNKNOWN');
  });
});

describe('status at each follow-up', () => {
  const statusUrl = (activity: string, followUp: string) =>
    `${BASE}/${planId}/activities/${activity}/statuses/${followUp}`;

  it('refuses a deviation without a comment with the Swedish message, writing nothing', async () => {
    const refused = await manager.request('PUT', statusUrl(activity2, followUps.april), {
      status: 'deviating',
      comment: '  ',
    });
    expect(refused.status).toBe(400);
    expect(refused.json.code).toBe('ACTION_STATUS_COMMENT_REQUIRED');
    expect(refused.json.detail).toBe(
      'Skriv en kommentar: en aktivitet som avviker från planen, bara delvis följer planen eller är stoppad måste förklaras.',
    );
    for (const status of ['partly_on_plan', 'stopped']) {
      const again = await manager.request('PUT', statusUrl(activity2, followUps.april), { status });
      expect(again.status).toBe(400);
    }
    const stored = await server.database.asOwner((db) =>
      db.selectFrom('action_plan_status').select('status').where('municipality_id', '=', M).execute(),
    );
    expect(stored).toEqual([]);
  });

  it('also refuses it in the database itself', async () => {
    await expect(
      server.database.asOwner((db) =>
        db
          .insertInto('action_plan_status')
          .values({
            municipality_id: M,
            activity_id: activity2,
            followup_id: followUps.april,
            status: 'deviating',
            comment: null,
          })
          .execute(),
      ),
    ).rejects.toThrow(/action_plan_status_comment_required/);
  });

  it('records statuses, with a comment where required; an analyst may not', async () => {
    const put = (activity: string, followUp: string, body: object) =>
      manager.request('PUT', statusUrl(activity, followUp), body);
    expect((await put(activity1, followUps.april, { status: 'on_plan' })).status).toBe(204);
    expect((await put(activity1, followUps.august, { status: 'done' })).status).toBe(204);
    expect(
      (await put(activity2, followUps.april, { status: 'deviating', comment: 'Lärarbrist inom sfi.' }))
        .status,
    ).toBe(204);
    expect(
      (await put(activity2, followUps.august, { status: 'partly_on_plan', comment: 'Hälften av eleverna.' }))
        .status,
    ).toBe(204);
    expect(
      (await put(activity10, followUps.april, { status: 'stopped', comment: 'Strider mot lag.' })).status,
    ).toBe(204);
    // recording again replaces the status
    expect((await put(activity2, followUps.yearEnd, { status: 'on_plan' })).status).toBe(204);
    expect((await put(activity2, followUps.yearEnd, { status: 'done' })).status).toBe(204);

    const denied = await analyst.request('PUT', statusUrl(activity1, followUps.yearEnd), { status: 'done' });
    expect(denied.status).toBe(403);

    const unknown = await manager.request(
      'PUT',
      statusUrl('00000000-0000-4000-8000-00000000beef', followUps.april),
      { status: 'done' },
    );
    expect(unknown.status).toBe(404);
  });

  it('shows the analyst the matrix of statuses by area, the SMART warnings and the progress', async () => {
    const detail = await analyst.get(`${BASE}/${planId}`);
    expect(detail.status).toBe(200);
    const plan = detail.json;
    expect(plan.areas).toEqual(['Studierelaterade aktiviteter', 'Arbetsmarknadsrelaterade aktiviteter']);
    expect(plan.followUps.map((f: { counts: object }) => f.counts)).toEqual([
      { done: 0, on_plan: 1, partly_on_plan: 0, deviating: 1, stopped: 1 },
      { done: 1, on_plan: 0, partly_on_plan: 1, deviating: 0, stopped: 0 },
      { done: 1, on_plan: 0, partly_on_plan: 0, deviating: 0, stopped: 0 },
    ]);
    const second = plan.activities.find((a: { id: string }) => a.id === activity2);
    expect(second.units.map((u: { name: string }) => u.name)).toEqual([
      'Försörjningsenheten Nord',
      'Jobbenheten',
    ]);
    expect(second.statuses).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          followUpId: followUps.april,
          status: 'deviating',
          comment: 'Lärarbrist inom sfi.',
        }),
        expect.objectContaining({ followUpId: followUps.yearEnd, status: 'done', comment: null }),
      ]),
    );

    const [smart, vague] = plan.goals;
    expect(vague.smart).toEqual({
      measurable: false,
      warnings: ['no_indicator', 'no_target_value', 'no_target_date', 'no_responsible'],
    });
    expect(vague.progress).toBeNull();
    expect(smart.smart).toEqual({ measurable: true, warnings: [] });
    expect(smart.indicator).toMatchObject({ id: 'paid_per_inhabitant', koladaId: 'U31030' });
    // 2023: 15 months of 8 000 kr among 1 000 inhabitants = 120 kr; 2024: one month = 8 kr
    expect(smart.progress).toMatchObject({
      baselineYear: 2023,
      baseline: 120,
      baselineEntered: false,
      judgedYear: 2024,
      current: 8,
      direction: 'decrease',
      status: 'achieved',
      percent: 100,
      years: [{ year: 2024, value: 8, suppressed: false, partial: false }],
    });
  });
});

describe('the audit log', () => {
  it('records who read and changed the plans', async () => {
    const rows = await server.database.asOwner(async (db) =>
      (
        await sql<{ action: string; outcome: string }>`
          SELECT action, outcome FROM audit_log
          WHERE municipality_id = ${M} AND action LIKE 'followup.action-plan%'`.execute(db)
      ).rows.map((r) => `${r.action}:${r.outcome}`),
    );
    for (const expected of [
      'followup.action-plan-create:allowed',
      'followup.action-plans-list:allowed',
      'followup.action-plan-read:allowed',
      'followup.action-plan-goal-create:allowed',
      'followup.action-plan-activity-create:allowed',
      'followup.action-plan-status-set:allowed',
    ])
      expect(rows).toContain(expected);
    expect(
      rows.some((r) => r.startsWith('followup.action-plan-status-set:') && !r.endsWith(':allowed')),
    ).toBe(true);
  });
});
