/**
 * Direct activation: an application whose applicant says they are unemployed refers the applicant
 * to the labour-market unit and books the next introduction day, in the same transaction as the
 * application. Social services initiated it; the case's caseworker owns the process.
 */
import type { Database } from '../../db/connection.ts';
import { triggersReferral } from '../domain/direct-activation.ts';
import {
  hasOpenReferral,
  municipalityLabourUnit,
  openReferral,
  type OpenedReferral,
} from './referral-commands.ts';

export interface DirectActivationInput {
  municipalityId: string;
  applicationId: string;
  /** Today (YYYY-MM-DD): the referral date, and the introduction day is booked after it. */
  today: string;
  /** The user registering the application (null for an e-application). */
  createdBy: string | null;
}

/** Refers the application's applicant if the rule says so; returns the referral or null. */
export async function activateDirectly(
  db: Database,
  input: DirectActivationInput,
): Promise<(OpenedReferral & { personId: string }) | null> {
  const application = await db
    .selectFrom('application as a')
    .innerJoin('client_case as c', (j) =>
      j.onRef('c.municipality_id', '=', 'a.municipality_id').onRef('c.id', '=', 'a.case_id'),
    )
    .leftJoin('application_member as m', (j) =>
      j
        .onRef('m.municipality_id', '=', 'a.municipality_id')
        .onRef('m.application_id', '=', 'a.id')
        .on('m.role', '=', 'applicant'),
    )
    .leftJoin('app_user as u', (j) =>
      j.onRef('u.municipality_id', '=', 'c.municipality_id').onRef('u.id', '=', 'c.caseworker_id'),
    )
    .innerJoin('unit as cu', (j) =>
      j.onRef('cu.municipality_id', '=', 'c.municipality_id').onRef('cu.id', '=', 'c.unit_id'),
    )
    .select([
      'a.self_assessed_unemployed',
      'a.case_id',
      'm.person_id',
      'c.caseworker_id',
      'u.display_name as caseworker_name',
      'cu.name as unit_name',
    ])
    .where('a.municipality_id', '=', input.municipalityId)
    .where('a.id', '=', input.applicationId)
    .executeTakeFirst();
  if (!application?.self_assessed_unemployed) return null;
  const personId = application.person_id;
  const unitId = await municipalityLabourUnit(db, input.municipalityId);
  const facts = {
    selfAssessedUnemployed: application.self_assessed_unemployed,
    applicantExists: personId !== null,
    hasOpenReferral: personId !== null && (await hasOpenReferral(db, input.municipalityId, personId)),
    hasLabourUnit: unitId !== null,
  };
  if (!triggersReferral(facts) || !personId || !unitId) return null;
  const referral = await openReferral(db, {
    municipalityId: input.municipalityId,
    personId,
    unitId,
    initiator: 'social_services',
    ownerName: application.caseworker_name ?? application.unit_name,
    ownerUserId: application.caseworker_id,
    assistanceCaseId: application.case_id,
    applicationId: input.applicationId,
    referredOn: input.today,
    reason: null,
    consultantId: null,
    createdBy: input.createdBy,
    today: input.today,
  });
  return { ...referral, personId };
}
