/**
 * The monthly delivery to Socialstyrelsen (HSLF-FS 2015:30) from imported records: the
 * validation report names what is missing per case (never a person), the analyst may check but
 * not download, the manager's download holds the rows and is audited with every person in it,
 * and `npx kedjan statistik` writes the file only when the month is clean.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNationalStatisticsCommand } from '../../src/cli/national-statistics-command.ts';
import { ids, M } from '../support/fixture.ts';
import { importHistory, type HistoryHousehold } from '../support/history.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';

const now = new Date('2026-11-20T09:00:00Z');
let server: TestServer;
let analyst: TestClient;
let manager: TestClient;

const NORA = '199004042389';
const EMIL = '201203032394';
const ALI = '198808083276';
const LINA = '199202022480';
const person: Record<string, string> = {};
let caseA = '';
let caseB = '';
let householdA = '';
let householdB = '';

/** Nora (with her son Emil) and Ali (with Lina) have assistance in September and October. */
const MONTHS = ['2026-09', '2026-10'];
const households: HistoryHousehold[] = [
  {
    pn: NORA,
    first: 'Nora',
    last: 'Ek',
    months: MONTHS,
    others: [{ pn: EMIL, first: 'Emil', last: 'Ek', role: 'barn' }],
  },
  {
    pn: ALI,
    first: 'Ali',
    last: 'Berg',
    months: MONTHS,
    amount: '12000,50',
    others: [{ pn: LINA, first: 'Lina', last: 'Berg', role: 'medsökande' }],
  },
];

beforeAll(async () => {
  server = await startTestServer({ clock: { now: () => now } });
  await importHistory(server.database.app.db, households, { now });
  await server.database.asOwner(async (db) => {
    const people = await db
      .selectFrom('person')
      .select(['id', 'personal_number'])
      .where('municipality_id', '=', M)
      .where('personal_number', 'in', [NORA, EMIL, ALI, LINA])
      .execute();
    for (const p of people) person[p.personal_number] = p.id;
    const cases = await sql<{ id: string; household_id: string; personal_number: string }>`
      SELECT c.id, c.household_id, p.personal_number FROM client_case c
      JOIN household_member hm ON hm.municipality_id = c.municipality_id AND hm.household_id = c.household_id
       AND hm.role = 'applicant'
      JOIN person p ON p.municipality_id = hm.municipality_id AND p.id = hm.person_id
      WHERE c.municipality_id = ${M} AND p.personal_number IN (${NORA}, ${ALI})`.execute(db);
    for (const c of cases.rows) {
      if (c.personal_number === NORA) [caseA, householdA] = [c.id, c.household_id];
      else [caseB, householdB] = [c.id, c.household_id];
    }
    // Reason codes for October: Nora's and Ali's, none for Lina.
    await db
      .insertInto('reason_code')
      .values([
        {
          municipality_id: M,
          person_id: person[NORA]!,
          month: '2026-10-01',
          case_id: caseA,
          code: 'unemployed_no_benefit',
        },
        {
          municipality_id: M,
          person_id: person[ALI]!,
          month: '2026-10-01',
          case_id: caseB,
          code: 'sick_with_certificate',
        },
      ])
      .execute();
    // Ali's household leaves assistance at the end of October, without an exit reason yet;
    // Lina has protected personal data.
    await db.updateTable('client_case').set({ closed_on: '2026-10-31' }).where('id', '=', caseB).execute();
    await db
      .updateTable('person')
      .set({ protected_identity: true })
      .where('id', '=', person[LINA]!)
      .execute();
    // Nora works in a municipal work-training placement from 5 October.
    const labourCase = '00000000-0000-4000-8000-0000000005a1';
    const referral = '00000000-0000-4000-8000-0000000005a2';
    const intervention = '00000000-0000-4000-8000-0000000005a3';
    await db
      .insertInto('client_case')
      .values({
        municipality_id: M,
        id: labourCase,
        household_id: householdA,
        unit_id: ids.unitLabour,
        kind: 'labour',
        opened_on: '2026-09-15',
      })
      .execute();
    await db
      .insertInto('referral')
      .values({
        municipality_id: M,
        id: referral,
        person_id: person[NORA]!,
        case_id: labourCase,
        initiator: 'social_services',
        owner_name: 'Nina Nord',
        assistance_case_id: caseA,
        referred_on: '2026-09-15',
      })
      .execute();
    await db
      .insertInto('intervention')
      .values({
        municipality_id: M,
        id: intervention,
        name: 'Arbetsträning park',
        kind: 'work_training',
        work_oriented: true,
      })
      .execute();
    await db
      .insertInto('placement')
      .values({
        municipality_id: M,
        id: '00000000-0000-4000-8000-0000000005a4',
        referral_id: referral,
        intervention_id: intervention,
        status: 'active',
        requested_on: '2026-09-20',
        starts_on: '2026-10-05',
        ends_on: '2026-12-31',
        hours_per_week: 20,
        created_by: ids.consultant,
      })
      .execute();
  });
  analyst = new TestClient(server.url);
  await analyst.loginAs(ids.analyst);
  manager = new TestClient(server.url);
  await manager.loginAs(ids.managerNorth);
});
afterAll(async () => server?.close());

