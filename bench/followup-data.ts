/**
 * Generated follow-up data for the indicator bench (issue 5): ten years of financial assistance
 * in the tables the indicator engine reads, for a municipality or a whole country, written with
 * set-based SQL (INSERT … SELECT over generate_series, one year at a time).
 *
 * The shape: each year exactly `households` households are paid for at least one month; 60 % of
 * them were paid the year before, the rest are new (a household goes on to the next year with
 * probability 0.6, so spells last from one to all ten years). A third of the household-years are
 * long-term (10–12 months), the others 1–9 months, mostly 1–3. A spell that goes on from or into
 * another year runs from January or until December. Households have one or two adults and up to
 * three children; every household month has an application with its members, a signed decision
 * and a sent payment, and each adult a reason code of the real code list; one household month in
 * a hundred also has a supplementary decision whose payment was stopped (so never counted). Four
 * households in a hundred a year have their applicant referred to the labour-market unit, most
 * with an exit, three in ten of those into a subsidised employment. Population per year.
 *
 * Randomness is a hash of the row's numbers (hashint8), so a set is the same on every run and
 * engine; only the uuids differ.
 */
import { REASON_CODES } from '../src/assistance/domain/reason-codes/reason-code-list.ts';

export const FOLLOWUP_MUNICIPALITY = '9200';
const U_ASSISTANCE = '00000000-0000-4000-8000-00000000c001';
const U_LABOUR = '00000000-0000-4000-8000-00000000c002';
const CASEWORKER = '00000000-0000-4000-8000-00000000c101';
const MANAGER = '00000000-0000-4000-8000-00000000c102';
const CONSULTANT = '00000000-0000-4000-8000-00000000c103';
const M = FOLLOWUP_MUNICIPALITY;

/** Share of a year's households that were paid the year before. */
export const CONTINUING_SHARE = 0.6;

export interface GeneratedSet {
  /** Households paid for at least one month, each year. */
  households: number;
  population: number;
  firstYear: number;
  lastYear: number;
}

/** Runs one statement (no parameters); the same session for a whole generation (temp tables). */
export type Exec = (statement: string) => Promise<{ rows: Record<string, unknown>[] }>;

/** A number in [0, 2^31) from the row's numbers and what it is for. */
const rnd = (a: string, b: string | number, purpose: number) =>
  `(hashint8((${a})::bigint * 100000000 + (${b}) * 100 + ${purpose}) & 2147483647)`;

const array = (values: readonly (string | number)[]) =>
  `(ARRAY[${values.map((v) => (typeof v === 'number' ? String(v) : `'${v}'`)).join(',')}])`;

/** Reason codes weighted the way they are common: unemployment, then ill health and social reasons. */
const WEIGHTED_CODES = REASON_CODES.flatMap((c) =>
  Array<string>(c.group === 'unemployment' ? 3 : c.group === 'other' ? 1 : 2).fill(c.code),
);
const SHORT_SPELLS = [1, 1, 1, 2, 2, 2, 3, 3, 4, 5, 6, 7, 8, 9];
const CHILDREN = [0, 0, 0, 0, 1, 1, 1, 2, 2, 3];
const INITIATORS = [
  'social_services',
  'social_services',
  'social_services',
  'employment_service',
  'employment_service_with_social_services',
  'social_insurance',
  'individual',
];
const EXITS = [
  'work',
  'work',
  'studies',
  'transfer_social_insurance',
  'transfer_employment_service',
  'transfer_health_care',
  'assignment_completed',
  'moved',
  'broken_off',
  'other',
];
const FORMS = ['extratjanst', 'nystartsjobb', 'lonebidrag', 'introduktionsjobb'];

