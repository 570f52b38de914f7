/**
 * The follow-up indicators at the scale of a municipality and of a country (issue 5): ten years of
 * generated assistance (bench/followup-data.ts) — 10 000 households a year for a municipality,
 * 200 000 for the national set — on PostgreSQL (a fresh database per set, dropped afterwards) and
 * PGlite (a temporary data folder, removed afterwards). Timed, for the last full year and for all
 * ten: every "all indicators" path of PATHS, and as the baseline one hand-written SQL aggregate
 * that counts the long-term households (paid in at least 10 of the year's 12 months). Each is run
 * once to warm up, then BENCH_FOLLOWUP_RUNS (3) times: median and min.
 *
 * Settings (environment): BENCH_FOLLOWUP_SETS ("municipality,national"), BENCH_FOLLOWUP_ENGINES
 * ("postgres,pglite"), BENCH_FOLLOWUP_PGLITE_NATIONAL (1: also the national set on PGlite),
 * BENCH_FOLLOWUP_RUNS (3), BENCH_FOLLOWUP_SLOW_SECONDS (60: a path whose warm-up took longer is
 * timed once, not BENCH_FOLLOWUP_RUNS times), BENCH_FOLLOWUP_TIMEOUT_SECONDS (300: on PostgreSQL a
 * path whose warm-up takes longer is cancelled and not timed), BENCH_FOLLOWUP_ENGINE_TIMEOUT_SECONDS
 * (60: the engine's computation is first tried in a worker thread and not timed when it takes longer),
 * BENCH_FOLLOWUP_ENGINE_MAX_MONTHS (2 000 000: the
 * engine path runs only where it would read fewer household months),
 * BENCH_FOLLOWUP_MUNICIPALITY_HOUSEHOLDS (10 000),
 * BENCH_FOLLOWUP_NATIONAL_HOUSEHOLDS (200 000), BENCH_FOLLOWUP_KEEP (1: on PostgreSQL the set is
 * generated into kedjan_bench_followup_<set>_kept, which is not dropped afterwards) and
 * BENCH_FOLLOWUP_REUSE (1: such a kept database is used as it is — migrated, its indicator facts
 * rebuilt — instead of generating the set again; the national set takes most of an hour to
 * generate). A reused set's per-year figures are counted from its facts, not known by construction.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type Database, type DatabaseHandle } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrate.ts';
import { computeIndicatorsInDatabase } from '../src/followup/db/indicator-aggregates.ts';
import { refreshIndicatorFacts } from '../src/followup/db/indicator-facts.ts';
import { loadIndicatorRecords } from '../src/followup/db/indicator-records.ts';
import { computeIndicators, type IndicatorValue } from '../src/followup/domain/indicators/compute.ts';
import { INDICATORS } from '../src/followup/domain/indicators/definitions.ts';
import { monthNumber, monthsOf, type Period } from '../src/followup/domain/indicators/periods.ts';
import type { IndicatorRecords } from '../src/followup/domain/indicators/records.ts';
import {
  CONTINUING_SHARE,
  FOLLOWUP_MUNICIPALITY,
  GENERATED_TABLES,
  generate,
  type Exec,
  type GeneratedSet,
  type Generation,
} from './followup-data.ts';

export const FOLLOWUP_BARS = { municipalityYearMs: 1_000, nationalTenYearsMs: 60_000, baselineRatio: 2 };

type SetName = 'municipality' | 'national';
type EngineName = 'postgres' | 'pglite';
type SpanName = 'one year' | 'ten years';

const num = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(n) && n > 0 ? n : fallback;
};
const list = (value: string | undefined, fallback: string) =>
  (value ?? fallback)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const OPTIONS = {
  sets: list(process.env.BENCH_FOLLOWUP_SETS, 'municipality,national') as SetName[],
  engines: list(process.env.BENCH_FOLLOWUP_ENGINES, 'postgres,pglite') as EngineName[],
  pgliteNational: ['1', 'true'].includes(process.env.BENCH_FOLLOWUP_PGLITE_NATIONAL ?? ''),
  runs: num(process.env.BENCH_FOLLOWUP_RUNS, 3),
  engineMaxMonths: num(process.env.BENCH_FOLLOWUP_ENGINE_MAX_MONTHS, 2_000_000),
  slowSeconds: num(process.env.BENCH_FOLLOWUP_SLOW_SECONDS, 60),
  timeoutSeconds: num(process.env.BENCH_FOLLOWUP_TIMEOUT_SECONDS, 300),
  engineTimeoutSeconds: num(process.env.BENCH_FOLLOWUP_ENGINE_TIMEOUT_SECONDS, 60),
  keep: ['1', 'true'].includes(process.env.BENCH_FOLLOWUP_KEEP ?? ''),
  reuse: ['1', 'true'].includes(process.env.BENCH_FOLLOWUP_REUSE ?? ''),
  households: {
    municipality: num(process.env.BENCH_FOLLOWUP_MUNICIPALITY_HOUSEHOLDS, 10_000),
    national: num(process.env.BENCH_FOLLOWUP_NATIONAL_HOUSEHOLDS, 200_000),
  } as Record<SetName, number>,
};
const POPULATION: Record<SetName, number> = { municipality: 113_000, national: 10_500_000 };
const WORKER = new URL('./followup-worker.ts', import.meta.url).href;
/** Months the engine reads before a span (loadIndicatorRecords' default history). */
const HISTORY_MONTHS = 30;

