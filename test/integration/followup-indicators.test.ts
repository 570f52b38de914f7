/**
 * Indicators in the product: values per period with targets and the year before, series,
 * targets set by a manager (not an analyst), and the drill-down behind a figure — named only
 * within the manager's unit, never a protected identity's name, counts only for analysts
 * (suppressed under 5), audited with the persons shown. The history is imported from an earlier
 * system as in kpi.test.ts.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ids, loadFixture, M } from '../support/fixture.ts';
import { importHistory, monthRange, personnummer, type HistoryHousehold } from '../support/history.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';

const now = new Date('2026-11-20T09:00:00Z');
let server: TestServer;

const NORTH = 'Försörjningsenheten Nord';
const SOUTH = 'Försörjningsenheten Syd';
const LONG_TERM_2025 = monthRange('2025-01', '2025-10');

/** Six households in Nord and two in Syd with ten months in 2025, ended in November (long-term
 * cases closed); three households in Syd with three months in 2024. Nord's sixth applicant gets a
 * protected identity. */
const households: HistoryHousehold[] = [
  ...['Ahlberg', 'Berg', 'Carlsson', 'Dahl', 'Ek', 'Hemligsson'].map((last, i) => ({
    pn: personnummer(`198${i}-03-1${i}`, 100 + i * 2),
    first: 'Nils',
    last,
    unit: NORTH,
    months: LONG_TERM_2025,
  })),
  ...['Sjöberg', 'Strand'].map((last, i) => ({
    pn: personnummer(`197${i}-05-2${i}`, 200 + i * 2),
    first: 'Sara',
    last,
    unit: SOUTH,
    months: LONG_TERM_2025,
  })),
  ...['Tall', 'Udd', 'Vik'].map((last, i) => ({
    pn: personnummer(`196${i}-07-0${i + 1}`, 300 + i * 2),
    first: 'Tove',
    last,
    unit: SOUTH,
    months: monthRange('2024-06', '2024-08'),
  })),
];

/** Person ids by last name. */
let personIds: Map<string, string>;

beforeAll(async () => {
  server = await startTestServer({
    clock: { now: () => now },
    seed: (database) => database.asOwner((db) => loadFixture(db)),
  });
  await importHistory(server.database.app.db, households, { now });
  personIds = await server.database.asOwner(async (db) => {
    await db
      .updateTable('person')
      .set({ protected_identity: true })
      .where('municipality_id', '=', M)
      .where('last_name', '=', 'Hemligsson')
      .execute();
    const rows = await db
      .selectFrom('person')
      .select(['id', 'last_name'])
      .where('municipality_id', '=', M)
      .execute();
    return new Map(rows.map((r) => [r.last_name, r.id]));
  });
});
afterAll(async () => server?.close());

async function client(userId: string): Promise<TestClient> {
  const c = new TestClient(server.url);
  await c.loginAs(userId);
  return c;
}

type IndicatorItem = {
  id: string;
  value: number | null;
  suppressed: boolean;
  target: { value: number; comment: string | null; setBy: string } | null;
  previous: { period: string; value: number | null; suppressed: boolean };
  drilldown: string | null;
};

async function indicators(c: TestClient, period: string): Promise<Map<string, IndicatorItem>> {
  const response = await c.get(`/api/v1/followup/indicators?period=${period}`);
  expect(response.status).toBe(200);
  return new Map((response.json.indicators as IndicatorItem[]).map((i) => [i.id, i]));
}

describe('the indicators endpoint', () => {
  it('computes every indicator for a year with the year before, small counts suppressed', async () => {
    const analyst = await client(ids.analyst);
    const year = await indicators(analyst, '2025');
    expect(year.get('households_with_assistance')).toMatchObject({
      value: 8,
      suppressed: false,
      drilldown: 'household',
      previous: { period: '2024', value: null, suppressed: true },
    });
    expect(year.get('long_term_households')?.value).toBe(8);
    expect(year.get('long_term_households_closed')?.value).toBe(8);
    expect(year.get('paid_per_household')).toMatchObject({ value: 80_000, drilldown: null });
    const november = await indicators(analyst, '2025-11');
    expect(november.get('households_outflow')?.value).toBe(8);
    expect(november.get('long_term_households_closed')?.value).toBe(8);
    expect(november.get('households_inflow')?.value).toBe(0);
    const january = await indicators(analyst, '2025-01');
    expect(january.get('households_inflow')?.value).toBe(8);
  });

  it('refuses a period that is not a month, tertial or year', async () => {
    const analyst = await client(ids.analyst);
    expect((await analyst.get('/api/v1/followup/indicators?period=2025-T4')).status).toBe(400);
  });

  it('gives a series per month for charts', async () => {
    const analyst = await client(ids.analyst);
    const response = await analyst.get(
      '/api/v1/followup/indicators/households_with_assistance/series?from=2025-09&to=2025-12',
    );
    expect(response.status).toBe(200);
    expect(response.json.points).toEqual([
      { period: '2025-09', value: 8, suppressed: false },
      { period: '2025-10', value: 8, suppressed: false },
      { period: '2025-11', value: 0, suppressed: false },
      { period: '2025-12', value: 0, suppressed: false },
    ]);
    expect(
      (await analyst.get('/api/v1/followup/indicators/nope/series?from=2025-01&to=2025-02')).status,
    ).toBe(404);
  });
});

