/** `npx kedjan …` — commands for operators. Each part of the chain adds its own commands here. */
import { Command, InvalidArgumentError } from 'commander';
import { randomUUID } from 'node:crypto';
import { openOwnerDatabase } from '../app.ts';
import { createUser } from '../access/db/user-commands.ts';
import { ROLES } from '../access/domain/permissions.ts';
import { IMPORT_KINDS, type ImportKind } from '../assistance/domain/import/formats.ts';
import { verifyAuditLog } from '../audit/db/audit-verify.ts';
import { ensureAuditChains } from '../audit/db/audit-writer.ts';
import { loadConfig } from '../config.ts';
import type { Role } from '../db/schema.ts';
import { swedishToday, systemClock } from '../shared/clock.ts';
import type { KoladaImportOptions } from './kolada-command.ts';

const program = new Command()
  .name('kedjan')
  .description(
    'Kedjan – commands for operators. Database: DATABASE_URL (PostgreSQL) or KEDJAN_DATA_DIR (embedded PGlite, default .data/pglite).',
  )
  .showHelpAfterError();

async function withDatabase<T>(
  work: (db: Awaited<ReturnType<typeof openOwnerDatabase>>['db']) => Promise<T>,
) {
  const handle = await openOwnerDatabase(loadConfig());
  try {
    return await work(handle.db);
  } finally {
    await handle.close();
  }
}

program
  .command('start')
  .description('Start the server (same as npm start, without building the UI)')
  .action(async () => {
    await import('../main.ts');
  });

program
  .command('migrate')
  .description('Apply pending database migrations (forward only)')
  .action(async () => {
    const handle = await openOwnerDatabase(loadConfig());
    console.log('Migrations are up to date.');
    await handle.close();
  });

program
  .command('norm')
  .description(
    'Norm calculation: reads a household as JSON on stdin, prints the receipt as JSON (see docs/norm.md)',
  )
  .option('--lang <sv|en>', 'language of labels and messages', 'sv')
  .action(async (options: { lang: string }) => {
    const { runNorm } = await import('../assistance/domain/norm/run-norm.ts');
    const locale = options.lang === 'en' ? 'en' : 'sv';
    const text = await readStdin();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      console.error(
        locale === 'sv'
          ? `Indata är inte giltig JSON: ${(error as Error).message}`
          : `The input is not valid JSON: ${(error as Error).message}`,
      );
      process.exitCode = 2;
      return;
    }
    const outcome = runNorm(json, locale);
    if (!outcome.ok) {
      for (const error of outcome.errors) console.error(`${error.path || '(indata)'}: ${error.message}`);
      process.exitCode = 2;
      return;
    }
    process.stdout.write(`${JSON.stringify(outcome.receipt, null, 2)}\n`);
  });

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

program
  .command('demo')
  .description('Load the demo municipality (Älvstad kommun); --reset replaces it with a fresh copy')
  .option('--reset', 'delete the demo municipality data (not the audit log) and load it again')
  .option('--seed <n>', 'random seed', (v) => Number.parseInt(v, 10), 20260101)
  .action(async (options: { reset?: boolean; seed: number }) => {
    const { generateDemo } = await import('../demo/generate.ts');
    const { loadDemo, resetDemo } = await import('../demo/load.ts');
    await withDatabase(async (db) => {
      const data = generateDemo({ seed: options.seed, today: swedishToday(systemClock) });
      if (options.reset) await resetDemo(db, data);
      else await loadDemo(db, data);
      await (await import('../demo/followup-benchmark.ts')).importDemoKoladaSnapshot(db, new Date());
      await ensureAuditChains(db);
      console.log(
        `Demo loaded: ${data.person.length} persons, ${data.household.length} households, ${data.app_user.length} users.`,
      );
    });
  });

program
  .command('import')
  .description(
    'Import from an earlier system: households, applications, decisions or payments from a CSV file (docs/import.md). All or nothing: every bad row is reported and nothing is written.',
  )
  .argument('<kind>', `what the file holds: ${IMPORT_KINDS.join(', ')}`, (value: string) => {
    if (!(IMPORT_KINDS as readonly string[]).includes(value))
      throw new InvalidArgumentError(`Choose one of: ${IMPORT_KINDS.join(', ')}`);
    return value as ImportKind;
  })
  .argument('<file>', 'the CSV file: semicolon-separated, UTF-8, with a header row')
  .requiredOption('--municipality <code>', 'municipality code, e.g. 9001')
  .option(
    '--user <id>',
    'the user imported decisions and payment runs are registered by (decisions, payments)',
  )
  .option('--lang <sv|en>', 'language of messages', 'sv')
  .action(
    async (
      kind: ImportKind,
      file: string,
      options: { municipality: string; user?: string; lang: string },
    ) => {
      const { runImportCommand } = await import('./import-command.ts');
      process.exitCode = await runImportCommand(kind, file, options);
    },
  );

program
  .command('kpi')
  .description(
    "Indicators computed from the municipality's own records (financial assistance and the labour-market unit), small counts suppressed",
  )
  .requiredOption('--from <YYYY-MM>', 'first month')
  .requiredOption('--to <YYYY-MM>', 'last month')
  .option('--period <month|tertial|year>', 'the periods to compute within from..to', 'month')
  .option('--format <json|csv>', 'output format (csv: semicolon-separated, decimal comma)', 'json')
  .option('--municipality <code>', 'municipality code (needed when the database holds several)')
  .option('--lang <sv|en>', 'language of the titles', 'sv')
  .action(
    async (options: {
      from: string;
      to: string;
      period: string;
      format: string;
      municipality?: string;
      lang: string;
    }) => {
      if (!['month', 'tertial', 'year'].includes(options.period))
        throw new InvalidArgumentError('--period: month, tertial or year');
      if (!['json', 'csv'].includes(options.format)) throw new InvalidArgumentError('--format: json or csv');
      const { runKpiCommand } = await import('./kpi-command.ts');
      process.exitCode = await runKpiCommand({
        ...options,
        period: options.period as 'month' | 'tertial' | 'year',
        format: options.format as 'json' | 'csv',
      });
    },
  );