/** What a path may look at before it runs. */
export interface SpanFacts {
  /** Household months the engine would read for the span (with its history months before it). */
  householdMonthsRead: number;
}

/** One way to compute all the indicators of the periods. */
export interface IndicatorPath {
  name: string;
  /** Why the path does not run for this span (undefined: it runs). */
  skip?(facts: SpanFacts): string | undefined;
  /** Tried before the timed runs: why they would not be worth it (undefined: they are). */
  probe?(db: Database, municipalityId: string, periods: readonly Period[]): Promise<string | undefined>;
  run(db: Database, municipalityId: string, periods: readonly Period[]): Promise<IndicatorValue[]>;
}

export const PATHS: IndicatorPath[] = [
  {
    // What the app does today (the follow-up routes, `npx kedjan kpi`).
    name: 'engine (records → JS)',
    skip: ({ householdMonthsRead }) =>
      householdMonthsRead > OPTIONS.engineMaxMonths
        ? `would read ${millions(householdMonthsRead)} household months into memory ` +
          `(limit ${millions(OPTIONS.engineMaxMonths)}, BENCH_FOLLOWUP_ENGINE_MAX_MONTHS)`
        : undefined,
    probe: async (db, municipalityId, periods) => {
      const started = performance.now();
      const records = await engineRecords(db, municipalityId, periods);
      const loadMs = performance.now() - started;
      const reason = await computesWithin(records, periods, OPTIONS.engineTimeoutSeconds * 1000);
      return reason && `records loaded in ${seconds(loadMs)} s, then ${reason}`;
    },
    run: async (db, municipalityId, periods) =>
      computeIndicators(INDICATORS, await engineRecords(db, municipalityId, periods), periods),
  },
  {
    // The assistance indicators counted in the database, only the counts brought back.
    name: 'SQL aggregates',
    run: (db, municipalityId, periods) =>
      computeIndicatorsInDatabase(
        db,
        municipalityId,
        INDICATORS,
        periods,
        new Date().toISOString().slice(0, 7),
      ),
  },
  // ▲ Another way to compute all indicators: one more entry here.
];

async function engineRecords(db: Database, municipalityId: string, periods: readonly Period[]) {
  const months = periods.flatMap(monthsOf).sort();
  const records = await loadIndicatorRecords(db, municipalityId, months[0]!, months.at(-1)!);
  return { ...records, throughMonth: new Date().toISOString().slice(0, 7) };
}

/**
 * Computes once in a worker thread (a computation on the main thread cannot be given up on);
 * why not to time it when it did not finish within the limit.
 */
async function computesWithin(
  records: IndicatorRecords,
  periods: readonly Period[],
  limitMs: number,
): Promise<string | undefined> {
  const worker = new Worker(
    `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
       .then(({ register }) => { register(); return import(${JSON.stringify(WORKER)}); })`,
    { eval: true, workerData: { records, periods } },
  );
  try {
    return await new Promise<string | undefined>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          resolve(
            `computeIndicators did not finish within ${limitMs / 1000} s (BENCH_FOLLOWUP_ENGINE_TIMEOUT_SECONDS)`,
          ),
        limitMs,
      );
      worker.once('message', () => {
        clearTimeout(timer);
        resolve(undefined);
      });
      worker.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  } finally {
    await worker.terminate();
  }
}

