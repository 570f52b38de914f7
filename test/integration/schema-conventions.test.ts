/** Conventions every migration must keep (checked on the migrated database itself). */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, MigrationChecksumError } from '../../src/db/migrate.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

// kolada_*: published national figures (0006_kolada.sql), the same for every municipality.
const GLOBAL_TABLES = [
  'municipality',
  'schema_migration',
  'kolada_kpi',
  'kolada_municipality',
  'kolada_group',
  'kolada_group_member',
  'kolada_value',
];

describe('database schema conventions', () => {
  it('puts municipality_id first in the primary key of every tenant table (distributable by municipality)', async () => {
    const rows = await sql<{ table_name: string; first_key: string | null }>`
      SELECT t.relname AS table_name,
             (SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
              WHERE i.indrelid = t.oid AND i.indisprimary) AS first_key
      FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = 'public' AND t.relkind = 'r'`.execute(database.app.db);
    const offenders = rows.rows
      .filter((r) => !GLOBAL_TABLES.includes(r.table_name) && r.first_key !== 'municipality_id')
      .map((r) => r.table_name);
    expect(offenders).toEqual([]);
  });

  it('stores points in time as timestamptz, never timestamp without time zone', async () => {
    const rows = await sql<{ column: string }>`
      SELECT table_name || '.' || column_name AS column FROM information_schema.columns
      WHERE table_schema = 'public' AND data_type = 'timestamp without time zone'`.execute(database.app.db);
    expect(rows.rows.map((r) => r.column)).toEqual([]);
  });

  it('indexes every foreign key by its leading columns', async () => {
    const rows = await sql<{ constraint_name: string }>`
      SELECT c.conname AS constraint_name
      FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE c.contype = 'f' AND n.nspname = 'public'
        AND NOT EXISTS (
          SELECT 1 FROM pg_index i
          WHERE i.indrelid = c.conrelid
            AND (i.indkey::int2[])[0:array_length(c.conkey, 1) - 1] @> c.conkey
            AND (i.indkey::int2[])[0:array_length(c.conkey, 1) - 1] <@ c.conkey)`.execute(database.app.db);
    expect(rows.rows.map((r) => r.constraint_name)).toEqual([]);
  });

  it('refuses to start when a landed migration was edited (migrations only move forward)', async () => {
    await database.asOwner(async (db) => {
      await sql`UPDATE schema_migration SET checksum = 'edited' WHERE name = '0001_foundation.sql'`.execute(
        db,
      );
      await expect(migrate(db)).rejects.toThrow(MigrationChecksumError);
      await expect(migrate(db)).rejects.toThrow(/0001_foundation\.sql has changed/);
    });
  });

  it('names tables and columns in snake_case English', async () => {
    const rows = await sql<{ name: string }>`
      SELECT table_name || '.' || column_name AS name FROM information_schema.columns
      WHERE table_schema = 'public' AND (column_name !~ '^[a-z][a-z0-9_]*$' OR table_name !~ '^[a-z][a-z0-9_]*$')`.execute(
      database.app.db,
    );
    expect(rows.rows).toEqual([]);
  });
});
