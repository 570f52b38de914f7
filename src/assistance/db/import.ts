/**
 * The import from an earlier system: a validated file is checked against what the database holds
 * (persons, units, cases, applications, decisions) and then written in ONE transaction. Any
 * problem in any row rejects the whole file, so a file is either imported whole or not at all.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { appendAuditEvent } from '../../audit/db/audit-writer.ts';
import type { Database } from '../../db/connection.ts';
import { catalogues, interpolate, type Locale } from '../../i18n/catalogue.ts';
import { formatKronor } from '../../i18n/format.ts';
import type { ImportKind } from '../domain/import/formats.ts';
import {
  validateImport,
  type ApplicationRow,
  type DecisionRow,
  type HouseholdRow,
  type ImportRows,
  type PaymentRow,
  type RowError,
} from '../domain/import/validate.ts';
import { householdMembersInMonth } from './applications.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type ImportOutcome =
  | { ok: true; kind: ImportKind; counts: Record<string, number>; summary: string }
  | { ok: false; errors: RowError[]; problem?: string };

export interface ImportRequest {
  municipalityId: string;
  kind: ImportKind;
  text: string;
  /** YYYY-MM-DD */
  today: string;
  now: Date;
  /** who imported decisions and payment runs are registered by; required for those kinds */
  userId: string | null;
  locale?: Locale;
  /** for the audit log: the file's SHA-256 */
  sha256?: string;
}

/** Validates the file for the municipality (synthetic numbers only in a demo) and imports it. */
export async function importFile(db: Database, request: ImportRequest): Promise<ImportOutcome> {
  const locale = request.locale ?? 'sv';
  const texts = catalogues[locale].control.importTexts;
  const municipality = await db
    .selectFrom('municipality')
    .select('is_demo')
    .where('id', '=', request.municipalityId)
    .executeTakeFirst();
  if (!municipality || request.municipalityId === '0000')
    return {
      ok: false,
      errors: [],
      problem: interpolate(texts.municipalityMissing, { municipality: request.municipalityId }),
    };
  if (request.kind === 'decisions' || request.kind === 'payments') {
    if (!request.userId) return { ok: false, errors: [], problem: texts.userRequired };
    const user = !UUID.test(request.userId)
      ? undefined
      : await db
          .selectFrom('app_user')
          .select('id')
          .where('municipality_id', '=', request.municipalityId)
          .where('id', '=', request.userId)
          .where('active', '=', true)
          .executeTakeFirst();
    if (!user)
      return {
        ok: false,
        errors: [],
        problem: interpolate(texts.userMissing, {
          user: request.userId,
          municipality: request.municipalityId,
        }),
      };
  }
  const validated = validateImport(request.kind, request.text, {
    today: request.today,
    allowSynthetic: municipality.is_demo,
    locale,
  });
  if (!validated.ok) return validated;
  try {
    const counts = await db.transaction().execute(async (trx) => {
      const written = await IMPORTERS[validated.data.kind](trx, {
        municipalityId: request.municipalityId,
        userId: request.userId,
        now: request.now,
        say: sayIn(locale),
        rows: validated.data.rows as never,
      });
      await appendAuditEvent(trx, {
        id: randomUUID(),
        occurredAt: request.now.toISOString(),
        municipalityId: request.municipalityId,
        actorUserId: request.userId,
        action: `import.${request.kind}`,
        outcome: 'allowed',
        personIds: [...written.personIds].sort(),
        caseIds: [...written.caseIds].sort(),
        purpose: null,
        criteria: {
          rows: String(validated.data.rows.length),
          ...(request.sha256 ? { sha256: request.sha256 } : {}),
        },
        request: {
          id: randomUUID(),
          method: 'CLI',
          route: `kedjan import ${request.kind}`,
          status: 0,
          ip: null,
        },
      });
      return written.counts;
    });
    return {
      ok: true,
      kind: request.kind,
      counts,
      summary: interpolate(texts.summary[request.kind], counts),
    };
  } catch (error) {
    if (error instanceof ImportRejected) return { ok: false, errors: error.errors };
    throw error;
  }
}

