import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../db/connection.ts';
import { migrate } from '../db/migrate.ts';
import { parseSyntheticPersonalNumber } from '../people/domain/synthetic-personal-number.ts';
import { DEMO_MUNICIPALITY_ID, generateDemo, type FullDemoData as DemoData } from './generate.ts';
import { INSERT_ORDER, isDemoLoaded, loadDemo, resetDemo } from './load.ts';

const TODAY = '2026-11-22';
const TABLES = INSERT_ORDER;

let handle: DatabaseHandle;
let data: DemoData;

beforeAll(async () => {
  handle = await openDatabase({ kind: 'pglite' });
  await migrate(handle.db);
  // A smaller municipality than the real demo: the loader's behaviour, not its volume, is tested here.
  data = generateDemo({ today: TODAY, households: 120 });
});

afterAll(async () => {
  await handle?.close();
});

async function countRows(table: (typeof TABLES)[number]): Promise<number> {
  const column = table === 'municipality' ? 'id' : 'municipality_id';
  const result = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE ${sql.ref(column)} = ${DEMO_MUNICIPALITY_ID}`.execute(
    handle.db,
  );
  return result.rows[0]?.n ?? 0;
}

async function expectCountsOfData() {
  for (const table of TABLES) expect(await countRows(table), table).toBe(data[table].length);
}

async function scalar(query: ReturnType<typeof sql<{ n: number }>>): Promise<number> {
  return (await query.execute(handle.db)).rows[0]?.n ?? -1;
}

describe('loading the demo municipality (PGlite)', () => {
  it('loads everything in one go (its time is measured in npm run bench)', async () => {
    expect(await isDemoLoaded(handle.db)).toBe(false);
    await loadDemo(handle.db, data);
    expect(await isDemoLoaded(handle.db)).toBe(true);
    await expectCountsOfData();
  });

  it('stores only personal numbers that read back as synthetic ones of the right person', async () => {
    const people = await handle.db
      .selectFrom('person')
      .select(['personal_number', 'birth_date', 'sex', 'number_kind'])
      .where('municipality_id', '=', DEMO_MUNICIPALITY_ID)
      .execute();
    for (const person of people) {
      const parsed = parseSyntheticPersonalNumber(person.personal_number, TODAY);
      expect(parsed, person.personal_number).toEqual({
        ok: true,
        value: {
          normalised: person.personal_number,
          kind: person.number_kind,
          birthDate: person.birth_date,
          sex: person.sex,
        },
      });
    }
  });

  it('gives every case a caseworker with a role in the case’s unit', async () => {
    const withoutRole = await scalar(sql<{ n: number }>`
      SELECT count(*)::int AS n FROM client_case c
      WHERE c.municipality_id = ${DEMO_MUNICIPALITY_ID}
        AND NOT EXISTS (
          SELECT 1 FROM role_assignment r
          WHERE r.municipality_id = c.municipality_id AND r.user_id = c.caseworker_id AND r.unit_id = c.unit_id
            AND r.role = CASE c.kind WHEN 'assistance' THEN 'caseworker' ELSE 'labour_consultant' END)`);
    expect(withoutRole).toBe(0);
  });

  it('has children younger than the adults they live with, and protected identities', async () => {
    const olderChildren = await scalar(sql<{ n: number }>`
      SELECT count(*)::int AS n
      FROM household_member child
      JOIN person cp ON cp.municipality_id = child.municipality_id AND cp.id = child.person_id
      JOIN household_member adult ON adult.municipality_id = child.municipality_id
        AND adult.household_id = child.household_id AND adult.role IN ('applicant', 'co_applicant')
      JOIN person ap ON ap.municipality_id = adult.municipality_id AND ap.id = adult.person_id
      WHERE child.municipality_id = ${DEMO_MUNICIPALITY_ID} AND child.role = 'child'
        AND cp.birth_date <= ap.birth_date`);
    expect(olderChildren).toBe(0);
    const protectedPersons = await scalar(sql<{ n: number }>`
      SELECT count(*)::int AS n FROM person WHERE municipality_id = ${DEMO_MUNICIPALITY_ID} AND protected_identity`);
    expect(protectedPersons).toBeGreaterThan(0);
  });

  it('resets to the same content, twice, keeping the audit log and other municipalities', async () => {
    await sql`INSERT INTO audit_chain_head (municipality_id, chain, seq, hash) VALUES (${DEMO_MUNICIPALITY_ID}, 0, 1, 'h1')`.execute(
      handle.db,
    );
    await sql`
      INSERT INTO audit_log (municipality_id, chain, seq, id, occurred_at, payload, prev_hash, hash, action, outcome)
      VALUES (${DEMO_MUNICIPALITY_ID}, 0, 1, gen_random_uuid(), now(), '{}', 'h0', 'h1', 'demo.test', 'allowed')`.execute(
      handle.db,
    );
    // A session and a changed name: a reset removes what happened in the demo since it was loaded.
    const user = data.app_user[0]!;
    await handle.db
      .insertInto('user_session')
      .values({
        municipality_id: DEMO_MUNICIPALITY_ID,
        token_hash: 'token',
        user_id: user.id,
        csrf_token: 'csrf',
        auth_method: 'demo',
        expires_at: '2026-11-23T00:00:00Z',
        idle_expires_at: '2026-11-22T12:00:00Z',
      })
      .execute();
    await handle.db
      .updateTable('person')
      .set({ first_name: 'Ändrad' })
      .where('municipality_id', '=', DEMO_MUNICIPALITY_ID)
      .execute();

    for (let round = 0; round < 2; round += 1) {
      const started = performance.now();
      await resetDemo(handle.db, data);
      console.log(`Demo reset on PGlite in ${((performance.now() - started) / 1000).toFixed(2)} s`);
      await expectCountsOfData();
    }
    expect(await scalar(sql<{ n: number }>`SELECT count(*)::int AS n FROM user_session`)).toBe(0);
    expect(
      await scalar(sql<{ n: number }>`SELECT count(*)::int AS n FROM person WHERE first_name = 'Ändrad'`),
    ).toBe(0);
    expect(
      await scalar(sql<{ n: number }>`
        SELECT count(*)::int AS n FROM audit_log WHERE municipality_id = ${DEMO_MUNICIPALITY_ID}`),
    ).toBe(1);
    expect(
      await scalar(sql<{ n: number }>`
        SELECT count(*)::int AS n FROM audit_chain_head WHERE municipality_id = ${DEMO_MUNICIPALITY_ID}`),
    ).toBe(1);
    expect(
      await scalar(sql<{ n: number }>`SELECT count(*)::int AS n FROM municipality WHERE id = '0000'`),
    ).toBe(1);
  }, 120_000);

  it('refuses to reset a municipality that is not a demo', async () => {
    await sql`INSERT INTO municipality (id, name) VALUES ('0180', 'En riktig kommun')`.execute(handle.db);
    const real: DemoData = {
      ...data,
      municipality: [{ id: '0180', name: 'En riktig kommun', is_demo: true }],
    };
    await expect(resetDemo(handle.db, real)).rejects.toThrow(/not a demo municipality/);
    expect(
      await scalar(sql<{ n: number }>`SELECT count(*)::int AS n FROM municipality WHERE id = '0180'`),
    ).toBe(1);
    expect(await isDemoLoaded(handle.db, '0180')).toBe(false);
  });
});
