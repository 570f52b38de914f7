/** Applications: registering one for a household and a month, and reading it back for the norm. */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../../db/connection.ts';
import { AppError } from '../../shared/errors.ts';
import { DEFAULT_INTAKE_SETTINGS } from '../domain/intake/intake-plan.ts';
import type { NormHousehold, NormMember } from '../domain/norm/calculate-norm.ts';
import type { CostType, IncomeType, MemberRole } from '../domain/norm/items.ts';
import type { ApplicationMemberRole } from './tables.ts';
import type { CaseRef } from './case-scope.ts';
import { startIntake } from './intake.ts';

export interface NewApplication {
  municipalityId: string;
  caseRef: CaseRef;
  month: string; // YYYY-MM-01
  channel: 'paper' | 'e_application';
  receivedOn: string;
  completeOn: string | null;
  selfAssessedUnemployed: boolean;
  housing: { address?: string | undefined; apartment?: string | undefined; contract?: string | undefined };
  members: { personId: string; lunchAway?: boolean | undefined; included?: boolean | undefined }[];
  costs: { type: CostType; amountOre: number; description?: string | undefined }[];
  incomes: {
    type: IncomeType;
    amountOre: number;
    jobStimulus?: boolean | undefined;
    description?: string | undefined;
  }[];
  createdBy: string | null;
  reactualisationMonths: number;
  followUpMonths?: number | undefined;
}

const HOUSEHOLD_TO_APPLICATION_ROLE: Record<string, ApplicationMemberRole> = {
  applicant: 'applicant',
  co_applicant: 'partner',
  child: 'child',
  other_adult: 'other_adult',
};

/** The household's members in the month (from the household register), with their role. */
export async function householdMembersInMonth(
  db: Database,
  municipalityId: string,
  householdId: string,
  month: string,
): Promise<{ personId: string; role: ApplicationMemberRole; birthDate: string }[]> {
  const rows = await sql<{ person_id: string; role: string; birth_date: string }>`
    SELECT DISTINCT ON (hm.person_id) hm.person_id, hm.role, p.birth_date
    FROM household_member hm
    JOIN person p ON p.municipality_id = hm.municipality_id AND p.id = hm.person_id
    WHERE hm.municipality_id = ${municipalityId} AND hm.household_id = ${householdId}
      AND hm.valid_from < (${month}::date + interval '1 month')
      AND (hm.valid_to IS NULL OR hm.valid_to > ${month}::date)
    ORDER BY hm.person_id, hm.valid_from DESC`.execute(db);
  return rows.rows.map((r) => ({
    personId: r.person_id,
    role: HOUSEHOLD_TO_APPLICATION_ROLE[r.role]!,
    birthDate: r.birth_date,
  }));
}

/** Must run in a transaction. */
export async function createApplication(db: Database, input: NewApplication): Promise<string> {
  const members = await householdMembersInMonth(
    db,
    input.municipalityId,
    input.caseRef.householdId,
    input.month,
  );
  if (!members.some((m) => m.role === 'applicant')) throw new AppError('CONFLICT');
  const choices = new Map(input.members.map((m) => [m.personId, m]));
  for (const personId of choices.keys())
    if (!members.some((m) => m.personId === personId)) throw new AppError('NOT_FOUND');

  const earlier = await db
    .selectFrom('application')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('municipality_id', '=', input.municipalityId)
    .where('case_id', '=', input.caseRef.id)
    .executeTakeFirstOrThrow();
  const reactualised = Number(earlier.n) === 0 && (await closedRecently(db, input));

  const id = randomUUID();
  await db
    .insertInto('application')
    .values({
      municipality_id: input.municipalityId,
      id,
      case_id: input.caseRef.id,
      month: input.month,
      kind: Number(earlier.n) === 0 ? 'first' : 'recurring',
      channel: input.channel,
      received_on: input.receivedOn,
      complete_on: input.completeOn,
      self_assessed_unemployed: input.selfAssessedUnemployed,
      reactualised,
      housing_address: input.housing.address?.trim() || null,
      housing_apartment: input.housing.apartment?.trim() || null,
      housing_contract: input.housing.contract?.trim() || null,
      created_by: input.createdBy,
    })
    .execute();
  if (Number(earlier.n) === 0)
    await startIntake(
      db,
      {
        municipalityId: input.municipalityId,
        caseId: input.caseRef.id,
        ownerId: input.caseRef.caseworkerId,
        receivedOn: input.receivedOn,
      },
      { followUpMonths: input.followUpMonths ?? DEFAULT_INTAKE_SETTINGS.followUpMonths },
    );
  await db
    .insertInto('application_member')
    .values(
      members.map((m) => ({
        municipality_id: input.municipalityId,
        application_id: id,
        person_id: m.personId,
        role: m.role,
        lunch_away: choices.get(m.personId)?.lunchAway ?? false,
        included:
          m.role === 'applicant' || m.role === 'partner' ? true : (choices.get(m.personId)?.included ?? true),
      })),
    )
    .execute();
  const items = [
    ...input.costs.map((c) => ({
      kind: 'cost' as const,
      item_type: c.type,
      amount_ore: c.amountOre,
      job_stimulus: false,
      description: c.description ?? null,
    })),
    ...input.incomes.map((i) => ({
      kind: 'income' as const,
      item_type: i.type,
      amount_ore: i.amountOre,
      job_stimulus: i.jobStimulus ?? false,
      description: i.description ?? null,
    })),
  ];
  if (items.length > 0)
    await db
      .insertInto('application_item')
      .values(
        items.map((item, index) => ({
          municipality_id: input.municipalityId,
          application_id: id,
          line_no: index + 1,
          ...item,
        })),
      )
      .execute();
  return id;
}