/** Whether the schema has the table (an older schema may lack the derived tables). */
async function hasTable(exec: Exec, table: string): Promise<boolean> {
  return (await exec(`SELECT to_regclass('${table}') IS NOT NULL AS present`)).rows[0]?.present === true;
}

/**
 * The generator went round the triggers (session_replication_role = replica) that mark the months
 * of the indicator facts stale (migration 0012) and the persons whose timelines are kept (0013):
 * marks them as they would have.
 */
async function markAsTriggersWould(exec: Exec): Promise<void> {
  if (await hasTable(exec, 'indicator_stale_month'))
    await exec(
      `INSERT INTO indicator_stale_month (municipality_id, month)
       SELECT DISTINCT municipality_id, month FROM decision
       ON CONFLICT (municipality_id, month) DO UPDATE SET version = indicator_stale_month.version + 1`,
    );
  if (await hasTable(exec, 'chain_stale_person'))
    await exec(
      `INSERT INTO chain_stale_person (municipality_id, person_id) SELECT municipality_id, id FROM person
       ON CONFLICT (municipality_id, person_id) DO UPDATE SET version = chain_stale_person.version + 1`,
    );
}

/**
 * Builds the indicator facts of the months marked stale, as the app does before counting (all of
 * a generated set; of a reused one, what its migrations marked). Undefined when the schema has no
 * such facts.
 */
async function buildIndicatorFacts(exec: Exec, db: Database): Promise<number | undefined> {
  if (!(await hasTable(exec, 'indicator_stale_month'))) return undefined;
  const started = performance.now();
  await refreshIndicatorFacts(db, FOLLOWUP_MUNICIPALITY);
  await exec(
    'ANALYZE indicator_household_month, indicator_member_month, indicator_household_year, indicator_person_year',
  );
  return performance.now() - started;
}

const generatedIn = (g: Generation) =>
  g.reused
    ? 'reused (generated by an earlier run)'
    : `generated in ${(g.totalMs / 1000).toFixed(1)} s (VACUUM ANALYZE ${(g.phasesMs.vacuum! / 1000).toFixed(1)} s)`;

/**
 * A reused set's figures, counted from its indicator facts (a generated set knows them by
 * construction): household months per month, and per year the households paid, of them paid the
 * year before, and long-term (10–12 months).
 */
async function countedGeneration(exec: Exec): Promise<Generation> {
  const months = await exec(
    `SELECT to_char(month, 'YYYY-MM') AS month, count(*)::int AS n FROM indicator_household_month GROUP BY 1`,
  );
  const years = await exec(
    `SELECT year, count(*)::int AS households,
            count(*) FILTER (WHERE paid_months & 4095 <> 0)::int AS continuing,
            count(*) FILTER (WHERE bit_count((paid_months >> 12)::bit(64)) >= 10)::int AS long_term
     FROM indicator_household_year WHERE paid_months >> 12 <> 0 GROUP BY year`,
  );
  return {
    reused: true,
    phasesMs: {},
    totalMs: 0,
    householdMonths: Object.fromEntries(months.rows.map((r) => [r.month as string, Number(r.n)])),
    perYear: Object.fromEntries(
      years.rows.map((r) => [
        String(r.year),
        { households: Number(r.households), continuing: Number(r.continuing), longTerm: Number(r.long_term) },
      ]),
    ),
  };
}

/** The baseline: long-term households per year, one statement over payment/decision/client_case. */
async function longTermHouseholds(
  db: Database,
  municipalityId: string,
  firstYear: number,
  lastYear: number,
): Promise<Map<number, number>> {
  const { rows } = await sql<{ year: number; households: number }>`
    SELECT year, count(*)::int AS households
    FROM (SELECT household_id, extract(year FROM month)::int AS year
          FROM (SELECT c.household_id, d.month
                FROM payment p
                JOIN decision d ON d.municipality_id = p.municipality_id AND d.id = p.decision_id
                JOIN client_case c ON c.municipality_id = p.municipality_id AND c.id = p.case_id
                WHERE p.municipality_id = ${municipalityId} AND p.status = 'sent'
                  AND d.month BETWEEN ${`${firstYear}-01-01`}::date AND ${`${lastYear}-12-01`}::date
                GROUP BY c.household_id, d.month
                HAVING sum(p.amount_ore) > 0) household_month
          GROUP BY household_id, year
          HAVING count(*) >= 10) long_term
    GROUP BY year`.execute(db);
  const counts = new Map<number, number>();
  for (let y = firstYear; y <= lastYear; y++) counts.set(y, 0);
  for (const row of rows) counts.set(Number(row.year), Number(row.households));
  return counts;
}

