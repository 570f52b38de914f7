/**
 * Opening a referral (anvisning): the person's household gets (or keeps) an open case of kind
 * 'labour' in the labour-market unit, the referral is written and the person is booked to the
 * unit's next introduction day with a free seat. Must run in a transaction.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Principal } from '../../access/domain/principal.ts';
import type { Database } from '../../db/connection.ts';
import { AppError } from '../../shared/errors.ts';
import { nextIntroDay } from '../domain/intro-day.ts';
import type { ReferralInitiator } from '../domain/terms.ts';
import { loadLabourSettings } from './settings.ts';

/** The municipality's labour-market unit (the first of kind 'labour'), or null if it has none. */
export async function municipalityLabourUnit(db: Database, municipalityId: string): Promise<string | null> {
  const row = await db
    .selectFrom('unit')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('kind', '=', 'labour')
    .orderBy('created_at')
    .orderBy('name')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** The labour unit where the user works as consultant or manager; 403 if none. */
export async function consultantLabourUnit(db: Database, principal: Principal): Promise<string> {
  const unitIds = principal.roles
    .filter((grant) => grant.role === 'labour_consultant' || grant.role === 'unit_manager')
    .map((grant) => grant.unitId);
  if (unitIds.length === 0) throw new AppError('FORBIDDEN');
  const row = await db
    .selectFrom('unit')
    .select('id')
    .where('municipality_id', '=', principal.municipalityId)
    .where('kind', '=', 'labour')
    .where('id', 'in', unitIds)
    .orderBy('name')
    .executeTakeFirst();
  if (!row) throw new AppError('FORBIDDEN');
  return row.id;
}

/** The household the person belongs to on the day (the latest membership), or null. */
export async function currentHousehold(
  db: Database,
  municipalityId: string,
  personId: string,
  day: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('household_member')
    .select('household_id')
    .where('municipality_id', '=', municipalityId)
    .where('person_id', '=', personId)
    .where('valid_from', '<=', day)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', day)]))
    .orderBy('valid_from', 'desc')
    .executeTakeFirst();
  return row?.household_id ?? null;
}

/** A household of one, for a person referred who belongs to none. */
async function createSingleHousehold(
  db: Database,
  municipalityId: string,
  personId: string,
  day: string,
): Promise<string> {
  const householdId = randomUUID();
  await db.insertInto('household').values({ municipality_id: municipalityId, id: householdId }).execute();
  await db
    .insertInto('household_member')
    .values({
      municipality_id: municipalityId,
      household_id: householdId,
      person_id: personId,
      role: 'applicant',
      valid_from: day,
      valid_to: null,
    })
    .execute();
  return householdId;
}

/** The household's open labour case in the unit, opened now if there is none. */
async function labourCaseFor(
  db: Database,
  input: {
    municipalityId: string;
    householdId: string;
    unitId: string;
    consultantId: string | null;
    day: string;
  },
): Promise<string> {
  const open = await db
    .selectFrom('client_case')
    .select('id')
    .where('municipality_id', '=', input.municipalityId)
    .where('household_id', '=', input.householdId)
    .where('unit_id', '=', input.unitId)
    .where('kind', '=', 'labour')
    .where('closed_on', 'is', null)
    .orderBy('opened_on', 'desc')
    .executeTakeFirst();
  if (open) return open.id;
  const id = randomUUID();
  await db
    .insertInto('client_case')
    .values({
      municipality_id: input.municipalityId,
      id,
      household_id: input.householdId,
      unit_id: input.unitId,
      caseworker_id: input.consultantId,
      kind: 'labour',
      opened_on: input.day,
      closed_on: null,
    })
    .execute();
  return id;
}

/** Whether the person has an open referral. */
export async function hasOpenReferral(
  db: Database,
  municipalityId: string,
  personId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('referral')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('person_id', '=', personId)
    .where('exit_on', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** The unit's next introduction day after `today` with a free seat (null if a year is full). */
export async function bookableIntroDay(
  db: Database,
  municipalityId: string,
  today: string,
): Promise<string | null> {
  const settings = await loadLabourSettings(db, municipalityId);
  // One booking at a time per municipality, so that two referrals cannot take the last seat.
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`intro-day:${municipalityId}`}))`.execute(db);
  const rows = await db
    .selectFrom('referral')
    .select(['intro_day'])
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('municipality_id', '=', municipalityId)
    .where('intro_day', '>', today)
    .where('exit_on', 'is', null)
    .groupBy('intro_day')
    .execute();
  const booked = new Map(rows.flatMap((r) => (r.intro_day ? [[r.intro_day, Number(r.n)] as const] : [])));
  return nextIntroDay({ today, weekday: settings.introWeekday, capacity: settings.introCapacity, booked });
}

export interface OpenReferralInput {
  municipalityId: string;
  personId: string;
  unitId: string;
  initiator: ReferralInitiator;
  ownerName: string;
  ownerUserId: string | null;
  assistanceCaseId: string | null;
  applicationId: string | null;
  referredOn: string;
  reason: string | null;
  /** The labour case's consultant when a consultant registers the referral. */
  consultantId: string | null;
  createdBy: string | null;
  /** Today: the introduction day is booked after it. */
  today: string;
}

export interface OpenedReferral {
  id: string;
  caseId: string;
  householdId: string;
  introDay: string | null;
}

/** Writes the referral; REFERRAL_OPEN_EXISTS if the person already has an open one. */
export async function openReferral(db: Database, input: OpenReferralInput): Promise<OpenedReferral> {
  if (await hasOpenReferral(db, input.municipalityId, input.personId))
    throw new AppError('REFERRAL_OPEN_EXISTS');
  const day = input.referredOn > input.today ? input.referredOn : input.today;
  const householdId =
    (await currentHousehold(db, input.municipalityId, input.personId, day)) ??
    (await createSingleHousehold(db, input.municipalityId, input.personId, day));
  const caseId = await labourCaseFor(db, {
    municipalityId: input.municipalityId,
    householdId,
    unitId: input.unitId,
    consultantId: input.consultantId,
    day: input.referredOn < input.today ? input.referredOn : input.today,
  });
  const introDay = await bookableIntroDay(db, input.municipalityId, day);
  const id = randomUUID();
  await db
    .insertInto('referral')
    .values({
      municipality_id: input.municipalityId,
      id,
      person_id: input.personId,
      case_id: caseId,
      initiator: input.initiator,
      owner_name: input.ownerName,
      owner_user_id: input.ownerUserId,
      assistance_case_id: input.assistanceCaseId,
      application_id: input.applicationId,
      referred_on: input.referredOn,
      reason: input.reason,
      intro_day: introDay,
      created_by: input.createdBy,
    })
    .execute();
  return { id, caseId, householdId, introDay };
}
