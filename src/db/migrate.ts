/**
 * Forward-only SQL migrations. Each file in migrations/ runs once, in name order, in its own
 * transaction; its checksum is recorded so that an edited landed migration is refused.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { APP_ROLE, type Database } from './connection.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
const LOCK_KEY = 7_264_001;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.sql')).sort();
  return Promise.all(
    names.map(async (name) => {
      const text = await readFile(new URL(name, `file://${dir}`), 'utf8');
      return { name, sql: text, checksum: createHash('sha256').update(text).digest('hex') };
    }),
  );
}

export class MigrationChecksumError extends Error {}

/** Applies pending migrations; returns the names applied now. */
export async function migrate(db: Database): Promise<string[]> {
  const files = await readMigrations();
  return db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(${LOCK_KEY})`.execute(conn);
    try {
      await sql`CREATE TABLE IF NOT EXISTS schema_migration (
        name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`.execute(
        conn,
      );
      const applied = new Map(
        (
          await sql<{ name: string; checksum: string }>`SELECT name, checksum FROM schema_migration`.execute(
            conn,
          )
        ).rows.map((row) => [row.name, row.checksum]),
      );
      const done: string[] = [];
      for (const file of files) {
        const known = applied.get(file.name);
        if (known !== undefined) {
          if (known !== file.checksum) {
            throw new MigrationChecksumError(`Migration ${file.name} has changed since it was applied`);
          }
          continue;
        }
        await conn.transaction().execute(async (trx) => {
          await sql.raw(file.sql).execute(trx);
          await sql`INSERT INTO schema_migration (name, checksum) VALUES (${file.name}, ${file.checksum})`.execute(
            trx,
          );
        });
        done.push(file.name);
      }
      await grantApplicationRole(conn);
      return done;
    } finally {
      await sql`SELECT pg_advisory_unlock(${LOCK_KEY})`.execute(conn);
    }
  });
}

/** The application role may do anything to its tables except change or remove audit entries. */
async function grantApplicationRole(db: Database): Promise<void> {
  await sql
    .raw(
      `DO $$ BEGIN
         IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
           CREATE ROLE ${APP_ROLE} NOLOGIN;
         END IF;
       END $$;
       GRANT ${APP_ROLE} TO CURRENT_USER;
       GRANT USAGE ON SCHEMA public TO ${APP_ROLE};
       GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE};
       REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM ${APP_ROLE};
       REVOKE INSERT, UPDATE, DELETE ON schema_migration FROM ${APP_ROLE};`,
    )
    .execute(db);
}
