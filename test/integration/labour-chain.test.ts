/**
 * The whole chain of one person across financial assistance and the labour-market unit: the
 * information flows (consent or legal basis, per direction, revocable) decide what each unit sees
 * of the other's part; the assistance caseworker's notices from the unit.
 *
 * The labour rows are written directly (the unit's own endpoints are tested elsewhere).
 */
import type { Database } from '../../src/db/connection.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ids, M, OTHER_M } from '../support/fixture.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';

const now = new Date('2026-11-20T09:00:00Z');
let server: TestServer;
let consultant: TestClient;
let caseworker: TestClient;
let caseworkerSouth: TestClient;
let managerNorth: TestClient;

const labourCase = {
  north: '00000000-0000-4000-8000-00000000c401',
  south: '00000000-0000-4000-8000-00000000c402',
  protected: '00000000-0000-4000-8000-00000000c403',
};
const referral = {
  north: '00000000-0000-4000-8000-00000000c501',
  south: '00000000-0000-4000-8000-00000000c502',
  protected: '00000000-0000-4000-8000-00000000c503',
};
const applicationId = '00000000-0000-4000-8000-00000000c601';
const decisionId = '00000000-0000-4000-8000-00000000c602';
const runId = '00000000-0000-4000-8000-00000000c603';
const paymentId = '00000000-0000-4000-8000-00000000c604';
const notice = {
  exitNorth: '00000000-0000-4000-8000-00000000c701',
  absenceNorth: '00000000-0000-4000-8000-00000000c702',
  south: '00000000-0000-4000-8000-00000000c703',
  protected: '00000000-0000-4000-8000-00000000c704',
  acknowledged: '00000000-0000-4000-8000-00000000c705',
};

