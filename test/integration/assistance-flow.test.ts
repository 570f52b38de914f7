/**
 * A month's work through the API: application → norm → decision → visit → payment run (four eyes,
 * pain.001 validated against the schema) → exit; and the refusals a user meets on the way.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validatePain001 } from '../../src/assistance/payments/validate-pain001.ts';
import { ids } from '../support/fixture.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';

let server: TestServer;
let caseworker: TestClient;
let manager: TestClient;
beforeAll(async () => {
  server = await startTestServer({ clock: { now: () => new Date('2026-11-20T09:00:00Z') } });
  caseworker = new TestClient(server.url);
  manager = new TestClient(server.url);
  await caseworker.loginAs(ids.caseworkerNorth);
  await manager.loginAs(ids.managerNorth);
});
afterAll(async () => server?.close());

const application = {
  month: '2026-12',
  receivedOn: '2026-11-18',
  completeOn: '2026-11-19',
  selfAssessedUnemployed: true,
  members: [{ personId: ids.childNorth, lunchAway: true }],
  costs: [
    { type: 'rent', amountOre: 720_000 },
    { type: 'glasses', amountOre: 150_000 },
  ],
  incomes: [{ type: 'childBenefit', amountOre: 125_000 }],
  housing: { address: 'Storgatan 1', apartment: '1102' },
};

const auditActions = () =>
  server.database.asOwner(async (db) =>
    (
      await sql<{ action: string }>`SELECT action FROM audit_log WHERE outcome = 'allowed'`.execute(db)
    ).rows.map((r) => r.action),
  );

describe('a month of financial assistance', () => {
  let applicationId: string;
  let decisionId: string;
  let runId: string;

  it('registers the application and calculates the norm as a receipt', async () => {
    const created = await caseworker.post(
      `/api/v1/assistance/cases/${ids.caseNorth}/applications`,
      application,
    );
    expect(created.status).toBe(201);
    applicationId = created.json.id;

    const norm = await caseworker.get(`/api/v1/assistance/applications/${applicationId}/norm`);
    expect(norm.status).toBe(200);
    // a single parent and a child of 11 in December 2026: 3 940 + 4 390 + 1 410 common costs
    expect(norm.json.receipt.riksnorm).toBe(9740);
    expect(norm.json.receipt.total).toBe(9740 + 7200 + 1500 - 1250);
    expect(norm.json.receipt.lines.map((l: { label: string }) => l.label)).toContain('Barn 11 år');
    expect(norm.json.proposal.map((p: { itemType: string }) => p.itemType)).toEqual([
      'riksnorm',
      'rent',
      'glasses',
    ]);
    expect(norm.json.proposal[2].provision).toBe('12 kap. 1 § socialtjänstlagen (2025:400)');
  });

  it('drafts a decision per item, refuses an item without a reason, and signs it', async () => {
    const noReason = await caseworker.post(`/api/v1/assistance/applications/${applicationId}/decisions`, {
      items: [{ lineNo: 3, grantedOre: 0 }],
      payOn: '2026-11-27',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.json.detail).toContain('en post som inte beviljas helt behöver ett skäl');

    const drafted = await caseworker.post(`/api/v1/assistance/applications/${applicationId}/decisions`, {
      items: [{ lineNo: 3, grantedOre: 0, reason: 'Glasögon beviljas efter synundersökning och offert.' }],
      reasons: 'Hushållet saknar andra inkomster än barnbidrag.',
      payOn: '2026-11-27',
    });
    expect(drafted.status).toBe(201);
    decisionId = drafted.json.id;
    expect((await caseworker.post(`/api/v1/assistance/decisions/${decisionId}/sign`)).status).toBe(204);

    const decision = await caseworker.get(`/api/v1/assistance/decisions/${decisionId}`);
    expect(decision.json).toMatchObject({ status: 'signed', grantedOre: 974_000 + 720_000 - 125_000 });
    expect(decision.json.items.map((i: { outcome: string }) => i.outcome)).toEqual([
      'granted',
      'granted',
      'refused',
    ]);

    const again = await caseworker.post(`/api/v1/assistance/decisions/${decisionId}/sign`);
    expect(again.status).toBe(409);
  });

  it('never changes a signed decision, not even directly in the database', async () => {
    await expect(
      server.database.asOwner((db) =>
        sql`UPDATE decision SET granted_ore = 1 WHERE id = ${decisionId}`.execute(db),
      ),
    ).rejects.toThrow(/signed/);
  });

  it('prints the decision letter as a PDF', async () => {
    const letter = await caseworker.get(`/api/v1/assistance/decisions/${decisionId}/letter.pdf`);
    expect(letter.status).toBe(200);
    expect(letter.headers.get('content-type')).toBe('application/pdf');
    expect(letter.text.startsWith('%PDF-')).toBe(true);
  });

  it('keeps the case from a caseworker of another unit and from another municipality', async () => {
    const south = new TestClient(server.url);
    await south.loginAs(ids.caseworkerSouth);
    expect((await south.get(`/api/v1/assistance/cases/${ids.caseNorth}`)).status).toBe(403);
    expect((await south.get(`/api/v1/assistance/decisions/${decisionId}`)).status).toBe(403);
    const other = new TestClient(server.url);
    await other.loginAs(ids.otherMunicipalityUser);
    expect((await other.get(`/api/v1/assistance/cases/${ids.caseNorth}`)).status).toBe(404);
  });

  it('withholds the payment until a personal visit is held (the demo rule), then prepares the run', async () => {
    const early = await caseworker.post('/api/v1/assistance/payment-runs', { month: '2026-12' });
    expect(early.status).toBe(201);
    expect(early.json.count).toBe(0);
    expect(early.json.withheld).toEqual([expect.objectContaining({ decisionId, reason: 'no_visit' })]);
    // a run exists for the month now: the manager starts over by cancelling it
    await server.database.asOwner((db) =>
      sql`UPDATE payment_run SET status = 'cancelled' WHERE id = ${early.json.id}`.execute(db),
    );

    const friday = await caseworker.post(`/api/v1/assistance/cases/${ids.caseNorth}/visits`, {
      startsAt: '2026-11-27T09:00:00Z',
    });
    expect(friday.status).toBe(400);
    expect(friday.json.detail).toContain('måndag, tisdag, onsdag, torsdag');

    const visit = await caseworker.post(`/api/v1/assistance/cases/${ids.caseNorth}/visits`, {
      startsAt: '2026-11-23T09:00:00Z',
    });
    expect(visit.status).toBe(201);
    expect(
      (await caseworker.post(`/api/v1/assistance/visits/${visit.json.id}/status`, { status: 'held' })).status,
    ).toBe(204);

    const run = await caseworker.post('/api/v1/assistance/payment-runs', { month: '2026-12' });
    expect(run.status).toBe(201);
    expect(run.json).toMatchObject({ status: 'prepared', count: 1, totalOre: 1_569_000, withheld: [] });
    runId = run.json.id;

    const twice = await caseworker.post('/api/v1/assistance/payment-runs', { month: '2026-12' });
    expect(twice.status).toBe(409);
    expect(twice.json.detail).toBe('Det finns redan en utbetalningskörning för 2026-12.');
  });

  it('needs a second person to approve, then makes a bank file that validates and never changes', async () => {
    const self = new TestClient(server.url);
    await self.loginAs(ids.managerNorth);
    await server.database.asOwner((db) =>
      sql`UPDATE payment_run SET prepared_by = ${ids.managerNorth} WHERE id = ${runId}`.execute(db),
    );
    const own = await self.post(`/api/v1/assistance/payment-runs/${runId}/approve`);
    expect(own.status).toBe(403);
    expect(own.json.code).toBe('FOUR_EYES_REQUIRED');
    await server.database.asOwner((db) =>
      sql`UPDATE payment_run SET prepared_by = ${ids.caseworkerNorth} WHERE id = ${runId}`.execute(db),
    );

    const approved = await manager.post(`/api/v1/assistance/payment-runs/${runId}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.json).toMatchObject({ status: 'approved', approvedBy: 'Chef Nord' });

    const first = await manager.get(`/api/v1/assistance/payment-runs/${runId}/pain001.xml`);
    const second = await manager.get(`/api/v1/assistance/payment-runs/${runId}/pain001.xml`);
    expect(first.status).toBe(200);
    expect(second.text).toBe(first.text);
    const validation = await validatePain001(first.text);
    expect(validation).toMatchObject({ valid: true, nbOfTxs: 1, ctrlSumOre: 1_569_000 });
    expect(first.text).toContain('<Nm>Lena Norrman</Nm>');
  });

  it('writes every decision and payment step to the audit log', async () => {
    const actions = await auditActions();
    for (const action of [
      'application.create',
      'decision.create',
      'decision.sign',
      'payment.run-prepare',
      'payment.run-approve',
    ])
      expect(actions).toContain(action);
  });

  it('closes the case with the way out; a closed case takes no new application', async () => {
    const exit = await caseworker.post(`/api/v1/assistance/cases/${ids.caseNorth}/exit`, {
      exitOn: '2026-11-20',
      reason: 'work',
    });
    expect(exit.status).toBe(204);
    const overview = await caseworker.get(`/api/v1/assistance/cases/${ids.caseNorth}`);
    expect(overview.json).toMatchObject({ closedOn: '2026-11-20', exitReason: 'work' });
    expect(overview.json.timeline.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining([
        'case_opened',
        'application_received',
        'decision_signed',
        'visit_held',
        'payment_sent',
        'case_closed',
      ]),
    );
    const late = await caseworker.post(`/api/v1/assistance/cases/${ids.caseNorth}/applications`, application);
    expect(late.status).toBe(409);
    expect(late.json.code).toBe('CASE_CLOSED');
  });
});

describe('bad input is refused with a clear message and nothing is written', () => {
  it('refuses impossible amounts, a future receipt date and a decision on a missing application', async () => {
    const before = await server.database.asOwner(async (db) =>
      Number((await sql<{ n: string }>`SELECT count(*) AS n FROM application`.execute(db)).rows[0]!.n),
    );
    const tooBig = await caseworker.post(`/api/v1/assistance/cases/${ids.caseProtected}/applications`, {
      ...application,
      members: [],
      costs: [{ type: 'rent', amountOre: 1_000_000_000 }],
    });
    expect(tooBig.status).toBe(400);
    expect(tooBig.json.errors[0]).toMatchObject({
      path: 'costs.0.amountOre',
      message: 'för långt eller för stort',
    });
    const future = await caseworker.post(`/api/v1/assistance/cases/${ids.caseProtected}/applications`, {
      ...application,
      members: [],
      receivedOn: '2026-12-24',
    });
    expect(future.status).toBe(400);
    expect(future.json.code).toBe('RECEIVED_IN_FUTURE');
    const missing = await caseworker.post(
      '/api/v1/assistance/applications/00000000-0000-4000-8000-00000000dead/decisions',
      { payOn: '2026-11-27' },
    );
    expect(missing.status).toBe(404);
    const after = await server.database.asOwner(async (db) =>
      Number((await sql<{ n: string }>`SELECT count(*) AS n FROM application`.execute(db)).rows[0]!.n),
    );
    expect(after).toBe(before);
  });

  it('refuses a bank account approved by the one who registered it', async () => {
    const requested = await caseworker.post('/api/v1/assistance/bank-accounts', {
      personId: ids.childNorth,
      clearingNumber: '8327',
      accountNumber: '1234567',
    });
    expect(requested.status).toBe(201);
    const own = await caseworker.post(`/api/v1/assistance/bank-accounts/${requested.json.id}/approve`);
    expect(own.status).toBe(403);
    expect((await manager.post(`/api/v1/assistance/bank-accounts/${requested.json.id}/approve`)).status).toBe(
      204,
    );
  });
});

describe("the manager's view of caseloads", () => {
  it('lists the caseworkers of the manager’s units with their open cases against the limit', async () => {
    const response = await manager.get('/api/v1/assistance/caseloads');
    expect(response.status).toBe(200);
    expect(response.json.limit).toBe(45);
    expect(response.json.items.map((i: { name: string }) => i.name)).toEqual(['Anna Nord']);
    expect((await caseworker.get('/api/v1/assistance/caseloads')).status).toBe(403);
  });
});
