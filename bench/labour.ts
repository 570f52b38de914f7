/**
 * The labour-market unit's benchmarks (issue 4), on PostgreSQL through the real HTTP server:
 *  - the whole-chain timeline of one person with ten years of history
 *    (GET /api/v1/people/:personId/chain): 120 months of applications, signed decisions, payments
 *    and reason codes in three assistance cases, and four referrals with mappings, revised plans
 *    and follow-ups, placements and subsidised employments — seen by a labour consultant while
 *    the person's consent lets assistance's part through, so both parts are read;
 *  - the unit's occupancy overview (GET /api/v1/labour/interventions/occupancy) with 5 000
 *    participants placed in 40 interventions;
 * around them a mass of other households (5 000 with three years of monthly history each by
 * default). Each is driven by autocannon at the bench's connections (50), and compared in the same
 * run with GET /health (the bare server), GET /api/v1/session (a logged-in request without
 * database work) and the person view of the same person (the bench's reference endpoint).
 *
 * The data goes into the demo municipality's id (9001, marked as demo), so the server skips the
 * demo load and its demo login lets the bench log in as its own users.
 */
import autocannon, { type Result } from 'autocannon';
import pg from 'pg';
import { openDatabase } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrate.ts';

const M = '9001';
const U_ASSISTANCE = '00000000-0000-4000-8000-00000000b001';
const U_LABOUR = '00000000-0000-4000-8000-00000000b002';
const CASEWORKER = '00000000-0000-4000-8000-00000000b101';
const MANAGER = '00000000-0000-4000-8000-00000000b102';
const CONSULTANT = '00000000-0000-4000-8000-00000000b103';
const PERSON = '00000000-0000-4000-8000-00000000b201';
const HOUSEHOLD = '00000000-0000-4000-8000-00000000b301';
const LABOUR_CASE = '00000000-0000-4000-8000-00000000b401';
const CASES = [
  '00000000-0000-4000-8000-00000000b411',
  '00000000-0000-4000-8000-00000000b412',
  '00000000-0000-4000-8000-00000000b413',
];

export const LABOUR_BARS = { chainP99Ms: 50, occupancyP99Ms: 50 };

interface Child {
  pid: number;
}

export interface LabourBenchDeps {
  startKedjan(name: string, env: Record<string, string>): Promise<{ child: Child; baseUrl: string }>;
  stopChild(child: Child): Promise<void>;
  login(baseUrl: string, userId: string): Promise<{ session: { cookie: string; csrfToken: string } }>;
  log(...args: unknown[]): void;
  connections: number;
  seconds: number;
  warmupSeconds: number;
}