async function seedChain(db: Database) {
  await db
    .insertInto('client_case')
    .values(
      (
        [
          [labourCase.north, ids.householdNorth],
          [labourCase.south, ids.householdSouth],
          [labourCase.protected, ids.householdProtected],
        ] as const
      ).map(([id, household]) => ({
        municipality_id: M,
        id,
        household_id: household,
        unit_id: ids.unitLabour,
        caseworker_id: ids.consultant,
        kind: 'labour' as const,
        opened_on: '2026-01-12',
        closed_on: null,
      })),
    )
    .execute();
  await db
    .insertInto('referral')
    .values(
      (
        [
          [referral.north, ids.personNorth, labourCase.north, ids.caseNorth],
          [referral.south, ids.personSouth, labourCase.south, ids.caseSouth],
          [referral.protected, ids.protectedNorth, labourCase.protected, ids.caseProtected],
        ] as const
      ).map(([id, person, caseId, assistanceCase]) => ({
        municipality_id: M,
        id,
        person_id: person,
        case_id: caseId,
        initiator: 'social_services' as const,
        owner_name: 'Anna Nord',
        owner_user_id: ids.caseworkerNorth,
        assistance_case_id: assistanceCase,
        referred_on: '2026-01-12',
        intro_day: '2026-01-13',
        intro_attended: true,
        created_by: ids.caseworkerNorth,
      })),
    )
    .execute();
  await db
    .insertInto('labour_mapping')
    .values({
      municipality_id: M,
      id: '00000000-0000-4000-8000-00000000c801',
      referral_id: referral.north,
      mapped_on: '2026-01-20',
      capacity_hours: 30,
      mapped_by: ids.consultant,
    })
    .execute();
  await db
    .insertInto('subsidised_employment')
    .values({
      municipality_id: M,
      id: '00000000-0000-4000-8000-00000000c802',
      referral_id: referral.north,
      person_id: ids.personNorth,
      form: 'extratjanst',
      employer: 'Vård- och omsorgsförvaltningen',
      starts_on: '2026-03-01',
      ends_on: '2027-02-28',
      hours_per_week: 40,
      monthly_salary_cost_ore: 2_600_000,
      monthly_support_ore: 2_600_000,
      union_review: 'approved',
      union_reviewed_on: '2026-02-20',
      status: 'started',
      created_by: ids.consultant,
    })
    .execute();

  // The assistance side: an application for March 2026 with its signed decision, the payment,
  // and the reason code.
  await db
    .insertInto('application')
    .values({
      municipality_id: M,
      id: applicationId,
      case_id: ids.caseNorth,
      month: '2026-03-01',
      kind: 'recurring',
      channel: 'paper',
      received_on: '2026-02-10',
      status: 'decided',
    })
    .execute();
  await db
    .insertInto('application_member')
    .values([
      { municipality_id: M, application_id: applicationId, person_id: ids.personNorth, role: 'applicant' },
      { municipality_id: M, application_id: applicationId, person_id: ids.childNorth, role: 'child' },
    ])
    .execute();
  await db
    .insertInto('decision')
    .values({
      municipality_id: M,
      id: decisionId,
      case_id: ids.caseNorth,
      application_id: applicationId,
      month: '2026-03-01',
      status: 'signed',
      decided_on: '2026-02-16',
      decided_by: ids.caseworkerNorth,
      signed_at: new Date('2026-02-16T10:00:00Z'),
      supersedes_id: null,
      norm: JSON.stringify({}),
      granted_ore: 1_234_500,
      reduction_reason: null,
      condition: null,
      condition_detail: null,
      payee_person_id: ids.personNorth,
      pay_on: '2026-02-25',
    })
    .execute();
  await db
    .insertInto('payment_run')
    .values({
      municipality_id: M,
      id: runId,
      month: '2026-03-01',
      pay_on: '2026-02-25',
      status: 'approved',
      prepared_by: ids.caseworkerNorth,
      approved_by: ids.managerNorth,
      approved_at: new Date('2026-02-20T10:00:00Z'),
    })
    .execute();
  await db
    .insertInto('payment')
    .values({
      municipality_id: M,
      id: paymentId,
      run_id: runId,
      decision_id: decisionId,
      case_id: ids.caseNorth,
      person_id: ids.personNorth,
      amount_ore: 1_234_500,
      clearing_number: '8327',
      account_number: '9123456789',
      end_to_end_id: 'KJ-TEST-CHAIN-1',
      status: 'sent',
    })
    .execute();
  await db
    .insertInto('reason_code')
    .values({
      municipality_id: M,
      person_id: ids.personNorth,
      month: '2026-03-01',
      case_id: ids.caseNorth,
      code: 'unemployed_no_benefit',
      set_by: ids.caseworkerNorth,
    })
    .execute();

  const noticeRow = (
    id: string,
    ref: string,
    person: string,
    assistanceCase: string,
    kind: 'exit' | 'absence',
    detail: Record<string, string | number>,
    createdAt: string,
  ) => ({
    municipality_id: M,
    id,
    referral_id: ref,
    person_id: person,
    assistance_case_id: assistanceCase,
    kind,
    week: kind === 'absence' ? '2026-11-09' : null,
    detail: JSON.stringify(detail),
    created_at: new Date(createdAt),
  });
  await db
    .insertInto('labour_notice')
    .values([
      noticeRow(
        notice.exitNorth,
        referral.north,
        ids.personNorth,
        ids.caseNorth,
        'exit',
        { result: 'work' },
        '2026-11-19T08:00:00Z',
      ),
      noticeRow(
        notice.absenceNorth,
        referral.north,
        ids.personNorth,
        ids.caseNorth,
        'absence',
        { plannedHours: 40, attendedHours: 24, absenceReason: 'without_reason' },
        '2026-11-16T08:00:00Z',
      ),
      noticeRow(
        notice.south,
        referral.south,
        ids.personSouth,
        ids.caseSouth,
        'exit',
        { result: 'studies' },
        '2026-11-18T08:00:00Z',
      ),
      noticeRow(
        notice.protected,
        referral.protected,
        ids.protectedNorth,
        ids.caseProtected,
        'absence',
        { plannedHours: 20, attendedHours: 0 },
        '2026-11-17T08:00:00Z',
      ),
      {
        ...noticeRow(
          notice.acknowledged,
          referral.north,
          ids.personNorth,
          ids.caseNorth,
          'absence',
          {},
          '2026-11-02T08:00:00Z',
        ),
        acknowledged_at: new Date('2026-11-03T08:00:00Z'),
        acknowledged_by: ids.caseworkerNorth,
      },
    ])
    .execute();
}

