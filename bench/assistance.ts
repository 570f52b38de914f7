/**
 * Financial-assistance benchmarks, each with a baseline measured in the same run:
 *  - norm calculations per second (the pure function; baseline: a bare loop that only adds up
 *    the same table amounts, without lines or rules);
 *  - the payment run for 20 000 households on PostgreSQL end to end — read the signed decisions,
 *    write the payments, approve, build the pain.001 file and validate it against the ISO 20022
 *    schema — against one hand-written INSERT … SELECT of the same payment rows.
 */
import { sql } from 'kysely';
import pg from 'pg';
import { bankFileOf } from '../src/assistance/api/payment-run-presenter.ts';
import { approvePaymentRun, preparePaymentRun, recordBankFile } from '../src/assistance/db/payment-runs.ts';
import { loadSettings } from '../src/assistance/db/settings.ts';
import { calculateNorm, type NormHousehold } from '../src/assistance/domain/norm/calculate-norm.ts';
import { childBand, commonCosts } from '../src/assistance/domain/norm/riksnorm-table.ts';
import { riksnormForYear } from '../src/assistance/domain/norm/riksnorm-data.ts';
import { openDatabase } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrate.ts';

const table = riksnormForYear(2026)!;

/** Varied households: single, couples, up to nine members, costs and incomes. */
function households(count: number): NormHousehold[] {
  const list: NormHousehold[] = [];
  for (let i = 0; i < count; i++) {
    const children = i % 6;
    list.push({
      members: [
        { role: 'applicant', age: 20 + (i % 45) },
        ...(i % 3 === 0 ? [{ role: 'partner' as const, age: 30 }] : []),
        ...Array.from({ length: children }, (_, c) => ({
          role: 'child' as const,
          age: (c * 4 + i) % 21,
          lunchAway: c % 2 === 0,
        })),
        ...(i % 17 === 0 ? [{ role: 'otherAdult' as const, age: 25, included: false }] : []),
      ],
      costs: [
        { type: 'rent', amount: 600_000 + (i % 50) * 10_000 },
        { type: 'electricity', amount: 40_000 },
        ...(i % 5 === 0 ? [{ type: 'dental' as const, amount: 120_000 }] : []),
      ],
      incomes: [
        ...(children > 0 ? [{ type: 'childBenefit' as const, amount: children * 125_000 }] : []),
        ...(i % 4 === 0 ? [{ type: 'salary' as const, amount: 500_000, jobStimulus: i % 8 === 0 }] : []),
      ],
    });
  }
  return list;
}

/** The bare arithmetic of the same calculation: no lines, no rules, no receipt. */
function bareNorm(household: NormHousehold): number {
  let total = commonCosts(table, household.members.length) * 100;
  let partner = false;
  for (const m of household.members) {
    if (m.role === 'partner') partner = true;
    else if (m.role === 'child') total += childBand(table, m.age)!.amount * 100;
    else if (m.role === 'otherAdult') total += table.adults.single * 100;
  }
  total += (partner ? table.adults.cohabiting : table.adults.single) * 100;
  for (const c of household.costs) total += c.amount;
  for (const i of household.incomes) total -= i.amount;
  return Math.max(0, total);
}

function perSecond(run: (h: NormHousehold) => number, inputs: NormHousehold[], seconds: number): number {
  let sink = 0;
  for (let i = 0; i < 20_000; i++) sink += run(inputs[i % inputs.length]!);
  let done = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  while (performance.now() < until) {
    for (let i = 0; i < 10_000; i++) sink += run(inputs[(done + i) % inputs.length]!);
    done += 10_000;
  }
  if (sink === 42) console.log('');
  return done / ((performance.now() - started) / 1000);
}

export function benchNorm(seconds = 3): { perSecond: number; baselinePerSecond: number } {
  const inputs = households(1000);
  const kedjan = perSecond((h) => calculateNorm(table, h).total, inputs, seconds);
  const baseline = perSecond(bareNorm, inputs, seconds);
  return { perSecond: kedjan, baselinePerSecond: baseline };
}

const M = '9900';
const MONTH = '2026-12-01';