/** A new application within the re-actualisation period after an exit of the same household. */
async function closedRecently(db: Database, input: NewApplication): Promise<boolean> {
  const row = await sql<{ found: boolean }>`
    SELECT EXISTS (
      SELECT 1 FROM client_case c
      WHERE c.municipality_id = ${input.municipalityId} AND c.household_id = ${input.caseRef.householdId}
        AND c.kind = 'assistance' AND c.id <> ${input.caseRef.id} AND c.closed_on IS NOT NULL
        AND c.closed_on >= ${input.receivedOn}::date - make_interval(months => ${input.reactualisationMonths})
    ) AS found`.execute(db);
  return row.rows[0]?.found ?? false;
}

export interface ApplicationForNorm {
  id: string;
  caseId: string;
  month: string;
  status: 'received' | 'decided' | 'withdrawn';
  household: NormHousehold;
  members: { personId: string; role: MemberRole; age: number }[];
}

const ROLE_FOR_NORM: Record<ApplicationMemberRole, MemberRole> = {
  applicant: 'applicant',
  partner: 'partner',
  child: 'child',
  other_adult: 'otherAdult',
};

/** Age in whole years on a date (both YYYY-MM-DD). */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export async function loadApplicationForNorm(
  db: Database,
  municipalityId: string,
  applicationId: string,
): Promise<ApplicationForNorm | undefined> {
  const application = await db
    .selectFrom('application')
    .select(['id', 'case_id', 'month', 'status'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', applicationId)
    .executeTakeFirst();
  if (!application) return undefined;
  const members = await db
    .selectFrom('application_member as am')
    .innerJoin('person as p', (j) =>
      j.onRef('p.municipality_id', '=', 'am.municipality_id').onRef('p.id', '=', 'am.person_id'),
    )
    .select(['am.person_id', 'am.role', 'am.lunch_away', 'am.included', 'p.birth_date'])
    .where('am.municipality_id', '=', municipalityId)
    .where('am.application_id', '=', applicationId)
    .orderBy(sql`array_position(array['applicant','partner','child','other_adult']::text[], am.role)`)
    .orderBy('p.birth_date')
    .execute();
  const items = await db
    .selectFrom('application_item')
    .select(['kind', 'item_type', 'amount_ore', 'job_stimulus'])
    .where('municipality_id', '=', municipalityId)
    .where('application_id', '=', applicationId)
    .orderBy('line_no')
    .execute();
  const normMembers: NormMember[] = members.map((m) => ({
    role: ROLE_FOR_NORM[m.role],
    age: ageOn(m.birth_date, application.month),
    ...(m.lunch_away ? { lunchAway: true } : {}),
    ...(m.included ? {} : { included: false }),
  }));
  return {
    id: application.id,
    caseId: application.case_id,
    month: application.month,
    status: application.status,
    members: members.map((m, i) => ({
      personId: m.person_id,
      role: ROLE_FOR_NORM[m.role],
      age: normMembers[i]!.age,
    })),
    household: {
      members: normMembers,
      costs: items
        .filter((i) => i.kind === 'cost')
        .map((i) => ({ type: i.item_type as CostType, amount: i.amount_ore })),
      incomes: items
        .filter((i) => i.kind === 'income')
        .map((i) => ({
          type: i.item_type as IncomeType,
          amount: i.amount_ore,
          ...(i.job_stimulus ? { jobStimulus: true } : {}),
        })),
    },
  };
}