beforeAll(async () => {
  server = await startTestServer({ clock: { now: () => now } });
  await server.database.asOwner(seedChain);
  consultant = new TestClient(server.url);
  caseworker = new TestClient(server.url);
  caseworkerSouth = new TestClient(server.url);
  managerNorth = new TestClient(server.url);
  await consultant.loginAs(ids.consultant);
  await caseworker.loginAs(ids.caseworkerNorth);
  await caseworkerSouth.loginAs(ids.caseworkerSouth);
  await managerNorth.loginAs(ids.managerNorth);
});
afterAll(async () => server?.close());

const chainUrl = (personId: string) => `/api/v1/people/${personId}/chain`;
const flowsUrl = (personId: string) => `/api/v1/people/${personId}/information-flows`;
type Event = { part: string; kind: string; date: string; amountOre: number | null; codeLabel: string | null };
const kinds = (events: Event[]) => events.map((e) => `${e.part}:${e.kind}`);

async function flowId(client: TestClient, direction: string): Promise<string> {
  const list = await client.get(flowsUrl(ids.personNorth));
  return list.json.directions.find((d: { direction: string }) => d.direction === direction).current.id;
}

describe('the consultant and the assistance_to_labour flow', () => {
  it('without consent, the consultant sees only the unit’s part, and is told why', async () => {
    const chain = await consultant.get(chainUrl(ids.personNorth));
    expect(chain.status).toBe(200);
    expect(chain.json.parts.assistance).toEqual({
      shown: false,
      because: null,
      withheld: 'no_flow',
      message: 'Uppgifter från ekonomiskt bistånd visas inte: samtycke saknas.',
    });
    expect(chain.json.parts.labour).toMatchObject({ shown: true, because: 'own_unit' });
    expect(kinds(chain.json.events)).toEqual([
      'labour:employment',
      'labour:mapping',
      'labour:intro_day',
      'labour:referral',
    ]);
    expect(chain.json.events[0]).toMatchObject({
      codeLabel: 'Extratjänst',
      review: 'approved',
      from: '2026-03-01',
      to: '2027-02-28',
      hours: 40,
    });
    expect(chain.json.events.at(-1)).toMatchObject({ codeLabel: 'Socialtjänsten' });
  });

  it('comes in pages, newest first, for a long history', async () => {
    const first = await consultant.get(`${chainUrl(ids.personNorth)}?limit=2`);
    expect(first.status).toBe(200);
    expect(first.json.events.map((e: Event) => e.date)).toEqual(['2026-03-01', '2026-01-20']);
    expect(first.json).toMatchObject({ hasMore: true, nextBefore: '2026-01-20' });
    const second = await consultant.get(`${chainUrl(ids.personNorth)}?limit=2&before=2026-01-20`);
    expect(kinds(second.json.events)).toEqual(['labour:intro_day', 'labour:referral']);
    expect(second.json).toMatchObject({ hasMore: false, nextBefore: null });
  });

  it('finds the pages beyond the two years read first, and says when nothing is older', async () => {
    const old = '00000000-0000-4000-8000-00000000c802';
    await server.database.asOwner((db) =>
      db
        .insertInto('labour_mapping')
        .values({
          municipality_id: M,
          id: old,
          referral_id: referral.north,
          mapped_on: '2019-05-06',
          capacity_hours: 10,
          mapped_by: ids.consultant,
        })
        .execute(),
    );
    try {
      const first = await consultant.get(`${chainUrl(ids.personNorth)}?limit=4`);
      expect(first.json).toMatchObject({ hasMore: true, nextBefore: '2026-01-12' });
      const second = await consultant.get(`${chainUrl(ids.personNorth)}?limit=4&before=2026-01-12`);
      expect(second.json.events.map((e: Event) => [e.kind, e.date])).toEqual([['mapping', '2019-05-06']]);
      expect(second.json).toMatchObject({ hasMore: false, nextBefore: null });
      const beyond = await consultant.get(`${chainUrl(ids.personNorth)}?before=2019-05-06`);
      expect(beyond.json).toMatchObject({ events: [], hasMore: false, nextBefore: null });
    } finally {
      await server.database.asOwner((db) => db.deleteFrom('labour_mapping').where('id', '=', old).execute());
    }
  });

  it('shows the flows on the person page as missing, in a municipality with separate units', async () => {
    const flows = await consultant.get(flowsUrl(ids.personNorth));
    expect(flows.status).toBe(200);
    expect(flows.json.separateAuthority).toBe(true);
    expect(flows.json.directions).toEqual([
      {
        direction: 'assistance_to_labour',
        label: 'Från ekonomiskt bistånd till arbetsmarknadsenheten',
        standing: false,
        current: null,
      },
      {
        direction: 'labour_to_assistance',
        label: 'Från arbetsmarknadsenheten till ekonomiskt bistånd',
        standing: false,
        current: null,
      },
    ]);
  });

  it('after the consent is recorded, the consultant sees the assistance part too', async () => {
    const recorded = await consultant.post(flowsUrl(ids.personNorth), {
      direction: 'assistance_to_labour',
      basis: 'consent',
      givenOn: '2026-11-19',
    });
    expect(recorded.status).toBe(201);
    expect(recorded.json).toMatchObject({
      direction: 'assistance_to_labour',
      basisLabel: 'Samtycke',
      givenOn: '2026-11-19',
      revokedOn: null,
      standing: true,
      recordedBy: { id: ids.consultant, name: 'Kim Konsult' },
    });

    const chain = await consultant.get(chainUrl(ids.personNorth));
    expect(chain.json.parts.assistance).toMatchObject({ shown: true, because: 'flow', message: null });
    expect(kinds(chain.json.events)).toEqual([
      'labour:employment',
      'assistance:reason_code',
      'assistance:payment',
      'assistance:decision',
      'assistance:application',
      'labour:mapping',
      'labour:intro_day',
      'labour:referral',
      'assistance:case_opened',
    ]);
    const byKind = (kind: string) => chain.json.events.find((e: Event) => e.kind === kind);
    expect(byKind('decision')).toMatchObject({ date: '2026-02-16', month: '2026-03', amountOre: 1_234_500 });
    expect(byKind('payment')).toMatchObject({ date: '2026-02-25', amountOre: 1_234_500 });
    expect(byKind('reason_code')).toMatchObject({ codeLabel: 'Arbetslös – ingen ersättning' });
    expect(byKind('application')).toMatchObject({ codeLabel: 'Återansökan', month: '2026-03' });
  });

  it('refuses a second consent while one stands', async () => {
    const again = await consultant.post(flowsUrl(ids.personNorth), {
      direction: 'assistance_to_labour',
      basis: 'consent',
      givenOn: '2026-11-20',
    });
    expect(again.status).toBe(409);
    expect(again.json.code).toBe('FLOW_ALREADY_STANDING');
  });

  it('after revocation the consultant no longer sees it; revoking twice is refused in Swedish', async () => {
    const id = await flowId(consultant, 'assistance_to_labour');
    const early = await consultant.post(`${flowsUrl(ids.personNorth)}/${id}/revoke`, {
      revokedOn: '2026-11-18',
    });
    expect(early.status).toBe(400);
    expect(early.json.code).toBe('FLOW_REVOKED_BEFORE_GIVEN');

    const revoked = await consultant.post(`${flowsUrl(ids.personNorth)}/${id}/revoke`, {
      revokedOn: '2026-11-20',
    });
    expect(revoked.status).toBe(200);
    expect(revoked.json).toMatchObject({
      revokedOn: '2026-11-20',
      standing: false,
      revokedBy: { id: ids.consultant, name: 'Kim Konsult' },
    });

    const chain = await consultant.get(chainUrl(ids.personNorth));
    expect(chain.json.parts.assistance.withheld).toBe('no_flow');
    expect(chain.json.events.every((e: Event) => e.part === 'labour')).toBe(true);

    const twice = await consultant.post(`${flowsUrl(ids.personNorth)}/${id}/revoke`, {
      revokedOn: '2026-11-20',
    });
    expect(twice.status).toBe(409);
    expect(twice.json.code).toBe('FLOW_NOT_STANDING');
    expect(twice.json.detail).toBe('Samtycket är redan återkallat.');

    const flows = await consultant.get(flowsUrl(ids.personNorth));
    expect(flows.json.items).toHaveLength(1);
    expect(flows.json.directions[0]).toMatchObject({ standing: false, current: null });
  });
});