program
  .command('statistik')
  .description(
    "The month's individual statistics on financial assistance for Socialstyrelsen (HSLF-FS 2015:30), with the validation report; exits 1 on errors (docs/national-statistics.md)",
  )
  .requiredOption('--month <YYYY-MM>', 'the month the assistance was for')
  .option('--out <file>', 'where to write the file (default ekb_<municipality>_<YYYYMM>.csv)')
  .option('--check-only', 'only print the validation report')
  .option('--force', 'write the file even when there are errors')
  .option('--municipality <code>', 'municipality code (needed when the database holds several)')
  .option('--lang <sv|en>', 'language of the report', 'sv')
  .action(
    async (options: {
      month: string;
      out?: string;
      checkOnly?: boolean;
      force?: boolean;
      municipality?: string;
      lang: string;
    }) => {
      const { runNationalStatisticsCommand } = await import('./national-statistics-command.ts');
      process.exitCode = await runNationalStatisticsCommand(options);
    },
  );

program
  .command('kolada')
  .description('Kolada benchmarking data (docs/kolada.md)')
  .command('import')
  .description(
    "Import Kolada's published values (API v3 at KOLADA_BASE_URL, or the shipped snapshot) into the kolada_* tables",
  )
  .option('--kpi <ids>', 'Kolada KPI ids, comma-separated (default: the Kolada ids of our indicators)')
  .option('--municipality <codes>', "Kolada municipality codes, comma-separated ('0000' = the country)")
  .option('--group <ids>', 'municipality group ids, e.g. G175909')
  .option('--years <years>', 'years, e.g. 2019-2024 or 2022,2024')
  .option('--from-snapshot', 'load the recorded snapshot shipped with Kedjan instead of calling the API')
  .option('--no-cache', 'do not use the on-disk answer cache (KOLADA_CACHE_DIR, 24 hours)')
  .action(async (options: KoladaImportOptions) => {
    const { runKoladaImportCommand } = await import('./kolada-command.ts');
    process.exitCode = await runKoladaImportCommand(options);
  });

const user = program.command('user').description('Manage users');
user
  .command('create')
  .description('Create a user with one or more roles')
  .requiredOption('--municipality <code>', 'municipality code, e.g. 9001')
  .requiredOption('--name <name>', 'display name')
  .option('--email <email>', 'e-mail address')
  .option('--subject <sub>', 'the user’s subject (sub) at the OpenID Connect provider')
  .requiredOption(
    '--role <role@unit>',
    `role and unit name, repeatable; roles: ${ROLES.join(', ')}`,
    (value: string, previous: string[]) => [...previous, value],
    [],
  )
  .action(
    async (options: {
      municipality: string;
      name: string;
      email?: string;
      subject?: string;
      role: string[];
    }) => {
      await withDatabase(async (db) => {
        const units = await db
          .selectFrom('unit')
          .select(['id', 'name'])
          .where('municipality_id', '=', options.municipality)
          .execute();
        const roles = options.role.map((spec) => {
          const [role, unitName] = spec.split('@') as [string, string | undefined];
          if (!ROLES.includes(role as Role)) throw new InvalidArgumentError(`Unknown role: ${role}`);
          const unit = units.find((u) => u.name === unitName);
          if (!unit)
            throw new InvalidArgumentError(
              `Unknown unit: ${unitName ?? ''}. Units: ${units.map((u) => u.name).join(', ')}`,
            );
          return { role: role as Role, unitId: unit.id };
        });
        const id = await db.transaction().execute((trx) =>
          createUser(trx, {
            municipalityId: options.municipality,
            id: randomUUID(),
            displayName: options.name,
            email: options.email ?? null,
            oidcSubject: options.subject ?? null,
            roles,
          }),
        );
        console.log(`Created user ${id}`);
      });
    },
  );

const audit = program.command('audit').description('The audit log');
audit
  .command('verify')
  .description(
    'Verify the hash chains of the audit log; exits 1 if an entry was removed, edited or reordered',
  )
  .option('--json', 'print the report as JSON')
  .action(async (options: { json?: boolean }) => {
    const reports = await withDatabase((db) => verifyAuditLog(db));
    const broken = reports.filter((r) => r.problems.length > 0);
    const entries = reports.reduce((sum, r) => sum + r.entries, 0);
    if (options.json)
      console.log(JSON.stringify({ ok: broken.length === 0, entries, chains: reports }, null, 2));
    else if (broken.length === 0)
      console.log(`Audit log intact: ${entries} entries in ${reports.length} chains.`);
    else {
      for (const r of broken) {
        for (const p of r.problems)
          console.log(`municipality ${r.municipalityId} chain ${r.chain}: ${p.kind} at seq ${p.seq}`);
      }
      console.log(`Audit log TAMPERED: ${broken.reduce((s, r) => s + r.problems.length, 0)} problems.`);
    }
    process.exitCode = broken.length === 0 ? 0 : 1;
  });

await program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
