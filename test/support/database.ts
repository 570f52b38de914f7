/**
 * A fresh database for each test file, on the engine the test project runs against
 * (KEDJAN_TEST_DB = pglite | postgres): a copy of the migrated template, opened as the
 * application role, plus an owner handle for tests that must act as a database superuser.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { ensureAuditChains } from '../../src/audit/db/audit-writer.ts';
import {
  openDatabase,
  useApplicationRole,
  type Database,
  type DatabaseHandle,
} from '../../src/db/connection.ts';

export const PGLITE_TEMPLATE = path.resolve('.tmp/test/pglite-template.tar');
export const testEngine = (): 'pglite' | 'postgres' =>
  process.env.KEDJAN_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

/** Chosen by the global setup and inherited by the test workers through the environment. */
export function postgresTemplateName(): string {
  process.env.KEDJAN_PG_TEMPLATE ??= `kedjan_test_template_${randomBytes(4).toString('hex')}`;
  return process.env.KEDJAN_PG_TEMPLATE;
}

export function withDatabaseName(url: string, name: string): string {
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

export interface TestDatabase {
  /** Runs as the application role (like the server). */
  app: DatabaseHandle;
  engine: 'pglite' | 'postgres';
  /** PostgreSQL only: the database's URL (for commands run in a child process). */
  url?: string;
  /** Runs work as the owner/superuser: fixtures, and simulated tampering. */
  asOwner<T>(work: (db: Database) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (testEngine() === 'pglite') {
    const blob = new Blob([await readFile(PGLITE_TEMPLATE)]);
    const handle = await openDatabase({ kind: 'pglite', loadDataDir: blob });
    await ensureAuditChains(handle.db);
    await useApplicationRole(handle);
    return {
      app: handle,
      engine: 'pglite',
      // PGlite is one connection: owner work switches the role back for its duration.
      asOwner: (work) =>
        handle.db.connection().execute(async (conn) => {
          await sql`RESET ROLE`.execute(conn);
          try {
            return await work(conn);
          } finally {
            await sql`SET ROLE kedjan_app`.execute(conn);
          }
        }),
      close: () => handle.close(),
    };
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is required for the postgres test project');
  const name = `kedjan_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${postgresTemplateName()}`);
  await admin.end();
  const owner = await openDatabase({ kind: 'postgres', url: withDatabaseName(url, name), poolSize: 2 });
  await ensureAuditChains(owner.db);
  const app = await openDatabase({
    kind: 'postgres',
    url: withDatabaseName(url, name),
    poolSize: 5,
    asApplicationRole: true,
  });
  return {
    app,
    engine: 'postgres',
    url: withDatabaseName(url, name),
    asOwner: (work) => work(owner.db),
    close: async () => {
      await app.close();
      await owner.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      // A closed pool's connections may still be saying goodbye: a forced drop would then end
      // them from the server side, and the client reports that as an unhandled error. Wait
      // (briefly) until they are gone; force only what is left after that.
      for (let i = 0; i < 50; i++) {
        const open = await cleanup.query(
          'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
          [name],
        );
        if (open.rows[0].n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
