/** The audit log is append-only for the application and tamper-evident for everyone. */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../src/audit/db/audit-verify.ts';
import type { Database } from '../../src/db/connection.ts';
import { appendAuditEvent, ensureAuditChains } from '../../src/audit/db/audit-writer.ts';
import { openDatabase } from '../../src/db/connection.ts';
import { createTestDatabase, PGLITE_TEMPLATE } from '../support/database.ts';
import { ids } from '../support/fixture.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';

const run = promisify(execFile);
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  const client = new TestClient(server.url);
  await client.loginAs(ids.caseworkerNorth);
  for (let i = 0; i < 5; i++) await client.get(`/api/v1/persons/${ids.personNorth}`);
});
afterAll(async () => server?.close());

const problemsOf = async (db: Database) => (await verifyAuditLog(db)).flatMap((r) => r.problems);

/** As a database superuser with triggers off: what an attacker with full access could do. */
async function tamper(statement: (db: Database) => Promise<unknown>) {
  await server.database.asOwner(async (db) => {
    await sql`SET session_replication_role = replica`.execute(db);
    try {
      await statement(db);
    } finally {
      await sql`SET session_replication_role = DEFAULT`.execute(db);
    }
  });
}

async function someEntry() {
  return server.database.asOwner((db) =>
    db
      .selectFrom('audit_log')
      .select(['municipality_id', 'chain', 'seq'])
      .where('action', '=', 'person.read')
      .orderBy('seq')
      .executeTakeFirstOrThrow(),
  );
}

describe('the audit log', () => {
  it('cannot be changed or emptied by the application role', async () => {
    const db = server.database.app.db;
    await expect(sql`UPDATE audit_log SET action = 'x'`.execute(db)).rejects.toThrow();
    await expect(sql`DELETE FROM audit_log`.execute(db)).rejects.toThrow();
    await expect(sql`TRUNCATE audit_log`.execute(db)).rejects.toThrow();
  });

  it('refuses changes even by the owner while its triggers are on', async () => {
    await expect(server.database.asOwner((db) => sql`DELETE FROM audit_log`.execute(db))).rejects.toThrow(
      /append-only/,
    );
  });

  it('verifies intact', async () => {
    expect(await problemsOf(server.database.app.db)).toEqual([]);
  });

  it('detects an edited entry', async () => {
    const entry = await someEntry();
    await tamper((db) =>
      sql`UPDATE audit_log SET payload = replace(payload, 'allowed', 'denied'), outcome = 'denied'
          WHERE municipality_id = ${entry.municipality_id} AND chain = ${entry.chain} AND seq = ${entry.seq}`.execute(
        db,
      ),
    );
    expect(await problemsOf(server.database.app.db)).toContainEqual({
      kind: 'edited',
      seq: Number(entry.seq),
    });
  });

  it('detects a deleted entry', async () => {
    const entry = await server.database.asOwner((db) =>
      db
        .selectFrom('audit_log')
        .select(['municipality_id', 'chain', 'seq'])
        .where('action', '=', 'person.read')
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow(),
    );
    await tamper((db) =>
      sql`DELETE FROM audit_log
          WHERE municipality_id = ${entry.municipality_id} AND chain = ${entry.chain} AND seq = ${entry.seq}`.execute(
        db,
      ),
    );
    expect(await problemsOf(server.database.app.db)).toContainEqual({
      kind: 'missing',
      seq: Number(entry.seq),
    });
  });
});

describe('kedjan audit verify', () => {
  it('exits 0 on an intact log and 1, naming the problem, after an entry is deleted', async () => {
    const cli = path.resolve('bin/kedjan.js');
    // A database of its own (the tests above tampered with the shared one).
    let env: NodeJS.ProcessEnv;
    let dataDir: string | undefined;
    let own: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
    if (server.database.engine === 'postgres') {
      own = await createTestDatabase();
      await own.asOwner((db) =>
        sql`INSERT INTO municipality (id, name) VALUES ('9002', 'Testkommun')`.execute(db),
      );
      await writeEvents(own.app.db);
      env = { ...process.env, DATABASE_URL: own.url! };
    } else {
      // A PGlite data folder the command can open: a copy of the template with a few audit events.
      dataDir = await mkdtemp(path.join(tmpdir(), 'kedjan-verify-'));
      const lite = new PGlite(dataDir, { loadDataDir: new Blob([await readFile(PGLITE_TEMPLATE)]) });
      await lite.exec(`INSERT INTO municipality (id, name) VALUES ('9002', 'Testkommun')`);
      await lite.close();
      env = { ...process.env, KEDJAN_DATA_DIR: dataDir };
      delete env.DATABASE_URL;
    }
    try {
      if (dataDir) await writeEventsTo(dataDir);
      const intact = await run(process.execPath, [cli, 'audit', 'verify'], { env });
      expect(intact.stdout).toMatch(/Audit log intact: \d+ entries/);

      if (dataDir) await deleteFirstEventIn(dataDir);
      else
        await own!.asOwner((db) =>
          sql`SET session_replication_role = replica; DELETE FROM audit_log WHERE seq = 1`.execute(db),
        );
      const broken = await run(process.execPath, [cli, 'audit', 'verify'], { env }).then(
        () => ({ code: 0, stdout: '' }),
        (error: { code: number; stdout: string }) => error,
      );
      expect(broken.code).toBe(1);
      expect(broken.stdout).toMatch(/missing at seq 1/);
      expect(broken.stdout).toMatch(/TAMPERED/);
    } finally {
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
      await own?.close();
    }
  }, 60_000);
});

async function writeEventsTo(dataDir: string) {
  const handle = await openDatabase({ kind: 'pglite', dataDir });
  await writeEvents(handle.db);
  await handle.close();
}

async function writeEvents(db: Database) {
  await ensureAuditChains(db);
  for (let i = 0; i < 3; i++) {
    await appendAuditEvent(db, {
      id: crypto.randomUUID(),
      occurredAt: new Date().toISOString(),
      municipalityId: '9002',
      actorUserId: null,
      action: 'person.read',
      outcome: 'allowed',
      personIds: [],
      caseIds: [],
      purpose: null,
      request: { id: `r${i}`, method: 'GET', route: '/api/v1/persons/:id', status: 200, ip: null },
    });
  }
}

async function deleteFirstEventIn(dataDir: string) {
  const lite = new PGlite(dataDir);
  await lite.exec(`SET session_replication_role = replica; DELETE FROM audit_log WHERE seq = 1;`);
  await lite.close();
}
