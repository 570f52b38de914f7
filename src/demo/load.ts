/**
 * Loads the demo municipality into the database, and replaces it with a fresh copy. Everything
 * happens in one transaction: the demo is either fully there or not at all.
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/connection.ts';
import type { DB } from '../db/schema.ts';
import { refreshIndicatorFacts } from '../followup/db/indicator-facts.ts';
import { DEMO_MUNICIPALITY_ID, type FullDemoData } from './generate.ts';

/** Rows per INSERT (one JSON parameter each). */
const BATCH_SIZE = 5000;

/** Parents before children, as the foreign keys require. */
export const INSERT_ORDER = [
  'municipality',
  'population',
  'benchmark_setting',
  'unit',
  'app_user',
  'indicator_target',
  'role_assignment',
  'person',
  'household',
  'household_member',
  'client_case',
  'assistance_setting',
  'bank_account',
  'application',
  'application_member',
  'application_item',
  'decision',
  'decision_item',
  'visit',
  'payment_run',
  'payment',
  'reason_code',
  'intake_step',
  'labour_setting',
  'intervention',
  'referral',
  'employment_service_registration',
  'labour_mapping',
  'personal_plan',
  'plan_follow_up',
  'placement',
  'attendance',
  // extensions after the employments they extend (extends_id)
  'subsidised_employment',
  'information_flow',
  'labour_notice',
  'summer_job_round',
  'summer_job_position',
  'summer_job_applicant',
  'action_plan',
  'action_plan_followup',
  'action_plan_goal',
  'action_plan_activity',
  'action_plan_activity_unit',
  'action_plan_status',
  'report_budget_line',
  'report_budget_follow_up',
  'report_assignment',
  'report_assignment_follow_up',
  'report_control_risk',
  'report_control_risk_follow_up',
] as const satisfies ReadonlyArray<keyof FullDemoData & keyof DB>;

/** Append-only: a reset never touches the audit log. */
const KEPT_TABLES = new Set(['audit_log', 'audit_chain_head']);

export async function loadDemo(db: Database, data: FullDemoData): Promise<void> {
  await db.transaction().execute((trx) => insertDemo(trx, data));
  await analyse(db);
  await prepareIndicatorFacts(db, demoMunicipalityId(data));
}

/**
 * Gives the planner statistics of what was just loaded. PGlite has no autovacuum to do it later,
 * and without them the follow-up's queries over years of payments plan every join as a nested
 * loop over "one row" (seen: 36 s instead of 4 s on the demo).
 */
async function analyse(db: Database): Promise<void> {
  await sql`ANALYZE`.execute(db);
}

/** Builds the follow-up's indicator facts of the loaded years now, not at the first page. */
async function prepareIndicatorFacts(db: Database, municipalityId: string): Promise<void> {
  await refreshIndicatorFacts(db, municipalityId);
  await sql`ANALYZE indicator_household_month, indicator_member_month, indicator_household_year, indicator_person_year`.execute(
    db,
  );
}

/**
 * Deletes the demo municipality's rows from every table except the audit log, then loads `data`
 * again, in one transaction. Refuses to touch a municipality that is not marked as a demo.
 */
export async function resetDemo(db: Database, data: FullDemoData): Promise<void> {
  const municipalityId = demoMunicipalityId(data);
  await db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('municipality')
      .select('is_demo')
      .where('id', '=', municipalityId)
      .executeTakeFirst();
    if (existing && !existing.is_demo) {
      throw new Error(`Municipality ${municipalityId} is not a demo municipality; it is not reset`);
    }
    // Signed decisions and journal notes refuse deletion except in a demo reset (see 0003).
    await sql`SELECT set_config('kedjan.demo_reset', 'on', true)`.execute(trx);
    for (const table of await tablesInDeleteOrder(trx)) {
      await sql`DELETE FROM ${sql.table(table)} WHERE municipality_id = ${municipalityId}`.execute(trx);
    }
    await trx.deleteFrom('municipality').where('id', '=', municipalityId).execute();
    await insertDemo(trx, data);
  });
  await analyse(db);
  await prepareIndicatorFacts(db, municipalityId);
}

export async function isDemoLoaded(db: Database, municipalityId = DEMO_MUNICIPALITY_ID): Promise<boolean> {
  const row = await db
    .selectFrom('municipality')
    .select('id')
    .where('id', '=', municipalityId)
    .where('is_demo', '=', true)
    .executeTakeFirst();
  return row !== undefined;
}

async function insertDemo(trx: Transaction<DB>, data: FullDemoData): Promise<void> {
  demoMunicipalityId(data);
  // Signed decisions come with their items (see decision_item_signed_immutable in 0003).
  await sql`SELECT set_config('kedjan.importing_history', 'on', true)`.execute(trx);
  for (const table of INSERT_ORDER) {
    const rows: ReadonlyArray<object> = data[table];
    if (rows.length === 0) continue;
    const columns = sql.join(Object.keys(rows[0]!).map((column) => sql.ref(column)));
    for (let start = 0; start < rows.length; start += BATCH_SIZE) {
      // One JSON parameter per batch: the database parses it far faster than thousands of bound
      // parameters, on PostgreSQL and PGlite alike; omitted columns keep their defaults.
      const batch = JSON.stringify(rows.slice(start, start + BATCH_SIZE));
      await sql`INSERT INTO ${sql.table(table)} (${columns})
        SELECT ${columns} FROM json_populate_recordset(NULL::${sql.table(table)}, ${batch}::json)`.execute(
        trx,
      );
    }
  }
}

function demoMunicipalityId(data: FullDemoData): string {
  const [municipality, ...others] = data.municipality;
  if (!municipality || others.length > 0 || !municipality.is_demo) {
    throw new Error('Demo data must describe exactly one municipality, marked as a demo');
  }
  return municipality.id;
}

/**
 * The tables with a municipality_id column (except the kept ones), children before parents, found
 * in the catalogue so that tables added by later migrations are cleared too.
 */
async function tablesInDeleteOrder(trx: Transaction<DB>): Promise<string[]> {
  const tables = (
    await sql<{ name: string }>`
      SELECT c.table_name AS name
      FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = current_schema() AND c.column_name = 'municipality_id' AND t.table_type = 'BASE TABLE'
      ORDER BY c.table_name`.execute(trx)
  ).rows
    .map((row) => row.name)
    .filter((name) => !KEPT_TABLES.has(name));
  const references = (
    await sql<{ child: string; parent: string }>`
      SELECT child.relname AS child, parent.relname AS parent
      FROM pg_constraint con
      JOIN pg_class child ON child.oid = con.conrelid
      JOIN pg_class parent ON parent.oid = con.confrelid
      WHERE con.contype = 'f' AND child.relnamespace = current_schema()::regnamespace`.execute(trx)
  ).rows.filter((edge) => edge.child !== edge.parent);

  const ordered: string[] = [];
  const remaining = new Set(tables);
  while (remaining.size > 0) {
    const free = [...remaining].filter(
      (table) => !references.some((edge) => edge.parent === table && remaining.has(edge.child)),
    );
    if (free.length === 0) throw new Error(`Foreign keys form a cycle among: ${[...remaining].join(', ')}`);
    for (const table of free) {
      ordered.push(table);
      remaining.delete(table);
    }
  }
  return ordered;
}