export interface LabourRun {
  scenario: string;
  connections: number;
  requestsPerSecond: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  bytesPerResponse: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

export interface LabourBench {
  seedMs: number;
  rowCounts: Record<string, number>;
  chainEvents: number;
  chainBytes: number;
  occupancyInterventions: number;
  participants: number;
  runs: LabourRun[];
}

const months = (n: number) => `${n} * interval '1 month'`;

/** Ten years for the person, a mass of others, 5 000 participants in the unit (set-based SQL, untimed). */
export async function seed(url: string, households: number, historyMonths: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // The first of the 120 months; the last is the current month.
  const first = `(date_trunc('month', current_date) - ${months(119)})::date`;
  const month = (k: string) => `(${first} + (${k}) * interval '1 month')::date`;
  const startSpread = Math.max(1, 120 - historyMonths + 1);
  try {
    await client.query(`
      INSERT INTO municipality (id, name, is_demo) VALUES ('${M}', 'Benchstad', true);
      INSERT INTO unit (municipality_id, id, name, kind) VALUES
        ('${M}', '${U_ASSISTANCE}', 'Försörjningsenheten', 'assistance'),
        ('${M}', '${U_LABOUR}', 'Jobbenheten', 'labour');
      INSERT INTO app_user (municipality_id, id, display_name, demo_login) VALUES
        ('${M}', '${CASEWORKER}', 'Handläggare Bench', true),
        ('${M}', '${MANAGER}', 'Chef Bench', true),
        ('${M}', '${CONSULTANT}', 'Konsult Bench', true);
      INSERT INTO role_assignment (municipality_id, user_id, unit_id, role) VALUES
        ('${M}', '${CASEWORKER}', '${U_ASSISTANCE}', 'caseworker'),
        ('${M}', '${MANAGER}', '${U_ASSISTANCE}', 'unit_manager'),
        ('${M}', '${CONSULTANT}', '${U_LABOUR}', 'labour_consultant');

      -- One approved payment run per month.
      CREATE TEMP TABLE runs AS
        SELECT k, gen_random_uuid() AS id, ${month('k')} AS month FROM generate_series(0, 119) k;
      INSERT INTO payment_run (municipality_id, id, month, pay_on, status, prepared_by, approved_by, approved_at)
        SELECT '${M}', id, month, month - 5, 'approved', '${CASEWORKER}', '${MANAGER}', now() FROM runs;

      -- The intervention catalogue.
      CREATE TEMP TABLE iv AS
        SELECT i, gen_random_uuid() AS id,
               (ARRAY['low_threshold','coaching','supported_education','job_track','work_training',
                      'practice_municipal','practice_private','course','matching','sheltered_work'])[1 + i % 10] AS kind
        FROM generate_series(0, 39) i;
      INSERT INTO intervention (municipality_id, id, name, kind, work_oriented, max_weeks, capacity_per_year)
        SELECT '${M}', id, 'Insats ' || lpad(i::text, 2, '0'), kind, i % 2 = 0, 52,
               CASE WHEN i % 4 = 0 THEN NULL ELSE 100 + i * 5 END FROM iv;

      -- The other households: an assistance case with ${historyMonths} months of history each.
      CREATE TEMP TABLE o AS
        SELECT n, gen_random_uuid() AS person, gen_random_uuid() AS household, gen_random_uuid() AS acase,
               gen_random_uuid() AS lcase, gen_random_uuid() AS ref, gen_random_uuid() AS plan,
               n % ${startSpread} AS start_k
        FROM generate_series(1, ${households}) n;
      INSERT INTO person (municipality_id, id, personal_number, number_kind, first_name, last_name, birth_date, sex)
        SELECT '${M}', person, '1970' || lpad(n::text, 8, '0'), 'personnummer', 'Förnamn' || n,
               'Efternamn' || (n % 997), '1970-01-01'::date + (n % 9000), CASE WHEN n % 2 = 0 THEN 'female' ELSE 'male' END
        FROM o;
      INSERT INTO household (municipality_id, id) SELECT '${M}', household FROM o;
      INSERT INTO household_member (municipality_id, household_id, person_id, role, valid_from)
        SELECT '${M}', household, person, 'applicant', ${month('start_k')} - 30 FROM o;
      INSERT INTO client_case (municipality_id, id, household_id, unit_id, caseworker_id, kind, opened_on)
        SELECT '${M}', acase, household, '${U_ASSISTANCE}', '${CASEWORKER}', 'assistance', ${month('start_k')} - 20 FROM o;
      CREATE TEMP TABLE oa AS
        SELECT o.n, o.person, o.acase, o.start_k, k, gen_random_uuid() AS app, gen_random_uuid() AS dec,
               gen_random_uuid() AS pay
        FROM o, generate_series(o.start_k, o.start_k + ${historyMonths - 1}) k;
      INSERT INTO application (municipality_id, id, case_id, month, kind, channel, received_on, status)
        SELECT '${M}', app, acase, ${month('k')}, CASE WHEN k = start_k THEN 'first' ELSE 'recurring' END,
               'paper', ${month('k')} - 15, 'decided' FROM oa;
      INSERT INTO application_member (municipality_id, application_id, person_id, role)
        SELECT '${M}', app, person, 'applicant' FROM oa;
      INSERT INTO decision (municipality_id, id, case_id, application_id, month, status, decided_on, decided_by,
                            signed_at, norm, granted_ore, payee_person_id, pay_on)
        SELECT '${M}', dec, acase, app, ${month('k')}, 'signed', ${month('k')} - 10, '${CASEWORKER}', now(),
               '{"source":"bench"}', 500000 + (n % 1000) * 1337, person, ${month('k')} - 5 FROM oa;
      INSERT INTO payment (municipality_id, id, run_id, decision_id, case_id, person_id, amount_ore,
                           clearing_number, account_number, end_to_end_id, status)
        SELECT '${M}', pay, runs.id, dec, acase, person, 500000 + (n % 1000) * 1337, '8327', '1234567890',
               'KJ' || replace(dec::text, '-', ''), 'sent'
        FROM oa JOIN runs ON runs.k = oa.k;
      INSERT INTO reason_code (municipality_id, person_id, month, case_id, code, set_by)
        SELECT '${M}', person, ${month('k')}, acase, 'unemployed_no_benefit', '${CASEWORKER}' FROM oa;

      -- The unit's participants: one referral each (three in ten closed), mapping, plan, a placement
      -- (one in five open ones waiting), a second one waiting for one in seven.
      CREATE TEMP TABLE lp AS
        SELECT o.*, current_date - (30 + n % 700) AS referred_on, n % 10 < 3 AS closed FROM o;
      INSERT INTO client_case (municipality_id, id, household_id, unit_id, caseworker_id, kind, opened_on)
        SELECT '${M}', lcase, household, '${U_LABOUR}', '${CONSULTANT}', 'labour', referred_on FROM lp;
      INSERT INTO referral (municipality_id, id, person_id, case_id, initiator, owner_name, referred_on,
                            intro_day, intro_attended, exit_on, exit_result)
        SELECT '${M}', ref, person, lcase,
               (ARRAY['employment_service','employment_service_with_social_services','social_insurance',
                      'individual','social_services'])[1 + n % 5],
               'Socialtjänsten', referred_on, referred_on + 7, true,
               CASE WHEN closed THEN referred_on + 25 END,
               CASE WHEN closed THEN (ARRAY['work','work_subsidised','studies','moved','broken_off'])[1 + n % 5] END
        FROM lp;
      INSERT INTO labour_mapping (municipality_id, id, referral_id, mapped_on, capacity_hours, mapped_by)
        SELECT '${M}', gen_random_uuid(), ref, referred_on + 10, n % 41, '${CONSULTANT}' FROM lp;
      INSERT INTO personal_plan (municipality_id, id, referral_id, version, goal, starts_on, ends_on, follow_up_on,
                                 status, created_by)
        SELECT '${M}', plan, ref, 1, 'Arbete', referred_on + 14, referred_on + 194, referred_on + 74,
               CASE WHEN closed THEN 'closed' ELSE 'active' END, '${CONSULTANT}' FROM lp;
      INSERT INTO placement (municipality_id, id, referral_id, intervention_id, plan_id, status, requested_on,
                             starts_on, ends_on, hours_per_week, ended_on, created_by)
        SELECT '${M}', gen_random_uuid(), ref, iv.id, plan,
               CASE WHEN closed THEN 'ended' WHEN n % 5 = 0 THEN 'waiting' ELSE 'active' END,
               referred_on + 15, referred_on + 20, referred_on + 200, 10 + n % 30,
               CASE WHEN closed THEN referred_on + 25 END, '${CONSULTANT}'
        FROM lp JOIN iv ON iv.i = lp.n % 40;
      INSERT INTO placement (municipality_id, id, referral_id, intervention_id, plan_id, status, requested_on,
                             starts_on, ends_on, hours_per_week, created_by)
        SELECT '${M}', gen_random_uuid(), ref, iv.id, plan, 'waiting', referred_on + 16, current_date + 30,
               current_date + 120, 20, '${CONSULTANT}'
        FROM lp JOIN iv ON iv.i = (lp.n * 7) % 40
        WHERE NOT closed AND n % 7 = 0;

      -- The person: ten years in three assistance cases, 120 months applied for, decided and paid.
      INSERT INTO person (municipality_id, id, personal_number, number_kind, first_name, last_name, birth_date, sex)
        VALUES ('${M}', '${PERSON}', '198003039801', 'personnummer', 'Tia', 'Tioår', '1980-03-03', 'female');
      INSERT INTO household (municipality_id, id) VALUES ('${M}', '${HOUSEHOLD}');
      INSERT INTO household_member (municipality_id, household_id, person_id, role, valid_from)
        VALUES ('${M}', '${HOUSEHOLD}', '${PERSON}', 'applicant', ${first} - 30);
      INSERT INTO client_case (municipality_id, id, household_id, unit_id, caseworker_id, kind, opened_on, closed_on, exit_reason)
        VALUES
          ('${M}', '${CASES[0]}', '${HOUSEHOLD}', '${U_ASSISTANCE}', '${CASEWORKER}', 'assistance', ${first} - 20, ${month('40')} - 10, 'work'),
          ('${M}', '${CASES[1]}', '${HOUSEHOLD}', '${U_ASSISTANCE}', '${CASEWORKER}', 'assistance', ${month('40')} - 20, ${month('80')} - 10, 'plan_broken_off'),
          ('${M}', '${CASES[2]}', '${HOUSEHOLD}', '${U_ASSISTANCE}', '${CASEWORKER}', 'assistance', ${month('80')} - 20, NULL, NULL),
          ('${M}', '${LABOUR_CASE}', '${HOUSEHOLD}', '${U_LABOUR}', '${CONSULTANT}', 'labour', ${month('8')}, NULL, NULL);
      CREATE TEMP TABLE pa AS
        SELECT k, (ARRAY['${CASES[0]}','${CASES[1]}','${CASES[2]}']::uuid[])[1 + k / 40] AS acase,
               gen_random_uuid() AS app, gen_random_uuid() AS dec, gen_random_uuid() AS pay
        FROM generate_series(0, 119) k;
      INSERT INTO application (municipality_id, id, case_id, month, kind, channel, received_on, status)
        SELECT '${M}', app, acase, ${month('k')}, CASE WHEN k % 40 = 0 THEN 'first' ELSE 'recurring' END,
               'e_application', ${month('k')} - 15, 'decided' FROM pa;
      INSERT INTO application_member (municipality_id, application_id, person_id, role)
        SELECT '${M}', app, '${PERSON}', 'applicant' FROM pa;
      INSERT INTO decision (municipality_id, id, case_id, application_id, month, status, decided_on, decided_by,
                            signed_at, norm, granted_ore, payee_person_id, pay_on)
        SELECT '${M}', dec, acase, app, ${month('k')}, 'signed', ${month('k')} - 10, '${CASEWORKER}', now(),
               '{"source":"bench"}', 600000 + k * 1000, '${PERSON}', ${month('k')} - 5 FROM pa;
      INSERT INTO payment (municipality_id, id, run_id, decision_id, case_id, person_id, amount_ore,
                           clearing_number, account_number, end_to_end_id, status)
        SELECT '${M}', pay, runs.id, dec, acase, '${PERSON}', 600000 + pa.k * 1000, '8327', '1234567890',
               'KJ' || replace(dec::text, '-', ''), 'sent'
        FROM pa JOIN runs ON runs.k = pa.k;
      INSERT INTO reason_code (municipality_id, person_id, month, case_id, code, set_by)
        SELECT '${M}', '${PERSON}', ${month('k')}, acase,
               (ARRAY['unemployed_no_benefit','unemployed_insufficient_benefit','sick_with_certificate'])[1 + k % 3],
               '${CASEWORKER}' FROM pa;

      -- Four referrals (three closed), each with a mapping, a revised plan with follow-ups, three
      -- placements and an extratjänst followed by a nystartsjobb.
      CREATE TEMP TABLE pr AS
        SELECT j, gen_random_uuid() AS ref, gen_random_uuid() AS plan1, gen_random_uuid() AS plan2,
               ${month('10 + 28 * j')} AS referred_on, j < 3 AS closed
        FROM generate_series(0, 3) j;
      INSERT INTO referral (municipality_id, id, person_id, case_id, initiator, owner_name, owner_user_id,
                            assistance_case_id, referred_on, intro_day, intro_attended, exit_on, exit_result)
        SELECT '${M}', ref, '${PERSON}', '${LABOUR_CASE}',
               (ARRAY['social_services','employment_service','individual','social_services'])[1 + j],
               'Handläggare Bench', '${CASEWORKER}',
               (ARRAY['${CASES[0]}','${CASES[1]}','${CASES[1]}','${CASES[2]}']::uuid[])[1 + j],
               referred_on, referred_on + 7, true,
               CASE WHEN closed THEN referred_on + 600 END,
               CASE WHEN closed THEN (ARRAY['broken_off','work_subsidised','other'])[1 + j] END
        FROM pr;
      INSERT INTO labour_mapping (municipality_id, id, referral_id, mapped_on, capacity_hours, mapped_by)
        SELECT '${M}', gen_random_uuid(), ref, referred_on + 14, 20 + j * 5, '${CONSULTANT}' FROM pr;
      INSERT INTO personal_plan (municipality_id, id, referral_id, version, goal, starts_on, ends_on, follow_up_on,
                                 status, created_by)
        SELECT '${M}', plan1, ref, 1, 'Arbetsträning och sedan anställning', referred_on + 21, referred_on + 200,
               referred_on + 80, 'revised', '${CONSULTANT}'::uuid FROM pr
        UNION ALL
        SELECT '${M}', plan2, ref, 2, 'Anställning med stöd', referred_on + 120, referred_on + 580,
               referred_on + 180, CASE WHEN closed THEN 'closed' ELSE 'active' END, '${CONSULTANT}'::uuid FROM pr;
      INSERT INTO plan_follow_up (municipality_id, id, plan_id, done_on, comment, done_by)
        SELECT '${M}', gen_random_uuid(), plan, starts_on + 30 * m, 'Uppföljning', '${CONSULTANT}'
        FROM (SELECT plan1 AS plan, referred_on + 21 AS starts_on FROM pr
              UNION ALL SELECT plan2, referred_on + 120 FROM pr) p, generate_series(1, 3) m;
      INSERT INTO placement (municipality_id, id, referral_id, intervention_id, plan_id, status, requested_on,
                             starts_on, ends_on, hours_per_week, ended_on, created_by)
        SELECT '${M}', gen_random_uuid(), ref, iv.id, plan1,
               CASE WHEN closed OR m < 2 THEN 'ended' ELSE 'active' END,
               referred_on + 25 + 60 * m, referred_on + 30 + 60 * m, referred_on + 86 + 60 * m, 20,
               CASE WHEN closed OR m < 2 THEN referred_on + 86 + 60 * m END, '${CONSULTANT}'
        FROM pr, generate_series(0, 2) m JOIN iv ON iv.i = m;
      INSERT INTO subsidised_employment (municipality_id, id, referral_id, person_id, form, employer, workplace,
                                         starts_on, ends_on, hours_per_week, monthly_salary_cost_ore,
                                         monthly_support_ore, union_review, union_reviewed_on, status, ended_on,
                                         created_by)
        SELECT '${M}', gen_random_uuid(), ref, '${PERSON}'::uuid, 'extratjanst', 'Vård- och omsorgsförvaltningen',
               'Äldreboendet', referred_on + 200, referred_on + 380, 40, 2600000, 2600000, 'approved',
               referred_on + 190, 'ended', referred_on + 380, '${CONSULTANT}'::uuid FROM pr
        UNION ALL
        SELECT '${M}', gen_random_uuid(), ref, '${PERSON}'::uuid, 'nystartsjobb', 'Tekniska förvaltningen',
               'Parkavdelningen', referred_on + 381, referred_on + 560, 40, 2700000, 1200000, 'approved',
               referred_on + 370, CASE WHEN closed THEN 'ended' ELSE 'started' END,
               CASE WHEN closed THEN referred_on + 560 END, '${CONSULTANT}'::uuid FROM pr;

      -- The person's consent in both directions, given a year ago.
      INSERT INTO information_flow (municipality_id, id, person_id, direction, basis, given_on, recorded_by)
        VALUES ('${M}', gen_random_uuid(), '${PERSON}', 'assistance_to_labour', 'consent', current_date - 365, '${CONSULTANT}'),
               ('${M}', gen_random_uuid(), '${PERSON}', 'labour_to_assistance', 'consent', current_date - 365, '${CONSULTANT}');
      ANALYZE;`);
  } finally {
    await client.end();
  }
}

async function rowCounts(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = [
      'person',
      'client_case',
      'application',
      'decision',
      'payment',
      'reason_code',
      'referral',
      'placement',
      'subsidised_employment',
    ];
    const counts: Record<string, number> = {};
    for (const t of tables)
      counts[t] = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${t}`)).rows[0]!.n);
    return counts;
  } finally {
    await client.end();
  }
}

async function drive(
  deps: LabourBenchDeps,
  scenario: string,
  url: string,
  headers: Record<string, string>,
  connections: number,
): Promise<LabourRun> {
  const probe = await fetch(url, { headers });
  const body = await probe.arrayBuffer();
  if (probe.status !== 200)
    throw new Error(
      `${scenario}: probe answered ${probe.status} ${Buffer.from(body).toString().slice(0, 300)}`,
    );
  if (deps.warmupSeconds > 0)
    await autocannon({ url, headers, connections, duration: deps.warmupSeconds, timeout: 10 });
  const result: Result = await autocannon({ url, headers, connections, duration: deps.seconds, timeout: 10 });
  const run: LabourRun = {
    scenario,
    connections,
    requestsPerSecond: result['2xx'] / result.duration,
    p50Ms: result.latency.p50,
    p90Ms: result.latency.p90,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    bytesPerResponse: body.byteLength,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
  deps.log(
    `labour ${scenario} (${connections} connections): ${run.requestsPerSecond.toFixed(0)} req/s, ` +
      `p50 ${run.p50Ms} ms, p99 ${run.p99Ms} ms, ${(run.bytesPerResponse / 1024).toFixed(1)} kB per response` +
      (run.non2xx || run.errors ? `, NON-2XX ${run.non2xx}, ERRORS ${run.errors}` : ''),
  );
  return run;
}

/** Seeds a fresh database at `url`, starts Kedjan on it and drives the scenarios. */
export async function benchLabour(
  url: string,
  deps: LabourBenchDeps,
  {
    households = Number(process.env.BENCH_LABOUR_HOUSEHOLDS) || 5000,
    historyMonths = Number(process.env.BENCH_LABOUR_MONTHS) || 36,
  } = {},
): Promise<LabourBench> {
  const handle = await openDatabase({ kind: 'postgres', url });
  try {
    await migrate(handle.db);
  } finally {
    await handle.close();
  }
  const seedStarted = performance.now();
  await seed(url, households, Math.min(120, Math.max(1, historyMonths)));
  const seedMs = performance.now() - seedStarted;
  const counts = await rowCounts(url);
  deps.log(`labour: seeded in ${(seedMs / 1000).toFixed(1)} s: ${JSON.stringify(counts)}`);

  const { child, baseUrl } = await deps.startKedjan('kedjan (PostgreSQL, labour)', { DATABASE_URL: url });
  try {
    const { session } = await deps.login(baseUrl, CONSULTANT);
    const headers = {
      accept: 'application/json',
      cookie: session.cookie,
      'accept-language': 'sv-SE,sv;q=0.9',
    };
    const chainUrl = `${baseUrl}/api/v1/people/${PERSON}/chain`;
    const chain = (await (await fetch(chainUrl, { headers })).json()) as {
      events: unknown[];
      parts: Record<string, { shown: boolean }>;
    };
    if (!chain.parts?.assistance?.shown || !chain.parts?.labour?.shown)
      throw new Error(`the consultant should see both parts: ${JSON.stringify(chain).slice(0, 300)}`);
    const occupancyUrl = `${baseUrl}/api/v1/labour/interventions/occupancy`;
    const occupancy = (await (await fetch(occupancyUrl, { headers })).json()) as { items?: unknown[] };

    const c = deps.connections;
    const runs: LabourRun[] = [];
    runs.push(await drive(deps, 'health', `${baseUrl}/health`, { accept: 'application/json' }, c));
    runs.push(await drive(deps, 'session', `${baseUrl}/api/v1/session`, headers, c));
    runs.push(await drive(deps, 'person view', `${baseUrl}/api/v1/persons/${PERSON}`, headers, c));
    runs.push(await drive(deps, 'chain timeline', chainUrl, headers, c));
    runs.push(await drive(deps, 'chain timeline', chainUrl, headers, 1));
    runs.push(await drive(deps, 'occupancy', occupancyUrl, headers, c));
    return {
      seedMs,
      rowCounts: counts,
      chainEvents: chain.events.length,
      chainBytes: runs.find((r) => r.scenario === 'chain timeline')!.bytesPerResponse,
      occupancyInterventions: occupancy.items?.length ?? 0,
      participants: households,
      runs,
    };
  } finally {
    await deps.stopChild(child);
  }
}
