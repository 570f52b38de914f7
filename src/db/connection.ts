/**
 * Opens the database: a real PostgreSQL server when a URL is given, otherwise embedded PGlite in
 * a data folder (or in memory). Both speak the same SQL and run the same migrations.
 */
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.ts';
import { withStatementCache } from './statement-cache.ts';
import type { DB } from './schema.ts';

export type Database = Kysely<DB>;

export interface DatabaseHandle {
  db: Database;
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
  /**
   * Subscribes to a notification channel; `onLost` is called if the subscription breaks (then
   * call listen again). Returns the unsubscribe function.
   */
  listen(
    channel: string,
    onNotify: () => void,
    onLost: (error: unknown) => void,
  ): Promise<() => Promise<void>>;
  /** PGlite only: the data folder as a tarball (to copy a prepared database quickly). */
  dump?: () => Promise<Blob>;
}

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number; asApplicationRole?: boolean }
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob };

export const APP_ROLE = 'kedjan_app';

// DATE stays a plain 'YYYY-MM-DD' string and bigint a number, on both engines.
const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;
pg.types.setTypeParser(DATE_OID, (value) => value);
pg.types.setTypeParser(INT8_OID, (value) => Number(value));
pg.types.setTypeParser(NUMERIC_OID, (value) => Number(value));

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: target.poolSize ?? 10,
      // The application role from the connection's start, before any query can run.
      ...(target.asApplicationRole ? { options: `-c role=${APP_ROLE}` } : {}),
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: withStatementCache(pool) }) });
    const listen = async (channel: string, onNotify: () => void, onLost: (error: unknown) => void) => {
      const listener = new pg.Client({ connectionString: target.url });
      let closing = false;
      listener.on('notification', (message) => message.channel === channel && onNotify());
      listener.on('error', (error) => !closing && onLost(error));
      listener.on('end', () => !closing && onLost(new Error('notification connection ended')));
      await listener.connect();
      await listener.query(`LISTEN ${channel}`);
      return async () => {
        closing = true;
        await listener.end();
      };
    };
    return { db, kind: 'postgres', close: () => db.destroy(), listen };
  }
  if (target.dataDir) await mkdir(target.dataDir, { recursive: true });
  const client = new PGlite({
    ...(target.dataDir ? { dataDir: target.dataDir } : {}),
    ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}),
    parsers: { [DATE_OID]: (value: string) => value, [NUMERIC_OID]: (value: string) => Number(value) },
  });
  await client.waitReady;
  const db = new Kysely<DB>({ dialect: new PGliteDialect(client) });
  return {
    db,
    kind: 'pglite',
    close: () => db.destroy(),
    // One in-process database: notifications cannot be lost.
    listen: async (channel, onNotify) => {
      const unlisten = await client.listen(channel, () => onNotify());
      return () => unlisten();
    },
    dump: () => client.dumpDataDir('none'),
  };
}

/**
 * Switches PGlite's single connection to the application role, which may read and append to the
 * audit log but never change or delete it. Runs after migrations (which need the owner). A
 * PostgreSQL pool does the same per connection when opened with asApplicationRole.
 */
export async function useApplicationRole(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === 'pglite') {
    await sql`SET ROLE ${sql.raw(APP_ROLE)}`.execute(handle.db);
  }
}
