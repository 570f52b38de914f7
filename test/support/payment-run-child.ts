/**
 * Run by payment-run-safety.test.ts in a child process: prepares a payment run and then hangs
 * inside the transaction, so that the test can kill the process halfway through.
 */
import { sql } from 'kysely';
import { preparePaymentRun } from '../../src/assistance/db/payment-runs.ts';
import { openDatabase, type DatabaseTarget } from '../../src/db/connection.ts';

const target = JSON.parse(process.argv[2]!) as DatabaseTarget;
const { municipalityId, month, preparedBy } = JSON.parse(process.argv[3]!) as Record<string, string>;
const handle = await openDatabase(target);
await handle.db.transaction().execute(async (trx) => {
  const run = await preparePaymentRun(trx, {
    municipalityId: municipalityId!,
    month: month!,
    payOn: '2026-11-27',
    preparedBy: preparedBy!,
    visitRequired: false,
  });
  process.stdout.write(`prepared ${run.count}\n`);
  await sql`SELECT pg_sleep(60)`.execute(trx);
});