const URL_CHECK = '/api/v1/followup/national-statistics/2026-10/check';
const URL_FILE = '/api/v1/followup/national-statistics/2026-10/file';

describe('the validation report', () => {
  it('counts the month and lists what is missing per case, naming no one', async () => {
    const res = await analyst.get(URL_CHECK);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      month: '2026-10',
      dueOn: '2026-11-15',
      fileName: `ekb_${M}_202610.csv`,
      counts: {
        households: 2,
        adults: 3,
        children: 1,
        paidOre: 2_000_050,
        adultsInMeasure: 1,
        closedCases: 1,
        rows: 5,
      },
      errors: 2,
      warnings: 1,
    });
    const ref = `ÄR-${caseB.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
    expect(res.json.problems).toEqual([
      {
        rule: 'closed_without_exit_reason',
        severity: 'error',
        caseId: caseB,
        caseRef: ref,
        message: 'Ärendet avslutades 2026-10-31 utan avslutsorsak.',
      },
      {
        rule: 'missing_reason_code',
        severity: 'error',
        caseId: caseB,
        caseRef: ref,
        message: 'En vuxen i hushållet saknar försörjningshinder för 2026-10.',
      },
      expect.objectContaining({ rule: 'protected_identity', severity: 'warning', caseId: caseB }),
    ]);
    for (const secret of [NORA, ALI, LINA, '19920202', 'Lina', 'Berg', person[LINA]!])
      expect(res.text).not.toContain(secret);
  });

  it('refuses a month that is not a month', async () => {
    expect((await analyst.get('/api/v1/followup/national-statistics/2026-13/check')).status).toBe(400);
  });
});

describe('the file', () => {
  it('may not be downloaded by an analyst', async () => {
    const res = await analyst.get(URL_FILE);
    expect(res.status).toBe(403);
    expect(res.text).not.toContain(NORA);
  });

  it('holds one row per adult and month and one per adult of a closed case', async () => {
    const res = await manager.get(URL_FILE);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="ekb_${M}_202610.csv"`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const lines = res.text.split('\r\n');
    expect(lines[0]).toBe(
      'posttyp;kommun;period;hushall;personnummer;roll;hushallstyp;antal_barn;utbetalt_kr;forsorjningshinder;arbetsmarknadsinsats;avslutsorsak;avslutsdatum',
    );
    const body = lines.slice(1, -1);
    const type1 = body.filter((l) => l.startsWith('1;')).sort();
    const type2 = body.filter((l) => l.startsWith('2;')).sort();
    expect(type1).toEqual(
      [
        `1;${M};202610;${householdA};${NORA};S;6;1;8000;unemployed_no_benefit;J;;`,
        `1;${M};202610;${householdB};${ALI};S;7;0;12001;sick_with_certificate;N;;`,
        `1;${M};202610;${householdB};${LINA};M;7;0;0;;N;;`,
      ].sort(),
    );
    expect(type2).toEqual(
      [
        `2;${M};202610;${householdB};${ALI};S;;;;;;;2026-10-31`,
        `2;${M};202610;${householdB};${LINA};M;;;;;;;2026-10-31`,
      ].sort(),
    );
    // the child is counted, not listed
    expect(res.text).not.toContain(EMIL);
  });

  it('is audited with every person in it', async () => {
    const rows = await server.database.asOwner(
      async (db) =>
        (
          await sql<{ person_ids: string[]; actor_user_id: string }>`
            SELECT person_ids, actor_user_id FROM audit_log
            WHERE action = 'followup.national-statistics-file' AND outcome = 'allowed'`.execute(db)
        ).rows,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.actor_user_id).toBe(ids.managerNorth);
    expect([...rows[0]!.person_ids].sort()).toEqual([person[NORA], person[ALI], person[LINA]].sort());
  });
});

