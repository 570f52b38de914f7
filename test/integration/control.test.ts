/**
 * Control through the API: the fraud investigator's investigation with its findings, the case's
 * payments in the period, a recovery decision with its repayment plan; and the double-rent check,
 * which never names or places a household with protected identity.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.ts';
import { ids, M, PROTECTED_NAME } from '../support/fixture.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';

const APP = {
  north: '00000000-0000-4000-8000-000000000901',
  south: '00000000-0000-4000-8000-000000000902',
  protected: '00000000-0000-4000-8000-000000000903',
  decision: '00000000-0000-4000-8000-000000000911',
  run: '00000000-0000-4000-8000-000000000921',
  payment: '00000000-0000-4000-8000-000000000931',
};

/** October 2026: three households claim rent; North and South for the same flat, written differently. */
async function seedMonth(db: Database) {
  const application = (id: string, caseId: string, address: string, apartment: string | null) => ({
    municipality_id: M,
    id,
    case_id: caseId,
    month: '2026-10-01',
    kind: 'recurring' as const,
    channel: 'paper' as const,
    received_on: '2026-09-20',
    status: 'decided' as const,
    housing_address: address,
    housing_apartment: apartment,
    housing_contract: null,
  });
  await db
    .insertInto('application')
    .values([
      application(APP.north, ids.caseNorth, 'Storgatan 1', '1102'),
      application(APP.south, ids.caseSouth, 'STORGATAN  1.', '11 02'),
      application(APP.protected, ids.caseProtected, 'storgatan 1', '1102'),
    ])
    .execute();
  await db
    .insertInto('application_member')
    .values([
      { municipality_id: M, application_id: APP.north, person_id: ids.personNorth, role: 'applicant' },
      { municipality_id: M, application_id: APP.south, person_id: ids.personSouth, role: 'applicant' },
      { municipality_id: M, application_id: APP.protected, person_id: ids.protectedNorth, role: 'applicant' },
    ])
    .execute();
  await db
    .insertInto('application_item')
    .values(
      [APP.north, APP.south, APP.protected].map((applicationId, i) => ({
        municipality_id: M,
        application_id: applicationId,
        line_no: 1,
        kind: 'cost' as const,
        item_type: 'rent',
        amount_ore: 700_000 + i * 10_000,
      })),
    )
    .execute();
  await db
    .insertInto('decision')
    .values({
      municipality_id: M,
      id: APP.decision,
      case_id: ids.caseNorth,
      application_id: APP.north,
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
      id: APP.run,
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
      id: APP.payment,
      run_id: APP.run,
      decision_id: APP.decision,
      case_id: ids.caseNorth,
      person_id: ids.personNorth,
      amount_ore: 1_200_000,
      clearing_number: '8327',
      account_number: '9123456789',
      end_to_end_id: 'KJ-TEST-1',
      status: 'sent',
    })
    .execute();
}

let server: TestServer;
let fraud: TestClient;
let manager: TestClient;
let caseworker: TestClient;
beforeAll(async () => {
  server = await startTestServer({ clock: { now: () => new Date('2026-11-20T09:00:00Z') } });
  await server.database.asOwner(seedMonth);
  fraud = new TestClient(server.url);
  manager = new TestClient(server.url);
  caseworker = new TestClient(server.url);
  await fraud.loginAs(ids.fraud);
  await manager.loginAs(ids.managerNorth);
  await caseworker.loginAs(ids.caseworkerNorth);
});
afterAll(async () => server?.close());

const put = (client: TestClient, path: string, body: unknown) => client.request('PUT', path, body);