/** The municipality, its units and users, payment runs, population, households and persons. */
function setupStatements(set: GeneratedSet, name: string): string[] {
  const { households: n, population: p, firstYear: first, lastYear: last } = set;
  const continuing = Math.round(n * CONTINUING_SHARE);
  const years: string[] = [];
  // One year before and after the set, so that its first and last years have spells going on.
  for (let y = first; y <= last + 1; y++)
    years.push(`
      INSERT INTO hy
        SELECT h, ${y} FROM (SELECT h FROM hy WHERE y = ${y - 1} ORDER BY ${rnd('h', y, 0)} LIMIT ${continuing}) c
        UNION ALL
        SELECT m.top + g, ${y} FROM (SELECT max(h) AS top FROM hy) m, generate_series(1, ${n - continuing}) g`);
  return [
    `INSERT INTO municipality (id, name) VALUES ('${M}', '${name}')`,
    `INSERT INTO unit (municipality_id, id, name, kind) VALUES
       ('${M}', '${U_ASSISTANCE}', 'Försörjningsenheten', 'assistance'),
       ('${M}', '${U_LABOUR}', 'Jobbenheten', 'labour')`,
    `INSERT INTO app_user (municipality_id, id, display_name) VALUES
       ('${M}', '${CASEWORKER}', 'Handläggare Bench'), ('${M}', '${MANAGER}', 'Chef Bench'),
       ('${M}', '${CONSULTANT}', 'Konsult Bench')`,
    `INSERT INTO population (municipality_id, year, total, children, young_adults, source)
       SELECT '${M}', y, round(${p} * (1 + 0.007 * (y - ${first})))::int, round(${p} * 0.21)::int,
              round(${p} * 0.095)::int, 'Genererad (bench)'
       FROM generate_series(${first}, ${last}) y`,
    `CREATE TEMP TABLE runs AS
       SELECT month::date AS month, gen_random_uuid() AS id
       FROM generate_series('${first}-01-01'::date, '${last}-12-01'::date, interval '1 month') month`,
    `INSERT INTO payment_run (municipality_id, id, month, pay_on, status, prepared_by, approved_by, approved_at)
       SELECT '${M}', id, month, month - 5, 'approved', '${CASEWORKER}', '${MANAGER}', (month - 6)::timestamptz
       FROM runs`,
    // hy: which households are paid in which year.
    `CREATE TEMP TABLE hy (h int NOT NULL, y int NOT NULL, PRIMARY KEY (y, h))`,
    `INSERT INTO hy SELECT h, ${first - 1} FROM generate_series(1, ${n}) h`,
    ...years,
    `ANALYZE hy`,
    // hp: the months of each household-year, as [s1, e1] and [s2, 12] (s2 = 13: none).
    `CREATE TEMP TABLE hp AS
       SELECT h, y, prev, len,
              CASE WHEN prev THEN 1 WHEN next THEN 13 - len ELSE start END AS s1,
              CASE WHEN prev AND next THEN (len + 1) / 2 WHEN prev THEN len WHEN next THEN 12
                   ELSE start + len - 1 END AS e1,
              CASE WHEN prev AND next THEN 13 - len / 2 ELSE 13 END AS s2
       FROM (SELECT *, 1 + ${rnd('h', 'y', 3)} % (13 - len) AS start
             FROM (SELECT hy.h, hy.y, p.h IS NOT NULL AS prev, x.h IS NOT NULL AS next,
                          CASE WHEN ${rnd('hy.h', 'hy.y', 1)} % 3 = 0 THEN 10 + ${rnd('hy.h', 'hy.y', 2)} % 3
                               ELSE greatest(CASE WHEN p.h IS NOT NULL AND x.h IS NOT NULL THEN 2 ELSE 1 END,
                                             ${array(SHORT_SPELLS)}[1 + ${rnd('hy.h', 'hy.y', 2)} % ${SHORT_SPELLS.length}])
                          END AS len
                   FROM hy
                   LEFT JOIN hy p ON p.h = hy.h AND p.y = hy.y - 1
                   LEFT JOIN hy x ON x.h = hy.h AND x.y = hy.y + 1
                   WHERE hy.y BETWEEN ${first} AND ${last}) a) b`,
    `CREATE INDEX ON hp (y)`,
    `ANALYZE hp`,
    `CREATE TEMP TABLE hh AS
       SELECT h, gen_random_uuid() AS household, gen_random_uuid() AS acase, min(y) AS first_year,
              CASE WHEN ${rnd('h', 0, 4)} % 10 < 4 THEN 2 ELSE 1 END AS adults,
              ${array(CHILDREN)}[1 + ${rnd('h', 0, 5)} % ${CHILDREN.length}] AS children
       FROM hp GROUP BY h`,
    `ALTER TABLE hh ADD PRIMARY KEY (h)`,
    `ANALYZE hh`,
    // pp: k 0 the applicant, 1 the partner, 2… the children; adults 19–62 in their first year.
    `CREATE TEMP TABLE pp AS
       SELECT h, k, gen_random_uuid() AS person,
              CASE k WHEN 0 THEN 'applicant' WHEN 1 THEN 'partner' ELSE 'child' END AS role,
              CASE WHEN k < 2 THEN make_date(first_year - 19, 1, 1) - ${rnd('h', 'k', 6)} % 16000
                   ELSE make_date(first_year, 1, 1) - ${rnd('h', 'k', 6)} % 6200 END AS birth_date,
              first_year
       FROM hh, generate_series(0, 4) k
       WHERE k = 0 OR (k = 1 AND adults = 2) OR (k >= 2 AND k < 2 + children)`,
    `CREATE INDEX ON pp (h)`,
    `ANALYZE pp`,
    `INSERT INTO person (municipality_id, id, personal_number, number_kind, first_name, last_name, birth_date, sex)
       SELECT '${M}', person, to_char(birth_date, 'YYYY') || lpad((h * 5 + k)::text, 8, '0'), 'personnummer',
              'Förnamn' || k, 'Efternamn' || (h % 9973), birth_date,
              CASE WHEN ${rnd('h', 'k', 7)} % 2 = 0 THEN 'female' ELSE 'male' END
       FROM pp`,
    `INSERT INTO household (municipality_id, id) SELECT '${M}', household FROM hh`,
    `INSERT INTO household_member (municipality_id, household_id, person_id, role, valid_from)
       SELECT '${M}', hh.household, pp.person,
              CASE pp.role WHEN 'partner' THEN 'co_applicant' ELSE pp.role END, make_date(pp.first_year, 1, 1) - 30
       FROM pp JOIN hh ON hh.h = pp.h`,
    `INSERT INTO client_case (municipality_id, id, household_id, unit_id, caseworker_id, kind, opened_on)
       SELECT '${M}', acase, household, '${U_ASSISTANCE}', '${CASEWORKER}', 'assistance',
              make_date(first_year, 1, 1) - 20
       FROM hh`,
  ];
}

