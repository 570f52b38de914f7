/**
 * The import from an earlier system against a real database: a good file is written whole, a file
 * with bad rows reports every one of them and writes nothing; and the command line refuses a bad
 * file before it opens any database.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile, type ImportRequest } from '../../src/assistance/db/import.ts';
import { formatRowError } from '../../src/assistance/domain/import/validate.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { ids, loadFixture, M, OTHER_M } from '../support/fixture.ts';

const now = new Date('2026-11-20T09:00:00Z');
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await database.asOwner(loadFixture);
});
afterAll(async () => database?.close());

const run = (kind: ImportRequest['kind'], lines: string[], extra: Partial<ImportRequest> = {}) =>
  importFile(database.app.db, {
    municipalityId: M,
    kind,
    text: `${lines.join('\n')}\n`,
    today: '2026-11-20',
    now,
    userId: null,
    ...extra,
  });
const messages = (outcome: Awaited<ReturnType<typeof run>>) =>
  outcome.ok
    ? []
    : [...outcome.errors.map((e) => formatRowError(e)), ...(outcome.problem ? [outcome.problem] : [])];
const count = async (
  table: 'person' | 'household' | 'client_case' | 'application' | 'decision' | 'payment',
) =>
  Number(
    (
      await database.app.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('municipality_id', '=', M)
        .executeTakeFirstOrThrow()
    ).n,
  );

const HOUSEHOLDS =
  'hushåll;personnummer;förnamn;efternamn;roll;enhet;ärende_öppnat;skyddad_identitet;adress;postnummer;ort';
/** A synthetic number (the fixture's municipality is a demo one, so it is accepted there only). */
const SYNTHETIC = '198808083271';

describe('import of households', () => {
  it('writes a good file whole: persons, households, members and a case per household', async () => {
    const before = await count('person');
    const outcome = await run('households', [
      HOUSEHOLDS,
      'A-1;19900404-2389;Nora;Ek;sökande;Försörjningsenheten Nord;2025-01-10;nej;Storgatan 1;123 45;Teststad',
      'A-1;20120303-2394;Emil;Ek;barn;Försörjningsenheten Nord;2025-01-10;;;;',
      `B-2;${SYNTHETIC};Ali;Berg;sökande;försörjningsenheten syd;2024-06-01;ja;;;`,
    ]);
    expect(outcome).toMatchObject({
      ok: true,
      summary: 'Importerat – hushåll: 2, personer: 3, ärenden: 2.',
      counts: { households: 2, persons: 3, cases: 2 },
    });
    expect(await count('person')).toBe(before + 3);
    const emil = await database.app.db
      .selectFrom('person as p')
      .innerJoin('household_member as hm', (j) => j.onRef('hm.person_id', '=', 'p.id'))
      .innerJoin('client_case as c', (j) => j.onRef('c.household_id', '=', 'hm.household_id'))
      .select(['p.birth_date', 'p.sex', 'hm.role', 'hm.valid_from', 'c.unit_id', 'c.opened_on', 'c.kind'])
      .where('p.municipality_id', '=', M)
      .where('p.personal_number', '=', '201203032394')
      .executeTakeFirstOrThrow();
    expect(emil).toEqual({
      birth_date: '2012-03-03',
      sex: 'male',
      role: 'child',
      valid_from: '2025-01-10',
      unit_id: ids.unitNorth,
      opened_on: '2025-01-10',
      kind: 'assistance',
    });
    const audit = await database.asOwner(
      async (db) =>
        (
          await sql<{ action: string; n: number }>`
        SELECT action, cardinality(person_ids) AS n FROM audit_log WHERE action LIKE 'import.%'`.execute(db)
        ).rows,
    );
    expect(audit).toEqual([{ action: 'import.households', n: 3 }]);
  });

  it('reports both bad rows of a file by line number and writes nothing', async () => {
    const before = await Promise.all([count('person'), count('household'), count('client_case')]);
    const outcome = await run('households', [
      HOUSEHOLDS,
      'C-3;19920202-2381;Stina;Lund;sökande;Försörjningsenheten Nord;2025-02-01;;;;',
      'C-3;19950505-2391;Olof;Lund;medsökande;Försörjningsenheten Nord;2025-02-01;;;;',
      'D-4;19930707-2380;Maja;Ström;sökande;Försörjningsenheten Nord;2025-02-31;;;;',
    ]);
    expect(messages(outcome)).toEqual([
      'rad 3: personnumret är inte giltigt: kontrollsiffran stämmer inte',
      'rad 4: ärende_öppnat ska vara ett datum (ÅÅÅÅ-MM-DD)',
    ]);
    expect(await Promise.all([count('person'), count('household'), count('client_case')])).toEqual(before);
  });

  it('checks the rows against the database too, and still writes nothing of the good rows', async () => {
    const before = await count('person');
    const outcome = await run('households', [
      HOUSEHOLDS,
      'E-5;19920202-2381;Stina;Lund;sökande;Försörjningsenheten Nord;2025-02-01;;;;',
      'F-6;19850709-9805;Lena;Norrman;sökande;Försörjningsenheten Nord;2025-02-01;;;;',
      'G-7;19930707-2380;Maja;Ström;sökande;Enheten som inte finns;2025-02-01;;;;',
    ]);
    expect(messages(outcome)).toEqual([
      'rad 3: det finns redan en person med personnumret i kommunen',
      'rad 4: enheten Enheten som inte finns finns inte i kommunen',
    ]);
    expect(await count('person')).toBe(before);
  });

  it('refuses the demo’s synthetic numbers in a real municipality', async () => {
    const outcome = await run(
      'households',
      [HOUSEHOLDS, `H-8;${SYNTHETIC};Ali;Berg;sökande;Försörjningsenheten;2024-06-01;;;;`],
      { municipalityId: OTHER_M },
    );
    expect(messages(outcome)).toEqual(['rad 2: personnumret är inte giltigt: kontrollsiffran stämmer inte']);
  });
});