describe('investigations of incorrect payments', () => {
  let northId: string;
  let protectedId: string;

  it('are opened by a fraud investigator only, on a date that has been', async () => {
    const url = `/api/v1/assistance/cases/${ids.caseNorth}/investigations`;
    expect((await caseworker.post(url, { suspicion: 'double_rent', openedOn: '2026-11-02' })).status).toBe(
      403,
    );
    const future = await fraud.post(url, { suspicion: 'double_rent', openedOn: '2026-11-21' });
    expect(future.status).toBe(400);
    expect(future.json.code).toBe('DATE_NOT_IN_RANGE');
    const opened = await fraud.post(url, {
      suspicion: 'double_rent',
      openedOn: '2026-11-02',
      periodFrom: '2026-09-01',
    });
    expect(opened.status).toBe(201);
    northId = opened.json.id;
    const other = await fraud.post(`/api/v1/assistance/cases/${ids.caseProtected}/investigations`, {
      suspicion: 'undeclared_income',
      openedOn: '2026-10-01',
    });
    expect(other.status).toBe(201);
    protectedId = other.json.id;
  });

  it('list open ones first with days open, never naming a protected identity', async () => {
    const list = await fraud.get('/api/v1/assistance/investigations');
    expect(list.status).toBe(200);
    expect(list.json).toMatchObject({ total: 2, page: 1, pageSize: 25 });
    expect(list.json.items).toEqual([
      expect.objectContaining({ id: protectedId, applicantName: null, daysOpen: 50, status: 'open' }),
      expect.objectContaining({
        id: northId,
        applicantName: 'Lena Norrman',
        suspicionLabel: 'Dubbel hyra',
        daysOpen: 18,
      }),
    ]);
    expect(list.text).not.toContain(PROTECTED_NAME.last);

    const newest = await fraud.get('/api/v1/assistance/investigations?sort=-opened&pageSize=1&page=2');
    expect(newest.json.total).toBe(2);
    expect(newest.json.items.map((i: { id: string }) => i.id)).toEqual([protectedId]);
    const beyond = await fraud.get('/api/v1/assistance/investigations?page=5');
    expect(beyond.json).toMatchObject({ total: 2, items: [] });
    expect((await fraud.get('/api/v1/assistance/investigations?pageSize=1000')).status).toBe(400);
    expect((await manager.get('/api/v1/assistance/investigations')).status).toBe(403);
  });

  it('keep findings while open and show the payments of the period', async () => {
    const saved = await put(fraud, `/api/v1/assistance/investigations/${northId}/findings`, {
      findings: 'Två hushåll söker hyra för samma lägenhet i oktober.',
    });
    expect(saved.status).toBe(204);
    const read = await fraud.get(`/api/v1/assistance/investigations/${northId}`);
    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({
      findings: 'Två hushåll söker hyra för samma lägenhet i oktober.',
      periodFrom: '2026-09-01',
      periodTo: '2026-11-02',
      paidOre: 1_200_000,
      payments: [
        { id: APP.payment, month: '2026-10', payOn: '2026-09-29', amountOre: 1_200_000, status: 'sent' },
      ],
      recoveries: [],
    });
  });

  it('decide a recovery citing the act in force when the assistance was granted, with its plan', async () => {
    const url = `/api/v1/assistance/investigations/${northId}/recoveries`;
    const base = {
      amountOre: 1_000_000,
      monthlyOre: 300_000,
      firstDueOn: '2026-12-28',
      reasons: 'Hyran betaldes två gånger.',
    };
    const tooMuch = await fraud.post(url, { ...base, monthlyOre: 1_000_001, grantedFrom: '2026-10-01' });
    expect(tooMuch.json.code).toBe('RECOVERY_MONTHLY_ABOVE_AMOUNT');
    expect((await fraud.post(url, { ...base, monthlyOre: 1, grantedFrom: '2026-10-01' })).json.code).toBe(
      'RECOVERY_PLAN_TOO_LONG',
    );

    const recovery = await fraud.post(url, { ...base, grantedFrom: '2026-09-24' });
    expect(recovery.status).toBe(201);
    expect(recovery.json).toMatchObject({
      decidedOn: '2026-11-20',
      provision: '33 kap. 1 § socialtjänstlagen (2025:400)',
      plan: [
        { no: 1, dueOn: '2026-12-28', amountOre: 300_000 },
        { no: 2, dueOn: '2027-01-28', amountOre: 300_000 },
        { no: 3, dueOn: '2027-02-28', amountOre: 300_000 },
        { no: 4, dueOn: '2027-03-28', amountOre: 100_000 },
      ],
    });
    const old = await fraud.post(url, { ...base, grantedFrom: '2025-06-15' });
    expect(old.json.provision).toBe('9 kap. 1 § socialtjänstlagen (2001:453)');
    const stored = await server.database.asOwner((db) =>
      db.selectFrom('recovery').select(['provision', 'granted_from']).orderBy('granted_from').execute(),
    );
    expect(stored).toEqual([
      { provision: 'SFS 2001:453 9 kap. 1 §', granted_from: '2025-06-15' },
      { provision: 'SFS 2025:400 33 kap. 1 §', granted_from: '2026-09-24' },
    ]);
    const read = await fraud.get(`/api/v1/assistance/investigations/${northId}`);
    expect(read.json.recoveries).toHaveLength(2);
  });

  it('close with an outcome, and then stay as they were', async () => {
    const early = await fraud.post(`/api/v1/assistance/investigations/${protectedId}/close`, {
      outcome: 'no_incorrect_payment',
      closedOn: '2026-09-30',
    });
    expect(early.json.code).toBe('DATE_NOT_IN_RANGE');
    const closed = await fraud.post(`/api/v1/assistance/investigations/${protectedId}/close`, {
      outcome: 'no_incorrect_payment',
      closedOn: '2026-11-19',
    });
    expect(closed.status).toBe(204);
    const again = await put(fraud, `/api/v1/assistance/investigations/${protectedId}/findings`, {
      findings: 'x',
    });
    expect(again.status).toBe(409);
    expect(again.json.code).toBe('INVESTIGATION_CLOSED');
    const recovery = await fraud.post(`/api/v1/assistance/investigations/${protectedId}/recoveries`, {
      amountOre: 100,
      monthlyOre: 100,
      firstDueOn: '2026-12-01',
      reasons: 'x',
      grantedFrom: '2026-01-01',
    });
    expect(recovery.json.code).toBe('RECOVERY_NOT_ALLOWED');

    const closedList = await fraud.get('/api/v1/assistance/investigations?status=closed');
    expect(closedList.json.items).toEqual([
      expect.objectContaining({ id: protectedId, outcome: 'no_incorrect_payment', daysOpen: 49 }),
    ]);
    const list = await fraud.get('/api/v1/assistance/investigations');
    expect(list.json.items.map((i: { id: string }) => i.id)).toEqual([northId, protectedId]);
  });

  it('write each step to the audit log, for fraud investigation', async () => {
    const rows = await server.database.asOwner(async (db) =>
      (
        await sql<{
          payload: string;
        }>`SELECT payload FROM audit_log WHERE action LIKE 'investigation.%' OR action = 'recovery.decide'`.execute(
          db,
        )
      ).rows.map((r) => JSON.parse(r.payload) as { action: string; purpose: string; outcome: string }),
    );
    const allowed = rows.filter((r) => r.outcome === 'allowed');
    expect(new Set(allowed.map((r) => r.action))).toEqual(
      new Set([
        'investigation.open',
        'investigation.list',
        'investigation.read',
        'investigation.findings',
        'investigation.close',
        'recovery.decide',
      ]),
    );
    expect(allowed.every((r) => r.purpose === 'fraud_investigation')).toBe(true);
  });
});

