/**
 * Registration with Arbetsförmedlingen, and the flag on a person coded unemployed (reason code of
 * the group 'unemployment' for the month) who is not registered on the day.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Database } from '../../db/connection.ts';
import { unemploymentCodes } from '../domain/registration-flag.ts';

/** SQL: the person in `alias.personColumn` has a registration standing on the day. */
export function registeredSql(alias: string, day: string, personColumn = 'person_id'): RawBuilder<boolean> {
  const t = sql.raw(alias);
  const person = sql.raw(`${alias}.${personColumn}`);
  return sql<boolean>`EXISTS (
    SELECT 1 FROM employment_service_registration esr
    WHERE esr.municipality_id = ${t}.municipality_id AND esr.person_id = ${person}
      AND esr.registered_on <= ${day}::date AND (esr.ended_on IS NULL OR esr.ended_on >= ${day}::date))`;
}

/** SQL: the person is coded unemployed for the day's month (in any assistance case). */
export function codedUnemployedSql(
  alias: string,
  day: string,
  personColumn = 'person_id',
): RawBuilder<boolean> {
  const t = sql.raw(alias);
  const person = sql.raw(`${alias}.${personColumn}`);
  const codes = unemploymentCodes(day.slice(0, 7));
  if (codes.length === 0) return sql<boolean>`false`;
  return sql<boolean>`EXISTS (
    SELECT 1 FROM reason_code rc
    WHERE rc.municipality_id = ${t}.municipality_id AND rc.person_id = ${person}
      AND rc.month = ${`${day.slice(0, 7)}-01`}::date AND rc.code IN (${sql.join(codes)}))`;
}

/** SQL: flagged — coded unemployed this month and not registered on the day. */
export function flaggedSql(alias: string, day: string, personColumn = 'person_id'): RawBuilder<boolean> {
  return sql<boolean>`(${codedUnemployedSql(alias, day, personColumn)} AND NOT ${registeredSql(alias, day, personColumn)})`;
}

export interface RegistrationState {
  /** The registration standing on the day, else the latest one. */
  registration: { registeredOn: string; endedOn: string | null } | null;
  registered: boolean;
  codedUnemployed: boolean;
  flagged: boolean;
}

/** The registration state of persons on a day. */
export async function registrationStates(
  db: Database,
  municipalityId: string,
  personIds: readonly string[],
  day: string,
): Promise<Map<string, RegistrationState>> {
  const states = new Map<string, RegistrationState>();
  if (personIds.length === 0) return states;
  const rows = await db
    .selectFrom('person as p')
    .select(['p.id'])
    .select(registeredSql('p', day, 'id').as('registered'))
    .select(codedUnemployedSql('p', day, 'id').as('coded_unemployed'))
    .where('p.municipality_id', '=', municipalityId)
    .where('p.id', 'in', [...new Set(personIds)])
    .execute();
  const registrations = await db
    .selectFrom('employment_service_registration')
    .select(['person_id', 'registered_on', 'ended_on'])
    .where('municipality_id', '=', municipalityId)
    .where('person_id', 'in', [...new Set(personIds)])
    .orderBy('registered_on', 'desc')
    .execute();
  for (const row of rows) {
    const own = registrations.filter((r) => r.person_id === row.id);
    const standing =
      own.find((r) => r.registered_on <= day && (r.ended_on === null || r.ended_on >= day)) ?? own[0];
    states.set(row.id, {
      registration: standing ? { registeredOn: standing.registered_on, endedOn: standing.ended_on } : null,
      registered: Boolean(row.registered),
      codedUnemployed: Boolean(row.coded_unemployed),
      flagged: Boolean(row.coded_unemployed) && !row.registered,
    });
  }
  return states;
}

/** Records (or corrects the end of) a registration beginning on the day. */
export async function recordRegistration(
  db: Database,
  input: {
    municipalityId: string;
    personId: string;
    registeredOn: string;
    endedOn: string | null;
    recordedBy: string;
    now: Date;
  },
): Promise<void> {
  await db
    .insertInto('employment_service_registration')
    .values({
      municipality_id: input.municipalityId,
      person_id: input.personId,
      registered_on: input.registeredOn,
      ended_on: input.endedOn,
      recorded_by: input.recordedBy,
      recorded_at: input.now,
    })
    .onConflict((oc) =>
      oc.columns(['municipality_id', 'person_id', 'registered_on']).doUpdateSet({
        ended_on: input.endedOn,
        recorded_by: input.recordedBy,
        recorded_at: input.now,
      }),
    )
    .execute();
}