export interface FollowupTiming {
  set: SetName;
  engine: EngineName;
  span: SpanName;
  /** 'baseline' or a path's name. */
  path: string;
  warmupMs?: number;
  runsMs?: number[];
  medianMs?: number;
  minMs?: number;
  /** median / the baseline's median of the same set, engine and span */
  ratioToBaseline?: number;
  notRun?: string;
  /** long_term_households per year against the baseline's counts */
  check?: { ok: boolean; detail: string };
}

export interface FollowupSetRun {
  set: SetName;
  engine: EngineName;
  householdsPerYear: number;
  years: [number, number];
  generation?: Generation;
  /** Building the indicator facts (refreshIndicatorFacts) after the load, ms. */
  factsMs?: number;
  rowCounts?: Record<string, number>;
  databaseBytes?: number;
  /** The baseline's long-term households per year. */
  longTermHouseholds?: Record<string, number>;
  skipped?: string;
  error?: string;
}

export interface FollowupBench {
  years: [number, number];
  sets: FollowupSetRun[];
  timings: FollowupTiming[];
}

export interface FollowupDeps {
  databaseUrl: string;
  stamp: string;
  log(...args: unknown[]): void;
  /** Also run at the bench's end or on an interrupt (dropping a database, removing a folder). */
  onCleanup(fn: () => Promise<void>): void;
}

const millions = (n: number) => `${(n / 1e6).toFixed(n < 1e6 ? 2 : 1)} M`;
const seconds = (ms: number | undefined) =>
  ms === undefined ? '–' : `${(ms / 1000).toFixed(ms < 10_000 ? 3 : 1)}`;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A fresh database or data folder, migrated; `exec` is one session for the generator. */
interface Target {
  handle: DatabaseHandle;
  exec: Exec;
  fast: string[];
  vacuum: string[];
  /** A kept database generated by an earlier run (BENCH_FOLLOWUP_REUSE). */
  reused?: boolean;
  /** Cancels the statements running in the database (PostgreSQL only). */
  cancel?(): Promise<void>;
  close(): Promise<void>;
}

async function databaseExists(url: string, database: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])).rowCount === 1;
  } finally {
    await client.end();
  }
}

async function postgresTarget(deps: FollowupDeps, set: SetName): Promise<Target> {
  const kept = OPTIONS.keep || OPTIONS.reuse;
  const database = kept
    ? `kedjan_bench_followup_${set}_kept`
    : `kedjan_bench_followup_${set}_${deps.stamp}`.toLowerCase();
  const drop = () => admin(deps.databaseUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  const reused = OPTIONS.reuse && (await databaseExists(deps.databaseUrl, database));
  if (!kept) deps.onCleanup(drop);
  if (!reused) {
    if (kept) await drop();
    await admin(deps.databaseUrl, `CREATE DATABASE ${database}`);
  }
  const url = withDatabase(deps.databaseUrl, database);
  const handle = await openDatabase({ kind: 'postgres', url });
  await migrate(handle.db);
  const session = new pg.Client({ connectionString: url });
  await session.connect();
  return {
    handle,
    reused,
    exec: async (statement) => ({ rows: (await session.query(statement)).rows }),
    // The bench user is a superuser: no foreign-key triggers while loading (the data is built
    // consistent), no waiting for the WAL flush, room for the temporary tables and the sorts.
    fast: [
      'SET session_replication_role = replica',
      'SET synchronous_commit = off',
      "SET temp_buffers = '256MB'",
      "SET work_mem = '256MB'",
      "SET maintenance_work_mem = '512MB'",
    ],
    vacuum: ['RESET session_replication_role', 'VACUUM ANALYZE'],
    cancel: () =>
      admin(
        deps.databaseUrl,
        `SELECT pg_cancel_backend(pid) FROM pg_stat_activity
         WHERE datname = '${database}' AND state = 'active' AND pid <> pg_backend_pid()`,
      ),
    close: async () => {
      await session.end().catch(() => {});
      await handle.close();
      if (!kept) await drop();
    },
  };
}

async function pgliteTarget(deps: FollowupDeps): Promise<Target> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kedjan-bench-followup-'));
  const remove = async () => rmSync(dataDir, { recursive: true, force: true });
  deps.onCleanup(remove);
  const handle = await openDatabase({ kind: 'pglite', dataDir });
  await migrate(handle.db);
  return {
    handle,
    exec: async (statement) => ({
      rows: (await sql.raw(statement).execute(handle.db)).rows as Record<string, unknown>[],
    }),
    fast: ['SET session_replication_role = replica'],
    vacuum: ['RESET session_replication_role', 'VACUUM ANALYZE'],
    close: async () => {
      await handle.close();
      await remove();
    },
  };
}