describe('targets', () => {
  it('are set by a manager and shown with the indicators and the outcomes per tertial', async () => {
    const manager = await client(ids.managerNorth);
    const set = await manager.request('PUT', '/api/v1/followup/targets/long_term_households_closed/2025', {
      value: 10,
      comment: 'Tio avslutade långvariga ärenden',
    });
    expect(set.status).toBe(200);
    expect(set.json).toMatchObject({ indicatorId: 'long_term_households_closed', year: 2025, value: 10 });
    // set again: the new value replaces the old
    expect(
      (
        await manager.request('PUT', '/api/v1/followup/targets/long_term_households_closed/2025', {
          value: 12,
        })
      ).status,
    ).toBe(200);
    const year = await indicators(manager, '2025');
    expect(year.get('long_term_households_closed')?.target).toMatchObject({
      value: 12,
      comment: null,
      setBy: 'Chef Nord',
    });
    expect(year.get('households_with_assistance')?.target).toBeNull();

    const targets = await manager.get('/api/v1/followup/targets?year=2025');
    const closed = (
      targets.json.indicators as { id: string; target: { value: number }; outcomes: unknown[] }[]
    ).find((i) => i.id === 'long_term_households_closed')!;
    expect(closed.target.value).toBe(12);
    expect(closed.outcomes).toEqual([
      { period: '2025-T1', value: 0, suppressed: false },
      { period: '2025-T2', value: 0, suppressed: false },
      { period: '2025-T3', value: 8, suppressed: false },
      { period: '2025', value: 8, suppressed: false },
    ]);
  });

  it('are refused for an analyst and for an unknown indicator', async () => {
    const analyst = await client(ids.analyst);
    const refused = await analyst.request('PUT', '/api/v1/followup/targets/households_inflow/2025', {
      value: 5,
    });
    expect(refused.status).toBe(403);
    const manager = await client(ids.managerNorth);
    expect((await manager.request('PUT', '/api/v1/followup/targets/nope/2025', { value: 5 })).status).toBe(
      404,
    );
  });
});

describe('the drill-down', () => {
  it('gives an analyst counts only, suppressed under 5', async () => {
    const analyst = await client(ids.analyst);
    const closed = await analyst.get(
      '/api/v1/followup/indicators/long_term_households_closed/drilldown?period=2025',
    );
    expect(closed.status).toBe(200);
    expect(closed.json).toMatchObject({
      kind: 'household',
      total: { value: 8, suppressed: false },
      items: null,
      outsideScope: null,
    });
    const small = await analyst.get(
      '/api/v1/followup/indicators/households_with_assistance/drilldown?period=2024',
    );
    expect(small.json.total).toEqual({ value: null, suppressed: true });
    expect(small.text).not.toMatch(/Tall|Udd|Vik/);
  });

  it("lists for a manager only the households of the manager's unit, never naming a protected identity", async () => {
    const manager = await client(ids.managerNorth);
    const response = await manager.get(
      '/api/v1/followup/indicators/long_term_households_closed/drilldown?period=2025',
    );
    expect(response.status).toBe(200);
    const items = response.json.items as {
      personId: string;
      name: string | null;
      protectedIdentity: boolean;
    }[];
    expect(items.map((i) => i.name)).toEqual([
      'Nils Ahlberg',
      'Nils Berg',
      'Nils Carlsson',
      'Nils Dahl',
      'Nils Ek',
      null,
    ]);
    expect(items[5]).toMatchObject({ personId: personIds.get('Hemligsson'), protectedIdentity: true });
    expect(response.text).not.toContain('Hemligsson');
    expect(response.text).not.toMatch(/Sjöberg|Strand/);
    // the two households in Syd are outside the manager's unit: counted, and suppressed
    expect(response.json.outsideScope).toEqual({ value: null, suppressed: true });
    expect(response.json.total).toEqual({ value: 8, suppressed: false });
  });

  it('is audited with the persons shown', async () => {
    const rows = await server.database.asOwner(
      async (db) =>
        (
          await sql<{ actor_user_id: string; person_ids: string[] }>`
            SELECT actor_user_id, person_ids FROM audit_log
             WHERE outcome = 'allowed' AND action = 'followup.indicator-drilldown'
             ORDER BY occurred_at, seq`.execute(db)
        ).rows,
    );
    const byManager = rows.find((r) => r.actor_user_id === ids.managerNorth)!;
    const north = ['Ahlberg', 'Berg', 'Carlsson', 'Dahl', 'Ek', 'Hemligsson'].map((n) => personIds.get(n)!);
    expect([...byManager.person_ids].sort()).toEqual(north.sort());
    for (const row of rows.filter((r) => r.actor_user_id === ids.analyst)) expect(row.person_ids).toEqual([]);
  });
});