/** Thrown inside the transaction so that nothing of a rejected file is kept. */
class ImportRejected extends Error {
  constructor(readonly errors: RowError[]) {
    super('import rejected');
  }
}

type Reasons = (typeof catalogues)['sv']['control']['importReasons'];
type Say = (key: keyof Reasons, params?: Record<string, string | number>) => string;
const sayIn =
  (locale: Locale): Say =>
  (key, params) =>
    interpolate(catalogues[locale].control.importReasons[key], params);

interface ImportContext<Row> {
  municipalityId: string;
  userId: string | null;
  now: Date;
  say: Say;
  rows: Row[];
}

interface Written {
  counts: Record<string, number>;
  personIds: Set<string>;
  caseIds: Set<string>;
}

type Importer<Row> = (db: Database, context: ImportContext<Row>) => Promise<Written>;

const IMPORTERS: { [K in ImportRows['kind']]: Importer<Extract<ImportRows, { kind: K }>['rows'][number]> } = {
  households: importHouseholds,
  applications: importApplications,
  decisions: importDecisions,
  payments: importPayments,
};

/** Large files are inserted in slices, well below the protocol's limit of bind parameters. */
async function insertInSlices<T>(rows: T[], insert: (slice: T[]) => Promise<unknown>, size = 500) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

function rejectIfAny(errors: RowError[]): void {
  if (errors.length > 0) throw new ImportRejected(errors.sort((a, b) => a.line - b.line));
}

async function importHouseholds(db: Database, context: ImportContext<HouseholdRow>): Promise<Written> {
  const { municipalityId: m, rows, say } = context;
  const numbers = rows.map((r) => r.person.normalised);
  const existing = new Set(
    (
      await sql<{ personal_number: string }>`
        SELECT personal_number FROM person
        WHERE municipality_id = ${m} AND personal_number = ANY(${numbers}::text[])`.execute(db)
    ).rows.map((r) => r.personal_number),
  );
  const units = new Map(
    (
      await db
        .selectFrom('unit')
        .select(['id', 'name'])
        .where('municipality_id', '=', m)
        .where('kind', '=', 'assistance')
        .execute()
    ).map((u) => [u.name.toLowerCase(), u.id]),
  );
  const errors: RowError[] = [];
  for (const row of rows) {
    if (existing.has(row.person.normalised)) errors.push({ line: row.line, message: say('personExists') });
    if (!units.has(row.unit.toLowerCase()))
      errors.push({ line: row.line, message: say('unitMissing', { unit: row.unit }) });
  }
  rejectIfAny(errors);

  const households = new Map<string, { id: string; caseId: string; unitId: string; openedOn: string }>();
  for (const row of rows)
    if (!households.has(row.household))
      households.set(row.household, {
        id: randomUUID(),
        caseId: randomUUID(),
        unitId: units.get(row.unit.toLowerCase())!,
        openedOn: row.openedOn,
      });
  const persons = rows.map((row) => ({ row, id: randomUUID() }));
  await insertInSlices(persons, (slice) =>
    db
      .insertInto('person')
      .values(
        slice.map(({ row, id }) => ({
          municipality_id: m,
          id,
          personal_number: row.person.normalised,
          number_kind: row.person.kind,
          first_name: row.firstName,
          last_name: row.lastName,
          birth_date: row.person.birthDate,
          sex: row.person.sex,
          street_address: row.streetAddress,
          postal_code: row.postalCode,
          city: row.city,
          protected_identity: row.protectedIdentity,
        })),
      )
      .execute(),
  );
  const householdList = [...households.values()];
  await insertInSlices(householdList, (slice) =>
    db
      .insertInto('household')
      .values(slice.map((h) => ({ municipality_id: m, id: h.id })))
      .execute(),
  );
  await insertInSlices(persons, (slice) =>
    db
      .insertInto('household_member')
      .values(
        slice.map(({ row, id }) => ({
          municipality_id: m,
          household_id: households.get(row.household)!.id,
          person_id: id,
          role: row.role,
          valid_from: row.openedOn,
          valid_to: null,
        })),
      )
      .execute(),
  );
  await insertInSlices(householdList, (slice) =>
    db
      .insertInto('client_case')
      .values(
        slice.map((h) => ({
          municipality_id: m,
          id: h.caseId,
          household_id: h.id,
          unit_id: h.unitId,
          caseworker_id: null,
          kind: 'assistance' as const,
          opened_on: h.openedOn,
          closed_on: null,
        })),
      )
      .execute(),
  );
  return {
    counts: { households: households.size, persons: persons.length, cases: households.size },
    personIds: new Set(persons.map((p) => p.id)),
    caseIds: new Set(householdList.map((h) => h.caseId)),
  };
}