/** One year of applications, members, decisions, payments and reason codes; then referrals. */
function yearStatements(set: GeneratedSet, y: number): string[] {
  const month = (m: string) => `${y} * 12 + ${m}`;
  return [
    `CREATE TEMP TABLE hm AS
       SELECT hp.h, m, hh.acase, a.person AS applicant, make_date(${y}, m, 1) AS month,
              CASE WHEN (m = s1 AND NOT prev) OR (m = s2 AND s2 > e1 + 1) THEN 'first' ELSE 'recurring' END AS kind,
              gen_random_uuid() AS app, gen_random_uuid() AS dec, gen_random_uuid() AS pay,
              300000 + ${rnd('hp.h', month('m'), 8)} % 1200000 AS amount_ore,
              ${rnd('hp.h', month('m'), 9)} % 100 AS r
       FROM hp JOIN hh ON hh.h = hp.h JOIN pp a ON a.h = hp.h AND a.k = 0, generate_series(1, 12) m
       WHERE hp.y = ${y} AND (m BETWEEN s1 AND e1 OR m >= s2)`,
    `ANALYZE hm`,
    `INSERT INTO application (municipality_id, id, case_id, month, kind, channel, received_on, complete_on, status)
       SELECT '${M}', app, acase, month, kind, CASE WHEN r % 4 = 0 THEN 'paper' ELSE 'e_application' END,
              month - 20 + r % 10, month - 15 + r % 10, 'decided'
       FROM hm ORDER BY app`,
    `INSERT INTO application_member (municipality_id, application_id, person_id, role)
       SELECT '${M}', hm.app, pp.person, pp.role FROM hm JOIN pp ON pp.h = hm.h ORDER BY hm.app, pp.person`,
    `INSERT INTO decision (municipality_id, id, case_id, application_id, month, status, decided_on, decided_by,
                           signed_at, norm, granted_ore, payee_person_id, pay_on)
       SELECT '${M}', dec, acase, app, month, 'signed', month - 8, '${CASEWORKER}', (month - 8)::timestamptz,
              '{"source":"bench"}', amount_ore, applicant, month - 5
       FROM hm ORDER BY dec`,
    `INSERT INTO payment (municipality_id, id, run_id, decision_id, case_id, person_id, amount_ore,
                          clearing_number, account_number, end_to_end_id, status)
       SELECT '${M}', pay, runs.id, dec, acase, applicant, amount_ore, '8327', lpad(h::text, 10, '0'),
              'KJ' || replace(dec::text, '-', ''), 'sent'
       FROM hm JOIN runs ON runs.month = hm.month ORDER BY dec`,
    `INSERT INTO reason_code (municipality_id, person_id, month, case_id, code, set_by)
       SELECT '${M}', pp.person, hm.month, hm.acase,
              ${array(WEIGHTED_CODES)}[1 + ${rnd('hm.h * 5 + pp.k', `${y} * 2 + (hm.m > 6)::int`, 10)} % ${WEIGHTED_CODES.length}],
              '${CASEWORKER}'
       FROM hm JOIN pp ON pp.h = hm.h AND pp.k < 2 ORDER BY pp.person, hm.month`,
    // A supplementary decision whose payment was stopped: never counted as paid.
    `WITH x AS (SELECT hm.*, gen_random_uuid() AS dec2, gen_random_uuid() AS pay2 FROM hm WHERE r = 0),
          d AS (INSERT INTO decision (municipality_id, id, case_id, application_id, month, status, decided_on,
                                      decided_by, signed_at, norm, granted_ore, payee_person_id, pay_on)
                SELECT '${M}', dec2, acase, app, month, 'signed', month - 3, '${CASEWORKER}',
                       (month - 3)::timestamptz, '{"source":"bench","supplement":true}', 150000, applicant,
                       month - 1
                FROM x)
     INSERT INTO payment (municipality_id, id, run_id, decision_id, case_id, person_id, amount_ore,
                          clearing_number, account_number, end_to_end_id, status, status_reason,
                          status_changed_by, status_changed_at)
       SELECT '${M}', pay2, runs.id, dec2, acase, applicant, 150000, '8327', lpad(h::text, 10, '0'),
              'KJ' || replace(dec2::text, '-', ''), 'stopped', 'Ny uppgift om inkomst', '${CASEWORKER}',
              (x.month - 2)::timestamptz
       FROM x JOIN runs ON runs.month = x.month`,
    `DROP TABLE hm`,
    // Referrals: only the last year's may still be open (one open referral per person).
    `CREATE TEMP TABLE rx AS
       SELECT *, CASE WHEN r % 10 < 3 THEN 'work_subsidised'
                      ELSE ${array(EXITS)}[1 + ${rnd('h', y, 15)} % ${EXITS.length}] END AS exit_result,
              referred_on + 30 + ${rnd('h', y, 14)} % 300 AS exit_on
       FROM (SELECT hp.h, hh.household, hh.acase, a.person, gen_random_uuid() AS lcase, gen_random_uuid() AS ref,
                    make_date(${y}, 1, 1) + ${rnd('hp.h', y, 12)} % 330 AS referred_on,
                    ${rnd('hp.h', y, 13)} % 100 AS r,
                    ${y < set.lastYear ? 'true' : `${rnd('hp.h', y, 16)} % 100 < 70`} AS closed
             FROM hp JOIN hh ON hh.h = hp.h JOIN pp a ON a.h = hp.h AND a.k = 0
             WHERE hp.y = ${y} AND ${rnd('hp.h', y, 11)} % 100 < 4) x`,
    `INSERT INTO client_case (municipality_id, id, household_id, unit_id, caseworker_id, kind, opened_on)
       SELECT '${M}', lcase, household, '${U_LABOUR}', '${CONSULTANT}', 'labour', referred_on FROM rx`,
    `INSERT INTO referral (municipality_id, id, person_id, case_id, initiator, owner_name, assistance_case_id,
                           referred_on, intro_day, intro_attended, exit_on, exit_result)
       SELECT '${M}', ref, person, lcase, ${array(INITIATORS)}[1 + r % ${INITIATORS.length}], 'Socialtjänsten',
              acase, referred_on, referred_on + 7, r % 10 <> 9,
              CASE WHEN closed THEN exit_on END, CASE WHEN closed THEN exit_result END
       FROM rx`,
    `INSERT INTO subsidised_employment (municipality_id, id, referral_id, person_id, form, employer, starts_on,
                                        ends_on, hours_per_week, monthly_salary_cost_ore, monthly_support_ore,
                                        union_review, union_reviewed_on, status, ended_on, created_by)
       SELECT '${M}', gen_random_uuid(), ref, person, ${array(FORMS)}[1 + r % ${FORMS.length}], 'Kommunen', exit_on,
              exit_on + 364, CASE WHEN r % 2 = 0 THEN 40 ELSE 30 END, 2800000,
              CASE r % 4 WHEN 0 THEN 2800000 WHEN 1 THEN 1400000 ELSE 2000000 END, 'approved', exit_on - 10,
              CASE WHEN exit_on + 364 < current_date THEN 'ended' ELSE 'started' END,
              CASE WHEN exit_on + 364 < current_date THEN exit_on + 364 END, '${CONSULTANT}'
       FROM rx WHERE closed AND exit_result = 'work_subsidised'`,
    `DROP TABLE rx`,
  ];
}