describe('the caseworker and the labour_to_assistance flow', () => {
  it('without consent, the caseworker sees only the assistance part, and is told why', async () => {
    const chain = await caseworker.get(chainUrl(ids.personNorth));
    expect(chain.status).toBe(200);
    expect(chain.json.parts.labour.message).toBe(
      'Uppgifter från arbetsmarknadsenheten visas inte: samtycke saknas.',
    );
    expect(chain.json.parts.assistance.because).toBe('own_unit');
    expect(chain.json.events.length).toBeGreaterThan(0);
    expect(chain.json.events.every((e: Event) => e.part === 'assistance')).toBe(true);
  });

  it('refuses a legal basis without its provision', async () => {
    const missing = await caseworker.post(flowsUrl(ids.personNorth), {
      direction: 'labour_to_assistance',
      basis: 'law',
      givenOn: '2026-11-20',
    });
    expect(missing.status).toBe(400);
    expect(missing.json.code).toBe('VALIDATION_FAILED');
    expect(missing.json.errors).toEqual([
      { path: 'legalReference', message: 'ange lagrummet för lagstödet' },
    ]);
    const future = await caseworker.post(flowsUrl(ids.personNorth), {
      direction: 'labour_to_assistance',
      basis: 'consent',
      givenOn: '2026-11-21',
    });
    expect(future.status).toBe(400);
    expect(future.json.code).toBe('FLOW_DATE_IN_FUTURE');
  });

  it('with a legal basis the caseworker sees the unit’s part; after revocation not again', async () => {
    const recorded = await caseworker.post(flowsUrl(ids.personNorth), {
      direction: 'labour_to_assistance',
      basis: 'law',
      legalReference: 'OSL 10 kap. 2 §',
      givenOn: '2026-11-20',
    });
    expect(recorded.status).toBe(201);
    expect(recorded.json).toMatchObject({ basisLabel: 'Lagstöd', legalReference: 'OSL 10 kap. 2 §' });

    const shown = await caseworker.get(chainUrl(ids.personNorth));
    expect(shown.json.parts.labour).toMatchObject({ shown: true, because: 'flow' });
    expect(kinds(shown.json.events)).toContain('labour:employment');
    expect(kinds(shown.json.events)).toContain('assistance:decision');

    // The consultant's view is unchanged: this flow goes the other way.
    const other = await consultant.get(chainUrl(ids.personNorth));
    expect(other.json.parts.assistance.shown).toBe(false);

    const id = await flowId(caseworker, 'labour_to_assistance');
    const revoked = await caseworker.post(`${flowsUrl(ids.personNorth)}/${id}/revoke`, {
      revokedOn: '2026-11-20',
    });
    expect(revoked.status).toBe(200);
    const hidden = await caseworker.get(chainUrl(ids.personNorth));
    expect(hidden.json.parts.labour.withheld).toBe('no_flow');
    expect(hidden.json.events.every((e: Event) => e.part === 'assistance')).toBe(true);
  });
});

