/**
 * Prepares one migrated template per test run: a PGlite data-folder dump, and (when
 * TEST_DATABASE_URL is set) a PostgreSQL template database. Each test file then starts from a
 * fresh copy of it.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../src/db/connection.ts';
import { migrate } from '../../src/db/migrate.ts';
import { PGLITE_TEMPLATE, postgresTemplateName, withDatabaseName } from './database.ts';

export default async function setup() {
  await mkdir(path.dirname(PGLITE_TEMPLATE), { recursive: true });
  const lite = await openDatabase({ kind: 'pglite' });
  await migrate(lite.db);
  // Written aside and renamed, so that test runs started side by side never read half a file.
  const partial = `${PGLITE_TEMPLATE}.${process.pid}`;
  await writeFile(partial, Buffer.from(await (await lite.dump!()).arrayBuffer()));
  await rename(partial, PGLITE_TEMPLATE);
  await lite.close();

  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const template = postgresTemplateName();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();
  const handle = await openDatabase({ kind: 'postgres', url: withDatabaseName(url, template), poolSize: 1 });
  await migrate(handle.db);
  await handle.close();
  return async () => {
    const cleanup = new pg.Client({ connectionString: url });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await cleanup.end();
  };
}