/** The big tables, whose secondary indexes are built once after the load instead of row by row. */
const LOADED_TABLES = [
  'person',
  'household_member',
  'client_case',
  'application',
  'application_member',
  'decision',
  'payment',
  'reason_code',
];

/** The indexes of the loaded tables that back no primary key or unique constraint. */
const SECONDARY_INDEXES = `
  SELECT i.indexname AS name, i.indexdef AS definition
  FROM pg_indexes i
  JOIN pg_class ix ON ix.relname = i.indexname AND ix.relnamespace = 'public'::regnamespace
  WHERE i.schemaname = 'public' AND i.tablename IN (${LOADED_TABLES.map((t) => `'${t}'`).join(', ')})
    AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = ix.oid AND c.contype IN ('p', 'u', 'x'))`;

export interface Generation {
  /**
   * Milliseconds per phase: setup (households and persons), each year, the secondary indexes
   * (dropped before the load, built after it) and VACUUM ANALYZE.
   */
  phasesMs: Record<string, number>;
  totalMs: number;
  /** Household months (households paid for a month) per month, YYYY-MM. */
  householdMonths: Record<string, number>;
  /** By construction, per year: households paid, of them paid the year before, and long-term (≥ 10 months). */
  perYear: Record<string, { households: number; continuing: number; longTerm: number }>;
  /** Not generated now: a database kept by an earlier run (the figures are counted from it). */
  reused?: boolean;
}