describe('import of applications, decisions and payments', () => {
  it('attaches applications to the applicant’s case, with the household of the month and rent', async () => {
    const header = 'personnummer;månad;inkommen;kanal;hyra;inkomster;adress;lägenhet';
    const missing = await run('applications', [
      header,
      '19900404-2389;2026-10;2026-09-20;e-ansökan;7 200;1 250,50;Storgatan 1;1102',
      '20120303-2394;2026-10;2026-09-20;;;;;',
      '19910101-2392;2026-10;2026-09-20;;;;;',
      '19900404-2389;2024-10;2024-09-20;;;;;',
    ]);
    expect(messages(missing)).toEqual([
      'rad 3: personen är inte sökande i något ärende om ekonomiskt bistånd',
      'rad 4: det finns ingen person med personnumret i kommunen',
      'rad 5: personen är inte sökande i något ärende om ekonomiskt bistånd',
    ]);
    const outcome = await run('applications', [
      header,
      '19900404-2389;2026-10;2026-09-20;e-ansökan;7 200;1 250,50;Storgatan 1;1102',
      '19900404-2389;2026-09;2026-08-20;;7200;;Storgatan 1;1102',
    ]);
    expect(outcome).toMatchObject({ ok: true, summary: 'Importerat – ansökningar: 2.' });
    const applications = await database.app.db
      .selectFrom('application as a')
      .select(['a.id', 'a.month', 'a.kind', 'a.channel', 'a.status'])
      .select((eb) =>
        eb
          .selectFrom('application_member as m')
          .select((e) => e.fn.countAll<string>().as('n'))
          .whereRef('m.application_id', '=', 'a.id')
          .as('members'),
      )
      .where('a.municipality_id', '=', M)
      .where('a.housing_address', '=', 'Storgatan 1')
      .orderBy('a.month')
      .execute();
    expect(applications.map(({ id: _id, members, ...a }) => ({ ...a, members: Number(members) }))).toEqual([
      { month: '2026-09-01', kind: 'first', channel: 'paper', status: 'received', members: 2 },
      { month: '2026-10-01', kind: 'recurring', channel: 'e_application', status: 'received', members: 2 },
    ]);
    const items = await database.app.db
      .selectFrom('application_item')
      .select(['kind', 'item_type', 'amount_ore'])
      .where('application_id', '=', applications[1]!.id)
      .orderBy('line_no')
      .execute();
    expect(items).toEqual([
      { kind: 'cost', item_type: 'rent', amount_ore: 720_000 },
      { kind: 'income', item_type: 'other', amount_ore: 125_050 },
    ]);
    const again = await run('applications', [header, '19900404-2389;2026-10;2026-09-20;;;;;']);
    expect(messages(again)).toEqual(['rad 2: det finns redan en ansökan för 2026-10']);
  });

  it('imports signed decisions in the name of the given user, then their payments in an approved run', async () => {
    const decisions = ['personnummer;månad;beslutsdatum;beviljat;utbetalningsdag;motivering'];
    const row = '19900404-2389;2026-10;2026-09-24;9 740,00;2026-09-29;Bifall enligt norm';
    expect(messages(await run('decisions', [...decisions, row]))).toEqual([
      'Ange --user: den användare som importerade beslut och utbetalningar registreras på.',
    ]);
    const outcome = await run(
      'decisions',
      [...decisions, row, '19900404-2389;2026-08;2026-07-24;100;2026-07-29;'],
      {
        userId: ids.caseworkerNorth,
      },
    );
    expect(messages(outcome)).toEqual(['rad 3: det finns ingen obeslutad ansökan för 2026-08']);
    expect(await run('decisions', [...decisions, row], { userId: ids.caseworkerNorth })).toMatchObject({
      ok: true,
      summary: 'Importerat – beslut: 1.',
    });
    const decision = await database.app.db
      .selectFrom('decision as d')
      .innerJoin('application as a', (j) => j.onRef('a.id', '=', 'd.application_id'))
      .select(['d.status', 'd.granted_ore', 'd.decided_by', 'a.status as application_status'])
      .where('d.municipality_id', '=', M)
      .where('d.month', '=', '2026-10-01')
      .where('d.decided_on', '=', '2026-09-24')
      .executeTakeFirstOrThrow();
    expect(decision).toEqual({
      status: 'signed',
      granted_ore: 974_000,
      decided_by: ids.caseworkerNorth,
      application_status: 'decided',
    });

    const payments = ['personnummer;månad;utbetalningsdag;belopp;clearingnummer;kontonummer'];
    const tooMuch = await run(
      'payments',
      [...payments, '19900404-2389;2026-10;2026-09-29;9741;8327;9123456789'],
      {
        userId: ids.caseworkerNorth,
      },
    );
    expect(messages(tooMuch)).toEqual([
      'rad 2: beloppet är större än det som beviljades (9\u00a0740\u00a0kr)',
    ]);
    const paid = await run(
      'payments',
      [...payments, '19900404-2389;2026-10;2026-09-29;9 740;8327;912 345 678 9'],
      {
        userId: ids.caseworkerNorth,
      },
    );
    expect(paid).toMatchObject({
      ok: true,
      summary: 'Importerat – utbetalningar: 1, utbetalningskörningar: 1.',
    });
    const payment = await database.app.db
      .selectFrom('payment as p')
      .innerJoin('payment_run as r', (j) => j.onRef('r.id', '=', 'p.run_id'))
      .select(['p.status', 'p.amount_ore', 'p.account_number', 'r.status as run_status', 'r.pay_on'])
      .where('p.municipality_id', '=', M)
      .where('r.month', '=', '2026-10-01')
      .executeTakeFirstOrThrow();
    expect(payment).toEqual({
      status: 'sent',
      amount_ore: 974_000,
      account_number: '9123456789',
      run_status: 'approved',
      pay_on: '2026-09-29',
    });
    const twice = await run(
      'payments',
      [...payments, '19900404-2389;2026-10;2026-09-29;9740;8327;9123456789'],
      {
        userId: ids.caseworkerNorth,
      },
    );
    expect(messages(twice)).toEqual(['rad 2: beslutet för 2026-10 har redan en utbetalning']);
  });
});