/** 20 000 households with a signed decision each, written with set-based SQL (not timed). */
async function seed(url: string, householdCount: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`
      INSERT INTO municipality (id, name) VALUES ('${M}', 'Benchkommun');
      INSERT INTO unit (municipality_id, id, name, kind) VALUES ('${M}', '00000000-0000-4000-8000-000000000001', 'Försörjningsenheten', 'assistance');
      INSERT INTO app_user (municipality_id, id, display_name) VALUES
        ('${M}', '00000000-0000-4000-8000-000000000002', 'Handläggare'),
        ('${M}', '00000000-0000-4000-8000-000000000003', 'Chef');
      INSERT INTO assistance_setting (municipality_id, debtor_name, debtor_organisation_number, debtor_bankgiro, debtor_bic)
        VALUES ('${M}', 'Benchkommun', '2120000000', '56781234', 'ESSESESS');
      CREATE TEMP TABLE h AS
        SELECT n, gen_random_uuid() AS person, gen_random_uuid() AS household, gen_random_uuid() AS case_id,
               gen_random_uuid() AS application, gen_random_uuid() AS decision
        FROM generate_series(1, ${householdCount}) n;
      INSERT INTO person (municipality_id, id, personal_number, number_kind, first_name, last_name, birth_date, sex)
        SELECT '${M}', person, lpad((198001010000 + n)::text, 12, '0'), 'personnummer', 'Förnamn' || n, 'Efternamn', '1980-01-01', 'female' FROM h;
      INSERT INTO household (municipality_id, id) SELECT '${M}', household FROM h;
      INSERT INTO household_member (municipality_id, household_id, person_id, role, valid_from)
        SELECT '${M}', household, person, 'applicant', '2025-01-01' FROM h;
      INSERT INTO client_case (municipality_id, id, household_id, unit_id, caseworker_id, kind, opened_on)
        SELECT '${M}', case_id, household, '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', 'assistance', '2025-01-01' FROM h;
      INSERT INTO bank_account (municipality_id, id, person_id, clearing_number, account_number, status, requested_by, reviewed_by, reviewed_at)
        SELECT '${M}', gen_random_uuid(), person, '8327', lpad(n::text, 10, '9'), 'approved',
               '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003', now() FROM h;
      INSERT INTO application (municipality_id, id, case_id, month, kind, channel, received_on, status)
        SELECT '${M}', application, case_id, '${MONTH}', 'recurring', 'paper', '2026-11-15', 'decided' FROM h;
      INSERT INTO decision (municipality_id, id, case_id, application_id, month, status, decided_on, decided_by, signed_at,
                            norm, granted_ore, payee_person_id, pay_on)
        SELECT '${M}', decision, case_id, application, '${MONTH}', 'signed', '2026-11-20', '00000000-0000-4000-8000-000000000002', now(),
               '{"source":"bench"}', 500000 + (n % 1000) * 1337, person, '2026-11-30' FROM h;
      ANALYZE;`);
  } finally {
    await client.end();
  }
}

/** The hand-written baseline: one INSERT … SELECT of the same payment rows, rolled back after. */
async function baselineInsert(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`INSERT INTO payment_run (municipality_id, id, month, pay_on, prepared_by)
      VALUES ('${M}', '00000000-0000-4000-8000-0000000000ff', '${MONTH}', '2026-11-30', '00000000-0000-4000-8000-000000000002')`);
    const started = performance.now();
    await client.query(`
      INSERT INTO payment (municipality_id, id, run_id, decision_id, case_id, person_id, amount_ore, clearing_number, account_number, end_to_end_id)
      SELECT d.municipality_id, gen_random_uuid(), '00000000-0000-4000-8000-0000000000ff', d.id, d.case_id, d.payee_person_id, d.granted_ore,
             ba.clearing_number, ba.account_number, 'KJ' || replace(d.id::text, '-', '')
      FROM decision d JOIN bank_account ba
        ON ba.municipality_id = d.municipality_id AND ba.person_id = d.payee_person_id AND ba.status = 'approved'
      WHERE d.municipality_id = '${M}' AND d.month = '${MONTH}' AND d.status = 'signed'`);
    const ms = performance.now() - started;
    await client.query('ROLLBACK');
    return ms;
  } finally {
    await client.end();
  }
}

export interface PaymentRunBench {
  households: number;
  payments: number;
  kedjanMs: number[];
  baselineMs: number[];
  xmlBytes: number;
  peakRssMb: number;
}

export async function benchPaymentRun(
  url: string,
  householdCount = 20_000,
  rounds = 3,
): Promise<PaymentRunBench> {
  const handle = await openDatabase({ kind: 'postgres', url });
  try {
    await migrate(handle.db);
    await seed(url, householdCount);
    const result: PaymentRunBench = {
      households: householdCount,
      payments: 0,
      kedjanMs: [],
      baselineMs: [],
      xmlBytes: 0,
      peakRssMb: 0,
    };
    for (let round = 0; round < rounds; round++) {
      result.baselineMs.push(await baselineInsert(url));
      const started = performance.now();
      const prepared = await handle.db.transaction().execute((trx) =>
        preparePaymentRun(trx, {
          municipalityId: M,
          month: MONTH,
          payOn: '2026-11-30',
          preparedBy: '00000000-0000-4000-8000-000000000002',
          visitRequired: false,
        }),
      );
      const file = await handle.db.transaction().execute(async (trx) => {
        await approvePaymentRun(trx, M, prepared.id, '00000000-0000-4000-8000-000000000003', new Date());
        const settings = await loadSettings(trx, M);
        const bankFile = await bankFileOf(trx, M, prepared.id, settings.debtor!);
        await recordBankFile(trx, M, prepared.id, bankFile.sha256);
        return bankFile;
      });
      result.kedjanMs.push(performance.now() - started);
      result.payments = prepared.count;
      result.xmlBytes = Buffer.byteLength(file.xml);
      result.peakRssMb = Math.max(result.peakRssMb, process.resourceUsage().maxRSS / 1024);
      // Undo for the next round: the run and its payments are the bench's own.
      await sql`DELETE FROM payment WHERE municipality_id = ${M}`.execute(handle.db);
      await sql`DELETE FROM payment_run WHERE municipality_id = ${M}`.execute(handle.db);
    }
    return result;
  } finally {
    await handle.close();
  }
}
