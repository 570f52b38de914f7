/**
 * A payment run never pays a decision twice and never loses one: not when run twice, not when two
 * users run it at once, and not when the process dies halfway (killed in this test).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { preparePaymentRun } from '../../src/assistance/db/payment-runs.ts';
import { openDatabase, type DatabaseHandle, type DatabaseTarget } from '../../src/db/connection.ts';
import type { Database } from '../../src/db/connection.ts';
import { createTestDatabase, PGLITE_TEMPLATE, type TestDatabase } from '../support/database.ts';
import { ids, loadFixture, M } from '../support/fixture.ts';

const MONTH = '2026-12-01';
let database: TestDatabase;
let target: DatabaseTarget;
let pgliteDir: string | undefined;
/** The owner's connection to the same data the child process uses. */
let open: () => Promise<DatabaseHandle>;

/** Three households with a signed decision for December each. */
async function addDecisions(db: Database): Promise<void> {
  for (const [n, caseId, personId] of [
    [1, ids.caseNorth, ids.personNorth],
    [2, ids.caseSouth, ids.personSouth],
    [3, ids.caseProtected, ids.protectedNorth],
  ] as const) {
    const application = `00000000-0000-4000-8000-00000000a00${n}`;
    await sql`INSERT INTO application (municipality_id, id, case_id, month, kind, channel, received_on, status)
      VALUES (${M}, ${application}, ${caseId}, ${MONTH}, 'recurring', 'paper', '2026-11-15', 'decided')`.execute(
      db,
    );
    await sql`INSERT INTO bank_account (municipality_id, id, person_id, clearing_number, account_number, status,
                requested_by, reviewed_by, reviewed_at)
      SELECT ${M}, gen_random_uuid(), ${personId}, '8327', '99999999' || ${n}, 'approved', ${ids.caseworkerNorth},
             ${ids.managerNorth}, now()
      WHERE NOT EXISTS (SELECT 1 FROM bank_account WHERE person_id = ${personId} AND status = 'approved')`.execute(
      db,
    );
    await sql`INSERT INTO decision (municipality_id, id, case_id, application_id, month, status, decided_on, decided_by,
                signed_at, norm, granted_ore, payee_person_id, pay_on)
      VALUES (${M}, ${`00000000-0000-4000-8000-00000000d00${n}`}, ${caseId}, ${application}, ${MONTH}, 'signed',
              '2026-11-20', ${ids.caseworkerNorth}, now(), '{}', ${n * 100_000}, ${personId}, '2026-11-27')`.execute(
      db,
    );
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  if (database.engine === 'postgres') {
    target = { kind: 'postgres', url: database.url! };
    await database.asOwner(async (db) => {
      await loadFixture(db);
      await addDecisions(db);
    });
    open = () => openDatabase(target);
  } else {
    // PGlite is in-process: the child and this test share a data folder on disk instead.
    pgliteDir = await mkdtemp(path.join(os.tmpdir(), 'kedjan-crash-'));
    const seeded = await openDatabase({
      kind: 'pglite',
      dataDir: pgliteDir,
      loadDataDir: new Blob([await readFile(PGLITE_TEMPLATE)]),
    });
    await loadFixture(seeded.db);
    await addDecisions(seeded.db);
    await seeded.close();
    target = { kind: 'pglite', dataDir: pgliteDir };
    open = () => openDatabase(target);
  }
});

afterAll(async () => {
  await database?.close();
  if (pgliteDir) await rm(pgliteDir, { recursive: true, force: true });
});

const prepare = (db: Database) =>
  db.transaction().execute((trx) =>
    preparePaymentRun(trx, {
      municipalityId: M,
      month: MONTH,
      payOn: '2026-11-27',
      preparedBy: ids.caseworkerNorth,
      visitRequired: false,
    }),
  );

async function paymentsPerDecision(db: Database): Promise<number[]> {
  const rows = await sql<{ n: number }>`
    SELECT count(p.id)::int AS n FROM decision d
    LEFT JOIN payment p ON p.municipality_id = d.municipality_id AND p.decision_id = d.id
    WHERE d.municipality_id = ${M} AND d.month = ${MONTH} GROUP BY d.id ORDER BY d.id`.execute(db);
  return rows.rows.map((r) => r.n);
}