describe('the double-rent check', () => {
  it('groups the households claiming rent for the same flat in the month', async () => {
    const check = await fraud.get('/api/v1/assistance/checks/double-rent?month=2026-10');
    expect(check.status).toBe(200);
    expect(check.json.groups).toHaveLength(1);
    const [group] = check.json.groups;
    expect(group).toMatchObject({ matchedBy: ['address'], contract: null });
    expect(['Storgatan 1', 'STORGATAN  1.']).toContain(group.address);
    expect(group.claims).toHaveLength(3);
    // the investigator has clearance: the protected case is there, but never named
    expect(group.claims).toContainEqual(
      expect.objectContaining({ caseId: ids.caseProtected, applicantName: null, protectedIdentity: true }),
    );
    expect(group.claims).toContainEqual(
      expect.objectContaining({ caseId: ids.caseSouth, applicantName: 'Olle Söderberg', inMyUnits: true }),
    );
    expect(check.text).not.toContain(PROTECTED_NAME.last);
    expect((await fraud.get('/api/v1/assistance/checks/double-rent?month=2026-11')).json.groups).toEqual([]);
  });

  it('shows a unit manager the other unit’s case unnamed, and a protected household not even by case', async () => {
    const check = await manager.get('/api/v1/assistance/checks/double-rent?month=2026-10');
    expect(check.status).toBe(200);
    const claims = check.json.groups[0].claims as Record<string, unknown>[];
    expect(claims).toContainEqual(
      expect.objectContaining({ caseId: ids.caseSouth, applicantName: null, inMyUnits: false }),
    );
    expect(claims).toContainEqual(
      expect.objectContaining({ caseId: null, unitName: null, applicantName: null, protectedIdentity: true }),
    );
    expect(claims).toContainEqual(
      expect.objectContaining({ caseId: ids.caseNorth, applicantName: 'Lena Norrman' }),
    );
    expect(check.text).not.toContain(ids.caseProtected);
  });

  it('is not for caseworkers, and wants a month', async () => {
    expect((await caseworker.get('/api/v1/assistance/checks/double-rent?month=2026-10')).status).toBe(403);
    expect((await fraud.get('/api/v1/assistance/checks/double-rent?month=2026-13')).status).toBe(400);
  });
});