interface ApplicantCase {
  personId: string;
  caseId: string;
  householdId: string;
  openedOn: string;
  closedOn: string | null;
}

/**
 * The assistance case each row's person is the applicant of in the row's month (the latest opened,
 * if several); rows whose person or case is missing are reported.
 */
async function casesOfRows(
  db: Database,
  municipalityId: string,
  rows: { line: number; personalNumber: string; month: string }[],
  say: Say,
): Promise<{ errors: RowError[]; caseOf: Map<number, ApplicantCase> }> {
  const numbers = [...new Set(rows.map((r) => r.personalNumber))];
  const found = await sql<{
    personal_number: string;
    person_id: string;
    case_id: string | null;
    household_id: string | null;
    opened_on: string | null;
    closed_on: string | null;
  }>`
    SELECT p.personal_number, p.id AS person_id, c.id AS case_id, c.household_id, c.opened_on, c.closed_on
    FROM person p
    LEFT JOIN household_member hm
      ON hm.municipality_id = p.municipality_id AND hm.person_id = p.id AND hm.role = 'applicant'
    LEFT JOIN client_case c
      ON c.municipality_id = hm.municipality_id AND c.household_id = hm.household_id AND c.kind = 'assistance'
    WHERE p.municipality_id = ${municipalityId} AND p.personal_number = ANY(${numbers}::text[])
    ORDER BY c.opened_on DESC NULLS LAST`.execute(db);
  const byNumber = new Map<string, typeof found.rows>();
  for (const r of found.rows)
    byNumber.set(r.personal_number, [...(byNumber.get(r.personal_number) ?? []), r]);
  const errors: RowError[] = [];
  const caseOf = new Map<number, ApplicantCase>();
  for (const row of rows) {
    const candidates = byNumber.get(row.personalNumber);
    if (!candidates) {
      errors.push({ line: row.line, message: say('personMissing') });
      continue;
    }
    const monthEnd = lastDayOfMonth(row.month);
    const match = candidates.find(
      (c) => c.case_id && c.opened_on! <= monthEnd && (c.closed_on === null || c.closed_on >= row.month),
    );
    if (!match) errors.push({ line: row.line, message: say('noCase') });
    else
      caseOf.set(row.line, {
        personId: match.person_id,
        caseId: match.case_id!,
        householdId: match.household_id!,
        openedOn: match.opened_on!,
        closedOn: match.closed_on,
      });
  }
  return { errors, caseOf };
}

function lastDayOfMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
}