describe('who may reach the chain and the flows at all', () => {
  it('refuses a user of another unit as the people routes do, and someone unknown', async () => {
    expect((await caseworkerSouth.get(chainUrl(ids.personNorth))).status).toBe(403);
    expect((await caseworkerSouth.get(flowsUrl(ids.personNorth))).status).toBe(403);
    const post = await caseworkerSouth.post(flowsUrl(ids.personNorth), {
      direction: 'assistance_to_labour',
      basis: 'consent',
      givenOn: '2026-11-20',
    });
    expect(post.status).toBe(403);
    expect((await caseworker.get(chainUrl('00000000-0000-4000-8000-0000000000ff'))).status).toBe(404);
    // The neighbouring municipality's person does not exist for us.
    const other = await caseworker.get(chainUrl(ids.personOther));
    expect(other.status).toBe(404);
    void OTHER_M;
  });

  it('audits the read with the person and the cases shown', async () => {
    const rows = await server.database.asOwner((db) =>
      db
        .selectFrom('audit_log')
        .select(['payload'])
        .where('municipality_id', '=', M)
        .where('action', '=', 'chain.read')
        .where('actor_user_id', '=', ids.caseworkerNorth)
        .where('outcome', '=', 'allowed')
        .execute(),
    );
    const reads = rows.map((r) => JSON.parse(r.payload) as { personIds: string[]; caseIds: string[] });
    expect(reads.length).toBeGreaterThan(0);
    for (const read of reads) expect(read.personIds).toEqual([ids.personNorth]);
    expect(reads.every((read) => read.caseIds.includes(ids.caseNorth))).toBe(true);
  });

  it('needs no consent where the municipality has the two units in one authority', async () => {
    await server.database.asOwner((db) =>
      db.insertInto('labour_setting').values({ municipality_id: M, separate_authority: false }).execute(),
    );
    try {
      const chain = await consultant.get(chainUrl(ids.personNorth));
      expect(chain.json.separateAuthority).toBe(false);
      expect(chain.json.parts.assistance).toMatchObject({ shown: true, because: 'same_authority' });
    } finally {
      await server.database.asOwner((db) =>
        db.deleteFrom('labour_setting').where('municipality_id', '=', M).execute(),
      );
    }
  });
});