describe('npx kedjan statistik', () => {
  const deps = () => {
    const written: { path: string; text: string }[] = [];
    const out: string[] = [];
    const err: string[] = [];
    return {
      written,
      out,
      err,
      deps: {
        openDatabase: async () => ({ ...server.database.app, close: async () => {} }),
        writeFile: async (path: string, text: string) => {
          written.push({ path, text });
        },
        out: (line: string) => out.push(line),
        err: (line: string) => err.push(line),
      },
    };
  };

  it('prints the report and writes nothing while there are errors', async () => {
    const run = deps();
    const code = await runNationalStatisticsCommand({ month: '2026-10', municipality: M }, run.deps);
    expect(code).toBe(1);
    expect(run.written).toEqual([]);
    expect(run.out[0]).toBe(
      '2026-10: 2 hushåll, 3 vuxna, 1 barn, 20001 kr utbetalt, 1 avslutade ärenden. Lämnas senast 2026-11-15.',
    );
    expect(run.out).toContain('2 fel, 1 varningar.');
    expect(run.out.some((l) => l.startsWith('FEL ÄR-') && l.includes('utan avslutsorsak'))).toBe(true);
    expect(run.out.join('\n')).not.toContain(LINA);
    expect(run.err).toEqual(['Ingen fil skrevs: rätta felen eller använd --force.']);
  });

  it('writes the file with --force, and on its own once the month is corrected', async () => {
    const forced = deps();
    expect(
      await runNationalStatisticsCommand(
        { month: '2026-10', municipality: M, force: true, out: 'x.csv' },
        forced.deps,
      ),
    ).toBe(1);
    expect(forced.written.map((w) => w.path)).toEqual(['x.csv']);

    await server.database.asOwner(async (db) => {
      await db.updateTable('client_case').set({ exit_reason: 'work' }).where('id', '=', caseB).execute();
      await db
        .insertInto('reason_code')
        .values({
          municipality_id: M,
          person_id: person[LINA]!,
          month: '2026-10-01',
          case_id: caseB,
          code: 'parental_leave',
        })
        .execute();
    });
    const run = deps();
    expect(await runNationalStatisticsCommand({ month: '2026-10', municipality: M }, run.deps)).toBe(0);
    expect(run.out).toContain('0 fel, 1 varningar.');
    expect(run.written).toHaveLength(1);
    expect(run.written[0]!.path).toBe(`ekb_${M}_202610.csv`);
    expect(run.written[0]!.text).toContain(`2;${M};202610;${householdB};${ALI};S;;;;;;work;2026-10-31`);

    const checkOnly = deps();
    expect(
      await runNationalStatisticsCommand(
        { month: '2026-10', municipality: M, checkOnly: true },
        checkOnly.deps,
      ),
    ).toBe(0);
    expect(checkOnly.written).toEqual([]);
  });

  it('refuses a month that is not a month', async () => {
    const run = deps();
    expect(await runNationalStatisticsCommand({ month: '2026-1' }, run.deps)).toBe(2);
    expect(run.err).toEqual(['Ange --month som en månad (ÅÅÅÅ-MM).']);
  });
});