describe('payment run safety', () => {
  it('leaves nothing behind when the process is killed halfway, and the next run pays everyone once', async () => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'test/support/payment-run-child.ts',
        JSON.stringify(target),
        JSON.stringify({ municipalityId: M, month: MONTH, preparedBy: ids.caseworkerNorth }),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    // Never leave the child holding its transaction, whatever happens below.
    onTestFinished(() => {
      child.kill('SIGKILL');
    });
    let output = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('prepared')) resolve();
      });
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      void exited.then(() => reject(new Error(`the child ended before preparing: ${output}`)));
    });
    expect(output).toContain('prepared 3');
    child.kill('SIGKILL');
    await exited;

    const handle = await open();
    try {
      if (target.kind === 'postgres') {
        // PostgreSQL notices a vanished client only when it next talks to it; end the orphaned
        // backend now, as the server would, so that its transaction rolls back.
        await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                  WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE '%pg_sleep%'`.execute(
          handle.db,
        );
        await sql`SELECT pg_sleep(0.2)`.execute(handle.db);
      }
      const runs = await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM payment_run WHERE municipality_id = ${M}`.execute(handle.db);
      expect(runs.rows[0]!.n).toBe(0);
      expect(await paymentsPerDecision(handle.db)).toEqual([0, 0, 0]);

      expect((await prepare(handle.db)).count).toBe(3);
      expect(await paymentsPerDecision(handle.db)).toEqual([1, 1, 1]);

      // Run again: refused, and still one payment each.
      await expect(prepare(handle.db)).rejects.toMatchObject({ code: 'PAYMENT_RUN_EXISTS' });
      expect(await paymentsPerDecision(handle.db)).toEqual([1, 1, 1]);

      // Even past the one-run-per-month rule (the run cancelled), the unique key pays nobody twice.
      await sql`UPDATE payment_run SET status = 'cancelled' WHERE municipality_id = ${M}`.execute(handle.db);
      expect((await prepare(handle.db)).count).toBe(0);
      await expect(
        sql`INSERT INTO payment (municipality_id, id, run_id, decision_id, case_id, person_id, amount_ore,
              clearing_number, account_number, end_to_end_id)
            SELECT municipality_id, gen_random_uuid(), run_id, decision_id, case_id, person_id, amount_ore,
                   clearing_number, account_number, end_to_end_id || 'x'
            FROM payment WHERE municipality_id = ${M} LIMIT 1`.execute(handle.db),
      ).rejects.toThrow(/duplicate key|unique/);
      expect(await paymentsPerDecision(handle.db)).toEqual([1, 1, 1]);
    } finally {
      await handle.close();
    }
    // Starting a TypeScript child process takes long on a busy machine (the whole suite runs in parallel).
  }, 180_000);

  it('lets only one of two concurrent runs for a month through', async () => {
    if (database.engine !== 'postgres') {
      // PGlite has one connection: there is no concurrency to test, so run the same check serially.
      const handle = await open();
      try {
        await sql`DELETE FROM payment WHERE municipality_id = ${M}`.execute(handle.db);
        await sql`DELETE FROM payment_run WHERE municipality_id = ${M}`.execute(handle.db);
        const outcomes = await Promise.allSettled([prepare(handle.db), prepare(handle.db)]);
        expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
        expect(await paymentsPerDecision(handle.db)).toEqual([1, 1, 1]);
      } finally {
        await handle.close();
      }
      return;
    }
    const a = await open();
    const b = await open();
    try {
      await sql`DELETE FROM payment WHERE municipality_id = ${M}`.execute(a.db);
      await sql`DELETE FROM payment_run WHERE municipality_id = ${M}`.execute(a.db);
      const outcomes = await Promise.allSettled([prepare(a.db), prepare(b.db)]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(await paymentsPerDecision(a.db)).toEqual([1, 1, 1]);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