async function importApplications(db: Database, context: ImportContext<ApplicationRow>): Promise<Written> {
  const { municipalityId: m, rows, say } = context;
  const { errors, caseOf } = await casesOfRows(db, m, rows, say);
  const caseIds = [...new Set([...caseOf.values()].map((c) => c.caseId))];
  const earlier = await sql<{ case_id: string; month: string; status: string }>`
    SELECT case_id, month, status FROM application
    WHERE municipality_id = ${m} AND case_id = ANY(${caseIds}::uuid[])`.execute(db);
  const membersOf = new Map<number, Awaited<ReturnType<typeof householdMembersInMonth>>>();
  for (const row of rows) {
    const found = caseOf.get(row.line);
    if (!found) continue;
    if (
      earlier.rows.some(
        (a) => a.case_id === found.caseId && a.month === row.month && a.status !== 'withdrawn',
      )
    )
      errors.push({ line: row.line, message: say('applicationExists', { month: row.month.slice(0, 7) }) });
    const members = await householdMembersInMonth(db, m, found.householdId, row.month);
    if (!members.some((x) => x.personId === found.personId && x.role === 'applicant'))
      errors.push({ line: row.line, message: say('notInHousehold', { month: row.month.slice(0, 7) }) });
    membersOf.set(row.line, members);
  }
  rejectIfAny(errors);

  const written: Written = {
    counts: { applications: rows.length },
    personIds: new Set(),
    caseIds: new Set(),
  };
  const months = new Map<string, string[]>();
  for (const a of earlier.rows) months.set(a.case_id, [...(months.get(a.case_id) ?? []), a.month]);
  for (const row of [...rows].sort((a, b) => a.month.localeCompare(b.month))) {
    const found = caseOf.get(row.line)!;
    const seen = months.get(found.caseId) ?? [];
    months.set(found.caseId, [...seen, row.month]);
    const id = randomUUID();
    await db
      .insertInto('application')
      .values({
        municipality_id: m,
        id,
        case_id: found.caseId,
        month: row.month,
        kind: seen.some((month) => month < row.month) ? 'recurring' : 'first',
        channel: row.channel,
        received_on: row.receivedOn,
        complete_on: row.completeOn,
        housing_address: row.address,
        housing_apartment: row.apartment,
        housing_contract: row.contract,
        created_by: context.userId,
      })
      .execute();
    const members = membersOf.get(row.line)!;
    await db
      .insertInto('application_member')
      .values(
        members.map((x) => ({ municipality_id: m, application_id: id, person_id: x.personId, role: x.role })),
      )
      .execute();
    const items = [
      { kind: 'cost' as const, item_type: 'rent', amount: row.rentOre },
      { kind: 'cost' as const, item_type: 'other', amount: row.otherCostsOre },
      { kind: 'income' as const, item_type: 'other', amount: row.incomesOre },
    ].filter((item) => item.amount !== null && item.amount > 0);
    if (items.length > 0)
      await db
        .insertInto('application_item')
        .values(
          items.map((item, i) => ({
            municipality_id: m,
            application_id: id,
            line_no: i + 1,
            kind: item.kind,
            item_type: item.item_type,
            amount_ore: item.amount!,
          })),
        )
        .execute();
    written.caseIds.add(found.caseId);
    for (const x of members) written.personIds.add(x.personId);
  }
  return written;
}

async function importDecisions(db: Database, context: ImportContext<DecisionRow>): Promise<Written> {
  const { municipalityId: m, rows, say } = context;
  const { errors, caseOf } = await casesOfRows(db, m, rows, say);
  const caseIds = [...new Set([...caseOf.values()].map((c) => c.caseId))];
  const open = await sql<{ id: string; case_id: string; month: string }>`
    SELECT id, case_id, month FROM application
    WHERE municipality_id = ${m} AND case_id = ANY(${caseIds}::uuid[]) AND status = 'received'`.execute(db);
  const applicationOf = new Map<number, string>();
  for (const row of rows) {
    const found = caseOf.get(row.line);
    if (!found) continue;
    const application = open.rows.find((a) => a.case_id === found.caseId && a.month === row.month);
    if (!application)
      errors.push({ line: row.line, message: say('applicationMissing', { month: row.month.slice(0, 7) }) });
    else applicationOf.set(row.line, application.id);
  }
  rejectIfAny(errors);

  const written: Written = { counts: { decisions: rows.length }, personIds: new Set(), caseIds: new Set() };
  await insertInSlices(rows, async (slice) => {
    await db
      .insertInto('decision')
      .values(
        slice.map((row) => {
          const found = caseOf.get(row.line)!;
          written.caseIds.add(found.caseId);
          written.personIds.add(found.personId);
          return {
            municipality_id: m,
            id: randomUUID(),
            case_id: found.caseId,
            application_id: applicationOf.get(row.line)!,
            month: row.month,
            // Signed as it stands in the earlier system, which holds the norm calculation.
            status: 'signed' as const,
            decided_on: row.decidedOn,
            decided_by: context.userId!,
            signed_at: new Date(`${row.decidedOn}T12:00:00Z`),
            norm: JSON.stringify({ imported: true }),
            granted_ore: row.grantedOre,
            reasons: row.reasons,
            payee_person_id: found.personId,
            pay_on: row.payOn,
          };
        }),
      )
      .execute();
  });
  await sql`
    UPDATE application SET status = 'decided'
    WHERE municipality_id = ${m} AND id = ANY(${[...applicationOf.values()]}::uuid[])`.execute(db);
  return written;
}