/**
 * Fills an empty, migrated database. `exec` must keep one session; `fast` statements (e.g. turning
 * off foreign-key triggers for the session) run first and may fail (they are only for speed).
 */
export async function generate(
  exec: Exec,
  set: GeneratedSet,
  name: string,
  { fast = [] as string[], vacuum = ['VACUUM ANALYZE'], progress = (_: string) => {} } = {},
): Promise<Generation> {
  const started = performance.now();
  const phasesMs: Record<string, number> = {};
  for (const statement of fast) await exec(statement).catch(() => {});
  const indexes = (await exec(SECONDARY_INDEXES)).rows as { name: string; definition: string }[];
  for (const index of indexes) await exec(`DROP INDEX ${index.name}`);
  let t = performance.now();
  for (const statement of setupStatements(set, name)) await exec(statement);
  phasesMs.setup = performance.now() - t;
  progress(`households and persons in ${(phasesMs.setup / 1000).toFixed(1)} s`);
  for (let y = set.firstYear; y <= set.lastYear; y++) {
    t = performance.now();
    for (const statement of yearStatements(set, y)) await exec(statement);
    phasesMs[String(y)] = performance.now() - t;
    progress(`${y} in ${(phasesMs[String(y)]! / 1000).toFixed(1)} s`);
  }
  const counted = await exec(
    `SELECT to_char(make_date(hp.y, m, 1), 'YYYY-MM') AS month, count(*)::int AS n
     FROM hp, generate_series(1, 12) m WHERE m BETWEEN s1 AND e1 OR m >= s2 GROUP BY 1`,
  );
  const householdMonths = Object.fromEntries(counted.rows.map((r) => [r.month as string, Number(r.n)]));
  const years = await exec(
    `SELECT y, count(*)::int AS households, count(*) FILTER (WHERE prev)::int AS continuing,
            count(*) FILTER (WHERE len >= 10)::int AS long_term
     FROM hp GROUP BY y`,
  );
  const perYear = Object.fromEntries(
    years.rows.map((r) => [
      String(r.y),
      { households: Number(r.households), continuing: Number(r.continuing), longTerm: Number(r.long_term) },
    ]),
  );
  for (const table of ['hy', 'hp', 'hh', 'pp', 'runs']) await exec(`DROP TABLE ${table}`);
  t = performance.now();
  for (const index of indexes) await exec(index.definition);
  phasesMs.indexes = performance.now() - t;
  progress(`${indexes.length} secondary indexes built in ${(phasesMs.indexes / 1000).toFixed(1)} s`);
  t = performance.now();
  for (const statement of vacuum) await exec(statement);
  phasesMs.vacuum = performance.now() - t;
  return { phasesMs, totalMs: performance.now() - started, householdMonths, perYear };
}

export const GENERATED_TABLES = [
  'person',
  'household',
  'client_case',
  'application',
  'application_member',
  'decision',
  'payment',
  'reason_code',
  'referral',
  'subsidised_employment',
  'population',
] as const;