async function rowCounts(exec: Exec): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of GENERATED_TABLES)
    counts[table] = Number((await exec(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);
  return counts;
}

class TimedOut extends Error {}
const TIMEOUT = Symbol('timeout');

/**
 * A warm-up, then `runs` timed runs; one only when the warm-up took longer than the slow limit.
 * With `cancel`, a warm-up still running after the time limit is cancelled and TimedOut thrown.
 */
async function measure<T>(runs: number, fn: () => Promise<T>, cancel?: () => Promise<void>) {
  let t = performance.now();
  const warmup = fn();
  let timer: NodeJS.Timeout | undefined;
  const first = cancel
    ? await Promise.race([
        warmup,
        new Promise<typeof TIMEOUT>(
          (resolve) => (timer = setTimeout(() => resolve(TIMEOUT), OPTIONS.timeoutSeconds * 1000)),
        ),
      ])
    : await warmup;
  clearTimeout(timer);
  if (first === TIMEOUT) {
    await cancel!();
    await warmup.catch(() => {});
    throw new TimedOut(
      `did not finish within ${OPTIONS.timeoutSeconds} s (BENCH_FOLLOWUP_TIMEOUT_SECONDS), cancelled`,
    );
  }
  const result = first as T;
  const warmupMs = performance.now() - t;
  const slowMs = OPTIONS.slowSeconds * 1000;
  const runsMs: number[] = [];
  for (let i = 0; i < (warmupMs > slowMs ? 1 : runs); i++) {
    t = performance.now();
    await fn();
    runsMs.push(performance.now() - t);
  }
  return { result, warmupMs, runsMs, medianMs: median(runsMs), minMs: Math.min(...runsMs) };
}

function checkLongTerm(values: IndicatorValue[], baseline: Map<number, number>, years: number[]) {
  const wrong: string[] = [];
  for (const year of years) {
    const value = values.find((v) => v.id === 'long_term_households' && v.period === String(year));
    const counted = value?.numerator ?? value?.value ?? null;
    if (counted !== baseline.get(year)) wrong.push(`${year}: ${counted} ≠ baseline ${baseline.get(year)}`);
  }
  return wrong.length === 0
    ? { ok: true, detail: `= baseline (${years.length} year${years.length > 1 ? 's' : ''})` }
    : { ok: false, detail: `MISMATCH ${wrong.join(', ')}` };
}

/** Generates one set on one engine, times the baseline and the paths, and cleans up. */
async function benchSet(
  deps: FollowupDeps,
  set: SetName,
  engine: EngineName,
  years: [number, number],
  timings: FollowupTiming[],
): Promise<FollowupSetRun> {
  const generated: GeneratedSet = {
    households: OPTIONS.households[set],
    population: POPULATION[set],
    firstYear: years[0],
    lastYear: years[1],
  };
  const run: FollowupSetRun = { set, engine, householdsPerYear: generated.households, years };
  const label = `followup ${set} on ${engine === 'postgres' ? 'PostgreSQL' : 'PGlite'}`;
  const target = engine === 'postgres' ? await postgresTarget(deps, set) : await pgliteTarget(deps);
  try {
    if (target.reused) deps.log(`${label}: reusing the kept database (BENCH_FOLLOWUP_REUSE)`);
    else {
      deps.log(
        `${label}: generating ${generated.households.toLocaleString('en')} households a year, ${years.join('–')}`,
      );
      run.generation = await generate(
        target.exec,
        generated,
        set === 'national' ? 'Riket (bench)' : 'Benchkommun',
        {
          fast: target.fast,
          vacuum: target.vacuum,
          progress: (message) => deps.log(`${label}: ${message}`),
        },
      );
      await markAsTriggersWould(target.exec);
    }
    run.factsMs = await buildIndicatorFacts(target.exec, target.handle.db);
    run.generation ??= await countedGeneration(target.exec);
    if (run.factsMs !== undefined)
      deps.log(
        `${label}: indicator facts built in ${seconds(run.factsMs)} s (refreshIndicatorFacts, untimed)`,
      );
    run.rowCounts = await rowCounts(target.exec);
    run.databaseBytes = Number(
      (await target.exec('SELECT pg_database_size(current_database()) AS n')).rows[0]!.n,
    );
    const months = Object.values(run.generation.householdMonths).reduce((a, b) => a + b, 0);
    deps.log(
      `${label}: ${generatedIn(run.generation)}, ` +
        `${millions(months)} household months, ${(run.databaseBytes / 2 ** 30).toFixed(2)} GB: ${JSON.stringify(run.rowCounts)}`,
    );

    const perYear = Object.values(run.generation.perYear);
    const range = (values: number[]) => `${Math.min(...values)}–${Math.max(...values)}`;
    deps.log(
      `${label}: per year ${range(perYear.map((y) => y.households))} households, ` +
        `${range(perYear.map((y) => Math.round((100 * y.continuing) / y.households)))} % paid the year before, ` +
        `${range(perYear.map((y) => y.longTerm))} long-term (10–12 months)`,
    );

    const db = target.handle.db;
    const spans: [SpanName, number][] = [
      ['one year', years[1]],
      ['ten years', years[0]],
    ];
    for (const [span, from] of spans) {
      const periodYears = Array.from({ length: years[1] - from + 1 }, (_, i) => from + i);
      const periods: Period[] = periodYears.map((year) => ({ kind: 'year', year }));
      const firstRead = monthNumber(`${from}-01`) - HISTORY_MONTHS;
      const facts: SpanFacts = {
        householdMonthsRead: Object.entries(run.generation.householdMonths)
          .filter(([month]) => monthNumber(month) >= firstRead)
          .reduce((sum, [, n]) => sum + n, 0),
      };
      const base = await measure(OPTIONS.runs, () =>
        longTermHouseholds(db, FOLLOWUP_MUNICIPALITY, from, years[1]),
      );
      run.longTermHouseholds = {
        ...run.longTermHouseholds,
        ...Object.fromEntries([...base.result].map(([y, n]) => [String(y), n])),
      };
      const baseline: FollowupTiming = {
        set,
        engine,
        span,
        path: 'baseline',
        warmupMs: base.warmupMs,
        runsMs: base.runsMs,
        medianMs: base.medianMs,
        minMs: base.minMs,
        ratioToBaseline: 1,
      };
      timings.push(baseline);
      const unlike = periodYears.filter((y) => base.result.get(y) !== run.generation!.perYear[y]?.longTerm);
      if (unlike.length > 0)
        console.error(
          `[bench] !!! ${label}: the baseline counts other long-term households than were generated in ${unlike.join(', ')}`,
        );
      deps.log(
        `${label}, ${span}: baseline median ${seconds(base.medianMs)} s, min ${seconds(base.minMs)} s`,
      );
      for (const p of PATHS) {
        const timing: FollowupTiming = { set, engine, span, path: p.name };
        timings.push(timing);
        try {
          let reason = p.skip?.(facts);
          if (!reason && p.probe) {
            deps.log(`${label}, ${span}: ${p.name}: trying it once`);
            reason = await p.probe(db, FOLLOWUP_MUNICIPALITY, periods);
          }
          if (reason) {
            timing.notRun = reason;
            deps.log(`${label}, ${span}: ${p.name} not run: ${reason}`);
            continue;
          }
          const m = await measure(
            OPTIONS.runs,
            () => p.run(db, FOLLOWUP_MUNICIPALITY, periods),
            target.cancel,
          );
          Object.assign(timing, {
            warmupMs: m.warmupMs,
            runsMs: m.runsMs,
            medianMs: m.medianMs,
            minMs: m.minMs,
            ratioToBaseline: m.medianMs / base.medianMs,
            check: checkLongTerm(m.result, base.result, periodYears),
          });
          deps.log(
            `${label}, ${span}: ${p.name} median ${seconds(m.medianMs)} s, min ${seconds(m.minMs)} s ` +
              `(warm-up ${seconds(m.warmupMs)} s), ${timing.ratioToBaseline!.toFixed(2)}× baseline; ` +
              `long-term households ${timing.check!.detail}`,
          );
          if (!timing.check!.ok)
            console.error(
              `[bench] !!! ${label}, ${span}, ${p.name}: long_term_households ${timing.check!.detail}`,
            );
        } catch (error) {
          if (error instanceof TimedOut) {
            timing.notRun = error.message;
            deps.log(`${label}, ${span}: ${p.name} ${error.message}`);
            continue;
          }
          timing.notRun = `failed: ${(error as Error).message}`;
          deps.log(`${label}, ${span}: ${p.name} FAILED`, error);
        }
      }
    }
  } finally {
    await target.close();
  }
  return run;
}

export async function benchFollowup(deps: FollowupDeps): Promise<FollowupBench> {
  const lastYear = new Date().getUTCFullYear() - 1;
  const years: [number, number] = [lastYear - 9, lastYear];
  const bench: FollowupBench = { years, sets: [], timings: [] };
  deps.log(
    `followup: ${years.join('–')}, ${Math.round(CONTINUING_SHARE * 100)} % of each year's households paid the year before; ` +
      `sets ${OPTIONS.sets.join(', ')}; engines ${OPTIONS.engines.join(', ')}; ${OPTIONS.runs} runs after a warm-up`,
  );
  for (const set of OPTIONS.sets) {
    for (const engine of OPTIONS.engines) {
      if (engine === 'pglite' && set === 'national' && !OPTIONS.pgliteNational) {
        const municipal = bench.sets.find((s) => s.set === 'municipality' && s.engine === 'pglite');
        const factor = OPTIONS.households.national / OPTIONS.households.municipality;
        const skipped =
          'not generated (BENCH_FOLLOWUP_PGLITE_NATIONAL=1 to run it): PGlite is one in-process connection' +
          (municipal?.generation && !municipal.generation.reused
            ? `; its municipality set took ${(municipal.generation.totalMs / 1000).toFixed(0)} s to generate, ` +
              `so the national set (${factor}×) would take at least ~${((municipal.generation.totalMs * factor) / 60_000).toFixed(0)} min`
            : '');
        deps.log(`followup national on PGlite ${skipped}`);
        bench.sets.push({
          set,
          engine,
          householdsPerYear: OPTIONS.households[set],
          years,
          skipped,
        });
        continue;
      }
      try {
        bench.sets.push(await benchSet(deps, set, engine, years, bench.timings));
      } catch (error) {
        deps.log(`followup ${set} on ${engine} FAILED`, error);
        bench.sets.push({
          set,
          engine,
          householdsPerYear: OPTIONS.households[set],
          years,
          error: (error as Error).stack ?? String(error),
        });
      }
    }
  }
  return bench;
}

function table(rows: string[][], rightFrom: number): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r.map((cell, i) => (i >= rightFrom ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

const ENGINE_LABEL: Record<EngineName, string> = { postgres: 'PostgreSQL', pglite: 'PGlite' };

export function printFollowup(bench: FollowupBench): void {
  console.log(
    `follow-up indicators, ${bench.years.join('–')} (seconds; ${OPTIONS.runs} runs after a warm-up):`,
  );
  const generated = bench.sets.filter((s) => s.rowCounts);
  if (generated.length > 0) {
    console.log(
      table(
        [
          ['set', 'engine', 'generated s', 'facts s', 'GB', ...GENERATED_TABLES],
          ...generated.map((s) => [
            s.set,
            ENGINE_LABEL[s.engine],
            s.generation!.reused ? 'reused' : (s.generation!.totalMs / 1000).toFixed(1),
            s.factsMs === undefined ? '–' : (s.factsMs / 1000).toFixed(1),
            (s.databaseBytes! / 2 ** 30).toFixed(2),
            ...GENERATED_TABLES.map((t) => s.rowCounts![t]!.toLocaleString('en')),
          ]),
        ],
        2,
      ),
    );
    console.log('');
  }
  for (const s of bench.sets.filter((x) => x.skipped || x.error))
    console.log(`${s.set} on ${ENGINE_LABEL[s.engine]}: ${s.skipped ?? `FAILED ${s.error!.split('\n')[0]}`}`);
  if (bench.timings.length === 0) return;
  console.log(
    table(
      [
        [
          'set',
          'engine',
          'span',
          'path',
          'runs',
          'median s',
          'min s',
          'warm-up s',
          'vs baseline',
          'long-term households',
        ],
        ...bench.timings.map((t) => [
          t.set,
          ENGINE_LABEL[t.engine],
          t.span,
          t.path,
          t.runsMs ? String(t.runsMs.length) : '–',
          t.notRun ? 'not run' : seconds(t.medianMs),
          seconds(t.minMs),
          seconds(t.warmupMs),
          t.ratioToBaseline === undefined ? '–' : `${t.ratioToBaseline.toFixed(2)}×`,
          t.path === 'baseline' ? '' : (t.check?.detail ?? t.notRun ?? ''),
        ]),
      ],
      4,
    ),
  );
  console.log('');
}

export function followupBars(bench: FollowupBench): { bar: string; value: string; pass: boolean }[] {
  const bars: { bar: string; value: string; pass: boolean }[] = [];
  const best = (set: SetName, span: SpanName) => {
    const ran = bench.timings.filter(
      (t) =>
        t.engine === 'postgres' &&
        t.set === set &&
        t.span === span &&
        t.path !== 'baseline' &&
        t.medianMs !== undefined,
    );
    return ran.sort((a, b) => a.medianMs! - b.medianMs!)[0];
  };
  const measured = (set: SetName) =>
    bench.sets.some((s) => s.set === set && s.engine === 'postgres' && s.rowCounts);
  const describe = (t: FollowupTiming | undefined, set: SetName, span: SpanName) =>
    t
      ? `${seconds(t.medianMs)} s (${t.path})`
      : `not measured (${
          bench.timings
            .filter((x) => x.engine === 'postgres' && x.set === set && x.span === span && x.notRun)
            .map((x) => `${x.path}: ${x.notRun}`)
            .join('; ') || 'no data'
        })`;
  const limits: [SetName, SpanName, number][] = [
    ['municipality', 'one year', FOLLOWUP_BARS.municipalityYearMs],
    ['national', 'ten years', FOLLOWUP_BARS.nationalTenYearsMs],
  ];
  for (const [set, span, limit] of limits) {
    if (!OPTIONS.sets.includes(set) || !OPTIONS.engines.includes('postgres')) continue;
    const t = best(set, span);
    bars.push({
      bar: `all indicators, ${set}, ${span}, on PostgreSQL < ${limit / 1000} s`,
      value: describe(t, set, span),
      pass: t !== undefined && t.medianMs! < limit && t.check?.ok === true,
    });
  }
  for (const set of OPTIONS.sets) {
    if (!measured(set)) continue;
    for (const span of ['one year', 'ten years'] as SpanName[]) {
      const t = best(set, span);
      bars.push({
        bar: `all indicators ≤ ${FOLLOWUP_BARS.baselineRatio}× the baseline, ${set}, ${span}, on PostgreSQL`,
        value: t ? `${t.ratioToBaseline!.toFixed(2)}× (${t.path})` : describe(t, set, span),
        pass: t !== undefined && t.ratioToBaseline! <= FOLLOWUP_BARS.baselineRatio,
      });
    }
  }
  for (const t of bench.timings.filter((x) => x.check && !x.check.ok))
    bars.push({
      bar: `long_term_households = the baseline's count (${t.set}, ${ENGINE_LABEL[t.engine]}, ${t.span}, ${t.path})`,
      value: t.check!.detail,
      pass: false,
    });
  for (const s of bench.sets.filter((x) => x.error))
    bars.push({
      bar: `follow-up ${s.set} on ${ENGINE_LABEL[s.engine]}`,
      value: s.error!.split('\n')[0]!,
      pass: false,
    });
  return bars;
}