async function importPayments(db: Database, context: ImportContext<PaymentRow>): Promise<Written> {
  const { municipalityId: m, rows, say } = context;
  const { errors, caseOf } = await casesOfRows(db, m, rows, say);
  const caseIds = [...new Set([...caseOf.values()].map((c) => c.caseId))];
  const decisions = await sql<{
    id: string;
    case_id: string;
    month: string;
    granted_ore: number;
    payee_person_id: string;
    paid: boolean;
  }>`
    SELECT d.id, d.case_id, d.month, d.granted_ore, d.payee_person_id,
           EXISTS (SELECT 1 FROM payment p WHERE p.municipality_id = d.municipality_id AND p.decision_id = d.id) AS paid
    FROM decision d
    WHERE d.municipality_id = ${m} AND d.case_id = ANY(${caseIds}::uuid[]) AND d.status = 'signed'
      AND NOT EXISTS (SELECT 1 FROM decision later
                      WHERE later.municipality_id = d.municipality_id AND later.supersedes_id = d.id
                        AND later.status = 'signed')`.execute(db);
  const months = [...new Set(rows.map((r) => r.month))];
  const runs = await sql<{ id: string; month: string; status: string }>`
    SELECT id, month, status FROM payment_run
    WHERE municipality_id = ${m} AND month = ANY(${months}::date[]) AND status <> 'cancelled'`.execute(db);
  const decisionOf = new Map<number, (typeof decisions.rows)[number]>();
  for (const row of rows) {
    const month = row.month.slice(0, 7);
    if (runs.rows.some((r) => r.month === row.month && r.status !== 'approved'))
      errors.push({ line: row.line, message: say('runNotApproved', { month }) });
    const found = caseOf.get(row.line);
    if (!found) continue;
    const decision = decisions.rows.find((d) => d.case_id === found.caseId && d.month === row.month);
    if (!decision) errors.push({ line: row.line, message: say('decisionMissing', { month }) });
    else if (decision.paid) errors.push({ line: row.line, message: say('paymentExists', { month }) });
    else if (row.amountOre > decision.granted_ore)
      errors.push({
        line: row.line,
        message: say('amountAboveDecision', { granted: formatKronor(decision.granted_ore / 100) }),
      });
    else decisionOf.set(row.line, decision);
  }
  rejectIfAny(errors);

  const runOf = new Map(runs.rows.map((r) => [r.month, r.id]));
  for (const month of months) {
    if (runOf.has(month)) continue;
    const id = randomUUID();
    const payOn = rows
      .filter((r) => r.month === month)
      .reduce((min, r) => (r.payOn < min ? r.payOn : min), '9999-12-31');
    await db
      .insertInto('payment_run')
      .values({
        municipality_id: m,
        id,
        month,
        pay_on: payOn,
        // Paid by the earlier system: there is no bank file of Kedjan's to approve.
        status: 'approved',
        prepared_by: context.userId!,
        approved_at: context.now,
        message_id: `IMPORT-${month.slice(0, 7)}-${id.slice(0, 8)}`,
      })
      .execute();
    runOf.set(month, id);
  }
  const written: Written = {
    counts: { payments: rows.length, runs: months.length },
    personIds: new Set(),
    caseIds: new Set(),
  };
  await insertInSlices(rows, (slice) =>
    db
      .insertInto('payment')
      .values(
        slice.map((row) => {
          const decision = decisionOf.get(row.line)!;
          written.caseIds.add(decision.case_id);
          written.personIds.add(decision.payee_person_id);
          return {
            municipality_id: m,
            id: randomUUID(),
            run_id: runOf.get(row.month)!,
            decision_id: decision.id,
            case_id: decision.case_id,
            person_id: decision.payee_person_id,
            amount_ore: row.amountOre,
            clearing_number: row.clearingNumber,
            account_number: row.accountNumber,
            end_to_end_id: `KJ${decision.id.replace(/-/g, '')}`,
            status: 'sent' as const,
          };
        }),
      )
      .execute(),
  );
  return written;
}