describe("the caseworker's notices from the unit", () => {
  type Notice = { id: string; caseId: string; name: string | null; kindLabel: string };

  it('lists only the unacknowledged notices of the caseworker’s own cases, newest first', async () => {
    const list = await caseworker.get('/api/v1/assistance/labour-notices');
    expect(list.status).toBe(200);
    expect(list.json.items.map((n: Notice) => n.id)).toEqual([notice.exitNorth, notice.absenceNorth]);
    expect(list.json.items[0]).toMatchObject({
      caseId: ids.caseNorth,
      personId: ids.personNorth,
      name: 'Lena Norrman',
      kind: 'exit',
      kindLabel: 'Avslutad på arbetsmarknadsenheten',
      detailText: 'Resultat: Arbete utan stöd',
      lowerPaymentExpected: true,
    });
    expect(list.json.items[1]).toMatchObject({
      kindLabel: 'Frånvaro',
      week: '2026-11-09',
      detailText: '24 av 40 timmar, Orsak: Frånvaro utan giltigt skäl',
      lowerPaymentExpected: false,
    });

    const south = await caseworkerSouth.get('/api/v1/assistance/labour-notices');
    expect(south.json.items.map((n: Notice) => n.id)).toEqual([notice.south]);
    expect(south.json.items[0].lowerPaymentExpected).toBe(false);
  });

  it("shows the unit manager the unit's cases, without naming a protected identity", async () => {
    const list = await managerNorth.get('/api/v1/assistance/labour-notices');
    expect(list.json.items.map((n: Notice) => n.id)).toEqual([
      notice.exitNorth,
      notice.protected,
      notice.absenceNorth,
    ]);
    const hidden = list.json.items.find((n: Notice) => n.id === notice.protected);
    expect(hidden).toMatchObject({ name: null, protectedIdentity: true });
  });

  it('is not for the consultant', async () => {
    expect((await consultant.get('/api/v1/assistance/labour-notices')).status).toBe(403);
  });
});