describe('npx kedjan import', () => {
  const exec = promisify(execFile);
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'kedjan-import-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('reports every bad row on stderr and exits 1 without opening the database', async () => {
    const file = path.join(dir, 'hushall.csv');
    await writeFile(
      file,
      [
        HOUSEHOLDS,
        'A-1;19900404-2389;Nora;Ek;sökande;Nord;2025-01-10;;;;',
        'A-1;19900404-2380;Emil;Ek;barn;Nord;2025-01-10;;;;',
        'B-2;19950505-2390;Adam;Berg;chef;Syd;2025-01-10;;;;',
      ].join('\n'),
    );
    const dataDir = path.join(dir, 'pglite-never-opened');
    const env: NodeJS.ProcessEnv = { ...process.env, KEDJAN_DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    const failure = await exec('node', ['bin/kedjan.js', 'import', 'households', file, '--municipality', M], {
      env,
    }).catch((error: { code: number; stderr: string; stdout: string }) => error);
    expect('code' in failure && failure.code).toBe(1);
    expect(failure.stderr.trim().split('\n')).toEqual([
      'rad 3: personnumret är inte giltigt: kontrollsiffran stämmer inte',
      'rad 4: roll ska vara något av: sökande, medsökande, barn, annan vuxen',
      'Inget importerades (rader med fel: 2). Rätta filen och kör importen igen.',
    ]);
    expect(failure.stdout).toBe('');
    expect(existsSync(dataDir)).toBe(false);

    const unknownKind = await exec('node', ['bin/kedjan.js', 'import', 'people', file, '--municipality', M], {
      env,
    }).catch((error: { code: number; stderr: string }) => error);
    expect('code' in unknownKind && unknownKind.code).toBe(1);
    expect(unknownKind.stderr).toContain('households, applications, decisions, payments');
    expect(existsSync(dataDir)).toBe(false);
  }, 60_000);
});
